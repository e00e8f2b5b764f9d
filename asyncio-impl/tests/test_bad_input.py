"""B1 and B2 (ConformanceKit's bad-input rules). B1 in Python: None is refused with a ``TypeError``
naming the argument (Java's ``NullPointerException``). B2: an unreachable server fails the call
with ``ServerUnreachableError`` (itself or in the cause chain) naming the address, within 10 s."""

import asyncio
import socket
from datetime import timedelta

import pytest

from asyncbench_asyncio import (AggregateSpec, EventLog, FanOutSpec, Faults, GatherSpec, LoadSpec, RaceSpec, Replica,
                                RetrySpec, ServerUnreachableError, TimeoutSpec)
from asyncbench_asyncio import testbed_client
from kit import cause_of_type, ms

UNREACHABLE_WITHIN_S = 10.0

GATHER = GatherSpec.post_example(ms(1))
NULLS = {  # operation(parameter = None): the call
    "hello(pause)": lambda m: m.hello(None, EventLog.recording()),
    "hello(log)": lambda m: m.hello(ms(1), None),
    "gather(spec)": lambda m: m.gather(None, EventLog.recording()),
    "gather(log)": lambda m: m.gather(GATHER, None),
    "gather_all(spec)": lambda m: m.gather_all(None, EventLog.recording()),
    "gather_all(log)": lambda m: m.gather_all(GATHER, None),
    "gather_many(spec)": lambda m: m.gather_many(None),
    "http_fan_out(spec)": lambda m: m.http_fan_out(None),
    "files(spec)": lambda m: m.files(None),
    "db(spec)": lambda m: m.db(None),
    "aggregate(spec)": lambda m: m.aggregate(None),
    "fetch_with_timeout(spec)": lambda m: m.fetch_with_timeout(None),
    "race(spec)": lambda m: m.race(None),
    "retry(spec)": lambda m: m.retry(None),
    "load(spec)": lambda m: m.load(None),
}


@pytest.mark.parametrize("call", NULLS, ids=list(NULLS))
def test_B1_null_arguments_are_rejected_naming_them(kit, call):
    parameter = call[call.index("(") + 1:-1]
    with pytest.raises(TypeError) as refused:
        kit.run(NULLS[call](kit.model))
    assert parameter in str(refused.value), f"the message should name '{parameter}': {refused.value}"


UNREACHABLE = {  # operation: the call against a client of the unreachable server
    "http_fan_out": lambda m, http, orders: m.http_fan_out(FanOutSpec(http, 4, ms(100), 16, 2)),
    "fetch_with_timeout": lambda m, http, orders: m.fetch_with_timeout(TimeoutSpec(http, ms(100), ms(5000))),
    "race": lambda m, http, orders: m.race(RaceSpec(http, (Replica("a", ms(100)), Replica("b", ms(200))))),
    "aggregate": lambda m, http, orders: m.aggregate(AggregateSpec(http, orders, 4, ms(100), 2)),
    "retry": lambda m, http, orders: m.retry(RetrySpec(http, 4, ms(100), 16, 2, Faults(0.0), 3, ms(1000), ms(10), ms(100))),
    "load": lambda m, http, orders: m.load(LoadSpec(http, orders, 100, ms(200), ms(10), 2)),
}


@pytest.mark.parametrize("operation", UNREACHABLE, ids=list(UNREACHABLE))
def test_B2_an_unreachable_server_fails_fast_naming_its_address(kit, operation):
    orders = kit.need_db() if operation in ("aggregate", "load") else None
    nowhere = f"127.0.0.1:{closed_port()}"
    http = kit.run(testbed_client.TestbedClient.open("http://" + nowhere))
    try:
        error = kit.run(failure_within(UNREACHABLE[operation](kit.model, http, orders), UNREACHABLE_WITHIN_S))
    finally:
        kit.run(http.close())
    cause = cause_of_type(error, ServerUnreachableError)
    assert cause is not None, f"expected ServerUnreachableError itself or as a cause, got {error!r}"
    assert nowhere in str(cause), f"the message should name {nowhere}: {cause}"


async def failure_within(call, within_s: float) -> BaseException:
    try:
        async with asyncio.timeout(within_s):
            await call
    except TimeoutError as e:
        raise AssertionError(f"the call must fail within {within_s} s, not hang") from e
    except Exception as e:
        return e
    raise AssertionError("the call against an unreachable server returned")


def closed_port() -> int:
    """A port below 1024 on 127.0.0.1 where nothing listens (ConformanceKit.closedPort)."""
    for port in range(1, 1024):
        with socket.socket() as probe:
            probe.settimeout(0.5)
            try:
                probe.connect(("127.0.0.1", port))
            except ConnectionRefusedError:
                return port
            except OSError:
                continue
    raise RuntimeError("every port from 1 to 1023 on 127.0.0.1 answers")
