"""Scenario 6's "little CPU work" (core's ``Summaries.combine``), bit-exact.

A summary of one customer's profile and orders: SHA-256 of the profile, then ``ROUNDS`` times
SHA-256 of (the last digest, the rows), the rows being the id as a big-endian ``int`` and each
order's id and amount as big-endian ``long`` s (Java's ``ByteBuffer`` order); the summary is the
first 8 bytes of the last digest as a signed ``long``. It runs on the event loop's one thread:
every other task of the loop waits while it does (tens of microseconds).
"""

import hashlib
import struct

ROUNDS = 64


def combine(id: int, profile: bytes, orders) -> int:
    rows = struct.pack(">i", id) + b"".join(struct.pack(">qq", o.id, o.amount_cents) for o in orders)
    digest = hashlib.sha256(profile).digest()
    for _ in range(ROUNDS):
        digest = hashlib.sha256(digest + rows).digest()
    return int.from_bytes(digest[:8], "big", signed=True)
