"""The HTTP client of the asyncio row: the testbed's requests, over one aiohttp ClientSession.

core's ``io.TestbedClient`` in asyncio's one style: ``await http.send(http.bytes(...))``. The
request builders return the method and URL exactly as the JVM's client builds them (same paths,
parameter order, ``delayMs`` in whole ms, ``URLEncoder`` escaping), sent as they are
(``yarl.URL(..., encoded=True)``, so aiohttp does not re-quote them).

Cancelling the task that awaits ``send`` abandons the request: aiohttp closes the connection of
an exchange cancelled while it connects, sends or reads (``conn.close()`` / ``resp.close()``
on ``BaseException``), so the server counts it abandoned; it never returns such a connection to
its pool. Errors: ``ServerUnreachableError`` when nothing answers the connect (refused, or no
answer within 5 s; not a local failure such as too many open files), ``HttpStatusError`` for
any status but 2xx; any other aiohttp error (a connection closed mid-answer is
``ClientPayloadError``) passes as it is.

Two aiohttp defaults would distort the suite, so both are set: its connector opens at most 100
connections (``limit=100``), which would cut every C above 100 to 100, and its session gives
every request a total timeout of 5 minutes. Here the connector allows as many connections as the
largest C (as the JVM's Apache client does) and no request has a timeout of the client's own.
"""

import json
from typing import NamedTuple
from urllib.parse import quote_plus

import aiohttp
from yarl import URL

from . import check, completions
from .dist import FIXED, Dist, Kind
from .errors import HttpStatusError, ServerUnreachableError

CONNECT_TIMEOUT_S = 5.0
MAX_CONNECTIONS = 100_000          # FanOutSpec.MAX_IN_FLIGHT
SETTINGS = (f"aiohttp {aiohttp.__version__}: one ClientSession, TCPConnector(limit={MAX_CONNECTIONS}, limit_per_host=0)"
            f" (its default limit=100 would cut C), HTTP/1.1 keep-alive, connect timeout {CONNECT_TIMEOUT_S:g} s,"
            " no total timeout (its default is 5 min)")


class Request(NamedTuple):
    method: str
    url: str
    kind: completions.Kind


def java_url_encode(text: str) -> str:
    """``URLEncoder.encode(text, UTF_8)``: letters, digits and ``.-*_`` kept, space as ``+``, the rest %XX."""
    return quote_plus(text, safe="*").replace("~", "%7E")


class TestbedClient:
    def __init__(self, base: str, session: aiohttp.ClientSession):
        self.base = base
        self._session = session

    @classmethod
    async def open(cls, base: str) -> "TestbedClient":
        """A client for the testbed server at ``base`` (``http://127.0.0.1:8080``); call it on the loop that will use it."""
        check.not_none(base, "server")
        url = URL(base)
        if url.scheme != "http" or not url.host or url.explicit_port is None or url.port < 1:
            raise ValueError(f"server must be an http://host:port address, was {base}")
        connector = aiohttp.TCPConnector(limit=MAX_CONNECTIONS, limit_per_host=0)
        timeout = aiohttp.ClientTimeout(total=None, connect=None, sock_read=None, sock_connect=CONNECT_TIMEOUT_S)
        return cls(str(url.origin()), aiohttp.ClientSession(connector=connector, timeout=timeout))

    # ---- the testbed's requests -----------------------------------------------------------

    def bytes(self, seed: int, size: int, latency, dist: Dist = FIXED) -> Request:
        """``size`` deterministic bytes for ``seed``, held ``dist``'s draw for ``seed`` around ``latency``."""
        return self._get(f"/bytes?seed={seed}&size={size}&delayMs={check.millis(latency)}{_dist_param(dist)}")

    def flaky(self, seed: int, attempt: int, spec) -> Request:
        """Attempt ``attempt`` (from 1) of request ``seed`` of scenario 10; no timeout of its own."""
        return self._get(f"/flaky?seed={seed}&attempt={attempt}&size={spec.body_bytes}&delayMs={check.millis(spec.latency)}"
                         f"&faults={spec.faults.text()}&stallMs={check.millis(spec.stall_hold())}")

    def profile(self, id: int, latency, dist: Dist = FIXED) -> Request:
        return self._get(f"/profile?id={id}&delayMs={check.millis(latency)}{_dist_param(dist)}")

    def store(self, id: int, digest: int) -> Request:
        """Stores the summary of ``id`` (``Long.toHexString``: the unsigned hex of the 64-bit word)."""
        return Request("POST", f"{self.base}/store?id={id}&digest={digest & (2**64 - 1):x}", completions.Kind.STORE)

    def replica(self, replica) -> Request:
        return self._get(f"/replica?name={java_url_encode(replica.name)}&delayMs={check.millis(replica.latency)}"
                         f"&fail={'true' if replica.fails else 'false'}")

    def _get(self, path_and_query: str) -> Request:
        return Request("GET", self.base + path_and_query, completions.Kind.HTTP)

    # ---- the one style: await ---------------------------------------------------------------

    async def send(self, request: Request) -> bytes:
        """The body on 2xx. Cancelling the awaiting task abandons the request (its connection is closed)."""
        try:
            async with self._session.request(request.method, URL(request.url, encoded=True)) as response:
                body = await response.read()
                status = response.status
        except (aiohttp.ClientConnectorError, TimeoutError) as e:
            if _unreachable(e):
                raise ServerUnreachableError(self.base, e) from e
            raise
        if status // 100 != 2:
            raise HttpStatusError(request.url, status, body.decode("utf-8", "replace"))
        completions.mark(request.kind)
        return body

    # ---- the server's counters, for the harness and the kit ---------------------------------

    async def stats(self) -> dict:
        """The server's counters (``GET /stats``)."""
        return json.loads(await self.send(self._get("/stats")))

    async def attempts_text(self) -> str:
        """Scenario 10's attempts since the last reset, one per line (``GET /attempts``, core's ``Attempt.parse`` format)."""
        return (await self.send(self._get("/attempts"))).decode("utf-8")

    async def reset_stats(self) -> None:
        await self.send(Request("POST", f"{self.base}/reset", completions.Kind.HTTP))

    async def close(self) -> None:
        await self._session.close()


def _unreachable(error: BaseException) -> bool:
    """Whether nothing answered the connect: refused, or aiohttp's connect timeout (the only
    ``TimeoutError`` that can leave ``send``: a caller's deadline cancels it instead). Not any
    other connect failure (too many open files, say), which Java reports as no ConnectException."""
    return isinstance(error, TimeoutError) or isinstance(getattr(error, "os_error", None), ConnectionRefusedError)


def _dist_param(dist: Dist) -> str:
    return "" if dist.kind is Kind.FIXED else "&dist=" + java_url_encode(dist.text())
