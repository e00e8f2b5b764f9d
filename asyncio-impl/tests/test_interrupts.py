"""I1 (core's InterruptRules) in asyncio's terms: the JVM caller interrupts its thread; an asyncio
caller cancels the task awaiting the call. The call must end within a second with
``CancelledError`` (the cancellation not swallowed: the awaiting task ends cancelled), and what
it started stops."""

import asyncio

from asyncbench_asyncio import EventLog, FanOutSpec, GatherSpec, Task
from kit import SETTLE_S, ms, width

I1_AFTER_S = 0.3
I1_WITHIN_S = 1.0
I1_C = 8
I1_L = ms(3000)


async def cancelled_after(call, after_s: float = I1_AFTER_S) -> None:
    """Runs ``call`` as a task, cancels it ``after_s`` in; it must end cancelled within a second."""
    task = asyncio.ensure_future(call)
    await asyncio.sleep(after_s)
    assert not task.done(), "the call ended before it was cancelled"
    task.cancel()
    done, _ = await asyncio.wait([task], timeout=I1_WITHIN_S)
    assert task in done, f"the call was still running {I1_WITHIN_S} s after it was cancelled"
    if not task.cancelled():
        raise AssertionError(f"the cancellation was swallowed: the call ended with {task.exception()!r}") from task.exception()


def test_I1_a_cancelled_fan_out_ends_promptly_and_abandons_its_requests(kit):
    w = width(kit.model, I1_C)
    spec = FanOutSpec(kit.http, 4 * w, I1_L, 64, I1_C)
    kit.run(kit.fresh_server())
    kit.run(cancelled_after(kit.model.http_fan_out(spec)))
    stats = kit.run(kit.await_server(lambda s: s["inFlight"] == 0, SETTLE_S))
    assert stats["inFlight"] == 0, f"nothing left in flight within {SETTLE_S} s: {stats}"
    assert stats["completed"] == 0, f"no request completed after the cancel: {stats}"
    assert w <= stats["abandoned"] <= 2 * w, f"the {w} requests in flight abandoned, and no new window started: {stats}"


def test_I1_a_cancelled_gather_ends_promptly_and_its_tasks_stop(kit):
    spec = GatherSpec((Task("A", ms(2000)), Task("B", ms(2200)), Task("C", ms(2400))))
    log = EventLog.recording()
    kit.run(cancelled_after(kit.model.gather(spec, log)))
    kit.run(asyncio.sleep(max(0.0, spec.longest().total_seconds() + 0.3 - log.elapsed_ns() / 1e9)))
    completed = [line for line in log.lines() if line.endswith(" completed")]
    assert completed == [], f"tasks completed after the cancel: {log.events()}"
