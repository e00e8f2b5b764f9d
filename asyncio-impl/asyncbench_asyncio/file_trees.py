"""core's ``FileTrees.generate``, for the harness's files scenario: F files of S bytes over at most 16
folders (``dir-%02d/file-%07d.bin``, in sorted order), file i holding the bytes of Java's
``new SplittableRandom(seed * 0x9E3779B97F4A7C15 + i).nextBytes`` (each long little-endian first)."""

import struct
from pathlib import Path

from .splitmix import GOLDEN_GAMMA, MASK64, mix

FOLDERS = 16


def random_bytes(seed: int, size: int) -> bytes:
    """SplittableRandom(seed).nextBytes(new byte[size]): nextLong = mix64(seed += GOLDEN_GAMMA)."""
    s, words = seed & MASK64, []
    for _ in range((size + 7) // 8):
        s = (s + GOLDEN_GAMMA) & MASK64
        words.append(mix(s))
    return struct.pack(f"<{len(words)}Q", *words)[:size]


def generate(root: Path, files: int, bytes_per_file: int, seed: int) -> list[str]:
    if not 1 <= files <= 1_000_000 or not 0 <= bytes_per_file <= 64 << 20:
        raise ValueError(f"files must be between 1 and 1000000, bytes per file between 0 and 67108864; were {files}, {bytes_per_file}")
    per_folder = (files + FOLDERS - 1) // FOLDERS
    names = []
    for i in range(files):
        name = f"dir-{i // per_folder:02d}/file-{i:07d}.bin"
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(random_bytes(seed * 0x9E3779B97F4A7C15 + i, bytes_per_file))
        names.append(name)
    return names
