"""SHA-256, as scenario 4 digests files (core's ``Digests``): lower-case hex, as ``HexFormat.of()``."""

import hashlib


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
