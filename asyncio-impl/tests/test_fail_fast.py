"""Scenario 8 (fail-fast): X1 to X4 (X3's second half, no sibling left pending, is in test_quiescence.py)."""

import asyncio
import time

from asyncbench_asyncio import EventLog, GatherSpec, Task, TaskFailedError
from kit import Window, ms, task_ends, makespan, timed, timed_failure, width
from test_hello_gather import describe, gather_window


def failing_example(slowest_ms: int) -> GatherSpec:
    """A completes, B fails at 0.3 s, C would take ``slowest_ms``."""
    return GatherSpec((Task("A", ms(200)), Task("B", ms(300), True), Task("C", ms(slowest_ms))))


def test_X1_gather_fails_with_the_tasks_own_exception(kit):
    error, _ = kit.run(timed_failure(kit.model.gather(failing_example(1500), EventLog.recording()), BaseException))
    assert type(error) is TaskFailedError, f"expected TaskFailedError itself, not a wrapper: {error!r}"
    assert error.task == "B"


def test_X2_gather_fails_soon_after_the_failure(kit):
    spec = failing_example(1500)
    delays = [t.delay.total_seconds() for t in spec.tasks]
    w = width(kit.model, 2**31 - 1)
    _, elapsed = kit.run(timed_failure(kit.model.gather(spec, EventLog.recording()), TaskFailedError))
    Window.around(f"gather of {describe(spec)}", task_ends(delays, w)[1]) \
        .telling_apart_from("the slowest sibling's end", makespan(delays, w)).check(elapsed)


async def x3_every_sibling_is_cancelled(model) -> None:
    spec = failing_example(1500)
    log = EventLog.recording()
    try:
        await model.gather(spec, log)
        raise AssertionError("the gather with a failing task returned")
    except TaskFailedError:
        pass
    failed_at = log.elapsed_ns()
    # wait until even the slowest sibling would have completed, then look again
    quiet_until = makespan([t.delay.total_seconds() for t in spec.tasks], width(model, 2**31 - 1)) + 0.3
    await asyncio.sleep(max(0.0, quiet_until - log.elapsed_ns() / 1e9))
    events = log.events()
    for e in events:
        completion = e.line.startswith("Task ") and e.line.endswith(" completed")
        assert not completion or e.at_ns <= failed_at, (
            f"'{e.line}' at {e.at_ns // 1_000_000} ms, after gather failed at {failed_at // 1_000_000} ms:"
            f" a sibling was not cancelled\n{events}")
    assert "Task C completed" not in log.lines(), f"C completed: {events}"


def test_X3_every_sibling_is_cancelled(kit):
    kit.run(x3_every_sibling_is_cancelled(kit.model))


def test_X4_gather_all_returns_every_outcome_in_input_order(kit):
    spec = failing_example(600)
    outcomes, elapsed = kit.run(timed(kit.model.gather_all(spec, EventLog.recording())))
    assert [[o.task, o.value, o.error] for o in outcomes] == kit.answer("gatherAll A B! C")
    gather_window(kit.model, spec).check(elapsed)
