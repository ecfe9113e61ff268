"""Where the app's data files are: inside the installed package, or in the checkout.

A built package (wheel, sdist install, PyInstaller bundle) carries them in
``planner/_data/``, made at build time by ``setup.py`` from their sources:

- ``locale/<lang>/LC_MESSAGES/bijverdienplanner.mo``: the compiled catalogs;
- ``docs/guide.<lang>.md``: the user guide;
- ``icons/<app id>.svg``: the app's icon (from ``packaging/``).

A checkout (and its editable install) has no ``_data``: there the
repository's own ``locales/`` (compiled by the install step) and ``docs/``
are used. The rule files are ordinary package data beside
``planner/rules/__init__.py`` in both cases.

Read through :mod:`importlib.resources`, so it works wherever the package
was installed. Never imports Qt.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

#: The repository root of a checkout (it has no meaning in an installed package).
CHECKOUT = Path(__file__).resolve().parent.parent


@cache
def packaged_data() -> Traversable | None:
    """``planner/_data`` of a built package, or ``None`` when running from a checkout."""
    data = files("planner") / "_data"
    return data if data.is_dir() else None


def catalog_dir() -> Traversable:
    """The folder with ``<lang>/LC_MESSAGES/<domain>.mo`` (and, in a checkout, the ``.po`` sources)."""
    data = packaged_data()
    return data / "locale" if data is not None else CHECKOUT / "locales"


def docs_dir() -> Traversable:
    """The folder with ``guide.<lang>.md``."""
    data = packaged_data()
    return data / "docs" if data is not None else CHECKOUT / "docs"


def icon(name: str) -> Traversable:
    """The icon ``<name>.svg``: in the installed package, or ``packaging/`` of a checkout."""
    data = packaged_data()
    return (data / "icons" if data is not None else CHECKOUT / "packaging") / f"{name}.svg"


def guide(lang: str) -> Traversable:
    """The user guide in ``lang``."""
    return docs_dir() / f"guide.{lang}.md"


__all__ = ["CHECKOUT", "catalog_dir", "docs_dir", "guide", "icon", "packaged_data"]
