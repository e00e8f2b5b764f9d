"""SplitMix64 and the bits of Java arithmetic the suite's seeded values use.

Java's ``long`` wraps at 64 bits and its ``>>>`` shifts in zeros; Python's ``int`` never wraps.
So every value here is kept as an unsigned 64-bit word (``u64``): ``>>`` on it is Java's ``>>>``,
and a product masked to 64 bits has the bits Java's wrapped product has. ``signed64`` turns a
word back into the signed ``long`` Java prints. Ported from core's ``Dist.draw`` and
``Bodies.mix``; ``java_round`` is ``Math.round(double)``.
"""

import math

MASK64 = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15


def u64(x: int) -> int:
    """The 64-bit word of ``x``, as Java holds it (two's complement for a negative ``x``)."""
    return x & MASK64


def signed64(x: int) -> int:
    """The Java ``long`` whose bits are the low 64 bits of ``x``."""
    x &= MASK64
    return x - (1 << 64) if x >> 63 else x


def mix(z: int) -> int:
    """SplitMix64's finalizer (``Bodies.mix``): xor-shift 30, multiply, xor-shift 27, multiply, xor-shift 31."""
    z = u64(z)
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


def draw(seed: int) -> float:
    """``Dist.draw``: ``((splitmix64(seed) >>> 11) + 0.5) / 2^53``, strictly inside (0, 1).

    ``(z >> 11) + 0.5`` converts the word (below 2^53, exactly) to a double, then adds, as Java's
    ``long + double`` does; dividing by 2^53 is exact.
    """
    z = mix(u64(seed) + GOLDEN_GAMMA)
    return ((z >> 11) + 0.5) / (1 << 53)


def java_round(x: float) -> int:
    """``Math.round(double)``: the closest integer, ties towards positive infinity (Python's
    ``round`` goes to even: ``round(2.5) == 2``, Java's gives 3). Exact: ``x - floor(x)`` is."""
    if x != x:
        return 0
    f = math.floor(x)
    return f + 1 if x - f >= 0.5 else f
