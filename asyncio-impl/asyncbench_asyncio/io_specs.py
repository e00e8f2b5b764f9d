"""The inputs of scenarios 3 to 6, many IO calls under a limit (core's spec records; see ``specs``).

``orders`` is an ``OrdersRepository`` (its ``customers`` and pool size P); only None is refused.
"""

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from . import check
from .dist import FIXED, Dist


@dataclass(frozen=True)
class FanOutSpec:
    """Scenario 3: K ``/bytes`` requests (request i with seed i), each held L (or ``dist``'s draw), B bytes; C in flight."""
    http: object
    requests: int
    latency: timedelta
    body_bytes: int
    max_in_flight: int
    dist: Dist = FIXED
    MAX_REQUESTS = 1_000_000
    MAX_BODY = 16 * 1024 * 1024
    MAX_IN_FLIGHT = 100_000

    def __post_init__(self):
        check.not_none(self.http, "http")
        check.instance(self.dist, Dist, "dist")
        FanOutSpec.check(self.requests, self.latency, self.body_bytes, self.max_in_flight)

    @staticmethod
    def check(requests: int, latency: timedelta, body_bytes: int, max_in_flight: int) -> None:
        check.in_range(requests, "K (requests)", 1, FanOutSpec.MAX_REQUESTS)
        check.delay(latency, "L (latency)")
        check.in_range(body_bytes, "B (body bytes)", 0, FanOutSpec.MAX_BODY)
        check.in_range(max_in_flight, "C (max in flight)", 1, FanOutSpec.MAX_IN_FLIGHT)


@dataclass(frozen=True)
class FilesSpec:
    """Scenario 4: for each file of ``input_dir``, read, digest (SHA-256), durably write ``<file>.sha256``; C at once."""
    input_dir: Path
    files: tuple[str, ...]
    output_dir: Path
    max_concurrency: int
    MAX_CONCURRENCY = 100_000

    def __post_init__(self):
        check.instance(self.input_dir, Path, "inputDir")
        if not self.input_dir.is_dir():
            raise ValueError(f"inputDir must be an existing folder, was {self.input_dir}")
        object.__setattr__(self, "files", check.not_empty(self.files, "files"))
        check.instance(self.output_dir, Path, "outputDir")
        if self.output_dir.exists() and not self.output_dir.is_dir():
            raise ValueError(f"outputDir must be a folder, was {self.output_dir}")
        FilesSpec.check_concurrency(self.max_concurrency)

    @staticmethod
    def check_concurrency(max_concurrency: int) -> None:
        check.in_range(max_concurrency, "C (max concurrency)", 1, FilesSpec.MAX_CONCURRENCY)

    def input(self, file: str) -> Path:
        return self.input_dir / file

    def output(self, file: str) -> Path:
        return self.output_dir / (file.replace("/", "_") + ".sha256")


@dataclass(frozen=True)
class DbSpec:
    """Scenario 5: Q queries through the repository's pool of P; query i waits L, then reads customer ``customer_for(i)``."""
    orders: object
    queries: int
    latency: timedelta
    MAX_QUERIES = 1_000_000

    def __post_init__(self):
        check.not_none(self.orders, "orders")
        DbSpec.check(self.queries, self.latency)

    @staticmethod
    def check(queries: int, latency: timedelta) -> None:
        check.in_range(queries, "Q (queries)", 1, DbSpec.MAX_QUERIES)
        check.delay(latency, "L (latency)")

    def customer_for(self, query: int) -> int:
        return query % self.orders.customers + 1


@dataclass(frozen=True)
class AggregateSpec:
    """Scenario 6: per id 1..N, profile and orders at once (each waits L), combined, stored; C ids in flight."""
    http: object
    orders: object
    ids: int
    latency: timedelta
    max_in_flight: int
    dist: Dist = FIXED
    MAX_IDS = 1_000_000

    def __post_init__(self):
        check.not_none(self.http, "http")
        check.not_none(self.orders, "orders")
        check.instance(self.dist, Dist, "dist")
        AggregateSpec.check(self.ids, self.latency, self.max_in_flight)

    @staticmethod
    def check(ids: int, latency: timedelta, max_in_flight: int) -> None:
        check.in_range(ids, "N (ids)", 1, AggregateSpec.MAX_IDS)
        check.delay(latency, "L (latency)")
        check.in_range(max_in_flight, "C (max in flight)", 1, FanOutSpec.MAX_IN_FLIGHT)

    def with_latency(self, latency: timedelta) -> "AggregateSpec":
        """The same work with another latency: the reference's input, whose answers do not depend on it."""
        return AggregateSpec(self.http, self.orders, self.ids, latency, self.max_in_flight, self.dist)
