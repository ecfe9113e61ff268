"""A clear ring around whatever has the keyboard focus, in every window of the app.

Qt's own focus marks are faint or missing on some widgets (a tool button with a
style sheet, a tab title, the buttons of the notes banner), so someone who
works with the keyboard could lose track of where they are. :func:`install`
makes one :class:`FocusRing` per window; it follows the focus, and is drawn on
top of the widget with the focus, never taking the mouse or the focus itself.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

from ui.look import OKABE_ITO

WIDTH = 2
"""The ring's line width in pixels."""


class FocusRing(QWidget):
    """Draws a ring around ``target`` (a widget in the same window), above everything else."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("bvpFocusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self.hide()

    def follow(self, target: QWidget | None) -> None:
        if target is self.target:
            self.place()
            return
        if self.target is not None and shiboken6.isValid(self.target):
            self.target.removeEventFilter(self)
            self.target.destroyed.disconnect(self._gone)
        self.target = target
        if target is not None:
            target.installEventFilter(self)
            target.destroyed.connect(self._gone)
        self.place()

    def _gone(self, _obj: QObject | None = None) -> None:
        """The widget is being deleted: never touch it again."""
        self.target = None
        if shiboken6.isValid(self):
            self.hide()

    def place(self) -> None:
        target = self.target
        window = self.parentWidget()
        if target is None or window is None or not shiboken6.isValid(target) or not target.isVisible() \
                or not target.hasFocus():
            self.hide()
            return
        # Only the part of the target that is on screen: inside a scroll area (the Shifts tab on a small screen)
        # the ring never runs over the widgets below it.
        rect = QRect(target.mapTo(window, QPoint(0, 0)), target.size())
        parent = target.parentWidget()
        while parent is not None and parent is not window:
            area = parent.parentWidget()
            if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
                rect = rect.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
            parent = area
        if rect.isEmpty():
            self.hide()
            return
        rect = rect.adjusted(-WIDTH, -WIDTH, WIDTH, WIDTH)
        self.setGeometry(rect.intersected(window.rect()))
        self.show()
        self.raise_()
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.target and event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show,
                                                       QEvent.Type.Hide, QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.place()
        return super().eventFilter(watched, event)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        pen = QPen(QColor(OKABE_ITO["blue"]))
        pen.setWidth(WIDTH)
        painter.setPen(pen)
        painter.drawRect(self.rect().adjusted(1, 1, -1, -1))


def _ring_for(window: QWidget) -> FocusRing:
    ring = window.findChild(FocusRing, "bvpFocusRing", Qt.FindChildOption.FindDirectChildrenOnly)
    return ring if ring is not None else FocusRing(window)


def _on_focus_changed(_old: QWidget | None, new: QWidget | None) -> None:
    # The widget that lost the focus is not touched: it may be in the middle of being deleted. Its ring
    # hides itself when the focus leaves it (FocusOut) or when it is deleted.
    if new is None or not shiboken6.isValid(new) or isinstance(new, FocusRing):
        return
    window = new.window()
    if window is not new:
        _ring_for(window).follow(new)


_installed = False


def install(app: QApplication) -> None:
    """Show the ring in every window of ``app`` from now on (once; a second call does nothing)."""
    global _installed
    if not _installed:
        app.focusChanged.connect(_on_focus_changed)
        _installed = True
