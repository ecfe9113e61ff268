"""Build step of the wheel and sdist: the data files the app needs, made from their sources.

Everything else is in pyproject.toml. ``build_py`` here adds, inside the
built package ``planner/_data/``:

- ``locale/<lang>/LC_MESSAGES/bijverdienplanner.mo``: each gettext catalog
  ``locales/<lang>/LC_MESSAGES/bijverdienplanner.po`` compiled with Babel (the
  ``.mo`` files are never committed); a catalog with an error, a fuzzy header
  or an untranslated or fuzzy message stops the build;
- ``docs/guide.<lang>.md``: the user guide that Help → User guide shows;
- ``icons/<app id>.svg``: the app's window icon (``packaging/<app id>.svg``).

An editable install (``pip install -e``, what scripts/_setup.sh does) gets
none of them: the app then reads ``locales/`` and ``docs/`` of the checkout
(see ``planner/resources.py``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
DOMAIN = "bijverdienplanner"
LANGUAGES = ("nl", "en")
ICON = "nl.bijverdienplanner.Bijverdienplanner.svg"  # ui.appinfo.APP_ID


def compile_catalog(po: Path, mo: Path, lang: str) -> None:
    """``po`` compiled to ``mo``; refuses a catalog that is not complete and clean."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    problems = []
    if catalog.fuzzy:
        problems.append("the catalog header is marked fuzzy")
    for message, errors in catalog.check():
        problems.extend(f"{message.id!r}: {error}" for error in errors)
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy:
            problems.append(f"{message.id!r} is fuzzy")
        elif not (all(message.string) if message.pluralizable else message.string):
            problems.append(f"{message.id!r} is not translated")
    if problems:
        raise SystemExit(f"{po}: cannot build the package:\n  " + "\n  ".join(problems))
    mo.parent.mkdir(parents=True, exist_ok=True)
    with mo.open("wb") as fh:
        write_mo(fh, catalog)


class BuildWithData(build_py):
    """``build_py`` that also compiles the catalogs and copies the guide into the package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        data = Path(self.build_lib) / "planner" / "_data"
        for lang in LANGUAGES:
            po = ROOT / "locales" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
            mo = data / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
            compile_catalog(po, mo, lang)
            self.announce(f"compiled {po.relative_to(ROOT)} -> {mo}", level=2)
            guide = ROOT / "docs" / f"guide.{lang}.md"
            (data / "docs").mkdir(parents=True, exist_ok=True)
            shutil.copyfile(guide, data / "docs" / guide.name)
        (data / "icons").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "packaging" / ICON, data / "icons" / ICON)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = list(super().get_outputs(include_bytecode))
        data = Path(self.build_lib) / "planner" / "_data"
        for lang in LANGUAGES:
            outputs.append(str(data / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"))
            outputs.append(str(data / "docs" / f"guide.{lang}.md"))
        outputs.append(str(data / "icons" / ICON))
        return outputs


if __name__ == "__main__":  # run by the build backend; tests import compile_catalog
    setup(cmdclass={"build_py": BuildWithData})
