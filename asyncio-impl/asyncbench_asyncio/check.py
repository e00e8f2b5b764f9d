"""Input checks shared by every spec, so that bad input is refused the same way (core's ``Check``).

Java's ``NullPointerException`` naming the argument is a ``TypeError`` here ("spec must not be
None"), as is a value of the wrong type; a value out of range is a ``ValueError`` naming the
parameter and the accepted range, with the words the Java uses. Durations are
``datetime.timedelta``, the standard library's ``java.time.Duration``: exact whole microseconds,
so milliseconds derived from them (the testbed's ``delayMs``) match the JVM's.
"""

from datetime import timedelta

MAX_DURATION = timedelta(minutes=10)
_MS = timedelta(milliseconds=1)
_US = timedelta(microseconds=1)


def not_none(value, name: str):
    if value is None:
        raise TypeError(f"{name} must not be None")
    return value


def instance(value, kind: type, name: str):
    """``value``, which must be a ``kind``: None and other types are refused naming ``name``."""
    not_none(value, name)
    if not isinstance(value, kind):
        raise TypeError(f"{name} must be a {kind.__name__}, was {type(value).__name__}")
    return value


def in_range(value, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be a whole number, was {value!r}")
    if value < low or value > high:
        raise ValueError(f"{name} must be between {low} and {high}, was {value}")
    return value


def delay(value, name: str) -> timedelta:
    """A wait: zero or more, at most ``MAX_DURATION``."""
    instance(value, timedelta, name)
    if value < timedelta(0) or value > MAX_DURATION:
        raise ValueError(f"{name} must be between 0 ms and 10 min, was {millis(value)} ms")
    return value


def deadline(value, name: str) -> timedelta:
    """A deadline: strictly positive, at most ``MAX_DURATION``."""
    delay(value, name)
    if value == timedelta(0):
        raise ValueError(f"{name} must be greater than 0 ms, was 0 ms")
    return value


def not_empty(values, name: str) -> tuple:
    """The items of ``values`` as a tuple; None, an empty sequence or a None item refused."""
    not_none(values, name)
    values = tuple(values)
    if not values:
        raise ValueError(f"{name} must not be empty")
    if any(v is None for v in values):
        raise TypeError(f"{name} must not contain None")
    return values


def name(value, what: str) -> str:
    instance(value, str, what)
    if not value.strip():
        raise ValueError(f"{what} must not be blank")
    return value


def millis(value: timedelta) -> int:
    """``Duration.toMillis``: whole milliseconds, rounded down."""
    return value // _MS


def nanos(value: timedelta) -> int:
    """``Duration.toNanos`` (a timedelta has no finer unit than the microsecond)."""
    return (value // _US) * 1000


def seconds(value: timedelta) -> float:
    """What ``asyncio.sleep`` and ``asyncio.timeout`` take."""
    return value.total_seconds()
