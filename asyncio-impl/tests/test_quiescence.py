"""Q1 and X3's second half (core's QuiescenceRules): once a call has returned or failed, nothing of
it goes on. As the JVM kit: the server has nothing in flight, and nothing of the model still holds
the call's inputs (a weak reference to the spec is cleared: no pending task, timer or request
holds it); in asyncio's terms also: no task of the call is left on the loop. The JVM's thread
census has no asyncio counterpart (see test_not_applicable.py)."""

import asyncio
import gc
import time
import weakref

from asyncbench_asyncio import EventLog, GatherSpec, RaceSpec, Replica, Task, TaskFailedError, TimeoutSpec
from kit import QUIET_WITHIN_S, SETTLE_S, ms
from test_fan_out_failure import failing_fan_out


def slow_sibling_example() -> GatherSpec:
    """X3's fail-fast gather with a sibling far slower than the check: C would wait 5 s."""
    return GatherSpec((Task("A", ms(200)), Task("B", ms(300), True), Task("C", ms(5000))))


async def ended(spec, call, watched=lambda s: s) -> weakref.ref:
    """Awaits ``call(spec)`` (whatever it returns or raises), keeping only a weak reference to ``watched(spec)``."""
    try:
        await call(spec)
    except Exception:
        pass                          # F5, R*, T*, X* judge the outcome; Q1 judges what is left afterwards
    return weakref.ref(watched(spec))


async def cleared_within(ref: weakref.ref, within_s: float) -> bool:
    deadline = time.monotonic() + within_s
    while True:
        gc.collect()
        if ref() is None:
            return True
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.02)


async def no_other_tasks_within(within_s: float) -> set:
    """The loop's pending tasks but this one, once none is left or ``within_s`` has passed."""
    deadline = time.monotonic() + within_s
    while True:
        others = {t for t in asyncio.all_tasks() if t is not asyncio.current_task() and not t.done()}
        if not others or time.monotonic() > deadline:
            return others
        await asyncio.sleep(0.02)


async def x3_no_cancelled_sibling_is_left_pending(model) -> None:
    c = await ended(slow_sibling_example(), lambda spec: model.gather(spec, EventLog.recording()), lambda s: s.tasks[2])
    assert await cleared_within(c, QUIET_WITHIN_S), ("a second after gather failed, the model still holds the cancelled"
                                                     " sibling C (a task or timer still waiting out its 5 s)")
    left = await no_other_tasks_within(QUIET_WITHIN_S)
    assert not left, f"tasks left on the loop a second after gather failed: {left}"


def test_X3_no_cancelled_sibling_is_left_pending(kit):
    kit.run(x3_no_cancelled_sibling_is_left_pending(kit.model))


def q1_calls(kit, model) -> dict:
    """Q1's calls, each ending with a weak reference to what it must not hold afterwards."""
    http = kit.http
    return {
        "http_fan_out failing in its middle": lambda: ended(failing_fan_out(kit, model), model.http_fan_out),
        "race": lambda: ended(RaceSpec(http, (Replica("slow1", ms(3000)), Replica("fast", ms(200)), Replica("slow2", ms(3000)))),
                              model.race),
        "fetch_with_timeout past its deadline": lambda: ended(TimeoutSpec(http, ms(5000), ms(300)), model.fetch_with_timeout),
        "fail-fast gather": lambda: ended(slow_sibling_example(), lambda s: model.gather(s, EventLog.recording()),
                                          lambda s: s.tasks[2]),                  # the cancelled sibling C
    }


async def q1_nothing_runs_on_after(kit, name: str, call) -> None:
    """Within a second of the call's end: nothing in flight, its spec released, no task of it left on the loop."""
    spec = await call()
    stats = await kit.await_server(lambda s: s["inFlight"] == 0, QUIET_WITHIN_S)
    assert stats["inFlight"] == 0, f"{name}: still in flight {QUIET_WITHIN_S} s after the call ended: {stats}"
    assert await cleared_within(spec, QUIET_WITHIN_S), \
        f"{name}: {QUIET_WITHIN_S} s after the call ended, the model still holds its spec (a task, timer or request still pending)"
    left = await no_other_tasks_within(QUIET_WITHIN_S)
    assert not left, f"{name}: tasks left on the loop {QUIET_WITHIN_S} s after the call ended: {left}"


def test_Q1_nothing_of_the_model_runs_on_after_a_call(kit):
    kit.run(kit.await_server(lambda s: s["inFlight"] == 0, SETTLE_S))
    for name, call in q1_calls(kit, kit.model).items():
        kit.run(q1_nothing_runs_on_after(kit, name, call))
