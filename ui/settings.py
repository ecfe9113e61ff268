"""Preferences and window state, declared once over QSettings.

Every key the app stores is an :class:`Option` in :data:`OPTIONS`: its key,
type, default and a translatable label (``N_``, rendered where it is shown).
Nothing else in ``ui/`` calls ``QSettings`` directly; widgets get a
:class:`Settings` passed in, so tests give it a QSettings on a temporary file
and never touch the user's real settings (model: Picard ``picard/options.py``
and ``picard/config.py``).

Only preferences and window state live here. Plans are files of their own
(``planner.storage``) and are never written into the settings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QLocale, QSettings

from planner.i18n import LANGUAGES, N_, Language

log = logging.getLogger("ui.settings")

ORGANIZATION = "Bijverdienplanner"
APPLICATION = "Bijverdienplanner"

SETTINGS_VERSION = 1
"""Raise this when a key changes meaning, and register a migration in :data:`MIGRATIONS`."""

VERSION_KEY = "meta/settings_version"

MAX_RECENT_FILES = 8

T = TypeVar("T")


def default_language() -> Language:
    """The system language if the app speaks it, otherwise Dutch."""
    language = QLocale.system().language()
    if language == QLocale.Language.English:
        return "en"
    return "nl"


@dataclass(frozen=True, slots=True)
class Option(Generic[T]):
    """One stored preference."""

    key: str
    type: type
    default: Callable[[], T]
    label: str
    """``N_``-marked; translate with ``_`` where it is shown."""
    check: Callable[[Any], T | None] = lambda value: value
    """Turns a stored value into a valid one, or ``None`` to fall back to the default."""


def _check_language(value: Any) -> Language | None:
    return value if value in LANGUAGES else None


def _check_recent(value: Any) -> list[str] | None:
    if isinstance(value, str):  # an INI file keeps a one-item list as a plain string
        value = [value]
    if not isinstance(value, list):
        return None
    out: list[str] = []
    for item in value:
        if isinstance(item, str) and item and item not in out:
            out.append(item)
    return out[:MAX_RECENT_FILES]


def _check_geometry(value: Any) -> QByteArray | None:
    return value if isinstance(value, QByteArray) else None


def _check_amount(value: Any) -> str | None:
    """A money amount kept as text ("100.00"): never a float, never negative."""
    try:
        amount = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        return None
    if not amount.is_finite() or amount < 0 or amount > 100000:
        return None
    return str(amount.quantize(Decimal("0.01")))


def _check_scale(value: Any) -> int | None:
    try:
        percent = int(value)
    except (TypeError, ValueError):
        return None
    return percent if MIN_CONSULTATION_SCALE <= percent <= MAX_CONSULTATION_SCALE else None


MIN_CONSULTATION_SCALE = 110
MAX_CONSULTATION_SCALE = 250

LANGUAGE: Option[Language] = Option(
    "ui/language", str, default_language, N_("Language of the app"), _check_language
)
RECENT_FILES: Option[list[str]] = Option(
    "files/recent", list, list, N_("Recently opened plans"), _check_recent
)
WINDOW_GEOMETRY: Option[QByteArray] = Option(
    "window/geometry", QByteArray, QByteArray, N_("Size and place of the window"), _check_geometry
)

DEFAULT_SAFETY_BUFFER: Option[str] = Option(
    "plans/default_safety_buffer", str, lambda: "0.00", N_("Safety buffer for a new plan"), _check_amount
)
"""The lowest balance a new plan starts with as its safety buffer (each plan can change its own)."""
CONSULTATION_SCALE: Option[int] = Option(
    "view/consultation_scale", int, lambda: 140, N_("Text size in consultation mode (percent)"), _check_scale
)

SAVING_IN: Option[list[str]] = Option(
    "files/saving_in", list, list, N_("Folders with a save under way"), _check_recent
)
"""The folder of a file being saved, kept until the save is done: after a crash during a save, the next
start removes the temp file left there (see planner.storage.remove_leftovers)."""

OPTIONS: tuple[Option[Any], ...] = (LANGUAGE, RECENT_FILES, WINDOW_GEOMETRY, DEFAULT_SAFETY_BUFFER, CONSULTATION_SCALE,
                                    SAVING_IN)

Migration = Callable[[QSettings], None]
MIGRATIONS: dict[int, Migration] = {}
"""``MIGRATIONS[n]`` turns stored settings of version ``n`` into version ``n + 1``."""


class Settings:
    """Typed access to the declared options.

    ``qsettings`` defaults to the user's settings of Bijverdienplanner; tests
    pass ``QSettings(path, QSettings.Format.IniFormat)`` on a temporary file.
    """

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._qs = qsettings if qsettings is not None else QSettings(ORGANIZATION, APPLICATION)
        self._migrate()
        self.sync()

    @property
    def qsettings(self) -> QSettings:
        return self._qs

    def _migrate(self) -> None:
        stored = self._qs.value(VERSION_KEY, None)
        try:
            version = int(stored) if stored is not None else SETTINGS_VERSION
        except (TypeError, ValueError):
            version = SETTINGS_VERSION
        if version > SETTINGS_VERSION:
            # Written by a newer app: read what we understand, write nothing back over it.
            log.info("settings are from a newer version (%d); unknown keys are left alone", version)
            return
        while version < SETTINGS_VERSION:
            MIGRATIONS[version](self._qs)
            version += 1
            log.info("settings migrated to version %d", version)
        self._qs.setValue(VERSION_KEY, SETTINGS_VERSION)

    def value(self, option: Option[T]) -> T:
        if option.type is list:
            raw = self._qs.value(option.key, None, type=list) if self._qs.contains(option.key) else None
        else:
            raw = self._qs.value(option.key, None)
        if raw is None:
            return option.default()
        checked = option.check(raw)
        if checked is None:
            log.info("setting %s has an unusable value; using the default", option.key)
            return option.default()
        return checked

    def set_value(self, option: Option[T], value: T) -> None:
        checked = option.check(value)
        if checked is None:
            raise ValueError(f"not a valid value for {option.key}")
        self._qs.setValue(option.key, checked)

    def sync(self) -> None:
        """Write the settings now, owner-only: they name the plans opened here (Qt keeps these permissions
        when it writes the file again)."""
        self._qs.sync()
        path = Path(self._qs.fileName())
        try:
            if path.is_file():
                path.chmod(0o600)
            if path.parent.name == ORGANIZATION:  # the app's own settings folder, not the shared one above it
                path.parent.chmod(0o700)
        except OSError as exc:
            log.info("the settings could not be made private: %s", type(exc).__name__)

    # --- conveniences -------------------------------------------------------------------------

    def language(self) -> Language:
        return self.value(LANGUAGE)

    def recent_files(self) -> list[str]:
        return self.value(RECENT_FILES)

    def add_recent_file(self, path: str | Path) -> list[str]:
        text = str(Path(path).resolve())
        files = [text] + [f for f in self.recent_files() if f != text]
        self.set_value(RECENT_FILES, files[:MAX_RECENT_FILES])
        return self.recent_files()

    def clear_recent_files(self) -> None:
        """Forget every recently opened plan (for a volunteer who helps several households on one laptop)."""
        self.set_value(RECENT_FILES, [])
        self.sync()

    def remove_recent_file(self, path: str | Path) -> list[str]:
        text = str(Path(path).resolve())
        self.set_value(RECENT_FILES, [f for f in self.recent_files() if f != text and f != str(path)])
        self.sync()
        return self.recent_files()
