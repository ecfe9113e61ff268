"""Asking for a file: where the dialog starts, the name it suggests, and its language.

- A dialog starts in the folder of the plan that is open, else in the folder
  of the plan opened last, else in the user's documents folder
  (``QStandardPaths.DocumentsLocation``), never in the program's own folder.
  Forgetting the recent plans (File → Open recent → Clear this list) also
  forgets that folder: it is read from that list, not kept anywhere else.
- A save dialog suggests a file name made from the plan's name.
- Qt's own dialog is used, not the desktop's: the desktop's dialog speaks the
  desktop's language, Qt's speaks the app's (its texts come from the
  ``qtbase_<lang>`` catalog, see ``ui.language``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QWidget

from ui.file_dialog import ask_file

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def documents_folder() -> Path:
    """The user's documents folder (the home folder when the system has none)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


def start_folder(current: Path | None, recent: Sequence[str]) -> Path:
    """Where a file dialog opens: the open plan's folder, the last plan's folder, or the documents folder."""
    candidates = [current.parent] if current is not None else []
    candidates += [Path(r).parent for r in recent[:1]]
    for folder in candidates:
        if folder.is_dir():
            return folder
    return documents_folder()


def file_stem(name: str, fallback: str) -> str:
    """A file name (without extension) made from a plan's name: characters no file system allows are left out."""
    stem = _UNSAFE.sub(" ", name).strip().strip(".")
    stem = re.sub(r"\s+", " ", stem)
    return stem[:80] or fallback


def ask_open(parent: QWidget | None, title: str, folder: Path, filters: Sequence[str]) -> str:
    """The file the user chose to open, or ``""`` (Qt's own dialog; its shared history is left as it was)."""
    return ask_file(parent, title, str(folder), list(filters), save=False)[0]


def ask_save(parent: QWidget | None, title: str, folder: Path, name: str, filters: Sequence[str]) -> tuple[str, str]:
    """The path the user chose to save to and the filter chosen, or ``("", "")``; ``name`` is suggested."""
    return ask_file(parent, title, str(folder / name), list(filters), save=True)
