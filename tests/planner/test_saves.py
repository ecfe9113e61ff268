"""Saves that keep their promise: atomic, synced, private, symlinks followed, read-only respected, no leftovers."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planner import storage
from planner.storage import ReadOnlyFile, TEMP_SUFFIX, load_plan, remove_leftovers, save_plan, write_atomically

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "schoonmaker-amsterdam.bvp.json"
HOTEL = ROOT / "examples" / "schoonmaker-hotel-amsterdam.bvp.json"


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_plan_is_owner_only_and_an_existing_one_keeps_its_permissions(tmp_path: Path) -> None:
    plan = load_plan(EXAMPLE)
    new = tmp_path / "new.bvp.json"
    save_plan(plan, new)
    assert mode(new) == 0o600
    shared = tmp_path / "shared.bvp.json"
    shared.write_text("{}")
    shared.chmod(0o640)
    save_plan(plan, shared)
    assert mode(shared) == 0o640
    assert load_plan(shared) == plan


def test_a_symlinked_plan_is_followed(tmp_path: Path) -> None:
    real = tmp_path / "real" / "plan.bvp.json"
    real.parent.mkdir()
    save_plan(load_plan(EXAMPLE), real)
    link = tmp_path / "link.bvp.json"
    link.symlink_to(real)
    written = save_plan(load_plan(HOTEL), link)
    assert written == real.resolve()
    assert link.is_symlink(), "the link stays a link"
    assert load_plan(real) == load_plan(HOTEL)


def test_a_read_only_plan_is_not_overwritten_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "ro.bvp.json"
    save_plan(load_plan(EXAMPLE), path)
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(ReadOnlyFile):
        save_plan(load_plan(HOTEL), path)
    assert path.read_bytes() == before
    save_plan(load_plan(HOTEL), path, overwrite_read_only=True)
    assert load_plan(path) == load_plan(HOTEL)
    assert mode(path) == 0o444, "its permissions are kept"
    assert [p.name for p in tmp_path.iterdir()] == ["ro.bvp.json"]


def test_a_full_disk_leaves_the_old_file_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.bvp.json"
    save_plan(load_plan(EXAMPLE), path)
    before = path.read_bytes()

    def full(fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) // 3])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage, "_write_fully", full)
    with pytest.raises(OSError) as info:
        save_plan(load_plan(HOTEL), path)
    assert info.value.errno == errno.ENOSPC
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["plan.bvp.json"]


def test_the_folder_is_synced_after_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    steps: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        steps.append("fsync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    def replace(a, b) -> None:  # noqa: ANN001
        steps.append("rename")
        real_replace(a, b)

    monkeypatch.setattr(storage.os, "fsync", fsync)
    monkeypatch.setattr(storage.os, "replace", replace)
    write_atomically(tmp_path / "x.bvp.json", b"{}")
    assert steps == ["fsync file", "rename", "fsync folder"]


def test_leftovers_of_interrupted_saves_are_removed_and_nothing_else(tmp_path: Path) -> None:
    ours = tmp_path / f".plan.bvp.json.k2j3h4{TEMP_SUFFIX}"
    ours.write_text('{"schema_version": 1')
    old = tmp_path / ".ab12cd34.tmp"
    old.write_text('{\n  "schema_version": 1,')
    other = tmp_path / ".zz99yy88.tmp"
    other.write_text("someone else's")
    plan = tmp_path / "plan.bvp.json"
    plan.write_text("{}")
    hidden = tmp_path / ".hidden"
    hidden.write_text("x")
    removed = remove_leftovers(tmp_path)
    assert sorted(p.name for p in removed) == sorted([ours.name, old.name])
    assert sorted(p.name for p in tmp_path.iterdir()) == [".hidden", ".zz99yy88.tmp", "plan.bvp.json"]


_SAVER = """
import sys
from planner.storage import load_plan, save_plan
a, b = load_plan(sys.argv[2]), load_plan(sys.argv[3])
print("ready", flush=True)
while True:
    save_plan(a, sys.argv[1])
    save_plan(b, sys.argv[1])
"""


def test_killed_during_saves_the_plan_is_old_or_new_and_the_next_start_leaves_nothing(tmp_path: Path) -> None:
    path = tmp_path / "plan.bvp.json"
    save_plan(load_plan(EXAMPLE), path)
    plans = [load_plan(EXAMPLE), load_plan(HOTEL)]
    for n in range(25):
        proc = subprocess.Popen([sys.executable, "-c", _SAVER, str(path), str(EXAMPLE), str(HOTEL)],
                                stdout=subprocess.PIPE, cwd=ROOT)
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
        time.sleep(0.002 * (n % 7))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        assert load_plan(path) in plans
        remove_leftovers(tmp_path)
        assert [p.name for p in tmp_path.iterdir()] == ["plan.bvp.json"]
