"""The session of the asyncio row's conformance kit: one ``Kit`` (see ``kit.py``) for every test."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))     # asyncbench_asyncio
sys.path.insert(0, str(Path(__file__).resolve().parent))            # kit, broken

from kit import Kit  # noqa: E402


@pytest.fixture(scope="session")
def kit():
    session = Kit()
    yield session
    session.close()
