"""Domain errors as plain-language dialogs: one :func:`show_error` for the whole UI.

:func:`describe_error` turns an exception into an :class:`ErrorMessage`
(title, main text, reassurance, details) in the current language; it needs no
widgets and is tested on its own. :func:`present` shows it in a message box;
tests replace :func:`present` to capture the message instead of blocking.

An exception that is not a known domain error is a bug: it goes to the local
crash dialog (``ui.crash``), never into a vague message box.
"""

from __future__ import annotations

import errno
import html
import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from planner.explain import render
from planner.i18n import _, get_language
from planner.norm import NotEligible
from planner.rules import RuleFileError
from planner.storage import PlanFileError
from planner.validate import describe_errors
from ui.jobs import PlanHasErrors

log = logging.getLogger("ui.errors")


@dataclass(frozen=True, slots=True)
class ErrorMessage:
    title: str
    text: str
    informative: str = ""
    details: tuple[str, ...] = field(default=())


def _file_name(path: Path | str) -> str:
    """Only the file's name: the folder may contain a person's name and is not needed."""
    return Path(path).name


def describe_error(exc: BaseException) -> ErrorMessage | None:
    """The message for a known domain error, or ``None`` for a bug."""
    lang = get_language()
    if isinstance(exc, PlanFileError):
        name = _file_name(exc.path)
        title = _("The plan could not be opened")
        unchanged = _("Nothing was changed in the file.")
        if exc.kind == "not_found":
            return ErrorMessage(title, _("The file “{name}” could not be found. It may have been moved or deleted.").format(name=name))
        if exc.kind == "unreadable":
            return ErrorMessage(
                title,
                _("The file “{name}” could not be read. Check that you may open it and that no other program is using it.").format(name=name),
                unchanged,
            )
        details = tuple(render(e, lang) for e in describe_errors(exc.errors))
        if exc.kind == "too_large":
            return ErrorMessage(title, _("The file “{name}” is too large for a plan (at most 4 MB).").format(name=name), unchanged)
        if exc.kind == "not_json":
            return ErrorMessage(title, _("The file “{name}” is not a plan file, or it is damaged.").format(name=name), unchanged,
                                details)
        if exc.kind == "encrypted":
            return ErrorMessage(title, _("The file “{name}” is protected with a password.").format(name=name), unchanged)
        if exc.kind == "wrong_password":
            return ErrorMessage(title, _("This password does not open “{name}”, or the file was changed after it was "
                                         "saved.").format(name=name),
                                _("A forgotten password cannot be recovered. Nothing was changed in the file."))
        if exc.kind == "not_a_plan":
            return ErrorMessage(title, _("The file “{name}” is not a Bijverdienplanner plan.").format(name=name), unchanged)
        if exc.kind == "newer_version":
            return ErrorMessage(
                title,
                _("The file “{name}” was made with a newer version of Bijverdienplanner. Install the newest version to open it.").format(name=name),
                unchanged,
            )
        return ErrorMessage(title, _("The plan in “{name}” has mistakes, so it cannot be opened.").format(name=name), unchanged, details)
    if isinstance(exc, PlanHasErrors):
        return ErrorMessage(
            _("The plan could not be computed"),
            _("The plan in “{name}” has mistakes. Correct them, then open the plan again.").format(name=_file_name(exc.path)),
            _("Nothing was changed in the file."),
            tuple(render(issue.explanation, lang) for issue in exc.issues),
        )
    if isinstance(exc, NotEligible):
        return ErrorMessage(
            _("The plan could not be computed"),
            _("This plan cannot be computed."),
            render(exc.explanation, lang),
        )
    if isinstance(exc, RuleFileError):
        return ErrorMessage(
            _("The app is damaged"),
            _("The rule files of Bijverdienplanner are damaged, so nothing can be computed. Please install the app again."),
        )
    return None


def write_failed(exc: OSError, title: str, name: str, informative: str = "") -> ErrorMessage:
    """Why a file could not be written, by its cause: a full disk is never blamed on permissions."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        text = _("There is not enough free space on the disk to write “{name}”. Make room, or save it somewhere "
                 "else.").format(name=name)
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        text = _("The file “{name}” could not be written. Check that you may write in that folder.").format(name=name)
    elif exc.errno in (errno.ENOENT, errno.ENOTDIR):
        text = _("The folder for “{name}” does not exist (any more). Choose another folder.").format(name=name)
    else:
        text = _("The file “{name}” could not be written. Try again, or save it somewhere else.").format(name=name)
    return ErrorMessage(title, text, informative)


def present(parent: QWidget | None, message: ErrorMessage) -> None:
    """Show ``message`` in a modal message box (replaced in tests)."""
    # Rich text, escaped: the details quote the plan file, which may hold anything.
    box = QMessageBox(QMessageBox.Icon.Warning, message.title, "", QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(f"<p>{html.escape(message.text)}</p>")
    parts = []
    if message.details:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in message.details)
        parts.append(f"<ul style='margin-left: 0'>{items}</ul>")
    if message.informative:
        parts.append(f"<p>{html.escape(message.informative)}</p>")
    if parts:
        box.setInformativeText("".join(parts))
    box.setAccessibleName(message.title)
    box.exec()


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Tell the user what went wrong, in plain words; a bug opens the crash dialog."""
    message = describe_error(exc)
    if message is None:
        from ui.crash import show_crash

        show_crash(type(exc), exc, exc.__traceback__, parent)
        return
    log.info("showing an error: %s", type(exc).__name__ if not isinstance(exc, PlanFileError) else f"PlanFileError({exc.kind})")
    present(parent, message)
