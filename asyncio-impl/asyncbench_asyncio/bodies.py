"""The testbed's response bodies, pure functions of the request (core's ``testbed.Bodies``).

``/bytes?seed=S&size=B`` is the first B bytes of the SplitMix64 stream started at S, each word
little-endian, the last one cut to fit; ``/profile?id=I`` a small JSON object picked from fixed
tables by mixing I. The model never needs them (the server sends them); ``RetryTally.expected``
and the conformance kit do, to know an answer without asking the server.
"""

from .splitmix import GOLDEN_GAMMA, mix, u64

_CITIES = ("Lisbon", "Oslo", "Kyoto", "Quito", "Accra", "Tallinn", "Hobart", "Recife")
_TIERS = ("bronze", "silver", "gold", "platinum")
_INTERESTS = ("cycling", "chess", "jazz", "hiking", "pottery", "sailing", "baking", "astronomy")


def bytes_of(seed: int, size: int) -> bytes:
    """The ``size`` bytes of ``seed``."""
    out = bytearray()
    state = u64(seed)
    while size - len(out) >= 8:
        state = u64(state + GOLDEN_GAMMA)
        out += mix(state).to_bytes(8, "little")
    out += mix(state + GOLDEN_GAMMA).to_bytes(8, "little")[: size - len(out)]
    return bytes(out)


def profile(id: int) -> bytes:
    """The profile of customer ``id``: deterministic JSON, 250 to 350 bytes."""
    h = mix(id * GOLDEN_GAMMA + 1)
    two = lambda n: f"0{n}" if n < 10 else str(n)  # noqa: E731
    json = (f'{{"id":{id},"name":"Customer {id}","email":"customer{id}@example.test"'
            f',"city":"{_CITIES[h & 7]}","tier":"{_TIERS[(h >> 3) & 3]}"'
            f',"since":"{2005 + ((h >> 5) & 15)}-{two(1 + (h >> 9) % 12)}-{two(1 + (h >> 13) % 28)}"'
            f',"interests":["{_INTERESTS[(h >> 20) & 7]}","{_INTERESTS[(h >> 23) & 7]}"]'
            f',"newsletter":{"true" if (h >> 26) & 1 else "false"}'
            f',"creditLimitCents":{1000 * ((h >> 27) & 0xFFF)}'
            ',"note":"deterministic test profile: the same id always yields these bytes"}')
    return json.encode("utf-8")
