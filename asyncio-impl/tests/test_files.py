"""Scenario 4 (files): FI1, FI2 (ConformanceKit) and FI3 (core's FilesRules, with the kit's DiskWatch,
which the model's durable writes report to inside this process). The trees are the JVM's own
(``FileTrees.generate``, written by AsyncioKitTest), and so is the oracle's manifest."""

import hashlib
import math
import shutil
import tempfile
from pathlib import Path

import pytest

from asyncbench_asyncio import FilesSpec
from asyncbench_asyncio.durable_files import DiskWatch
from kit import Window, ms, rounds, timed, width

FILES_C = 8
FI3_C = 8
FI3_HOLD = ms(100)


@pytest.fixture
def scratch():
    """A folder for one test's outputs, removed after it: the kit leaves nothing behind."""
    folder = Path(tempfile.mkdtemp(prefix="asyncio-kit-digests-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def files_spec(kit, tree_key: str, c: int, scratch: Path) -> FilesSpec:
    tree = kit.answer(tree_key)
    out = scratch / "out"      # does not exist yet: the model creates it
    return FilesSpec(Path(tree["dir"]), tuple(tree["names"]), out, c)


def test_FI1_manifest_equals_the_oracles_and_each_digest_is_the_files_sha256(kit, scratch):
    spec = files_spec(kit, "files F=48 S=16384 seed=42", FILES_C, scratch)
    manifest = kit.run(kit.model.files(spec))
    assert [[e.file, e.bytes, e.sha256] for e in manifest.entries] == kit.answer("files F=48 S=16384 seed=42")["manifest"]
    assert [e.file for e in manifest.entries] == list(spec.files), "entries in input order"
    for e in manifest.entries:
        content = spec.input(e.file).read_bytes()
        assert e.bytes == len(content), e.file
        assert e.sha256 == hashlib.sha256(content).hexdigest(), e.file


def test_FI2_every_output_file_holds_its_manifest_line(kit, scratch):
    spec = files_spec(kit, "files F=48 S=16384 seed=42", FILES_C, scratch)
    manifest = kit.run(kit.model.files(spec))
    for e in manifest.entries:
        output = spec.output(e.file)
        assert output.is_file(), f"missing {output}"
        assert output.read_text(encoding="utf-8") == e.line(), str(output)
    assert len(list(spec.output_dir.iterdir())) == len(spec.files), "one output file per input file, nothing else"


def test_FI3_file_work_reaches_C_and_never_exceeds_it(kit, scratch):
    spec = files_spec(kit, "files F=32 S=4096 seed=43", FI3_C, scratch)
    w = width(kit.model, FI3_C)
    disk = DiskWatch.start(FI3_HOLD)
    try:
        manifest, elapsed = kit.run(timed(kit.model.files(spec)))
    finally:
        disk.close()
    assert [e.file for e in manifest.entries] == list(spec.files), "one entry per file, in input order"
    assert disk.writes == len(spec.files), f"one durable write per file: {disk.writes}"
    reached = math.ceil(0.8 * w)
    assert reached <= disk.peak <= FI3_C, \
        f"C = {FI3_C}: expected {reached} to {FI3_C} files written at once at the peak, the disk saw {disk.peak}"
    Window.around(f"files(F={len(spec.files)}, C={FI3_C}, each write held 100 ms)",
                  rounds(len(spec.files), w, FI3_HOLD.total_seconds())).check(elapsed)
