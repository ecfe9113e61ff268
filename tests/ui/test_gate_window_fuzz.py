"""No crash in the window, whatever the file: File → Open as a user with fuzzed plans and bytes.

Each file either opens (and is computed, or shows its mistakes) or is refused
with a message; a crash dialog, a traceback or a message with pydantic's
English is a failure, and the file stays byte-identical.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ui import crash, errors
from ui.main_window import MainWindow

from ..planner.test_gate import ENGLISH_VALIDATOR
from ..planner.test_gate_fuzz import BASE, EXAMPLE, PATHS, WILD
from .test_gate_window import answer_file_dialog

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def watched(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> tuple[MainWindow, list, list]:
    messages: list[errors.ErrorMessage] = []
    crashes: list[BaseException] = []
    monkeypatch.setattr(errors, "present", lambda parent, message: messages.append(message))
    monkeypatch.setattr(crash, "show_crash", lambda t, e, tb, parent=None: crashes.append(e))
    return window, messages, crashes


def open_and_check(qtbot, watched: tuple[MainWindow, list, list], path: Path) -> None:  # noqa: ANN001
    window, messages, crashes = watched
    before = path.read_bytes()
    shown: list[bool] = []
    window.plan_shown.connect(lambda: shown.append(True))
    count = len(messages)
    answer_file_dialog(path)
    window.open_action.trigger()
    qtbot.wait_until(lambda: bool(shown or len(messages) > count or crashes), timeout=20000)
    qtbot.wait_until(lambda: not window.worker.is_busy(), timeout=20000)
    assert not crashes, repr(crashes)
    for message in messages[count:]:
        text = " ".join([message.text, message.informative, *message.details])
        assert not ENGLISH_VALIDATOR.search(text), text
    if shown:
        assert window.document.path == path
    assert path.read_bytes() == before
    window.plan_shown.disconnect()


@SETTINGS
@given(where=st.sampled_from(PATHS), value=WILD)
def test_any_value_in_any_field_through_file_open(qtbot, watched, tmp_path: Path, where: tuple, value: object) -> None:  # noqa: ANN001
    data = json.loads(json.dumps(BASE))
    node = data
    for step in where[:-1]:
        node = node[step]
    node[where[-1]] = value
    path = tmp_path / "fuzz.bvp.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8", errors="surrogatepass")
    open_and_check(qtbot, watched, path)


@SETTINGS
@given(seed=st.integers(min_value=0, max_value=2**32))
def test_mutated_bytes_through_file_open(qtbot, watched, tmp_path: Path, seed: int) -> None:  # noqa: ANN001
    raw = bytearray(EXAMPLE.read_bytes())
    rng = random.Random(seed)
    for _ in range(rng.randrange(1, 6)):
        at = rng.randrange(len(raw))
        if rng.random() < 0.5:
            raw[at] = rng.randrange(256)
        else:
            raw[at:at] = rng.choice([b"9", b"99999999999999999999", b"[", b'"', b"-", b"\xef\xbb\xbf"])
    path = tmp_path / "bytes.bvp.json"
    path.write_bytes(bytes(raw))
    open_and_check(qtbot, watched, path)


@pytest.mark.parametrize("content", [
    b"[" * 1000 + b"]" * 1000,
    b'{"schema_version": 1, "household": ' + b"{\"a\": " * 1000 + b"1" + b"}" * 1001,
    json.dumps({**BASE, "starting_balance": "9" * 39}).encode(),
    json.dumps({**BASE, "shifts": [{"date": "9999-12-31", "hours": "4", "job": "schoonmaak"}]}).encode(),
    json.dumps({**BASE, "shifts": [{"date": "2026-01-06", "hours": "4", "job": "schoonmaak", "start": "09:00+01:00"},
                                   {"date": "2026-01-06", "hours": "4", "job": "schoonmaak", "start": "14:00"}]}).encode(),
])
def test_known_crashers_through_file_open(qtbot, watched, tmp_path: Path, content: bytes) -> None:  # noqa: ANN001
    path = tmp_path / "known.bvp.json"
    path.write_bytes(content)
    open_and_check(qtbot, watched, path)
    assert watched[1], "refused with a message"
