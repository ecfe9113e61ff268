"""The package's build step and the data it ships (the full install is checked by scripts/check-install in CI)."""

from __future__ import annotations

import gettext
import importlib.util
import shutil
from pathlib import Path

import pytest

from planner import resources
from planner.i18n import DOMAIN, LANGUAGES

ROOT = Path(__file__).resolve().parents[1]


def _setup_module():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("bvp_setup", ROOT / "setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # not "__main__": setup() does not run
    return module


def _po(lang: str) -> Path:
    return ROOT / "locales" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_build_compiles_each_catalog(tmp_path: Path, lang: str) -> None:
    mo = tmp_path / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    _setup_module().compile_catalog(_po(lang), mo, lang)
    with mo.open("rb") as fh:
        catalog = gettext.GNUTranslations(fh)
    expected = {"nl": "Plan extra werk naast de bijstand", "en": "Plan extra work next to bijstand"}[lang]
    assert catalog.gettext("Plan extra work next to bijstand") == expected


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda text: text.replace('msgstr "Planner voor werk naast de bijstand"', 'msgstr ""'), "is not translated"),
        (lambda text: text.replace('msgid "Planner for work next to bijstand"', '#, fuzzy\nmsgid "Planner for work next to bijstand"'),
         "is fuzzy"),
    ],
)
def test_the_build_refuses_an_incomplete_catalog(tmp_path: Path, change, complaint: str) -> None:  # noqa: ANN001
    po = tmp_path / "nl.po"
    text = _po("nl").read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text
    po.write_text(changed, encoding="utf-8")
    with pytest.raises(SystemExit, match=complaint):
        _setup_module().compile_catalog(po, tmp_path / "nl.mo", "nl")
    assert not (tmp_path / "nl.mo").exists()


def test_a_checkout_reads_its_own_catalogs_and_guide() -> None:
    assert resources.packaged_data() is None
    assert Path(str(resources.catalog_dir())) == ROOT / "locales"
    for lang in LANGUAGES:
        assert resources.guide(lang).is_file()


def test_an_installed_package_reads_its_packaged_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where setup.py puts the data, planner.resources and planner.i18n find it."""
    from planner import i18n

    data = tmp_path / "_data"
    for lang in LANGUAGES:
        _setup_module().compile_catalog(_po(lang), data / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo", lang)
        (data / "docs").mkdir(exist_ok=True)
        shutil.copyfile(ROOT / "docs" / f"guide.{lang}.md", data / "docs" / f"guide.{lang}.md")
    monkeypatch.setattr(resources, "packaged_data", lambda: data)
    i18n.translations.cache_clear()
    try:
        assert Path(str(resources.guide("nl"))) == data / "docs" / "guide.nl.md"
        assert i18n.translations("nl").gettext("Plan extra work next to bijstand") == "Plan extra werk naast de bijstand"
    finally:
        i18n.translations.cache_clear()
