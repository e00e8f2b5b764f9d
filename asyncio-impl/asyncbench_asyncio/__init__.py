"""The asyncio row of the suite: the post's model on the JVM rows' testbed, scenarios and checks.

``AsyncioModel`` has one ``async`` method per scenario of SPEC.md; the scenario files
(``hello.py`` ... ``load.py``) are the model, each opening with the Threads / Blocking /
Cancellation / Errors list every model's files share. Everything else is shared data and
clients ported from core, bit-exact where the JVM computes a value. Needs CPython 3.11+
(``asyncio.TaskGroup``, ``asyncio.timeout``), aiohttp 3.8 and asyncpg 0.27 (Debian's packages).
"""

import sys

if sys.version_info < (3, 11):
    raise ImportError(f"the asyncio row needs Python 3.11 or later (TaskGroup, asyncio.timeout), not {sys.version.split()[0]}")

from .dist import FIXED, Dist                                             # noqa: E402
from .errors import HttpStatusError, ServerUnreachableError, TaskFailedError  # noqa: E402
from .event_log import EventLog                                           # noqa: E402
from .faults import Fault, Faults                                         # noqa: E402
from .io_specs import AggregateSpec, DbSpec, FanOutSpec, FilesSpec        # noqa: E402
from .load_spec import LoadSpec                                           # noqa: E402
from .model import AsyncioModel, Traits                                   # noqa: E402
from .orders_repository import OrdersRepository                           # noqa: E402
from .results import (AggregateResult, DbResult, FanOutResult, LoadResult, Manifest,  # noqa: E402
                      ManifestEntry, Outcome, RetryResult)
from .retry_plan import RetryPlan                                         # noqa: E402
from .retry_spec import RetrySpec                                         # noqa: E402
from .specs import GatherSpec, MassGatherSpec, RaceSpec, Replica, Task, TimeoutSpec  # noqa: E402
from .testbed_client import TestbedClient                                 # noqa: E402
