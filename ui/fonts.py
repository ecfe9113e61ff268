"""The reading size of the app's content: amounts, notes, explanations and the glossary."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

#: The amounts, notes and explanations are the reading matter of the app: never smaller than this.
CONTENT_POINT_SIZE = 10.5


def use_content_font(widget: QWidget) -> None:
    """At least :data:`CONTENT_POINT_SIZE`, or the system's size if that is larger."""
    font = widget.font()
    if 0 < font.pointSizeF() < CONTENT_POINT_SIZE:
        font.setPointSizeF(CONTENT_POINT_SIZE)
        widget.setFont(font)


def reading_heading(parent: QWidget, factor: float, *, bold: bool = False) -> QLabel:
    """A heading sentence at the top of a result dialog: ``factor`` times the reading size, wrapped, plain
    text, and reachable with Tab and selectable, so a screen reader reads it before the table under it."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    use_content_font(label)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    label.setFont(font)
    return label


__all__ = ["CONTENT_POINT_SIZE", "reading_heading", "use_content_font"]
