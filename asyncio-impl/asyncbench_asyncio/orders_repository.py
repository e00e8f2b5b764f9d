"""The database client of the asyncio row: asyncpg, one pool of exactly P connections.

core's ``io.OrdersRepository`` with asyncpg in place of JDBC and HikariCP: the same SQL (``$n``
for JDBC's ``?``), the same server-side wait, the same rows. asyncpg speaks PostgreSQL's protocol
itself, without a thread: a query holds a connection, not a thread, so the pool of P alone limits
how many run at once. It speaks nothing but PostgreSQL: the testbed's H2 fallback cannot serve
this row.

The pool is made as HikariCP's is (all P connections open before ``open`` returns, none closed
for idling or for age), which takes two asyncpg defaults off: closing a connection idle for
5 min (``max_inactive_connection_lifetime``) and replacing one after 50,000 queries
(``max_queries``); either would make a measurement pay for a reconnect. One default stays and is
named in ``SETTINGS``: asyncpg resets a connection when it returns to the pool (``RESET ALL``
and friends in one more round trip, before ``fetch`` returns); HikariCP does not.

Cancelling a task that awaits a query makes asyncpg send PostgreSQL a cancel request, so the
server-side wait ends too (a JDBC model's running query runs to its end).
"""

import sys
from dataclasses import dataclass

import asyncpg

from . import check, completions

ORDERS_SQL = ("SELECT o.id, o.customer_id, o.amount_cents "
              "FROM (SELECT (SELECT testbed_wait($1)) AS w) t LEFT JOIN orders o ON o.customer_id = $2 "
              "WHERE o.id IS NOT NULL ORDER BY o.id")
CUSTOMERS = 1000
MAX_POOL_SIZE = 256
CONNECTION_TIMEOUT_S = 30.0
SETTINGS = (f"asyncpg {asyncpg.__version__}: one pool of exactly P per repository (min_size = max_size = P, all open"
            " before use, never closed for idling or age), a reset round trip on every release")


@dataclass(frozen=True)
class Order:
    """One row of the testbed's ``orders`` table."""
    id: int
    customer_id: int
    amount_cents: int


def seeded_orders(customer_id: int) -> list[Order]:
    """The orders of one customer as the testbed seeds them (``OrdersSchema.ordersOf``): what a query must return."""
    if customer_id < 1 or customer_id > CUSTOMERS:
        return []
    return [Order(10 * customer_id + j, customer_id, (37 * customer_id + 11 * j) % 10_000 + 100) for j in range(customer_id % 5 + 1)]


def dsn_of(jdbc_url: str) -> str:
    """asyncpg's DSN for the testbed's JDBC URL: ``jdbc:postgresql://host:port/db`` loses its ``jdbc:``."""
    check.not_none(jdbc_url, "jdbcUrl")
    if not jdbc_url.startswith("jdbc:postgresql://"):
        raise ValueError(f"the asyncio row reaches PostgreSQL only (asyncpg), not {jdbc_url.split('//')[0]}")
    return jdbc_url[len("jdbc:"):]


class OrdersRepository:
    def __init__(self, pool: asyncpg.Pool, database: str, pool_size: int, customers: int = CUSTOMERS):
        self._pool = pool
        self.database = check.name(database, "database")
        self.pool_size = pool_size
        self.customers = check.in_range(customers, "customers", 1, 2**31 - 1)

    @classmethod
    async def open(cls, jdbc_url: str, user: str | None, password: str | None, pool_size: int, database: str,
                   customers: int = CUSTOMERS) -> "OrdersRepository":
        """A pool of exactly ``pool_size`` connections (P, 1 to 256), every one open when this returns."""
        check.in_range(pool_size, "pool size P", 1, MAX_POOL_SIZE)
        pool = await asyncpg.create_pool(dsn_of(jdbc_url), user=user, password=password,
                                         min_size=pool_size, max_size=pool_size,
                                         max_queries=sys.maxsize, max_inactive_connection_lifetime=0,
                                         timeout=CONNECTION_TIMEOUT_S, command_timeout=None)
        return cls(pool, database, pool_size, customers)

    async def orders_of(self, customer_id: int, latency) -> list[Order]:
        """The orders of one customer, after the server waited ``latency``. Waits for a free connection first."""
        rows = await self._pool.fetch(ORDERS_SQL, check.nanos(latency) / 1e9, customer_id)
        completions.mark(completions.Kind.DB)
        return [Order(r[0], r[1], r[2]) for r in rows]

    def describe(self) -> str:
        return f"{self.database}, asyncpg pool of {self.pool_size}"

    async def close(self) -> None:
        await self._pool.close()
