"""The asyncio model: the post's own model, one coroutine per ``TaskScenario`` operation.

Each method is an ``async def`` the harness awaits on its one event loop: there is no blocking
bridge to write, as ``runBlocking`` or ``join()`` are on the JVM, because the caller is a
coroutine too. A method returns the scenario's answer or raises its error as it is
(``TaskFailedError``, ``TimeoutError``, ``ServerUnreachableError``, ``HttpStatusError``, an
``asyncpg`` error); an argument of the wrong type, or None, is a ``TypeError`` naming it, before
any task starts. Cancelling the task that awaits a method is the JVM's interrupt (rule I1): the
call ends with ``CancelledError`` and every task, request and query it started is cancelled
before it does.

``traits()`` and ``rank`` mirror the Java ``TaskScenario`` defaults: concurrent, no limit on
waiting tasks but memory (``max_mass_tasks``).
"""

from dataclasses import dataclass
from datetime import timedelta

from . import aggregate, check, db, file_digests, gather, hello, http_fan_out, load, race, retry, timeout
from .config import AsyncioConfig
from .event_log import EventLog
from .io_specs import AggregateSpec, DbSpec, FanOutSpec, FilesSpec
from .load_spec import LoadSpec
from .results import AggregateResult, DbResult, FanOutResult, LoadResult, Manifest, Outcome, RetryResult
from .retry_spec import RetrySpec
from .specs import GatherSpec, MassGatherSpec, RaceSpec, TimeoutSpec

UNLIMITED = 2**31 - 1      # Java's Integer.MAX_VALUE, as Traits spells "no limit"


@dataclass(frozen=True)
class Traits:
    """What the model promises the conformance kit (core's ``Traits``)."""
    concurrent: bool
    max_waiting: int
    max_mass_tasks: int


class AsyncioModel:
    name = "asyncio"
    rank = 70

    def __init__(self):
        self._config = AsyncioConfig()

    def describe(self) -> str:
        """One line: the loop, the clients' limits, the file threads, the limits of every scenario."""
        return self._config.describe()

    def traits(self) -> Traits:
        """Unlimited W: a waiting task holds no thread; the mass gather is bounded by memory alone."""
        return Traits(True, UNLIMITED, self._config.max_mass_tasks)

    async def hello(self, pause: timedelta, log: EventLog) -> None:
        check.instance(log, EventLog, "log")
        await hello.hello(pause, log)

    async def gather(self, spec: GatherSpec, log: EventLog) -> list[str]:
        return await gather.gather(check.instance(spec, GatherSpec, "spec"), check.instance(log, EventLog, "log"))

    async def gather_all(self, spec: GatherSpec, log: EventLog) -> list[Outcome]:
        return await gather.gather_all(check.instance(spec, GatherSpec, "spec"), check.instance(log, EventLog, "log"))

    async def gather_many(self, spec: MassGatherSpec) -> int:
        return await gather.gather_many(check.instance(spec, MassGatherSpec, "spec"), self._config.max_mass_tasks)

    async def http_fan_out(self, spec: FanOutSpec) -> FanOutResult:
        return await http_fan_out.http_fan_out(check.instance(spec, FanOutSpec, "spec"))

    async def files(self, spec: FilesSpec) -> Manifest:
        return await file_digests.files(check.instance(spec, FilesSpec, "spec"), self._config)

    async def db(self, spec: DbSpec) -> DbResult:
        return await db.db(check.instance(spec, DbSpec, "spec"))

    async def aggregate(self, spec: AggregateSpec) -> AggregateResult:
        return await aggregate.aggregate(check.instance(spec, AggregateSpec, "spec"))

    async def fetch_with_timeout(self, spec: TimeoutSpec) -> str:
        return await timeout.fetch_with_timeout(check.instance(spec, TimeoutSpec, "spec"))

    async def race(self, spec: RaceSpec) -> str:
        return await race.race(check.instance(spec, RaceSpec, "spec"))

    async def retry(self, spec: RetrySpec) -> RetryResult:
        return await retry.retry(check.instance(spec, RetrySpec, "spec"))

    async def load(self, spec: LoadSpec) -> LoadResult:
        return await load.load(check.instance(spec, LoadSpec, "spec"))

    async def close(self) -> None:
        """Stops the file threads. Idempotent. The HTTP client and the repository are the caller's to close."""
        self._config.close()
