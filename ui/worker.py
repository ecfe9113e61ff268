"""The one background helper: run a pure planner function off the main thread.

:meth:`Worker.submit` runs ``fn(*args)`` on a thread pool and brings the result
(or the exception) back to the main thread as a signal. The function must be
pure: it gets plain data and returns plain data, and never touches a widget
(model: Anki ``qt/aqt/operations/__init__.py`` ``QueryOp``, "Be careful not to
call any UI routines in `op`"; Picard ``picard/util/thread.py`` ``run_task``).

Every submit gets a new *generation* number. A result that arrives after a
newer job was submitted, or after :meth:`Worker.cancel`, is stale and is
dropped, so the window never shows an older plan over a newer one. The pool
has one thread by default, so jobs run in the order they were submitted
(Anki's serial ``taskman``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger("ui.worker")


class _Relay(QObject):
    """Lives in the main thread; the job emits on it from the pool thread (a queued signal).

    The outcome travels as one Python object: ``(True, result)`` or ``(False, exception)``.
    """

    done = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, generation: int, fn: Callable[..., Any], args: tuple[Any, ...], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._generation = generation
        self._fn = fn
        self._args = args
        self._relay = relay

    def run(self) -> None:  # pool thread: no widgets here
        try:
            result = self._fn(*self._args)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the main thread
            self._relay.done.emit(self._generation, (False, exc))
        else:
            self._relay.done.emit(self._generation, (True, result))


class Worker(QObject):
    """Runs one kind of job at a time; the newest submission wins.

    Signals carry the generation number of the job and its result or exception.
    """

    started = Signal(int)
    finished = Signal(int, object)
    failed = Signal(int, object)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        if pool is None:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
        self._pool = pool
        self._generation = 0
        self._waiting = False  # the newest job has not delivered yet
        self._closed = False  # shut down: no new jobs (see shutdown)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)

    @property
    def generation(self) -> int:
        return self._generation

    def is_busy(self) -> bool:
        """The newest job, whose result will be shown, is still running or waiting."""
        return self._waiting

    def submit(self, fn: Callable[..., Any], *args: Any) -> int:
        """Run ``fn(*args)`` in the background; return the job's generation number.

        After :meth:`shutdown` nothing is started (a timer of a closed window may still ask).
        """
        if self._closed:
            log.debug("job not started: the worker is shut down")
            return self._generation
        self._generation += 1
        generation = self._generation
        was_busy = self._waiting
        self._waiting = True
        log.debug("job %d submitted: %s", generation, getattr(fn, "__name__", "job"))
        self._pool.start(_Job(generation, fn, args, self._relay))
        self.started.emit(generation)
        if not was_busy:
            self.busy_changed.emit(True)
        return generation

    def cancel(self) -> None:
        """Drop the result of every job submitted so far (a running job finishes, unseen)."""
        self._generation += 1
        if self._waiting:
            self._waiting = False
            self.busy_changed.emit(False)

    def wait(self, msecs: int = -1) -> bool:
        """Wait for the pool to empty (at shutdown). Results still arrive by signal later."""
        return self._pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 10000) -> bool:
        """Start no more jobs, drop every result, and wait (up to ``msecs``) for a running job to end.

        Call it before the worker is deleted: Qt deletes the pool with the
        worker, and a pool deleted while a Python job still runs waits for it
        while the deleting thread holds Python's lock, which the job needs:
        the app would hang. Waiting here lets the job finish first.
        """
        self._closed = True
        self.cancel()
        return self.wait(msecs)

    @Slot(int, object)
    def _on_done(self, generation: int, outcome: tuple[bool, object]) -> None:
        ok, payload = outcome
        if generation != self._generation:
            log.debug("job %d dropped: a newer job (%d) was submitted", generation, self._generation)
            return
        self._waiting = False
        self.busy_changed.emit(False)
        if ok:
            self.finished.emit(generation, payload)
        else:
            log.info("job %d failed with %s", generation, type(payload).__name__)
            self.failed.emit(generation, payload)
