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
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from planner.i18n import LANGUAGES, Language, set_language

log = logging.getLogger("ui.language")

#: The name of each language in that language; never translated.
AUTONYMS: dict[Language, str] = {"nl": "Nederlands", "en": "English"}

_QT_LOCALE = {"nl": "nl_NL", "en": "en_GB"}

_qt_translator: QTranslator | None = None


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def _load_qtbase(lang: Language) -> QTranslator | None:
    translator = QTranslator(QCoreApplication.instance())
    folder = qt_translations_dir()
    if translator.load(f"qtbase_{lang}", str(folder)):
        return translator
    log.info("Qt's own catalog qtbase_%s is not in %s; Qt's standard buttons stay in English", lang, folder)
    translator.deleteLater()
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
