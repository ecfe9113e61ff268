"""The reading size of the app's content: amounts, notes, explanations and the glossary."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

#: The amounts, notes and explanations are the reading matter of the app: never smaller than this.
CONTENT_POINT_SIZE = 10.5


def use_content_font(widget: QWidget) -> None:
    """At least :data:`CONTENT_POINT_SIZE`, or the system's size if that is larger."""
    font = widget.font()
    if 0 < font.pointSizeF() < CONTENT_POINT_SIZE:
        font.setPointSizeF(CONTENT_POINT_SIZE)
        widget.setFont(font)


__all__ = ["CONTENT_POINT_SIZE", "use_content_font"]
