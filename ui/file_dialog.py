"""Choosing a file without leaving a trace of it in places other programs read.

A volunteer helps several households on one laptop; the names of their
folders and files are private. The native file dialogs keep their own
history (the desktop's "recent files", the system's list of recent folders),
out of the app's reach, and Qt's own dialog writes the folders it visited to
a settings file that every Qt program of the user shares
(``QtProject.conf``, group ``FileDialog``). So the app uses Qt's own dialog
and puts that shared history back as it was after each use: the folders
the app visits are never added to it. The app remembers one thing itself,
its list of recent plans, which File → Open recent → Clear this list and
"Forget this household" clear.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

SHARED_GROUP = "FileDialog"
SHARED_KEYS = ("history", "lastVisited")
"""What Qt's file dialog writes to the settings shared by every Qt program of the user."""

OBJECT_NAME = "bvp_file_dialog"


def _shared() -> QSettings:
    return QSettings(QSettings.Scope.UserScope, "QtProject")


def _snapshot() -> dict[str, object]:
    settings = _shared()
    settings.beginGroup(SHARED_GROUP)
    values = {key: settings.value(key) for key in SHARED_KEYS if settings.contains(key)}
    settings.endGroup()
    return values


def _restore(values: dict[str, object]) -> None:
    settings = _shared()
    settings.beginGroup(SHARED_GROUP)
    for key in SHARED_KEYS:
        if key in values:
            settings.setValue(key, values[key])
        else:
            settings.remove(key)
    settings.endGroup()
    settings.sync()


def forget_folders(folders: list[Path]) -> None:
    """Take ``folders`` out of the shared dialog history (left there by an older version of the app)."""
    names = {str(f) for f in folders} | {Path(f).as_uri() for f in folders if Path(f).is_absolute()}
    settings = _shared()
    settings.beginGroup(SHARED_GROUP)
    history = settings.value("history")
    if isinstance(history, str):
        history = [history]
    if isinstance(history, list):
        kept = [h for h in history if str(h) not in names]
        if kept != history:
            settings.setValue("history", kept)
    if str(settings.value("lastVisited", "")) in names:
        settings.remove("lastVisited")
    settings.endGroup()
    settings.sync()


def ask_file(parent: QWidget | None, title: str, start: str, filters: list[str], *, save: bool) -> tuple[str, str]:
    """Ask for a file to open (an existing one) or to save; returns the path and the chosen filter,
    or ``("", "")`` when the user cancels. Qt's shared dialog history is left as it was."""
    before = _snapshot()
    dialog = QFileDialog(parent, title, start, ";;".join(filters))
    dialog.setObjectName(OBJECT_NAME)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setHistory([])
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        if start and not Path(start).is_dir():
            dialog.selectFile(start)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return "", ""
        files = dialog.selectedFiles()
        return (files[0] if files else ""), dialog.selectedNameFilter()
    finally:
        dialog.setHistory([])
        shiboken6.delete(dialog)  # Qt writes its shared history now, when the dialog is destroyed ...
        _restore(before)  # ... and it is put back as it was


__all__ = ["OBJECT_NAME", "ask_file", "forget_folders"]
