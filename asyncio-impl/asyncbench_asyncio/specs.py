"""The scenarios' inputs: core's spec records as frozen dataclasses, validated the same way.

Field names are the Java accessors in snake_case; limits, parameter names and messages are the
Java's (see ``check``). A static ``check`` is the constructor's checks without the testbed, for
a size read before any testbed is up, as in the Java. ``http`` is a ``TestbedClient``; only None
is refused for it, so that a test may pass a stand-in. This file holds the post's examples and
the one-call scenarios (1, 2, 7, 8, 9); ``io_specs`` holds scenarios 3 to 6, ``retry_spec`` 10
and ``load_spec`` 11. The package re-exports them all.
"""

from dataclasses import dataclass
from datetime import timedelta

from . import check


@dataclass(frozen=True)
class Task:
    """One gather task: log "Starting task X", wait ``delay``, then complete (or fail)."""
    name: str
    delay: timedelta
    fails: bool = False

    def __post_init__(self):
        check.name(self.name, "task name")
        check.delay(self.delay, f"delay of task {self.name}")

    def start_line(self) -> str:
        return f"Starting task {self.name}"

    def completed_line(self) -> str:
        return f"Task {self.name} completed"

    def failed_line(self) -> str:
        return f"Task {self.name} failed"


@dataclass(frozen=True)
class GatherSpec:
    """Scenarios 2 and 8: named tasks, all started at once. Names are unique."""
    tasks: tuple[Task, ...]
    MAX_TASKS = 100_000

    def __post_init__(self):
        object.__setattr__(self, "tasks", check.not_empty(self.tasks, "tasks"))
        GatherSpec.check_count(len(self.tasks))
        seen = set()
        for t in self.tasks:
            if t.name in seen:
                raise ValueError(f"task names must be unique, '{t.name}' repeats")
            seen.add(t.name)

    @staticmethod
    def check_count(tasks: int) -> None:
        check.in_range(tasks, "number of tasks", 1, GatherSpec.MAX_TASKS)

    @staticmethod
    def post_example(unit: timedelta) -> "GatherSpec":
        """The post's example: A 1 s, B 2 s, C 3 s, scaled by ``unit``."""
        return GatherSpec((Task("A", unit), Task("B", unit * 2), Task("C", unit * 3)))

    def longest(self) -> timedelta:
        return max(t.delay for t in self.tasks)

    def sum(self) -> timedelta:
        return sum((t.delay for t in self.tasks), timedelta(0))


@dataclass(frozen=True)
class MassGatherSpec:
    """Scenario 2, mass form: N identical tasks; task i waits ``delay`` and returns i."""
    tasks: int
    delay: timedelta
    MAX_TASKS = 10_000_000

    def __post_init__(self):
        MassGatherSpec.check(self.tasks, self.delay)

    @staticmethod
    def check(tasks: int, delay: timedelta) -> None:
        check.in_range(tasks, "N (tasks)", 1, MassGatherSpec.MAX_TASKS)
        check.delay(delay, "L (delay)")

    def expected_sum(self) -> int:
        """The answer: 0 + 1 + ... + (N - 1)."""
        return self.tasks * (self.tasks - 1) // 2


@dataclass(frozen=True)
class TimeoutSpec:
    """Scenario 7: one ``/bytes`` call held ``server_latency`` server-side, allowed ``deadline``."""
    http: object
    server_latency: timedelta
    deadline: timedelta

    def __post_init__(self):
        check.not_none(self.http, "http")
        TimeoutSpec.check(self.server_latency, self.deadline)

    @staticmethod
    def check(server_latency: timedelta, deadline: timedelta) -> None:
        check.delay(server_latency, "server latency")
        check.deadline(deadline, "deadline")


@dataclass(frozen=True)
class Replica:
    """One replica of scenario 9: answers "replica NAME" after ``latency``, or fails (HTTP 503)."""
    name: str
    latency: timedelta
    fails: bool = False

    def __post_init__(self):
        check.name(self.name, "replica name")
        check.delay(self.latency, f"latency of replica {self.name}")


@dataclass(frozen=True)
class RaceSpec:
    """Scenario 9: the same request to every replica at once; the first success wins."""
    http: object
    replicas: tuple[Replica, ...]
    MAX_REPLICAS = 64

    def __post_init__(self):
        check.not_none(self.http, "http")
        object.__setattr__(self, "replicas", check.not_empty(self.replicas, "replicas"))
        RaceSpec.check_count(len(self.replicas))

    @staticmethod
    def check_count(replicas: int) -> None:
        check.in_range(replicas, "number of replicas", 2, RaceSpec.MAX_REPLICAS)
