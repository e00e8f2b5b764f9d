"""The one place the asyncio model's limits live; ``describe()`` prints them.

- Every scenario runs on the caller's event loop: one thread runs every task, every callback and
  all CPU work (aggregate's summaries, CRCs, aiohttp's parsing). Waits are ``asyncio.sleep``,
  deadlines ``asyncio.timeout``, limits ``asyncio.Semaphore(C)`` (first come, first served).
- HTTP and PostgreSQL need no thread: aiohttp and asyncpg are non-blocking on the loop.
- Files need threads, since Linux offers no non-blocking read, write or fsync of a regular
  file to a selector: ``files(C)`` is a ``ThreadPoolExecutor`` of exactly C threads (at most
  ``MAX_FILE_THREADS``, the ceiling every model uses), one per C asked, made at its first use and
  kept until ``close``. Not ``asyncio.to_thread``: it runs on the loop's default executor of
  ``min(32, cores + 4)`` threads (6 on two cores), which would silently cut any C above that, and
  which the loop shares with ``getaddrinfo``; resizing it would change it for the whole process.
- Mass gather: a waiting task costs about 1.6 KB of memory (issue #15's measure: 1.60 GB for a
  million), planned at ``BYTES_PER_WAITING_TASK``; a larger N than memory allows is refused.
- The open-files limit is raised to its hard limit, as the JVM does at start (``MaxFDLimit``): a
  fan-out of C requests holds C sockets.
"""

import asyncio
import os
import platform
import resource
import selectors
from concurrent.futures import ThreadPoolExecutor

from . import checksums, orders_repository, testbed_client

MAX_FILE_THREADS = 10_000
BYTES_PER_WAITING_TASK = 3_200     # about 1.6 KB measured per sleeping task, doubled


def _raise_open_files_limit() -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        soft = hard
    return soft


class AsyncioConfig:
    def __init__(self):
        self.open_files = _raise_open_files_limit()
        memory = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
        self.max_mass_tasks = min(2**31 - 1, memory // BYTES_PER_WAITING_TASK)
        self._file_pools: dict[int, ThreadPoolExecutor] = {}
        self._closed = False

    def files(self, concurrency: int) -> ThreadPoolExecutor:
        """Where blocking file calls run: exactly ``concurrency`` threads (at most the maximum), made once per C."""
        if self._closed:
            raise RuntimeError("the model is closed")
        threads = min(concurrency, MAX_FILE_THREADS)
        if threads not in self._file_pools:
            self._file_pools[threads] = ThreadPoolExecutor(threads, thread_name_prefix=f"asyncio-files-{threads}")
        return self._file_pools[threads]

    def describe(self) -> str:
        try:
            loop = type(asyncio.get_running_loop()).__name__
        except RuntimeError:
            loop = "the default event loop"
        return (f"asyncio on CPython {platform.python_version()}: {loop} ({selectors.DefaultSelector.__name__}), one thread"
                " for every task and all CPU work; waits by asyncio.sleep, deadlines by asyncio.timeout, C by"
                " asyncio.Semaphore(C), fail-fast by TaskGroup; HTTP by " + testbed_client.SETTINGS + "; PostgreSQL by "
                + orders_repository.SETTINGS + f"; files on a ThreadPoolExecutor of C threads per C (at most"
                f" {MAX_FILE_THREADS}) by run_in_executor, never to_thread's default executor of min(32, cores + 4);"
                f" mass gather up to {self.max_mass_tasks} tasks (memory / {BYTES_PER_WAITING_TASK} B); CRC-32C by"
                f" {checksums.CRC_IMPLEMENTATION}; open files {self.open_files}")

    def close(self) -> None:
        """Stops the file threads (after the files they are writing). Idempotent."""
        self._closed = True
        pools, self._file_pools = list(self._file_pools.values()), {}
        for pool in pools:
            pool.shutdown(wait=True, cancel_futures=True)
