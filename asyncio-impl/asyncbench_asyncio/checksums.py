"""The order-sensitive checksum of scenarios 3, 6, 10 and 11 (core's ``Checksums``).

Each part's CRC-32C (Castagnoli, the JDK's ``java.util.zip.CRC32C``: reflected polynomial
0x82F63B78, initial and final xor 0xFFFFFFFF) folded in order as ``acc * 31 + part`` in a wrapping
Java ``long``. The standard library has only CRC-32 (``zlib.crc32``), another polynomial, so the
CRC comes from Debian's ``python3-crcmod`` C extension when it is installed; else from the
table-driven loop below, bit-exact but about a microsecond a byte, which would be measured as
this model's CPU time: ``CRC_IMPLEMENTATION`` says which one runs, and ``describe()`` prints it.
"""

from .splitmix import signed64

START = 17

_TABLE = []
for _n in range(256):
    _c = _n
    for _ in range(8):
        _c = (_c >> 1) ^ 0x82F63B78 if _c & 1 else _c >> 1
    _TABLE.append(_c)


def _crc32c_python(data: bytes) -> int:
    crc = 0xFFFFFFFF
    table = _TABLE
    for byte in data:
        crc = table[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


try:
    import importlib

    import crcmod.predefined

    _crc32c = crcmod.predefined.mkCrcFun("crc-32c")
    _fast = importlib.import_module("crcmod.crcmod")._usingExtension    # the package's name crcmod.crcmod is a class
    CRC_IMPLEMENTATION = "crcmod " + ("C extension" if _fast else "pure Python, slow (python3-crcmod lacks its extension)")
except ImportError:
    _crc32c = _crc32c_python
    CRC_IMPLEMENTATION = "pure Python, slow (install python3-crcmod)"


def crc(data: bytes) -> int:
    """CRC-32C of ``data``, 0 to 2^32 - 1, as ``CRC32C.getValue()``."""
    return _crc32c(data)


def fold(acc: int, part: int) -> int:
    """``acc * 31 + part`` in a Java ``long``: the result depends on the order the parts come in."""
    return signed64(acc * 31 + part)


def fold_all(parts_in_order) -> int:
    acc = START
    for part in parts_in_order:
        acc = fold(acc, part)
    return acc
