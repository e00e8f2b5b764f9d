"""``fail_fast()``: a ``TaskGroup`` that fails with its first failure itself.

``asyncio.TaskGroup`` (3.11) is asyncio's structured concurrency: when a child fails it cancels
every other child and the body, waits for all of them to end, and raises what failed. It raises
it wrapped in an ``ExceptionGroup``, every failure together (two siblings may fail in the same
turn of the loop). The suite's contract is the JVM's: the first failure itself, not a wrapper
(rule X1; ``HttpStatusError`` and ``ServerUnreachableError`` "itself or as a cause"), as
``coroutineScope`` rethrows it. So this unwraps the group to its first exception, the first
child to fail; the others, which the Java models drop too, stay readable on the group, which is
the raised error's ``__context__``. A cancellation from outside (the caller's, rule I1) is no
failure: the group re-raises ``CancelledError`` as it is.

Overview: a CPython 3.11 bug this works around. When a child fails after the body has ended
(the group waiting in ``__aexit__``, as gather's always is), 3.11's TaskGroup still asks to
cancel the parent task but has already done its one ``uncancel()``, so the parent task's
``cancelling()`` count stays one too high. Later, in the same task, ``asyncio.timeout`` would
then let its ``CancelledError`` out instead of ``TimeoutError`` (seen here: a fetch_with_timeout
after a fail-fast gather). Newer CPythons fix the count in the group itself; here the group's
leftover requests are taken back once it has failed.
"""

import asyncio
import contextlib


@contextlib.asynccontextmanager
async def fail_fast():
    """``async with fail_fast() as group:`` like ``asyncio.TaskGroup``, but raising the first failure, unwrapped."""
    task = asyncio.current_task()
    cancelling = task.cancelling()
    try:
        async with asyncio.TaskGroup() as group:
            yield group
    except BaseExceptionGroup as failed:
        while task.cancelling() > cancelling:           # the 3.11 leak above
            task.uncancel()
        raise failed.exceptions[0]
