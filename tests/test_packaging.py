"""The package's build step, the data it ships, and the desktop files' texts.

The full install (wheel in a fresh venv, the validators) is checked by scripts/check-install in CI.
"""

from __future__ import annotations

import gettext
import importlib.util
import shutil
import tomllib
from pathlib import Path
from xml.etree import ElementTree

import pytest
from babel.messages.pofile import read_po

from planner import resources
from planner.i18n import DOMAIN, LANGUAGES
from ui.appinfo import APP_ID, COMMENT, DESCRIPTION, GENERIC_NAME, KEYWORDS, SCREENSHOTS, SUMMARY

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


# --- the desktop entry and the AppStream metainfo ------------------------------------------------

PACKAGING = ROOT / "packaging"


def _desktop_template() -> dict[str, str]:
    lines = (PACKAGING / f"{APP_ID}.desktop.in").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


def _metainfo_template() -> ElementTree.Element:
    return ElementTree.parse(PACKAGING / f"{APP_ID}.metainfo.xml.in").getroot()


def _translatable_metainfo_texts(root: ElementTree.Element) -> list[str]:
    """The texts msgfmt --xml translates (AppStream's ITS rules): all but those marked translate="no"."""
    texts = [root.findtext("summary")]
    texts += [p.text for p in root.findall("description/p")]
    texts += [c.text for c in root.findall("screenshots/screenshot/caption")]
    return [t for t in texts if t]


def _dutch() -> dict[str, str]:
    with _po("nl").open("rb") as fh:
        return {m.id: m.string for m in read_po(fh, locale="nl") if m.id and not m.fuzzy}


def test_the_desktop_entry_speaks_the_texts_of_our_catalog() -> None:
    entry = _desktop_template()
    assert entry["Icon"] == APP_ID and entry["Exec"].split()[0] == "bijverdienplanner"
    from ui.app import APP_NAME  # Qt names the X11 window class after the QApplication's argv[0]

    assert entry["StartupWMClass"] == APP_NAME
    assert [entry["GenericName"], entry["Comment"], entry["Keywords"]] == [GENERIC_NAME, COMMENT, KEYWORDS]
    dutch = _dutch()
    for text in (GENERIC_NAME, COMMENT, KEYWORDS):
        assert dutch.get(text) and dutch[text] != text, text
    assert dutch[KEYWORDS].endswith(";") and dutch[KEYWORDS].count(";") == KEYWORDS.count(";")


def test_the_metainfo_speaks_the_texts_of_our_catalog() -> None:
    root = _metainfo_template()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == f"{APP_ID}.desktop"
    texts = _translatable_metainfo_texts(root)
    assert texts == [SUMMARY, *DESCRIPTION, *(caption for _, caption in SCREENSHOTS)]
    dutch = _dutch()
    for text in texts:
        assert dutch.get(text) and dutch[text] != text, text


def test_the_metainfo_shows_our_screenshots_and_this_version() -> None:
    root = _metainfo_template()
    images = [i.text for i in root.findall("screenshots/screenshot/image")]
    assert [Path(i).name for i in images] == [f"{name}-nl.png" for name, _ in SCREENSHOTS]
    for image in images:
        assert (ROOT / image.replace("@HOMEPAGE@", "")).is_file(), image
    with (ROOT / "pyproject.toml").open("rb") as fh:
        version = tomllib.load(fh)["project"]["version"]
    assert root.find("releases/release").get("version") == version


def _bundle_filter():  # noqa: ANN202
    """The spec's ``_keep``: what the bundle keeps of PyInstaller's findings (the spec itself runs only in PyInstaller)."""
    import ast
    import re

    tree = ast.parse((ROOT / "packaging" / "bijverdienplanner.spec").read_text(encoding="utf-8"))
    wanted = [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "_keep"]
    assert len(wanted) == 1
    namespace: dict = {"re": re, "LANGUAGES": LANGUAGES}
    exec(compile(ast.Module(body=wanted, type_ignores=[]), "bijverdienplanner.spec", "exec"), namespace)  # noqa: S102 - our own spec
    return namespace["_keep"]


@pytest.mark.parametrize(
    ("path", "kept"),
    [
        # Typing ë, é and € with dead keys or the compose key needs Qt's input contexts (compose, IBus).
        ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6Network.so.6", False),
        ("PySide6/Qt/lib/libQt6Svg.so.6", True),
        ("PySide6/Qt/translations/qtbase_nl.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("babel/locale-data/nl_NL.dat", True),
        ("babel/locale-data/de.dat", False),
        ("libgtk-3.so.0", False),
    ],
)
def test_the_bundle_keeps_what_the_app_uses(path: str, kept: bool) -> None:
    assert _bundle_filter()(path) == kept
