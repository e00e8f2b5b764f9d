"""When each IO call of the shared clients completes, for the harness's per-task latencies.

core's ``Completions``: off by default; the shared clients mark ``HTTP`` for every testbed
request but stores, ``STORE`` for aggregate's stores, ``DB`` for every query and ``FILE`` for every
durable write (from a file thread: the recorder must be thread-safe). Model code never calls this.
"""

import enum
import time
from typing import Callable


class Kind(enum.Enum):
    HTTP = "http"
    STORE = "store"
    DB = "db"
    FILE = "file"


_recorder: Callable[[Kind, int], None] | None = None


def record(recorder: Callable[[Kind, int], None]) -> None:
    """Starts calling ``recorder(kind, time.monotonic_ns())`` on every completion, replacing any recorder."""
    global _recorder
    _recorder = recorder


def stop() -> None:
    global _recorder
    _recorder = None


def mark(kind: Kind) -> None:
    recorder = _recorder
    if recorder is not None:
        recorder(kind, time.monotonic_ns())
