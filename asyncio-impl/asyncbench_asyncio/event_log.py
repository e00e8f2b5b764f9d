"""The lines a scenario "prints" (the post's ``print`` calls), in order, with their times.

core's ``EventLog``: each line is recorded with the nanoseconds since the log was made, and
optionally echoed to a stream as it happens (the demo prints the post's lines so). Scenario code
logs from the event loop's thread only.
"""

import time
from typing import NamedTuple, TextIO


class Event(NamedTuple):
    at_ns: int
    line: str

    def __str__(self) -> str:
        return f"{self.at_ns // 1_000_000:6d} ms  {self.line}"


class EventLog:
    def __init__(self, echo: TextIO | None = None):
        self._start = time.monotonic_ns()
        self._events: list[Event] = []
        self._echo = echo

    @classmethod
    def recording(cls) -> "EventLog":
        """A log that only records."""
        return cls()

    @classmethod
    def printing_to(cls, out: TextIO) -> "EventLog":
        """A log that records and prints each line as it happens."""
        if out is None:
            raise TypeError("out must not be None")
        return cls(out)

    def log(self, line: str) -> None:
        if line is None:
            raise TypeError("line must not be None")
        self._events.append(Event(time.monotonic_ns() - self._start, line))
        if self._echo is not None:
            print(line, file=self._echo, flush=True)

    def events(self) -> list[Event]:
        return list(self._events)

    def lines(self) -> list[str]:
        return [e.line for e in self._events]

    def elapsed_ns(self) -> int:
        return time.monotonic_ns() - self._start
