"""Scenario 10's outcomes as they come, one slot per request (core's ``io.RetryTally``).

The same bookkeeping in every model, so that models differ only in how they retry. Each slot is
written by the one task that serves its request; ``result()`` is read once every task has ended.
A success folds its body's CRC-32C into the checksum, a request out of attempts ``-1 - ordinal``
of its last fault.
"""

from . import bodies, checksums, check
from .faults import Fault
from .results import RetryResult


class RetryTally:
    def __init__(self, requests: int):
        check.in_range(requests, "requests", 1, 2**31 - 1)
        self._crcs = [0] * requests
        self._sizes = [0] * requests
        self._failures: list[Fault | None] = [None] * requests

    def succeeded(self, i: int, body: bytes) -> None:
        """Request ``i`` succeeded with ``body``."""
        self._crcs[i] = checksums.crc(body)
        self._sizes[i] = len(body)

    def failed(self, i: int, last_fault: Fault) -> None:
        """Request ``i`` ran out of attempts; ``last_fault`` is its last attempt's (``fault_of`` its error)."""
        self._failures[i] = check.not_none(last_fault, "lastFault")

    def result(self) -> RetryResult:
        checksum, total, succeeded, failed = checksums.START, 0, 0, {}
        for i, fault in enumerate(self._failures):
            if fault is not None:
                failed[i] = fault
                checksum = checksums.fold(checksum, -1 - fault.ordinal)
            else:
                succeeded += 1
                total += self._sizes[i]
                checksum = checksums.fold(checksum, self._crcs[i])
        return RetryResult(len(self._crcs), succeeded, total, checksum, failed)

    @staticmethod
    def expected(plan, requests: int, body_bytes: int) -> RetryResult:
        """The answer the plan gives, with no request: each request's ``/bytes`` body, or its last fault (rule RT1)."""
        tally = RetryTally(requests)
        for i in range(requests):
            last = plan.faults.outcome(i, plan.max_attempts)
            if last is None:
                tally.succeeded(i, bodies.bytes_of(i, body_bytes))
            else:
                tally.failed(i, last)
        return tally.result()
