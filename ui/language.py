"""One language setting for gettext, Babel, QLocale and Qt's own strings; switched live.

:func:`apply_language` makes a language current for the whole app:

1. ``planner.i18n.set_language``: our gettext catalog, and Babel's formatting
   of amounts and months;
2. ``QLocale.setDefault``: numbers and dates inside Qt widgets;
3. Qt's own catalog ``qtbase_<lang>`` (the buttons of standard dialogs) through
   a ``QTranslator``; when it is absent that is logged at INFO, since Qt then
   just shows its English strings;
4. a ``QEvent.LanguageChange`` for every widget, which re-runs its
   ``retranslate_ui()`` from ``changeEvent``.

Nothing is recomputed: views re-render the results they already hold (model:
Picard ``picard/i18n/qt.py``; Frescobaldi ``frescobaldi/app.py`` ``translateUI``).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator

from planner.i18n import LANGUAGES, Language, set_language

log = logging.getLogger("ui.language")

#: The name of each language in that language; never translated.
AUTONYMS: dict[Language, str] = {"nl": "Nederlands", "en": "English"}

_QT_LOCALE = {"nl": "nl_NL", "en": "en_GB"}

_qt_translator: QTranslator | None = None


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


class QtCatalog(QTranslator):
    """Qt's own catalog ``qtbase_<lang>``, also for texts Qt has since given a mnemonic.

    Qt 6 writes "&Look in:" and "Files of &type:" in its file dialog, while the
    catalog that comes with PySide6 still only knows "Look in:" and "Files of
    type:", so a Dutch file dialog showed those two in English. When a text
    with ``&`` is not in the catalog, the text without it is looked up and the
    mnemonic is put back on the same letter where the translation has it (else
    on its first letter).
    """

    def __init__(self, catalog: QTranslator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        catalog.setParent(self)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return self._catalog.isEmpty()

    def language(self) -> str:
        return self._catalog.language()

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        # ``None`` (Qt's null string) means "not here": Qt then shows the source text. An empty string
        # would be taken as the translation and blank the text out.
        found = self._catalog.translate(context, source, disambiguation, n)
        if found or "&" not in source:
            return found or None
        plain = source.replace("&&", "\0").replace("&", "").replace("\0", "&&")
        found = self._catalog.translate(context, plain, disambiguation, n)
        return with_mnemonic(found, source) if found else None


def with_mnemonic(text: str, source: str) -> str:
    """``text`` with ``&`` before the letter that follows ``&`` in ``source``, or before its first letter."""
    if not text or "&" in text.replace("&&", ""):
        return text
    at = source.replace("&&", "").find("&")
    letter = source.replace("&&", "")[at + 1].lower() if 0 <= at < len(source.replace("&&", "")) - 1 else ""
    words = [m.start() for m in re.finditer(r"\b\w", text)]
    spots = [i for i in words if text[i].lower() == letter] or [i for i, c in enumerate(text) if c.lower() == letter]
    spots = spots or [i for i, c in enumerate(text) if c.isalnum()]
    if not spots:
        return text
    return text[: spots[0]] + "&" + text[spots[0]:]


def _load_qtbase(lang: Language) -> QTranslator | None:
    catalog = QTranslator()
    folder = qt_translations_dir()
    if catalog.load(f"qtbase_{lang}", str(folder)):
        return QtCatalog(catalog, QCoreApplication.instance())
    log.info("Qt's own catalog qtbase_%s is not in %s; Qt's standard buttons stay in English", lang, folder)
    catalog.deleteLater()
    return None


def apply_language(lang: Language) -> None:
    """Make ``lang`` the language of the app and let every widget retranslate itself."""
    global _qt_translator
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    set_language(lang)
    QLocale.setDefault(QLocale(_QT_LOCALE[lang]))
    app = QCoreApplication.instance()
    if app is None:
        return
    changed = False
    if _qt_translator is not None:
        changed = QCoreApplication.removeTranslator(_qt_translator) or changed
        _qt_translator.deleteLater()
        _qt_translator = None
    translator = _load_qtbase(lang)
    if translator is not None:
        changed = QCoreApplication.installTranslator(translator) or changed
        _qt_translator = translator
    if not changed:
        # No Qt catalog went in or out, so Qt sent no LanguageChange: send it ourselves.
        QCoreApplication.sendEvent(app, QEvent(QEvent.Type.LanguageChange))
    log.info("language is now %s", lang)
