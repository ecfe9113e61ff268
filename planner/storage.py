"""Plan files: UTF-8 JSON with ``schema_version``, migrations, atomic writes.

No pickle, no eval: a plan file is parsed as JSON and validated by the
pydantic model. A file from a newer version, a file that is not a plan, or a
broken file raises :class:`PlanFileError` and is never overwritten.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import tempfile
from datetime import date, time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from planner import crypt
from planner.model import SCHEMA_VERSION, Plan

EXTENSION = ".bvp.json"

MAX_FILE_BYTES = 4 * 1024 * 1024  # not a rule value: a file size bound
"""A plan file is at most 4 MB (a plan of :data:`planner.model.MAX_SHIFTS` shifts is about 0.6 MB)."""
MAX_DEPTH = 12
"""JSON nested deeper than this is no plan (a plan is at most five levels deep)."""
MAX_NUMBER_DIGITS = 15
"""A JSON number with more digits than this is refused before it is turned into a number."""
BOM = b"\xef\xbb\xbf"

ErrorKind = Literal["not_found", "unreadable", "too_large", "not_json", "not_a_plan", "newer_version", "invalid",
                    "encrypted", "wrong_password"]
"""``encrypted``: the file is protected with a password and none was given; ``wrong_password``: the password
does not open it, or the file was changed after it was sealed (see planner.crypt)."""

Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}
"""``MIGRATIONS[n]`` turns a version ``n`` plan dict into version ``n + 1``."""


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 added four facts of the household. A version 1 file did not state them: it had housing costs,
    no institution, no sanction, and its assets were not given."""
    household = dict(data["household"]) if isinstance(data.get("household"), dict) else data.get("household")
    if isinstance(household, dict):
        household.setdefault("housing_costs", True)
        household.setdefault("institution", False)
        household.setdefault("sanctions", [])
    return {**data, "household": household, "schema_version": 2}


MIGRATIONS[1] = _v1_to_v2


class PlanFileError(Exception):
    """A plan file the gate refuses. ``errors`` hold ``{"type", "loc", ...}`` for the messages of
    :func:`planner.validate.describe_errors`; ``detail`` is for the log only (it may be English)."""

    def __init__(self, kind: ErrorKind, path: Path, detail: str = "", errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(f"{kind}: {path}: {detail}")
        self.kind = kind
        self.path = path
        self.detail = detail
        self.errors = errors or []


class _Refused(Exception):
    """Strict JSON: something valid for Python's json module that a plan file may not hold."""

    def __init__(self, type_: str, **context: Any) -> None:
        super().__init__(type_)
        self.error = {"type": type_, "loc": (), **context}


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused("duplicate_key", input=_shown(key))
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise _Refused("not_a_number", input=name)


def _reject_float(text: str) -> Any:
    if len(text) > MAX_NUMBER_DIGITS + 2:
        raise _Refused("number_too_long", input=text[:MAX_NUMBER_DIGITS] + "…")
    raise _Refused("float_amount", input=text)


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _Refused("number_too_long", input=text[:MAX_NUMBER_DIGITS] + "…")
    return int(text)


def _shown(text: str) -> str:
    """A piece of the file fit to show in a message: short, no control characters, no lone surrogates."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    return "".join(c if c.isprintable() else "?" for c in text[:40])


def _check_tree(data: Any) -> None:
    """Refuse JSON nested deeper than :data:`MAX_DEPTH`, and text that is no valid Unicode."""
    stack = [(data, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise _Refused("too_deep", max=MAX_DEPTH)
        if isinstance(node, dict):
            for key, value in node.items():
                _check_text(key)
                stack.append((value, depth + 1))
        elif isinstance(node, list):
            stack.extend((value, depth + 1) for value in node)
        elif isinstance(node, str):
            _check_text(node)


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise _Refused("bad_text") from None


def parse_json(raw: bytes, path: Path) -> Any:
    """The strict JSON of a plan file: UTF-8 (a BOM is skipped), no duplicate keys, no NaN or Infinity,
    no fractions (amounts are text), no numbers of more than 15 digits, at most :data:`MAX_DEPTH` deep."""
    if raw.startswith(BOM):
        raw = raw[len(BOM):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PlanFileError("not_json", path, str(exc), [{"type": "not_utf8", "loc": ()}]) from exc
    try:
        data = json.loads(text, object_pairs_hook=_object, parse_float=_reject_float, parse_int=_int,
                          parse_constant=_no_constant)
        _check_tree(data)
    except _Refused as exc:
        kind: ErrorKind = "invalid" if exc.error["type"] == "float_amount" else "not_json"
        raise PlanFileError(kind, path, exc.error["type"], [exc.error]) from exc
    except RecursionError as exc:
        raise PlanFileError("not_json", path, "too deep", [{"type": "too_deep", "loc": (), "max": MAX_DEPTH}]) from exc
    except json.JSONDecodeError as exc:
        raise PlanFileError("not_json", path, str(exc),
                            [{"type": "json_syntax", "loc": (), "line": exc.lineno, "column": exc.colno}]) from exc
    except ValueError as exc:  # e.g. Python's own limit on the digits of a number
        raise PlanFileError("not_json", path, str(exc)) from exc
    return data


def parse_plan(data: Any, path: Path) -> Plan:
    if not isinstance(data, dict) or "schema_version" not in data or "household" not in data:
        raise PlanFileError("not_a_plan", path)
    version = data["schema_version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PlanFileError("not_a_plan", path, f"schema_version {version!r}")
    if version > SCHEMA_VERSION:
        raise PlanFileError("newer_version", path, str(version))
    original = data
    try:
        while data["schema_version"] < SCHEMA_VERSION:
            data = MIGRATIONS[data["schema_version"]](dict(data))
    except Exception as exc:  # a failed migration leaves the original untouched
        data = original
        raise PlanFileError("invalid", path, f"migration failed: {exc}") from exc
    try:
        return Plan.model_validate(data)
    except ValidationError as exc:
        raise PlanFileError("invalid", path, str(exc), exc.errors(include_url=False, include_input=True)) from exc


def read_plan_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a plan file, refused when larger than :data:`MAX_FILE_BYTES` (read no further)."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise PlanFileError("too_large", path, str(size), [{"type": "too_large", "loc": (), "size": size}])
            raw = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise PlanFileError("not_found", path) from exc
    except OSError as exc:
        raise PlanFileError("unreadable", path, str(exc)) from exc
    if len(raw) > MAX_FILE_BYTES:  # a file that grew, or a device
        raise PlanFileError("too_large", path, "", [{"type": "too_large", "loc": (), "size": len(raw)}])
    return raw


def load_plan(path: str | os.PathLike[str], password: str | None = None) -> Plan:
    """The one gate for a plan file, used by ``compute``, ``compare`` and the window alike.

    Raises :class:`PlanFileError` for anything that is not a plan within the bounds of
    :mod:`planner.model`; the file is only read. A password-protected file (planner.crypt) is opened with
    ``password``; the plan inside passes the same gate.
    """
    path = Path(path)
    data = parse_json(read_plan_bytes(path), path)
    if crypt.is_encrypted(data):
        if not password:
            raise PlanFileError("encrypted", path)
        try:
            plaintext = crypt.open_sealed(data, password)
        except crypt.WrongPassword as exc:
            raise PlanFileError("wrong_password", path) from exc
        except crypt.NotEncrypted as exc:
            raise PlanFileError("not_a_plan", path, str(exc)) from exc
        data = parse_json(plaintext, path)
    return parse_plan(data, path)


def is_protected(path: str | os.PathLike[str]) -> bool:
    """The file at ``path`` is a password-protected plan (False when it cannot be read)."""
    try:
        return crypt.is_encrypted(parse_json(read_plan_bytes(path), Path(path)))
    except PlanFileError:
        return False


def plan_to_json(plan: Plan) -> str:
    data = plan.model_dump(mode="python", exclude_defaults=False)
    return json.dumps(data, default=_json_default, ensure_ascii=False, indent=2) + "\n"


def _json_default(obj: object) -> object:
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, date | time):
        return obj.isoformat()
    raise TypeError(f"cannot store {type(obj).__name__}")


class ReadOnlyFile(PermissionError):
    """The file to be replaced is read-only: it is only overwritten when the user said so."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EACCES, "the file is read-only", str(path))
        self.path = path


PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
TEMP_SUFFIX = ".bvp-tmp"
"""A file being written is ``.<name>.<random>.bvp-tmp`` beside its target until it is renamed over it."""
_OLD_TEMP = re.compile(r"^\.(bvp-)?[a-z0-9_]{8}\.(tmp|pdf)$")
"""Temp files of earlier versions (``tempfile.mkstemp(prefix=".")``), removed when they hold a plan or a PDF."""


def plan_bytes(plan: Plan, password: str | None = None) -> bytes:
    """The plan file's bytes: its JSON, sealed with ``password`` when one is given (planner.crypt)."""
    data = plan_to_json(plan).encode("utf-8")
    return crypt.seal(data, password) if password else data


def save_plan(plan: Plan, path: str | os.PathLike[str], *, overwrite_read_only: bool = False,
              password: str | None = None) -> Path:
    """Write the plan atomically (see :func:`write_atomically`), sealed with ``password`` if given; returns the
    file written (a symlink's target)."""
    return write_atomically(path, plan_bytes(plan, password), overwrite_read_only=overwrite_read_only)


def write_text_atomically(path: str | os.PathLike[str], text: str, *, mode: int | None = None) -> Path:
    """:func:`write_atomically` for UTF-8 text."""
    return write_atomically(path, text.encode("utf-8"), mode=mode)


def _write_fully(fd: int, data: bytes) -> None:
    """Write all of ``data`` to ``fd`` (an ``OSError`` such as a full disk goes to the caller)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def write_atomically(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None,
                     overwrite_read_only: bool = False) -> Path:
    """Write ``data`` to ``path`` so that a failure at any moment leaves the old file or the new one, whole.

    A temp file in the target's folder is written, flushed to disk, given the
    target's permissions, renamed over the target, and then the folder is
    flushed too (so a power cut cannot lose the rename). A symlink is
    followed: its target is written and the link stays. A new file is
    owner-only (0600) unless ``mode`` says otherwise; an existing file keeps its
    permissions (``mode`` forces them). A read-only file raises
    :class:`ReadOnlyFile` unless ``overwrite_read_only``. On failure the temp
    file is removed and the error raised. Returns the file written.
    """
    target = Path(os.path.realpath(path))
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None and not existing.st_mode & stat.S_IWUSR and not overwrite_read_only:
        raise ReadOnlyFile(target)
    keep = stat.S_IMODE(existing.st_mode) if existing is not None else PRIVATE_FILE
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:40]}.", suffix=TEMP_SUFFIX, dir=target.parent)
    try:
        try:
            _write_fully(fd, data)
            os.fsync(fd)
            if hasattr(os, "fchmod"):
                os.fchmod(fd, mode if mode is not None else keep)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    sync_folder(target.parent)
    return target


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename) to disk; where the system cannot, nothing happens."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the data itself is synced
    finally:
        os.close(fd)


def remove_leftovers(folder: str | os.PathLike[str]) -> list[Path]:
    """Delete the temp files an interrupted save left in ``folder`` (at start); returns what was removed."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        ours = name.startswith(".") and name.endswith(TEMP_SUFFIX)
        if not ours and _OLD_TEMP.match(name):
            ours = _looks_like_ours(Path(entry.path))
        if ours and entry.is_file(follow_symlinks=False):
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass
    return removed


def _looks_like_ours(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(64)
    except OSError:
        return False
    return head.startswith((b'{\n  "schema_version"', b"%PDF")) or head == b""
