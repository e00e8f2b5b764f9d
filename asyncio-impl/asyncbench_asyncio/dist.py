"""How a delayed request's latency is drawn around its nominal L (core's ``spec.Dist``).

The testbed server draws request ``id``'s latency itself; a model only passes the text on
(``&dist=...``). The draw is ported too, bit-exact where only SplitMix64 and IEEE arithmetic are
involved (fixed, uniform, bimodal, failing); ``lognormal`` also calls ``log`` and ``exp``, which
HotSpot computes with its own intrinsics and CPython with the C library: both within an ulp, so a
draw that lands within an ulp of half a millisecond could round the other way.
"""

import enum
import math
from dataclasses import dataclass
from decimal import Decimal

from .splitmix import draw, java_round

MAX_MS = 600_000
_Z99 = 2.3263478740408408
_HELP = "(fixed, uniform:x=MS, lognormal:p99=K, bimodal:f=F,m=M, failing:seed=S,m=M)"


class Kind(enum.Enum):
    FIXED = "fixed"
    UNIFORM = "uniform"
    LOGNORMAL = "lognormal"
    BIMODAL = "bimodal"
    FAILING = "failing"


def _require(ok: bool, message: str) -> None:
    if not ok:
        raise ValueError(message)


@dataclass(frozen=True)
class Dist:
    kind: Kind
    a: float = 0.0
    b: float = 0.0

    def __post_init__(self):
        k, a, b = self.kind, self.a, self.b
        if not isinstance(k, Kind):
            raise TypeError(f"kind must be a Kind, was {k!r}")
        if k is Kind.UNIFORM:
            _require(a >= 0, f"uniform's x must be at least 0 ms, was {a}")
        elif k is Kind.LOGNORMAL:
            _require(1 < a <= 1000, f"lognormal's p99 must be above 1 and at most 1000 (times L), was {a}")
        elif k is Kind.BIMODAL:
            _require(0 <= a <= 1, f"bimodal's f must be from 0 to 1, was {a}")
            _require(1 <= b <= 1000, f"bimodal's m must be from 1 to 1000 (times L), was {b}")
        elif k is Kind.FAILING:
            _require(0 <= a <= (2**63 - 1) >> 11 and float(a).is_integer(), f"failing's seed must be a whole number from 0, was {a}")
            _require(0 <= b <= 1000, f"failing's m must be from 0 to 1000 (times L), was {b}")

    @staticmethod
    def parse(text: str) -> "Dist":
        """Reads ``fixed``, ``uniform:x=5``, ``lognormal:p99=10``, ``bimodal:f=0.05,m=10``, ``failing:seed=3,m=0.25``."""
        if text is None:
            raise TypeError("dist must not be None")
        name, _, args = text.strip().lower().partition(":")
        known = {"fixed": (), "uniform": ("x",), "lognormal": ("p99",), "bimodal": ("f", "m"), "failing": ("seed", "m")}
        try:
            _require(name in known, f"unknown distribution '{name}'")
            if name == "fixed":
                _require(not args, "fixed takes no parameters")
                return FIXED
            values = [_param(args, key, known[name]) for key in known[name]]
            return Dist(Kind(name), *values)
        except ValueError as e:
            raise ValueError(f"malformed dist '{text}': {e} {_HELP}") from e

    def text(self) -> str:
        """The text ``parse`` reads back, as the JVM writes it: ``bimodal:f=0.05,m=20``."""
        n = java_number
        return {Kind.FIXED: "fixed", Kind.UNIFORM: f"uniform:x={n(self.a)}", Kind.LOGNORMAL: f"lognormal:p99={n(self.a)}",
                Kind.BIMODAL: f"bimodal:f={n(self.a)},m={n(self.b)}", Kind.FAILING: f"failing:seed={n(self.a)},m={n(self.b)}"}[self.kind]

    def fails(self, id: int) -> bool:
        """Whether request ``id`` is the one a ``failing`` distribution answers 503."""
        return self.kind is Kind.FAILING and id == int(self.a)

    def latency_ms(self, id: int, nominal_ms: int) -> int:
        """Request ``id``'s latency in ms around ``nominal_ms``: what the server holds it."""
        if self.kind is Kind.FIXED or nominal_ms == 0:
            return nominal_ms
        if self.kind is Kind.FAILING:
            return min(MAX_MS, java_round(nominal_ms * self.b)) if self.fails(id) else nominal_ms
        u = draw(id)
        if self.kind is Kind.UNIFORM:
            x = min(self.a, float(nominal_ms))
            ms = nominal_ms - x + 2 * x * u
        elif self.kind is Kind.LOGNORMAL:
            ms = nominal_ms * math.exp(math.log(self.a) / _Z99 * normal_quantile(u))
        else:
            ms = nominal_ms * self.b if u < self.a else float(nominal_ms)
        return min(MAX_MS, max(0, java_round(ms)))


FIXED = Dist(Kind.FIXED)


def _param(args: str, key: str, known: tuple) -> float:
    pairs = [p.split("=", 1) for p in args.split(",")]
    for kv in pairs:
        _require(not kv[0].strip() or kv[0].strip() in known, f"unknown parameter '{kv[0].strip()}'")
    for kv in pairs:
        if len(kv) == 2 and kv[0].strip() == key:
            try:
                return float(kv[1].strip().replace("ms", ""))
            except ValueError:
                raise ValueError(f"{key} must be a number, was '{kv[1]}'") from None
    raise ValueError(f"needs {key}=...")


def java_number(v: float) -> str:
    """``Dist.num``: a whole value as a ``long``, else ``Double.toString`` (JDK 19+: the shortest
    digits, as Python's ``repr``, but ``1.0E-5`` where Python writes ``1e-05``)."""
    if float(v).is_integer():
        return str(int(v))
    d = Decimal(repr(float(v))).normalize()
    exponent = d.adjusted()
    if -3 <= exponent < 7:
        return format(d, "f")
    digits = "".join(map(str, d.as_tuple().digits))
    return f"{'-' if v < 0 else ''}{digits[0]}.{digits[1:] or '0'}E{exponent}"


def normal_quantile(p: float) -> float:
    """The standard normal's quantile at ``p`` in (0, 1): Peter Acklam's approximation, as the Java writes it."""
    a = (-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00)
    b = (-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01)
    c = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00)
    d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00)
    low = 0.02425
    if p < low:
        q = math.sqrt(-2 * math.log(p))
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    if p > 1 - low:
        return -normal_quantile(1 - p)
    q = p - 0.5
    r = q * q
    return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1))
