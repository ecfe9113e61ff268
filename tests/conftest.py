"""Test configuration shared by the whole suite.

- Qt runs offscreen: ``QT_QPA_PLATFORM`` is set here, at import time, before
  any QApplication exists (a value set by the caller wins).
- The rule cache (``BIJVERDIENPLANNER_CACHE_DIR``) is a temporary folder.
- Tests that use the ``qapp`` or ``qtbot`` fixture get the ``gui`` marker, so
  ``-m "not gui"`` runs the Qt-free part of the suite.
- A test fails when one of our own loggers (``planner…``, ``ui…``) logs a
  WARNING or worse, unless the test is marked ``allow_log_warnings`` (it can
  then check the records with ``caplog``). Qt's own messages are handled by
  pytest-qt (``qt_log_level_fail`` in pyproject.toml).
"""

from __future__ import annotations

import logging
import os
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The parsed rules are cached (planner.rules.load_rules) in a folder of this test session, never the user's.
os.environ["BIJVERDIENPLANNER_CACHE_DIR"] = tempfile.mkdtemp(prefix="bvp-test-cache-")

#: Loggers whose warnings fail a test: ours, not those of libraries.
OWN_LOGGERS = ("planner", "ui")

_GUI_FIXTURES = frozenset({"qapp", "qtbot"})
_RECORDS_KEY = pytest.StashKey[list[logging.LogRecord]]()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "allow_log_warnings: the test expects WARNING (or worse) log records from the "
        "planner/ui loggers; check them with caplog",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _GUI_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


class _Collector(logging.Handler):
    """Keeps WARNING+ records of our own loggers for the running test."""

    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__(level=logging.WARNING)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _describe(records: list[logging.LogRecord]) -> str:
    lines = [f"  {r.levelname} {r.name}: {r.getMessage()}" for r in records]
    return (
        "unexpected log record(s) of WARNING or worse from our own loggers:\n"
        + "\n".join(lines)
        + "\n(mark the test with @pytest.mark.allow_log_warnings if they are expected)"
    )


@pytest.fixture(autouse=True)
def fail_on_own_log_warnings(request: pytest.FixtureRequest):
    """Fail the test on a WARNING+ record from the planner/ui loggers.

    Records logged while the test runs fail its call phase (see
    ``pytest_runtest_call``); any logged later, while fixtures are torn down,
    fail it here.
    """
    records: list[logging.LogRecord] = []
    request.node.stash[_RECORDS_KEY] = records
    handler = _Collector(records)
    loggers = [logging.getLogger(name) for name in OWN_LOGGERS]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
    if records and request.node.get_closest_marker("allow_log_warnings") is None:
        pytest.fail(_describe(records), pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    records = item.stash.get(_RECORDS_KEY, None)
    try:
        result = yield
    except BaseException:
        # The test failed already; its records are in "Captured log call".
        if records is not None:
            records.clear()
        raise
    if records and item.get_closest_marker("allow_log_warnings") is None:
        described = _describe(records)
        records.clear()  # reported here; teardown reports only later ones
        pytest.fail(described, pytrace=False)
    return result
