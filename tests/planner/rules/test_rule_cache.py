"""The parsed rules are cached as JSON, once per version of the rule files, and a bad cache only costs a parse."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest

import planner.rules as rules_module
from planner.rules import RULES_DIR, RuleSet, load_cached, load_dir

PARAM = "participatiewet/norm/art21a_alleenstaande"


def _same(a: RuleSet, b: RuleSet) -> None:
    assert a.ids() == b.ids()
    for param_id in a.ids():
        assert a.parameter(param_id) == b.parameter(param_id), param_id


@pytest.fixture
def rule_dir(tmp_path: Path) -> Path:
    root = tmp_path / "rules"
    shutil.copytree(RULES_DIR, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return root


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    parsed: list[Path] = []
    real = rules_module.load_dir

    def counting(root: Path) -> RuleSet:
        parsed.append(root)
        return real(root)

    monkeypatch.setattr(rules_module, "load_dir", counting)
    return parsed


def test_the_second_start_reads_the_cache_and_gets_the_same_rules(
    rule_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = _count_parses(monkeypatch)
    first = load_cached(rule_dir, tmp_path / "cache")
    (cached,) = (tmp_path / "cache").glob("rules-*.json")
    json.loads(cached.read_text(encoding="utf-8"))  # plain JSON, nothing executable
    second = load_cached(rule_dir, tmp_path / "cache")
    assert parsed == [rule_dir]  # parsed once, then read from the cache
    _same(first, second)
    _same(second, load_dir(rule_dir))


def test_a_changed_rule_file_is_parsed_again(rule_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_cached(rule_dir, tmp_path / "cache")
    path = rule_dir / f"{PARAM}.yaml"
    text = path.read_text(encoding="utf-8")
    old = load_dir(rule_dir).parameter(PARAM).entries[-1].value
    path.write_text(text.replace(f'"{old}"', '"1234.56"', 1), encoding="utf-8")
    parsed = _count_parses(monkeypatch)
    rules = load_cached(rule_dir, tmp_path / "cache")
    assert parsed == [rule_dir]
    assert str(rules.parameter(PARAM).entries[-1].value) == "1234.56"
    assert len(list((tmp_path / "cache").glob("rules-*.json"))) == 2  # this version's and the one before


def test_only_the_last_versions_keep_a_cache(rule_dir: Path, tmp_path: Path) -> None:
    path = rule_dir / f"{PARAM}.yaml"
    text = path.read_text(encoding="utf-8")
    for n in range(5):
        path.write_text(text + f"# version {n}\n", encoding="utf-8")
        load_cached(rule_dir, tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob("rules-*.json"))) == rules_module.KEEP_CACHES


@pytest.mark.parametrize("content", ["not json", '{"key": "other", "parameters": []}', "[1, 2]", '{"parameters": 5}'])
def test_a_broken_cache_costs_only_a_parse(
    rule_dir: Path, tmp_path: Path, content: str, caplog: pytest.LogCaptureFixture
) -> None:
    load_cached(rule_dir, tmp_path / "cache")
    (cached,) = (tmp_path / "cache").glob("rules-*.json")
    cached.write_text(content, encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="planner.rules"):
        rules = load_cached(rule_dir, tmp_path / "cache")
    _same(rules, load_dir(rule_dir))
    assert any("not used" in r.getMessage() for r in caplog.records)
    json.loads(cached.read_text(encoding="utf-8"))["key"]  # written again, whole


def test_a_tampered_value_in_the_cache_is_refused(rule_dir: Path, tmp_path: Path) -> None:
    load_cached(rule_dir, tmp_path / "cache")
    (cached,) = (tmp_path / "cache").glob("rules-*.json")
    data = json.loads(cached.read_text(encoding="utf-8"))
    data["parameters"][0]["entries"][0]["value"] = 1.5  # a float: never a rule value
    cached.write_text(json.dumps(data), encoding="utf-8")
    _same(load_cached(rule_dir, tmp_path / "cache"), load_dir(rule_dir))


def test_an_unwritable_cache_folder_still_gives_the_rules(rule_dir: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("", encoding="utf-8")
    _same(load_cached(rule_dir, blocked / "cache"), load_dir(rule_dir))


def test_load_rules_uses_the_cache_folder_it_is_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BIJVERDIENPLANNER_CACHE_DIR", str(tmp_path / "given"))
    assert rules_module.cache_dir() == tmp_path / "given"
    monkeypatch.delenv("BIJVERDIENPLANNER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert rules_module.cache_dir() == tmp_path / "xdg" / "bijverdienplanner"


def test_a_new_bundle_parses_the_rules_again(rule_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a bundle the loader's source is no file to hash: the program file stands for it, so a new build never
    reads the cache an older build wrote (its loader may have read the JSON differently)."""
    program = tmp_path / "bijverdienplanner"
    program.write_bytes(b"build 1")
    monkeypatch.setattr(rules_module, "__file__", str(tmp_path / "archive" / "planner" / "rules" / "__init__.pyc"))
    monkeypatch.setattr(rules_module.sys, "executable", str(program))
    parsed = _count_parses(monkeypatch)
    cache = tmp_path / "cache"
    load_cached(rule_dir, cache)
    load_cached(rule_dir, cache)
    assert len(parsed) == 1
    program.write_bytes(b"build 2, a little larger")
    _same(load_cached(rule_dir, cache), load_dir(rule_dir))
    assert len(parsed) == 2
