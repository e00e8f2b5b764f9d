"""Scenario 5: Q queries through the repository's pool of P connections, each waiting server-side.

- Threads: the event loop's one thread; asyncpg talks to PostgreSQL on non-blocking sockets.
  One task per query, all started at once: P of them hold a connection and wait for their
  query's rows, the others wait for a connection in the pool's queue (first come, first
  served). The pool, not the model, is the limit.
- Blocking: none; a query holds a connection, not a thread.
- Cancellation: on the first failure the ``TaskGroup`` cancels every query: a queued one leaves
  the pool's queue and never runs; for a running one asyncpg sends PostgreSQL a cancel request,
  which ends its server-side wait.
- Errors: the first failure (an ``asyncpg.PostgresError``, an ``OSError``) is raised as it is.
"""

from .io_specs import DbSpec
from .results import DbResult
from .scopes import fail_fast


async def db(spec: DbSpec) -> DbResult:
    orders = spec.orders
    queries = spec.queries
    rows = [0] * queries
    cents = [0] * queries

    async def query(i: int) -> None:                   # query i, holding a connection while it runs
        found = await orders.orders_of(spec.customer_for(i), spec.latency)
        rows[i] = len(found)
        cents[i] = sum(o.amount_cents for o in found)

    async with fail_fast() as group:                   # returns once every query is done
        for i in range(queries):
            group.create_task(query(i))
    return DbResult(queries, sum(rows), sum(cents))
