"""Scenario 10's faults: how an attempt fails, which attempts fail, and what an error means.

Ports core's ``spec.Fault`` and ``spec.Faults``. Attempt a (from 1) of request i draws ``u`` as a
``Dist`` draw does, from ``SALT ^ (i << 8) ^ a``; it fails when ``u < rate``, with the kind by which
third of ``[0, rate)`` holds ``u``. The testbed server applies the plan; the model only sends its
text (``&faults=f=0.3``) and classifies what it sees with ``fault_of``.
"""

import enum
from dataclasses import dataclass

from . import check
from .dist import java_number
from .errors import IO_ERRORS, HttpStatusError, ServerUnreachableError
from .splitmix import draw, u64

MAX_ATTEMPTS = 10
_SALT = 0x5EED_FA17_0000_0000


class Fault(enum.Enum):
    """The ways an attempt fails, each worth another attempt; the value is how a result prints it."""
    UNAVAILABLE = "HTTP 503"
    DROPPED = "connection dropped mid-answer"
    STALL = "attempt timed out"

    @property
    def text(self) -> str:
        return self.value

    @property
    def ordinal(self) -> int:
        return list(Fault).index(self)


@dataclass(frozen=True)
class Faults:
    """Which attempts fail: a fraction ``rate`` (0 to 0.9) of them, the same in every model and run."""
    rate: float = 0.0

    def __post_init__(self):
        if not (0 <= self.rate <= 0.9):
            raise ValueError(f"faults' f must be from 0 to 0.9, was {self.rate}")

    @staticmethod
    def parse(text: str) -> "Faults":
        """Reads ``none`` or ``f=0.3``."""
        check.not_none(text, "faults")
        t = text.strip().lower()
        if t == "none":
            return NONE
        if not t.startswith("f="):
            raise ValueError(f"malformed faults '{text}' (none, f=RATE)")
        try:
            rate = float(t[2:])
        except ValueError:
            raise ValueError(f"malformed faults '{text}': f must be a number (none, f=RATE)") from None
        return Faults(rate)

    def text(self) -> str:
        return "none" if self.rate == 0 else "f=" + java_number(self.rate)

    def of(self, id: int, attempt: int) -> Fault | None:
        """How attempt ``attempt`` of request ``id`` fails, or None when it succeeds."""
        check.in_range(attempt, "attempt", 1, MAX_ATTEMPTS)
        if self.rate == 0:
            return None
        u = draw(u64(_SALT ^ (id << 8) ^ attempt))
        if u >= self.rate:
            return None
        return list(Fault)[min(2, int(u / self.rate * 3))]

    def attempts(self, id: int, max_attempts: int) -> int:
        """How many attempts request ``id`` makes with at most ``max_attempts``: up to its first success."""
        for a in range(1, max_attempts):
            if self.of(id, a) is None:
                return a
        return max_attempts

    def outcome(self, id: int, max_attempts: int) -> Fault | None:
        """None for a request that succeeds, else its last attempt's fault."""
        return self.of(id, self.attempts(id, max_attempts))


NONE = Faults(0.0)


def fault_of(error: BaseException) -> Fault | None:
    """What a failed attempt's error means (``Fault.of``), or None when it must not be retried.

    Looks through ``__cause__``, as the Java looks through ``getCause()``: an unreachable server
    or a status but 503 is no fault of the attempt; a 503 is ``UNAVAILABLE``; a ``TimeoutError``
    (the attempt's own ``asyncio.timeout``) is ``STALL``; any other IO error, a connection closed
    mid-answer (aiohttp's ``ClientPayloadError``) or reset, is ``DROPPED``; anything else, None.
    """
    chain = []
    while error is not None and error not in chain:
        chain.append(error)
        error = error.__cause__
    for e in chain:
        if isinstance(e, ServerUnreachableError):
            return None
        if isinstance(e, HttpStatusError):
            return Fault.UNAVAILABLE if e.status == 503 else None
        if isinstance(e, TimeoutError):
            return Fault.STALL
    return Fault.DROPPED if any(isinstance(e, IO_ERRORS) for e in chain) else None
