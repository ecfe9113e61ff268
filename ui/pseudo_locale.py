"""A pseudo-locale for layout checks: every translated text made about 40 % longer.

Translations grow: a Dutch or a future language's text is often longer than
the English one. :class:`PseudoTranslations` wraps a real catalog (Dutch by
default) and lengthens each translated text by about 40 %, word by word, so
word-wrapped labels can still break between words. ``{fields}``, ``&``
mnemonics and line breaks are kept, so the texts work everywhere the real ones
do. :func:`clipped_texts` then lists the labels, buttons, check boxes, table
headers and table cells whose text does not fit.

Used by ``scripts/pseudo-locale`` (a screenshot and a report) and by
``tests/ui/test_pseudo_locale.py``; the app itself never uses it.
"""

from __future__ import annotations

import gettext
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtGui import Qt as QtGuiNamespace
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

import planner.i18n
from planner.i18n import Language

#: How much longer every text becomes.
GROWTH = 0.4

#: Letters added to a word: ordinary width, visibly not Dutch or English.
_PAD = "ẋáéóú"

_WORD = re.compile(r"[^\s{}]+|\{[^{}]*\}")


def pseudo_text(text: str, growth: float = GROWTH) -> str:
    """``text`` about ``growth`` longer: each word gets extra letters; ``{fields}`` stay as they are.

    Letters go after the last letter of a word, so punctuation, ``&`` mnemonics
    and fields keep their place: ``&Bestand`` → ``&Bestandẋáé``.
    """
    if not text:
        return text
    words = [m for m in _WORD.finditer(text) if not m.group().startswith("{")]
    letters = sum(len(m.group()) for m in words)
    extra = math.ceil(letters * growth)
    if not words or not extra:
        return text
    out, last, given = [], 0, 0
    for i, m in enumerate(words):
        word = m.group()
        # Share the extra letters over the words by length, the rounding left-over on the last word.
        share = extra - given if i == len(words) - 1 else round(len(word) * growth)
        share = max(0, min(share, extra - given))
        given += share
        pad = (_PAD * (share // len(_PAD) + 1))[:share]
        cut = len(word.rstrip(".,:;!?…)”’\"'"))
        out.append(text[last : m.start()])
        out.append(word[:cut] + pad + word[cut:])
        last = m.end()
    out.append(text[last:])
    return "".join(out)


class PseudoTranslations(gettext.NullTranslations):
    """A catalog that returns ``base``'s translation made longer by :func:`pseudo_text`."""

    def __init__(self, base: gettext.NullTranslations, growth: float = GROWTH) -> None:
        super().__init__()
        self._base = base
        self._growth = growth

    def gettext(self, message: str) -> str:
        return pseudo_text(self._base.gettext(message), self._growth)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo_text(self._base.ngettext(msgid1, msgid2, n), self._growth)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo_text(self._base.pgettext(context, message), self._growth)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo_text(self._base.npgettext(context, msgid1, msgid2, n), self._growth)


def pseudo_translations(base: Language = "nl", growth: float = GROWTH):  # noqa: ANN201 - the same signature as planner.i18n.translations
    """A replacement for :func:`planner.i18n.translations` that gives every language the pseudo catalog."""
    real = planner.i18n.translations
    catalog = PseudoTranslations(real(base), growth)

    def translations(lang: Language) -> gettext.NullTranslations:
        real(lang)  # the same errors as the real function for an unknown language
        return catalog

    return translations


@contextmanager
def pseudo_locale(base: Language = "nl", growth: float = GROWTH) -> Iterator[None]:
    """Within the block, every text the app translates is the pseudo text (for scripts; tests use monkeypatch)."""
    real = planner.i18n.translations
    planner.i18n.translations = pseudo_translations(base, growth)  # type: ignore[assignment]
    try:
        yield
    finally:
        planner.i18n.translations = real  # type: ignore[assignment]


# --- clipping ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Clipping:
    """A widget whose text does not fit."""

    widget: QWidget
    text: str
    needed: int
    available: int
    what: str  # "width" or "height"

    def __str__(self) -> str:
        name = self.widget.objectName() or self.widget.accessibleName() or ""
        return (
            f"{type(self.widget).__name__} {name!r}: {self.what} {self.needed} > {self.available} "
            f"for {self.text[:80]!r}"
        )


def _shown_text(widget: QLabel | QAbstractButton) -> str:
    text = widget.text()
    if isinstance(widget, QLabel) and (
        widget.textFormat() == Qt.TextFormat.RichText
        or (widget.textFormat() == Qt.TextFormat.AutoText and QtGuiNamespace.mightBeRichText(text))
    ):
        doc = QTextDocument()
        doc.setHtml(text)
        text = doc.toPlainText()
    return re.sub(r"&(.)", r"\1", text)  # a mnemonic's "&" takes no room ("&&" is one "&")


def _label_clipping(label: QLabel) -> Clipping | None:
    text = _shown_text(label)
    if not text.strip():
        return None
    rect: QRect = label.contentsRect()
    margin = 2 * label.margin() + max(label.indent(), 0)
    width = rect.width() - margin
    metrics = label.fontMetrics()
    if not label.wordWrap():
        needed = max(metrics.horizontalAdvance(line) for line in text.splitlines() or [text])
        if needed > width:
            return Clipping(label, text, needed, width, "width")
        return None
    # Word wrap: each word must fit on a line, and all lines in the label's height.
    longest = max((metrics.horizontalAdvance(w) for w in text.split()), default=0)
    if longest > width:
        return Clipping(label, text, longest, width, "width")
    needed = label.heightForWidth(label.width())
    if needed > label.height():
        return Clipping(label, text, needed, label.height(), "height")
    return None


def _button_clipping(button: QAbstractButton) -> Clipping | None:
    text = _shown_text(button)
    if not text.strip():
        return None
    hint = button.sizeHint()
    if button.width() < hint.width():
        return Clipping(button, text, hint.width(), button.width(), "width")
    if button.height() < hint.height() and isinstance(button, QCheckBox):
        return Clipping(button, text, hint.height(), button.height(), "height")
    needed = button.fontMetrics().horizontalAdvance(text)
    if needed > button.contentsRect().width():
        return Clipping(button, text, needed, button.contentsRect().width(), "width")
    return None


def _header_clippings(header: QHeaderView) -> list[Clipping]:
    """Sections of a horizontal header whose word-wrapped text does not fit (in bold: a current section is bold)."""
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return []
    font = header.font()
    font.setBold(True)
    metrics = QFontMetrics(font)
    pad = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    found = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text.strip():
            continue
        width = header.sectionSize(section) - pad
        longest = max(metrics.horizontalAdvance(word) for word in text.split())
        if longest > width:
            found.append(Clipping(header, text, longest, width, "width"))
            continue
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)
        needed = metrics.boundingRect(QRect(0, 0, max(width, 1), 100000), flags, text).height()
        if needed > header.height():
            found.append(Clipping(header, text, needed, header.height(), "height"))
    return found


def _cell_clippings(view: QTableView) -> list[Clipping]:
    """Cells whose text needs more room than the cell has (the view would elide it with "…")."""
    model = view.model()
    if model is None:
        return []
    found = []
    delegate = view.itemDelegate()
    for row in range(model.rowCount()):
        if view.isRowHidden(row):
            continue
        for col in range(model.columnCount()):
            if view.isColumnHidden(col):
                continue
            index = model.index(row, col)
            text = model.data(index, Qt.ItemDataRole.DisplayRole)
            if not isinstance(text, str) or not text:
                continue
            rect = view.visualRect(index)
            option = QStyleOptionViewItem()
            option.initFrom(view.viewport())
            option.widget = view
            option.font = view.font()
            option.rect = QRect(0, 0, rect.width(), rect.height())
            option.decorationSize = view.iconSize()
            if view.wordWrap():
                option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
            needed = delegate.sizeHint(option, index)
            if needed.height() > rect.height():
                found.append(Clipping(view, text, needed.height(), rect.height(), "height"))
            elif not view.wordWrap() and needed.width() > rect.width():
                found.append(Clipping(view, text, needed.width(), rect.width(), "width"))
    return found


def clipped_texts(root: QWidget) -> list[Clipping]:
    """The visible labels, push buttons, check boxes, table headers and table cells under ``root``
    (itself included) whose text is cut off."""
    found: list[Clipping] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QHeaderView):
            found += _header_clippings(widget)
            continue
        if isinstance(widget, QTableView):
            found += _cell_clippings(widget)
            continue
        if isinstance(widget, QLabel):
            clip = _label_clipping(widget)
        elif isinstance(widget, (QPushButton, QCheckBox)):
            clip = _button_clipping(widget)
        else:
            continue
        if clip is not None:
            found.append(clip)
    return found


__all__ = [
    "GROWTH",
    "Clipping",
    "PseudoTranslations",
    "clipped_texts",
    "pseudo_locale",
    "pseudo_text",
    "pseudo_translations",
]
