"""Plan files: UTF-8 JSON with ``schema_version``, migrations, atomic writes.

No pickle, no eval: a plan file is parsed as JSON and validated by the
pydantic model. A file from a newer version, a file that is not a plan, or a
broken file raises :class:`PlanFileError` and is never overwritten.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date, time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from planner.model import SCHEMA_VERSION, Plan

EXTENSION = ".bvp.json"

ErrorKind = Literal["not_found", "unreadable", "not_json", "not_a_plan", "newer_version", "invalid"]

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
    def __init__(self, kind: ErrorKind, path: Path, detail: str = "", errors: list[dict[str, Any]] | None = None) -> None:
        super().__init__(f"{kind}: {path}: {detail}")
        self.kind = kind
        self.path = path
        self.detail = detail
        self.errors = errors or []


class _FloatAmount(ValueError):
    def __init__(self, text: str) -> None:
        super().__init__(f"amount {text} must be written as text, for example \"{text}\"")
        self.text = text


def _reject_float(text: str) -> Any:
    raise _FloatAmount(text)


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
        raise PlanFileError("invalid", path, str(exc), exc.errors(include_url=False)) from exc


def load_plan(path: str | os.PathLike[str]) -> Plan:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise PlanFileError("not_found", path) from exc
    except OSError as exc:
        raise PlanFileError("unreadable", path, str(exc)) from exc
    try:
        data = json.loads(raw.decode("utf-8"), parse_float=_reject_float)
    except UnicodeDecodeError as exc:
        raise PlanFileError("not_json", path, str(exc)) from exc
    except _FloatAmount as exc:
        raise PlanFileError("invalid", path, str(exc), [{"type": "float_amount", "loc": (), "input": exc.text}]) from exc
    except ValueError as exc:
        raise PlanFileError("not_json", path, str(exc)) from exc
    return parse_plan(data, path)


def plan_to_json(plan: Plan) -> str:
    data = plan.model_dump(mode="python", exclude_defaults=False)
    return json.dumps(data, default=_json_default, ensure_ascii=False, indent=2) + "\n"


def _json_default(obj: object) -> object:
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, date | time):
        return obj.isoformat()
    raise TypeError(f"cannot store {type(obj).__name__}")


def save_plan(plan: Plan, path: str | os.PathLike[str]) -> None:
    """Write the plan atomically (see :func:`write_text_atomically`)."""
    write_text_atomically(path, plan_to_json(plan))


def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path``: a temp file in the same folder, fsync, then rename over the target,
    so a failure leaves the old file (or no file) and never half a one."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
