"""Legal parameters as dated data files, and "what is in force on date D".

The files live beside this module, one per parameter, in a tree that mirrors
the law (``participatiewet/norm/...``, ``gemeenten/amsterdam/...``). A
parameter's id is its path without ``.yaml``.

Looking a value up never guesses silently. The answer says how it was found:

- ``in_force``: a published value covers the date;
- ``not_yet_published``: the date lies past the period the last value is
  known to cover (the parameter is indexed every half year or every year and
  the next value is not in our files yet); the last value is used;
- ``earlier_unknown``: the date lies before the first value and the parameter
  did exist then, with a value we could not source; the first value is used;
- ``unknown``: the file says a value exists here that we could not source.

A date on which a parameter does not exist (before its first value, or
after ``ends: true``) gives ``None`` from :meth:`RuleSet.find` and a
:class:`RuleNotInForce` error from :meth:`RuleSet.get`.

:func:`load_rules` parses and validates the files once per version of them:
the result is kept as JSON (never pickle) in the user's cache folder, in a
file named by a hash of the rule files and of this module and its schema
(in a bundle, whose modules are in an archive: of the program file and the
package version). A later start whose files hash the same reads that
JSON instead of parsing and validating the YAML again. A missing, unreadable,
broken or unwritable cache only costs the parse (logged at INFO).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from planner.rules.schema import ParameterFile, Reference, Status, Text, parse_value

log = logging.getLogger("planner.rules")

RULES_DIR = Path(__file__).resolve().parent

Coverage = Literal["in_force", "not_yet_published", "earlier_unknown", "unknown"]


class RuleFileError(Exception):
    """A rule file that does not follow the schema. The app refuses to start on it."""


class RuleNotInForce(LookupError):
    """The parameter does not exist on the date asked for."""

    def __init__(self, param_id: str, on: date) -> None:
        super().__init__(f"rule {param_id!r} is not in force on {on.isoformat()}")
        self.param_id = param_id
        self.on = on


@dataclass(frozen=True, slots=True)
class Parameter:
    id: str
    label: Text
    description: Text
    article: Text
    unit: str
    period: str
    indexation: str
    earlier_values: str
    starts: tuple[date, ...]
    entries: tuple[_Entry, ...]


@dataclass(frozen=True, slots=True)
class _Entry:
    start: date
    value: Decimal | int | tuple[int, ...] | str | None
    status: Status
    ends: bool
    references: tuple[Reference, ...]
    note: str | None


@dataclass(frozen=True, slots=True)
class RuleValue:
    """A parameter's value for one date, with where it came from."""

    param: Parameter
    value: Decimal | int | tuple[int, ...] | str | None
    valid_from: date
    status: Status
    coverage: Coverage
    references: tuple[Reference, ...]
    note: str | None

    @property
    def id(self) -> str:
        return self.param.id

    @property
    def published(self) -> bool:
        return self.coverage == "in_force"

    @property
    def certain(self) -> bool:
        """Verified or derived from verified values, and in force on the date."""
        return self.published and self.status in ("verified", "derived")

    @property
    def decimal(self) -> Decimal:
        if not isinstance(self.value, Decimal):
            raise TypeError(f"{self.id} is not an amount or percentage")
        return self.value


def _next_index_date(start: date, indexation: str) -> date | None:
    """The first date after ``start`` on which a new value is expected."""
    if indexation == "none":
        return None
    if indexation == "yearly":
        return date(start.year + 1, 1, 1)
    # half-yearly: 1 January and 1 July
    if start.month < 7:
        return date(start.year, 7, 1)
    return date(start.year + 1, 1, 1)


class RuleSet:
    """All parameters, looked up by id and date."""

    def __init__(self, params: dict[str, Parameter]) -> None:
        self._params = params
        self._values: dict[tuple[str, int, str], RuleValue] = {}

    def __contains__(self, param_id: str) -> bool:
        return param_id in self._params

    def ids(self) -> list[str]:
        return sorted(self._params)

    def parameter(self, param_id: str) -> Parameter:
        try:
            return self._params[param_id]
        except KeyError:
            raise KeyError(f"no rule file for {param_id!r}") from None

    def find(self, param_id: str, on: date) -> RuleValue | None:
        """The value in force on ``on``, or ``None`` where the rule does not exist."""
        param = self.parameter(param_id)
        i = bisect_right(param.starts, on) - 1
        if i < 0:
            if param.earlier_values != "unknown":
                return None
            return self._value(param, 0, "earlier_unknown")
        entry = param.entries[i]
        if entry.ends:
            return None
        if entry.status == "unknown":
            return self._value(param, i, "unknown")
        coverage: Coverage = "in_force"
        if i == len(param.entries) - 1:
            nxt = _next_index_date(entry.start, param.indexation)
            if nxt is not None and on >= nxt:
                coverage = "not_yet_published"
        return self._value(param, i, coverage)

    def get(self, param_id: str, on: date) -> RuleValue:
        found = self.find(param_id, on)
        if found is None:
            raise RuleNotInForce(param_id, on)
        return found

    def _value(self, param: Parameter, i: int, coverage: Coverage) -> RuleValue:
        """One shared RuleValue per (parameter, entry, coverage): look-ups are cheap and comparable."""
        key = (param.id, i, coverage)
        found = self._values.get(key)
        if found is None:
            entry = param.entries[i]
            if entry.status == "unknown":
                # Keep the last number we do know, flagged; the caller decides.
                known = next((e for e in reversed(param.entries[:i]) if e.value is not None), None)
                value, start = (None, entry.start) if known is None else (known.value, known.start)
                found = RuleValue(param, value, start, "unknown", "unknown", entry.references, entry.note)
            else:
                found = RuleValue(param, entry.value, entry.start, entry.status, coverage, entry.references, entry.note)
            self._values[key] = found
        return found

    def first_date(self) -> date:
        return min(p.starts[0] for p in self._params.values())


# --- loading -------------------------------------------------------------------------------------


@cache
def _strict_loader() -> type:
    """safe_load's loader that keeps dates as strings and refuses duplicate keys and unquoted decimals.

    Made, and PyYAML imported, on the first parse only: a start that reads the rules from the JSON cache
    needs neither (importing PyYAML costs a start some 10-20 ms).
    """
    import yaml

    class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser where PyYAML has it
        """safe_load that keeps dates as strings and refuses duplicate keys."""

    # Dates stay strings: drop the implicit timestamp resolver.
    _StrictLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def _no_duplicates(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
        mapping: dict = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=deep)
            if key in mapping:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark, f"duplicate key {key!r}", key_node.start_mark
                )
            mapping[key] = loader.construct_object(value_node, deep=deep)
        return mapping

    def _no_floats(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> float:
        raise yaml.constructor.ConstructorError(
            None, None, f"unquoted decimal {node.value!r}: write amounts as quoted strings", node.start_mark
        )

    _StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)
    _StrictLoader.add_constructor("tag:yaml.org,2002:float", _no_floats)
    return _StrictLoader


def read_yaml(text: str) -> object:
    """Parse YAML text with the strict loader (no dates, no floats, no duplicate keys)."""
    import yaml

    return yaml.load(text, Loader=_strict_loader())  # noqa: S506 - a SafeLoader subclass


def parse_parameter(param_id: str, text: str) -> Parameter:
    """Parse and validate one parameter file's text."""
    import yaml

    try:
        raw = read_yaml(text)
        if "\t" in text:
            raise ValueError("tabs are not allowed in rule files")
        pf = ParameterFile.model_validate(raw)
    except (yaml.YAMLError, ValidationError, ValueError) as exc:
        raise RuleFileError(f"{param_id}: {exc}") from exc
    entries = tuple(
        _Entry(
            start=date.fromisoformat(key),
            value=None if dv.value is None else parse_value(pf.unit, dv.value, where=key),
            status=dv.status,
            ends=dv.ends,
            references=dv.references,
            note=dv.note,
        )
        for key, dv in pf.values.items()
    )
    return Parameter(
        id=param_id,
        label=pf.label,
        description=pf.description,
        article=pf.article,
        unit=pf.unit,
        period=pf.period,
        indexation=pf.indexation,
        earlier_values=pf.earlier_values,
        starts=tuple(e.start for e in entries),
        entries=entries,
    )


def load_dir(root: Path) -> RuleSet:
    params: dict[str, Parameter] = {}
    for param_id, path in _rule_files(root):
        params[param_id] = parse_parameter(param_id, Path(path).read_text(encoding="utf-8"))
    if not params:
        raise RuleFileError(f"no rule files found under {root}")
    log.debug("loaded %d rule parameters", len(params))
    return RuleSet(params)


# --- the cache of parsed rules ---------------------------------------------------------------------

#: Raise when the JSON layout below changes (it is part of the cache key, so old files are ignored).
CACHE_FORMAT = 1
#: How many versions of the rule files keep a cache in the folder.
KEEP_CACHES = 3


def _package_version() -> str:
    """The installed version of the package, or "unknown"."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("bijverdienplanner")
    except PackageNotFoundError:  # a bundle without metadata: the hash of the files decides alone
        return "unknown"


def _rule_files(root: Path) -> list[tuple[str, str]]:
    """``(parameter id, file)`` of the ``*.yaml`` files under ``root``, in a fixed order (plain strings: every
    start lists and hashes them)."""
    found = []
    top = os.fspath(root)
    for folder, _dirs, names in os.walk(top):
        inside = os.path.relpath(folder, top).replace(os.sep, "/")
        prefix = "" if inside == "." else inside + "/"
        found.extend((prefix + name[: -len(".yaml")], os.path.join(folder, name)) for name in names if name.endswith(".yaml"))
    return sorted(found, key=lambda pair: pair[0].split("/"))


def _cache_key(root: Path) -> str:
    """A hash of everything the parsed rules depend on: the files, and this loader and its schema.

    The loader's source (this module and schema.py) is hashed where it is a file. A bundle keeps its
    modules in an archive: there the program file (size and time) and the package version stand for it.
    Only then is the version looked up: importlib.metadata searches every installed package for it, which
    costs a start 10-20 ms.
    """
    digest = hashlib.sha256(f"bijverdienplanner-rules {CACHE_FORMAT}\n".encode())
    modules = (Path(__file__), Path(__file__).with_name("schema.py"))
    if all(module.is_file() for module in modules):
        for module in modules:
            digest.update(module.read_bytes())
    else:
        program = os.stat(sys.executable)
        digest.update(f"{_package_version()} {sys.executable} {program.st_size} {program.st_mtime_ns}\n".encode())
    for param_id, path in _rule_files(root):
        digest.update(b"\0" + param_id.encode() + b".yaml\0")
        with open(path, "rb") as fh:
            digest.update(fh.read())
    return digest.hexdigest()


def cache_dir() -> Path:
    """The user's cache folder of the app (``BIJVERDIENPLANNER_CACHE_DIR`` overrides it)."""
    given = os.environ.get("BIJVERDIENPLANNER_CACHE_DIR")
    if given:
        return Path(given)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("bijverdienplanner", appauthor=False))


def _value_json(value: Decimal | int | tuple[int, ...] | str | None) -> object:
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, tuple):
        return {"list": list(value)}
    return value  # int, str or None: JSON keeps them as they are


def _value_from_json(data: object) -> Decimal | int | tuple[int, ...] | str | None:
    if isinstance(data, dict):
        if "decimal" in data:
            return Decimal(data["decimal"])
        return tuple(int(i) for i in data["list"])
    if data is None or isinstance(data, (int, str)) and not isinstance(data, bool):
        return data
    raise ValueError(f"not a rule value: {data!r}")


def _rules_json(rules: RuleSet, key: str) -> dict:
    def text(t: Text) -> dict:
        return {"nl": t.nl, "en": t.en}

    return {
        "key": key,
        "parameters": [
            {
                "id": p.id, "label": text(p.label), "description": text(p.description), "article": text(p.article),
                "unit": p.unit, "period": p.period, "indexation": p.indexation, "earlier_values": p.earlier_values,
                "entries": [
                    {"start": e.start.isoformat(), "value": _value_json(e.value), "status": e.status, "ends": e.ends,
                     "references": [{"title": r.title, "url": r.url, "consulted": r.consulted} for r in e.references],
                     "note": e.note}
                    for e in p.entries
                ],
            }
            for p in (rules.parameter(i) for i in rules.ids())
        ],
    }


def _rules_from_json(data: dict, key: str) -> RuleSet:
    """The rule set written by :func:`_rules_json`; ValueError, KeyError or TypeError when it is not that."""
    if data.get("key") != key:
        raise ValueError("cache written for other rule files")
    params: dict[str, Parameter] = {}
    for p in data["parameters"]:
        # Validated by the schema before the cache was written; only rebuilt here.
        entries = tuple(
            _Entry(
                start=date.fromisoformat(e["start"]),
                value=_value_from_json(e["value"]),
                status=e["status"],
                ends=bool(e["ends"]),
                references=tuple(Reference.model_construct(**r) for r in e["references"]),
                note=e["note"],
            )
            for e in p["entries"]
        )
        params[p["id"]] = Parameter(
            id=p["id"],
            label=Text.model_construct(**p["label"]),
            description=Text.model_construct(**p["description"]),
            article=Text.model_construct(**p["article"]),
            unit=p["unit"],
            period=p["period"],
            indexation=p["indexation"],
            earlier_values=p["earlier_values"],
            starts=tuple(e.start for e in entries),
            entries=entries,
        )
    if not params:
        raise ValueError("no parameters")
    return RuleSet(params)


def _write_atomically(path: Path, text: str) -> None:
    import tempfile  # only when the cache is written: once per version of the rule files

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".rules-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_cached(root: Path, folder: Path) -> RuleSet:
    """The rules under ``root``, from the JSON cache in ``folder`` when it matches the files, else parsed (and cached)."""
    key = _cache_key(root)
    path = folder / f"rules-{key[:32]}.json"
    try:
        rules = _rules_from_json(json.loads(path.read_text(encoding="utf-8")), key)
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.info("rule cache %s not used (%s); parsing the rule files", path, exc)
    else:
        log.debug("rules read from the cache %s", path)
        return rules
    rules = load_dir(root)
    try:
        _write_atomically(path, json.dumps(_rules_json(rules, key), ensure_ascii=False, separators=(",", ":")))
        # Keep the caches of the last few versions (a wheel and a bundle side by side), drop older ones.
        others = sorted((p for p in folder.glob("rules-*.json") if p != path), key=lambda p: p.stat().st_mtime)
        for stale in others[: max(0, len(others) - (KEEP_CACHES - 1))]:
            stale.unlink(missing_ok=True)
    except OSError as exc:
        log.info("rule cache %s not written (%s)", path, exc)
    return rules


@cache
def load_rules() -> RuleSet:
    """The app's rules, loaded once per process, parsed once per version of the files (see the module's doc)."""
    return load_cached(RULES_DIR, cache_dir())


__all__ = [
    "Coverage",
    "Parameter",
    "Reference",
    "RuleFileError",
    "RuleNotInForce",
    "RuleSet",
    "RuleValue",
    "cache_dir",
    "load_cached",
    "load_dir",
    "load_rules",
    "parse_parameter",
    "read_yaml",
]
