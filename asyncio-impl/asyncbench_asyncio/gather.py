"""Scenarios 2 and 8, the post's second example: gather (fail fast), collect-all, and the mass
gather of N identical tasks; every task starts at once as an asyncio task.

- Threads: the event loop's one thread runs every task between its waits; none holds a thread
  while it waits.
- Blocking: none; each task waits with ``asyncio.sleep``.
- Cancellation: gather runs its tasks in a ``TaskGroup`` (``scopes.fail_fast``): a failing task
  cancels every sibling, whose ``asyncio.sleep`` ends at once, before the call returns. Not
  ``asyncio.gather``, the post's call: it fails with the first failure but leaves the siblings
  running, to log "completed" later (rule X3). Collect-all and the mass gather are
  ``asyncio.gather`` itself, where no failure needs cancelling; cancelling the call cancels
  every task of any of the three.
- Errors: gather fails with the first task's own ``TaskFailedError``, unwrapped from the group;
  collect-all (``return_exceptions=True``) turns each ``TaskFailedError`` into an ``Outcome``
  and re-raises anything else.
"""

import asyncio

from . import check
from .errors import TaskFailedError
from .event_log import EventLog
from .results import Outcome
from .scopes import fail_fast
from .specs import GatherSpec, MassGatherSpec, Task


async def gather(spec: GatherSpec, log: EventLog) -> list[str]:
    """All at once, fail fast: the first failure cancels every sibling and is raised as it is."""
    async with fail_fast() as group:
        running = [group.create_task(run(task, log)) for task in spec.tasks]
    return [task.result() for task in running]          # in input order


async def gather_all(spec: GatherSpec, log: EventLog) -> list[Outcome]:
    """All at once, collect all: siblings of a failing task run on; one outcome per task, in order."""
    results = await asyncio.gather(*(run(task, log) for task in spec.tasks), return_exceptions=True)
    outcomes = []
    for task, result in zip(spec.tasks, results):
        if isinstance(result, TaskFailedError):
            outcomes.append(Outcome.failure(task.name, result))
        elif isinstance(result, BaseException):
            raise result
        else:
            outcomes.append(Outcome.success(task.name, result))
    return outcomes


async def gather_many(spec: MassGatherSpec, max_tasks: int) -> int:
    """N identical tasks at once, task i returns i; a million waiting tasks take about 1.6 GB."""
    if spec.tasks > max_tasks:
        raise RuntimeError(f"N (tasks) = {spec.tasks} is more than the {max_tasks} asyncio tasks this machine's memory lets"
                           " wait at once (about 1.6 KB each, planned at twice that); lower N")
    delay = check.seconds(spec.delay)

    async def one(i: int) -> int:
        await asyncio.sleep(delay)
        return i

    return sum(await asyncio.gather(*(one(i) for i in range(spec.tasks))))


async def run(task: Task, log: EventLog) -> str:
    """One task, as in the post: log its start, wait its delay, log its end (or fail)."""
    log.log(task.start_line())
    await asyncio.sleep(check.seconds(task.delay))
    if task.fails:
        log.log(task.failed_line())
        raise TaskFailedError(task.name)
    log.log(task.completed_line())
    return task.name
