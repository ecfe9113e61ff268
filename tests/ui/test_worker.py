"""ui.worker: results and exceptions come back by signal; stale results are dropped."""

from __future__ import annotations

import threading

import pytest

from ui.worker import Worker


@pytest.fixture
def worker(qapp):  # noqa: ANN001
    w = Worker()
    yield w
    w.cancel()
    w.wait(5000)


def test_a_result_comes_back_by_signal(qtbot, worker: Worker):
    main = threading.get_ident()
    ran_in: list[int] = []

    def job(a: int, b: int) -> int:
        ran_in.append(threading.get_ident())
        return a + b

    with qtbot.wait_signal(worker.finished, timeout=5000) as blocker:
        generation = worker.submit(job, 2, 3)
    assert blocker.args == [generation, 5]
    assert ran_in and ran_in[0] != main, "the job runs off the main thread"
    assert not worker.is_busy()


def test_an_exception_comes_back_by_signal(qtbot, worker: Worker):
    def job() -> None:
        raise ValueError("no good")

    with qtbot.assert_not_emitted(worker.finished), qtbot.wait_signal(worker.failed, timeout=5000) as blocker:
        generation = worker.submit(job)
    assert blocker.args[0] == generation
    assert isinstance(blocker.args[1], ValueError)
    assert str(blocker.args[1]) == "no good"


def test_busy_is_signalled_around_a_job(qtbot, worker: Worker):
    states: list[bool] = []
    worker.busy_changed.connect(states.append)
    with qtbot.wait_signal(worker.finished, timeout=5000):
        worker.submit(lambda: 1)
    assert states == [True, False]


def test_a_stale_result_is_dropped(qtbot, worker: Worker):
    gate = threading.Event()
    results: list[object] = []
    worker.finished.connect(lambda _g, r: results.append(r))

    def slow() -> str:
        gate.wait(5)
        return "old"

    worker.submit(slow)
    newest = worker.submit(lambda: "new")
    gate.set()
    with qtbot.wait_signal(worker.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == [newest, "new"]
    assert results == ["new"]


def test_cancel_drops_the_running_job(qtbot, worker: Worker):
    gate = threading.Event()
    worker.submit(lambda: gate.wait(5))
    assert worker.is_busy()
    with qtbot.assert_not_emitted(worker.finished):
        worker.cancel()
        assert not worker.is_busy()
        gate.set()
        worker.wait(5000)
        qtbot.wait(50)  # let the queued (dropped) delivery arrive; nothing may be emitted


def test_after_shutdown_no_job_starts_and_a_running_one_is_waited_for(qtbot, worker: Worker):
    """A window's timer may still ask for a job after it closed; the worker must not start one (a pool deleted
    while a Python job runs would hang the app)."""
    gate = threading.Event()
    ran = []
    worker.submit(lambda: gate.wait(5) and ran.append("first"))
    threading.Timer(0.1, gate.set).start()
    assert worker.shutdown(5000), "the running job was waited for"
    assert ran == ["first"]
    with qtbot.assert_not_emitted(worker.finished):
        worker.submit(lambda: ran.append("late"))
        assert not worker.is_busy()
        qtbot.wait(50)
    assert ran == ["first"], "nothing started after shutdown"
