"""Scenarios 1 (hello) and 2 (gather): H1, H2, G1 to G5, as ConformanceKit's first tests."""

from asyncbench_asyncio import EventLog, GatherSpec, MassGatherSpec, Task
from kit import Window, makespan, ms, rounds, timed, width

UNIT = ms(200)
MASS_TASKS = 10_000
MASS_DELAY = ms(200)
MASS_ROUNDS = 4
MASS_ROOM_PER_TASK_S = 0.0005
CLOCK_GRAIN_NS = 1_000_000


def shuffled_example() -> GatherSpec:
    """The post's tasks out of delay order: B 2 units, C 3 units, A 1 unit."""
    return GatherSpec((Task("B", UNIT * 2), Task("C", UNIT * 3), Task("A", UNIT)))


def test_H1_hello_then_world(kit):
    log = EventLog.recording()
    kit.run(kit.model.hello(ms(100), log))
    assert log.lines() == ["Hello", "world"]


def test_H2_world_comes_after_the_pause_and_the_call_returns_in_time(kit):
    pause = ms(300)
    log = EventLog.recording()
    _, elapsed = kit.run(timed(kit.model.hello(pause, log)))
    events = log.events()
    assert len(events) == 2, f"expected Hello and world, got {events}"
    gap = events[1].at_ns - events[0].at_ns
    assert gap >= pause.total_seconds() * 1e9 - CLOCK_GRAIN_NS, f"world came {gap / 1e6:.1f} ms after Hello, before the pause"
    Window.around("hello(300 ms)", pause.total_seconds()).check(elapsed)


def test_G1_results_equal_the_oracles_in_input_order(kit):
    results = kit.run(kit.model.gather(shuffled_example(), EventLog.recording()))
    assert results == ["B", "C", "A"], "results in input order, not completion order"
    assert results == kit.answer("gather B C A")


def test_G2_every_start_before_any_completion(kit):
    spec = shuffled_example()
    log = EventLog.recording()
    kit.run(kit.model.gather(spec, log))
    assert_starts_and_completions(spec, log.lines())


def test_G3_completions_happen_in_delay_order(kit):
    spec = shuffled_example()
    log = EventLog.recording()
    kit.run(kit.model.gather(spec, log))
    assert completed_tasks(spec, log.lines()) == ["A", "B", "C"], "all at once: completions in delay order"


async def g4_wall_time_is_the_longest_delay(kit, model, spec: GatherSpec) -> None:
    log = EventLog.recording()
    results, elapsed = await timed(model.gather(spec, log))
    assert results == kit.answer("gather A B C")
    gather_window(model, spec).check(elapsed)


def test_G4_wall_time_is_the_longest_delay(kit):
    kit.run(g4_wall_time_is_the_longest_delay(kit, kit.model, GatherSpec.post_example(UNIT)))


def test_G4_the_posts_example_at_full_scale(kit):
    spec = GatherSpec.post_example(ms(1000))
    log = EventLog.recording()
    results, elapsed = kit.run(timed(kit.model.gather(spec, log)))
    assert results == kit.answer("gather A B C")
    assert_starts_and_completions(spec, log.lines())
    assert completed_tasks(spec, log.lines()) == ["A", "B", "C"]
    gather_window(kit.model, spec).check(elapsed)


def test_G5_mass_gather_sums_and_takes_rounds_of_its_pool(kit):
    w = width(kit.model, MASS_TASKS)
    n = min(MASS_TASKS, MASS_ROUNDS * w, kit.model.traits().max_mass_tasks)
    spec = MassGatherSpec(n, MASS_DELAY)
    total, elapsed = kit.run(timed(kit.model.gather_many(spec)))
    assert total == n * (n - 1) // 2, "the sum 0 + 1 + ... + (N - 1)"
    Window.around(f"gather_many(N={n}, L=200 ms)", rounds(n, w, MASS_DELAY.total_seconds())) \
        .with_extra_room(MASS_ROOM_PER_TASK_S * n).check(elapsed)


# ---- helpers -------------------------------------------------------------------------------------

def gather_window(model, spec: GatherSpec) -> Window:
    """About the longest delay (W at a time), and clearly not the sum."""
    delays = [t.delay.total_seconds() for t in spec.tasks]
    return Window.around(f"gather of {describe(spec)}", makespan(delays, width(model, 2**31 - 1))) \
        .telling_apart_from("the sum of the delays", spec.sum().total_seconds())


def assert_starts_and_completions(spec: GatherSpec, lines: list[str]) -> None:
    """G2 for a model that lets every task wait at once: every start before any completion."""
    n = len(spec.tasks)
    assert len(lines) == 2 * n, f"one start and one completion per task: {lines}"
    assert set(lines[:n]) == {t.start_line() for t in spec.tasks}, f"every start before any completion: {lines}"
    assert set(lines[n:]) == {t.completed_line() for t in spec.tasks}, f"every start before any completion: {lines}"


def completed_tasks(spec: GatherSpec, lines: list[str]) -> list[str]:
    """The task names in the order their "completed" lines appear."""
    by_line = {t.completed_line(): t.name for t in spec.tasks}
    return [by_line[line] for line in lines if line in by_line]


def describe(spec: GatherSpec) -> str:
    return "[" + ", ".join(f"{t.name} {t.delay.total_seconds() * 1000:.0f} ms" + (" (fails)" if t.fails else "")
                           for t in spec.tasks) + "]"
