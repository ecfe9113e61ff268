"""Unsaved changes survive a crash: a copy of the plan being edited, offered again at the next start.

While a plan has changes that are not saved, the window writes a copy of it
every few seconds to one file in the app's own data folder on this computer
(``unsaved.bvp.json``, written like a saved plan: temporary file, flush,
rename), with a small note of where the plan came from. Saving the plan,
discarding its changes or closing the app normally deletes the copy. So the
copy is only still there when the app stopped without closing: a crash, a
power cut. The next start asks whether to open it again.

One running app holds the folder (a ``QLockFile``, which Qt sees as free
again when the process that held it is gone). A second app running at the
same time keeps no copy rather than overwrite the first one's.

The copy holds the same personal data as the plan. It never leaves the
machine and is deleted as soon as it is not needed.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths

from planner.model import Plan
from planner.storage import PRIVATE_FILE, PRIVATE_FOLDER, load_plan, plan_bytes, write_atomically, write_text_atomically

log = logging.getLogger("ui.recovery")

PLAN_FILE = "unsaved.bvp.json"
NOTE_FILE = "unsaved.json"
LOCK_FILE = "recovery.lock"


def default_folder() -> Path:
    """The app's data folder on this computer (``QStandardPaths.AppLocalDataLocation``) / ``recovery``."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)) / "recovery"


@dataclass(frozen=True, slots=True)
class Unsaved:
    """A copy left by an app that did not close: when it was written, and the plan's own file (if it had one)."""

    written: datetime | None
    original: Path | None


class Recovery:
    """The copy of the plan being edited, in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock: QLockFile | None = None
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
            folder.chmod(PRIVATE_FOLDER)  # only this user may see that a copy is there
            lock = QLockFile(str(folder / LOCK_FILE))
            lock.setStaleLockTime(0)  # only a lock whose process is gone is stale, never an old one
            if lock.tryLock(0):
                self._lock = lock
            else:
                log.info("another app holds the recovery folder; no copy is kept")
        except OSError as exc:
            log.info("no recovery folder: %s", type(exc).__name__)

    @property
    def active(self) -> bool:
        """This app keeps the copy (the folder could be made and no other app holds it)."""
        return self._lock is not None

    def left_behind(self) -> Unsaved | None:
        """The copy an app left when it stopped without closing, if there is one (checked at start)."""
        if not self.active or not (self.folder / PLAN_FILE).exists():
            return None
        written, original = None, None
        try:
            note = json.loads((self.folder / NOTE_FILE).read_text(encoding="utf-8"))
            written = datetime.fromisoformat(note["written"]) if note.get("written") else None
            original = Path(note["original"]) if note.get("original") else None
        except (OSError, ValueError, KeyError, TypeError):
            pass  # the plan itself is what counts; without the note it is offered as a new plan
        return Unsaved(written, original)

    def restore(self, password: str | None = None) -> tuple[Plan, Path | None]:
        """The plan of the copy, and its own file; raises ``PlanFileError`` when the copy cannot be read
        (``encrypted`` when it is protected and no password is given)."""
        unsaved = self.left_behind()
        plan = load_plan(self.folder / PLAN_FILE, password)
        return plan, unsaved.original if unsaved is not None else None

    def write(self, plan: Plan, original: Path | None, password: str | None = None) -> None:
        """Keep ``plan`` as the copy (atomically, sealed with the plan's password if it has one); a failure is
        logged, never shown: it must not stop editing."""
        if not self.active:
            return
        try:
            write_atomically(self.folder / PLAN_FILE, plan_bytes(plan, password), mode=PRIVATE_FILE)
            note = {"written": datetime.now().isoformat(timespec="seconds"), "original": str(original) if original else None}
            write_text_atomically(self.folder / NOTE_FILE, json.dumps(note), mode=PRIVATE_FILE)
        except OSError as exc:
            log.warning("the copy of the unsaved plan could not be written: %s", type(exc).__name__)

    def clear(self) -> None:
        """Delete the copy (the plan was saved, its changes discarded, or the app closes normally)."""
        if not self.active:
            return
        for name in (PLAN_FILE, NOTE_FILE):
            try:
                (self.folder / name).unlink(missing_ok=True)
            except OSError as exc:
                log.warning("the copy of the unsaved plan could not be deleted: %s", type(exc).__name__)

    def release(self) -> None:
        """Let go of the folder (at close), so the next app can keep the copy."""
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


__all__ = ["Recovery", "Unsaved", "default_folder"]
