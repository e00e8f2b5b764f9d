"""Scenario 10: K requests, at most C in flight, each retried with backoff; outcomes in request order.

- Threads: the event loop's one thread; one task per request in flight, running its whole retry
  loop. No thread waits for a response or a backoff.
- Blocking: none. Each attempt is ``await http.send(...)`` inside ``asyncio.timeout``, each
  backoff ``asyncio.sleep``. An ``asyncio.Semaphore`` of C slots bounds the requests in flight:
  taken before a request's task starts, kept through its backoffs, handed on when it has its
  outcome.
- Cancellation: at an attempt's timeout ``asyncio.timeout`` cancels it, and aiohttp closes its
  connection: abandoned. The first error that is no fault of an attempt makes the ``TaskGroup``
  cancel every attempt in flight and every backoff.
- Errors: a 503, a dropped connection or a timeout (``fault_of``) is retried; a request out of
  attempts is recorded with its last fault; any other error is raised as it is.
"""

import asyncio

from . import check
from .errors import IO_ERRORS
from .faults import fault_of
from .results import RetryResult
from .retry_spec import RetrySpec
from .retry_tally import RetryTally
from .scopes import fail_fast


async def retry(spec: RetrySpec) -> RetryResult:
    http = spec.http
    tally = RetryTally(spec.requests)
    in_flight = asyncio.Semaphore(spec.max_in_flight)
    timeout = check.seconds(spec.attempt_timeout)

    async def request(i: int) -> None:
        attempt = 1
        while True:
            try:
                async with asyncio.timeout(timeout):
                    body = await http.send(http.flaky(i, attempt, spec))
                tally.succeeded(i, body)
                break
            except IO_ERRORS as error:                     # TimeoutError is one
                fault = fault_of(error)
                if fault is None:
                    raise                                  # no fault of an attempt: ends the call
            if attempt == spec.max_attempts:
                tally.failed(i, fault)
                break
            await asyncio.sleep(check.seconds(spec.backoff_after(i, attempt)))
            attempt += 1
        in_flight.release()                                # only a request with its outcome hands its slot on

    async with fail_fast() as group:                       # returns once every request has its outcome
        for i in range(spec.requests):
            await in_flight.acquire()                      # at most C requests in flight, backoffs included
            group.create_task(request(i))
    return tally.result()
