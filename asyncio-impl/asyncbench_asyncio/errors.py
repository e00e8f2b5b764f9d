"""The suite's errors, as Python exceptions.

Java's ``IOException`` family is ``OSError`` here: ``ServerUnreachableError`` and
``HttpStatusError`` derive from it, as their Java namesakes derive from ``IOException``. aiohttp's
own errors for a broken exchange (``ClientPayloadError``, ``ServerDisconnectedError``) are
``aiohttp.ClientError`` but not ``OSError``, so ``IO_ERRORS`` names both: what a Java model
catches as ``IOException``. Note that Python's ``TimeoutError`` is an ``OSError`` too.
"""

import aiohttp

IO_ERRORS = (OSError, aiohttp.ClientError)


class TaskFailedError(Exception):
    """The error a gather task raises when its spec says it fails (scenario 8)."""

    def __init__(self, task: str):
        super().__init__(f"Task {task} failed")
        self.task = task


class ServerUnreachableError(OSError):
    """Nothing answers at the testbed server's address."""

    def __init__(self, server: str, cause: BaseException):
        detail = type(cause).__name__ + (f": {cause}" if str(cause) else "")
        super().__init__(f"server {server} is unreachable ({detail}); start the testbed or pass the address of a running one")
        self.server = server


class HttpStatusError(OSError):
    """The testbed answered with a status other than 2xx (a replica told to fail answers 503)."""

    def __init__(self, url: str, status: int, body: str):
        super().__init__(f"HTTP {status} from {url}" + (f": {body.strip()}" if body.strip() else ""))
        self.status = status
