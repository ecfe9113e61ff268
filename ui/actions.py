"""The only way ``ui/`` connects what the user triggers (a menu item, a shortcut, a button) to code.

Qt's ``QAction.triggered`` and ``QAbstractButton.clicked`` carry a ``checked``
bool. Connected straight to a method with an optional parameter, that bool
lands in the parameter: File → Save a summary as PDF once wrote ``False.pdf``
in the current folder, and Print a summary crashed with a TypeError. So every
connection goes through :func:`on_trigger` (the slot gets no argument at all)
or, for a checkable action, :func:`on_toggle` (the slot gets the new state and
nothing else). ``tests/ui/test_actions.py`` fails on any ``.triggered.connect``
or ``.clicked.connect`` outside this module, and on any action of the window
that was not connected here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton

CONNECTED = "bvp_connected"
"""Property set on every action and button connected here (the tests look for it)."""


def on_trigger(source: QAction | QAbstractButton, slot: Callable[[], object]) -> None:
    """Call ``slot()`` (no arguments) when ``source`` is triggered or clicked."""

    def call(_checked: bool = False) -> None:
        slot()

    if isinstance(source, QAction):
        source.triggered.connect(call)
    else:
        source.clicked.connect(call)
    source.setProperty(CONNECTED, True)


def on_toggle(action: QAction, slot: Callable[[bool], object]) -> None:
    """Call ``slot(checked)`` with the new state when the checkable ``action`` is triggered."""
    if not action.isCheckable():
        raise ValueError("on_toggle is for checkable actions; use on_trigger")

    def call(checked: bool = False) -> None:
        slot(bool(checked))

    action.triggered.connect(call)
    action.setProperty(CONNECTED, True)
