"""Writes a file and forces it to disk before returning: the "durably" of scenario 4. Blocks.

core's ``DurableFiles.write``: open with create, truncate and write (``FileChannel.open``'s
CREATE, TRUNCATE_EXISTING, WRITE; mode 0o666 less the umask), write every byte, then
``os.fsync``, which is ``FileChannel.force(true)`` (data and metadata; ``force(false)`` would be
``fdatasync``). ``DiskWatch`` is core's watch of the same name for the conformance kit: while
one is on, every write is counted in progress and held before its fsync, as a slow disk would.
Called on file threads, never on the event loop.
"""

import os
import threading
import time
from datetime import timedelta

from . import completions


class DiskWatch:
    """Counts durable writes in progress (and their peak), holding each ``latency`` before its fsync."""

    _current: "DiskWatch | None" = None
    _guard = threading.Lock()

    def __init__(self, latency: timedelta):
        self._hold = latency.total_seconds()
        self._lock = threading.Lock()
        self.in_progress = self.peak = self.writes = 0

    @classmethod
    def start(cls, latency: timedelta) -> "DiskWatch":
        """Starts watching every durable write; fails if a watch is on. Model code never calls this."""
        if latency is None:
            raise TypeError("latency must not be None")
        if latency < timedelta(0):
            raise ValueError(f"latency must be at least 0, was {latency}")
        with cls._guard:
            if cls._current is not None:
                raise RuntimeError("a disk watch is already on")
            cls._current = watch = cls(latency)
        return watch

    def close(self) -> None:
        """Stops watching: later writes are neither counted nor held. Idempotent."""
        with DiskWatch._guard:
            if DiskWatch._current is self:
                DiskWatch._current = None

    def _begin(self) -> None:
        with self._lock:
            self.writes += 1
            self.in_progress += 1
            self.peak = max(self.peak, self.in_progress)

    def _end(self) -> None:
        with self._lock:
            self.in_progress -= 1


def write(file, content: bytes) -> None:
    """Writes ``content`` to ``file`` and forces it to disk; counted (and held) by a DiskWatch when one is on."""
    watch = DiskWatch._current
    if watch is not None:
        watch._begin()
    try:
        fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
        try:
            view = memoryview(content)
            while view:
                view = view[os.write(fd, view):]
            if watch is not None and watch._hold > 0:
                time.sleep(watch._hold)               # the slow disk
            os.fsync(fd)
        finally:
            os.close(fd)
    finally:
        if watch is not None:
            watch._end()
    completions.mark(completions.Kind.FILE)
