"""Scenario 4: read, digest (SHA-256) and durably write F files, at most C at once.

- Threads: a ``ThreadPoolExecutor`` of exactly C threads (``AsyncioConfig.files``, at most
  10,000), reached by ``loop.run_in_executor``: at most C threads do file work at once, the
  others' files wait in its queue. The event loop's thread only waits for them.
- Blocking: all of it (read, SHA-256, write and fsync), on the pool's threads; Python has no
  non-blocking file IO. Not ``asyncio.to_thread``: its default executor has min(32, cores + 4)
  threads, 6 here, which would cut every C above 6 (see ``config``). hashlib and file calls
  release the GIL, so the C threads really overlap.
- Cancellation: on the first failure the ``TaskGroup`` cancels every file's future; a file still
  queued is taken out of the pool's queue and never starts, a file in progress runs to its end
  (a Python thread cannot be interrupted).
- Errors: the first ``OSError`` is raised as it is.
"""

import asyncio
import os

from . import digests, durable_files
from .config import AsyncioConfig
from .io_specs import FilesSpec
from .results import Manifest, ManifestEntry
from .scopes import fail_fast


async def files(spec: FilesSpec, config: AsyncioConfig) -> Manifest:
    loop = asyncio.get_running_loop()
    pool = config.files(spec.max_concurrency)
    await loop.run_in_executor(pool, lambda: os.makedirs(spec.output_dir, exist_ok=True))
    async with fail_fast() as group:
        running = [group.create_task(_in_pool(loop, pool, spec, file)) for file in spec.files]
    return Manifest(tuple(task.result() for task in running))


async def _in_pool(loop, pool, spec: FilesSpec, file: str) -> ManifestEntry:
    return await loop.run_in_executor(pool, digest, spec, file)


def digest(spec: FilesSpec, file: str) -> ManifestEntry:
    """Reads one file, digests it and writes its line durably. Blocks."""
    with open(spec.input(file), "rb") as f:
        content = f.read()
    entry = ManifestEntry(file, len(content), digests.sha256_hex(content))
    durable_files.write(spec.output(file), entry.line().encode("utf-8"))
    return entry
