"""The scenarios' answers: core's result records as frozen dataclasses.

Equality is the answer's, as in the Java: ``LoadResult`` compares only how many arrived, how
many were answered and the checksum, not its measured times.
"""

from dataclasses import dataclass, field

from . import checksums
from .faults import Fault
from .latencies import Latencies


@dataclass(frozen=True)
class Outcome:
    """One task's outcome in collect-all mode: its value, or its error's message."""
    task: str
    value: str | None
    error: str | None

    def __post_init__(self):
        if (self.value is None) == (self.error is None):
            raise ValueError("exactly one of value and error must be set")

    @staticmethod
    def success(task: str, value: str) -> "Outcome":
        return Outcome(task, value, None)

    @staticmethod
    def failure(task: str, error: BaseException) -> "Outcome":
        return Outcome(task, None, str(error))

    def failed(self) -> bool:
        return self.error is not None


@dataclass(frozen=True)
class FanOutResult:
    responses: int
    bytes: int
    checksum: int


@dataclass(frozen=True)
class ManifestEntry:
    file: str
    bytes: int
    sha256: str

    def line(self) -> str:
        """The line written durably to the file's ``.sha256`` output."""
        return f"{self.sha256}  {self.file}\n"


@dataclass(frozen=True)
class Manifest:
    entries: tuple[ManifestEntry, ...]


@dataclass(frozen=True)
class DbResult:
    queries: int
    rows: int
    amount_cents: int


@dataclass(frozen=True)
class AggregateResult:
    ids: int
    checksum: int


@dataclass(frozen=True)
class RetryResult:
    """K, how many succeeded, their bytes, the checksum in request order, each failed request's last fault."""
    requests: int
    succeeded: int
    bytes: int
    checksum: int
    failures: dict[int, Fault] = field(hash=False)

    @staticmethod
    def describe(failures: dict[int, Fault]) -> str:
        return ", ".join(f"{i}: {f.text}" for i, f in sorted(failures.items())) or "none"


@dataclass(frozen=True)
class LoadResult:
    """How many arrived and were answered, and the summaries' checksum; the times (µs) beside, not compared."""
    requests: int
    answered: int
    checksum: int
    latency: Latencies = field(compare=False, repr=False)
    service: Latencies = field(compare=False, repr=False)
    arrival_lag: Latencies = field(compare=False, repr=False)

    @staticmethod
    def of(intended, arrived, started, completed, summaries) -> "LoadResult":
        """From each request's times in ns since the clock's zero; ``completed`` is -1 for one never answered."""
        micros = lambda nanos: max(0, nanos // 1000)  # noqa: E731  (LoadResult.micros)
        lag, latency, service, answered = [], [], [], []
        for i in range(len(intended)):
            lag.append(micros(arrived[i] - intended[i]))
            if completed[i] < 0:
                continue
            answered.append(summaries[i])
            latency.append(micros(completed[i] - intended[i]))
            service.append(micros(completed[i] - started[i]))
        return LoadResult(len(intended), len(answered), checksums.fold_all(answered),
                          Latencies(latency), Latencies(service), Latencies(lag))
