"""ui.errors: every domain error becomes a plain message; a bug goes to the crash dialog."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.explain import Explanation, render
from planner.i18n import N_, get_language
from planner.norm import NotEligible
from planner.rules import RuleFileError
from planner.storage import PlanFileError
from planner.validate import Issue
from ui import crash, errors
from ui.jobs import PlanHasErrors

PATH = Path("/home/someone/Documents/Familie Jansen.bvp.json")


@pytest.mark.parametrize("kind", ["not_found", "unreadable", "not_json", "not_a_plan", "newer_version", "invalid"])
def test_each_file_error_has_a_message_with_only_the_file_name(kind: str):
    message = errors.describe_error(PlanFileError(kind, PATH))  # type: ignore[arg-type]
    assert message is not None
    assert message.title and message.text
    assert "Familie Jansen.bvp.json" in message.text
    assert "/home/someone" not in message.text + message.informative


def test_structural_errors_are_listed_in_plain_words():
    exc = PlanFileError("invalid", PATH, "…", [{"loc": ("household", "claimant"), "type": "missing"}])
    message = errors.describe_error(exc)
    assert message is not None and message.details
    assert message.details[0] == "“huishouden › jij” ontbreekt.", "the field as the user knows it, in Dutch"


def test_validation_errors_render_their_explanations(qapp):  # noqa: ANN001
    issue = Issue("error", "too_young", Explanation(N_("Algemene bijstand starts at 18. Check the birth date.")))
    message = errors.describe_error(PlanHasErrors(PATH, [issue]))
    assert message is not None
    assert message.details == (render(issue.explanation, get_language()),)


def test_not_eligible_and_broken_rules_have_messages():
    assert errors.describe_error(NotEligible(Explanation(N_("No bijstand under 18.")))) is not None
    assert errors.describe_error(RuleFileError("broken")) is not None


def test_a_bug_opens_the_crash_dialog(monkeypatch: pytest.MonkeyPatch, qapp):  # noqa: ANN001
    seen: list[BaseException] = []
    monkeypatch.setattr(crash, "show_crash", lambda t, e, tb, parent=None: seen.append(e))
    monkeypatch.setattr(errors, "present", lambda parent, message: pytest.fail("no message box for a bug"))
    bug = KeyError("oops")
    errors.show_error(None, bug)
    assert seen == [bug]
    assert errors.describe_error(bug) is None
