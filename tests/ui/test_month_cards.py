"""ui.month_cards: a view of planner.summary.month_cards; every amount opens its explanation.

The tests start in Dutch. Texts added with the cards stay English until the
catalogs are updated, so the tests check behaviour and amounts, not words.
"""

from __future__ import annotations

import dataclasses

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QWidget

import planner.i18n
from planner.explain import render
from planner.glossary import GLOSSARY
from planner.i18n import _, format_day, format_money, format_month
from planner.model import Expense, Household, Job, Person, Plan, Settlement, Shift
from planner.scenarios import run
from planner.storage import load_plan
from planner.summary import NOTE_CODES, MonthCard, SummaryItem, month_cards
from ui import month_model
from ui.explain_panel import ExplainPanel
from ui.language import apply_language
from planner.notes import amount_causes
from planner.results import FIGURES
from ui.month_cards import AmountButton, MonthCardsView, answer_text
from ui.pseudo_locale import clipped_texts, pseudo_translations

from .conftest import EXAMPLE

SIZE = (1200, 800)
NBSP = "\xa0"


@pytest.fixture(scope="module")
def example_cards() -> tuple[MonthCard, ...]:
    return month_cards(run(load_plan(EXAMPLE)))


@pytest.fixture(scope="module")
def withheld_cards() -> tuple[MonthCard, ...]:
    """Sam (see tests/planner/test_summary.py): February is paid too much, withheld on 26 March; rent makes January short."""
    sam = Household(composition="single", claimant=Person(birth_date=date(1986, 1, 1), vrijlating_months_used=6))
    job = Job(id="werk", name="Schoonmaak", wage="12.00", wage_basis="net", holiday_pay="none")
    shifts = tuple(Shift(date=date(2026, m, 10), hours=h, job="werk") for m, h in ((1, "10"), (2, "30"), (3, "5")))
    plan = Plan(start="2026-01", months=4, household=sam, jobs=(job,), shifts=shifts, starting_balance="100",
                expenses=(Expense(name="Huur", amount="700", day=1),), settlement=Settlement(safety_buffer="200"))
    return month_cards(run(plan))


@pytest.fixture
def view(qtbot, example_cards: tuple[MonthCard, ...]) -> MonthCardsView:  # noqa: ANN001
    v = MonthCardsView()
    qtbot.add_widget(v)
    v.resize(*SIZE)
    v.set_cards(example_cards)
    v.show()
    qtbot.wait_exposed(v)
    return v


def _labels(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


# --- what is shown ------------------------------------------------------------------------------------


def test_one_card_per_month_three_in_a_row(view: MonthCardsView, example_cards: tuple[MonthCard, ...]):
    widgets = view.card_widgets()
    assert [w.card for w in widgets] == list(example_cards)
    assert view.columns() == 3
    first, second, third, fourth = (w.geometry() for w in widgets[:4])
    assert first.top() == second.top() == third.top() < fourth.top()
    assert first.left() == fourth.left()
    for widget, card in zip(widgets, example_cards, strict=True):
        assert format_month(*card.month) in _labels(widget)
        assert widget.accessibleName() == format_month(*card.month)


def test_every_amount_is_a_button_with_its_amount(view: MonthCardsView, example_cards: tuple[MonthCard, ...]):
    february = example_cards[1]
    shown = {b.item.key: b for b in view.card_widgets()[1].buttons}
    assert set(shown) >= {"wages", "bijstand", "total_in", "paid_later", "lowest_balance", "set_aside"}
    wages = next(i for i in february.money_in if i.key == "wages")
    assert shown["wages"].text() == format_money(wages.amount)
    assert shown["total_in"].text() == format_money(february.total_in.amount)
    assert shown["paid_later"].text() == "+" + format_money(february.settled_later[0].amount)
    # premie and holiday pay of nothing, without a note, are left out of the card
    april = {b.item.key for b in view.card_widgets()[3].buttons}
    assert "premie" not in april and "holiday_pay" not in april
    assert "holiday_pay" in {b.item.key for b in view.card_widgets()[4].buttons}  # May: holiday pay from work


def test_the_reflow_follows_the_width(view: MonthCardsView, qtbot):  # noqa: ANN001
    view.resize(760, 800)
    qtbot.wait_until(lambda: view.columns() == 2)
    widgets = view.card_widgets()
    assert widgets[0].geometry().top() == widgets[1].geometry().top() < widgets[2].geometry().top()
    view.resize(420, 800)
    qtbot.wait_until(lambda: view.columns() == 1)
    assert widgets[0].geometry().top() < widgets[1].geometry().top()


def test_each_card_leads_with_the_answer(view: MonthCardsView, example_cards: tuple[MonthCard, ...]):
    for widget, card in zip(view.card_widgets(), example_cards, strict=True):
        answer = widget.findChild(QFrame, "answer")
        assert answer is not None
        first = widget.buttons[0]
        assert first.item is card.total_in and first.parent() is answer, "the first amount (and Tab stop) is the total"
        assert first.accessibleName() == _("{label}: {amount}").format(label=_(FIGURES["total_in"].label),
                                                                       amount=format_money(card.total_in.amount))
        later = [b for b in widget.buttons if b.parent() is answer][1:]
        assert [b.item for b in later] == list(card.settled_later), "what happens later for this month, in the answer"
        money_in = next(label for label in widget.findChildren(QLabel) if label.text() == _("Money in"))
        assert answer.geometry().bottom() < money_in.geometry().top(), "the answer comes before the details"
        assert widget.accessibleDescription() == answer_text(card)
        assert widget.accessibleDescription().startswith(_(FIGURES["total_in"].label))
        if not card.taken_back_later:
            assert widget.answer_label.text() == _("Nothing is taken back later for this month, if your hours go as planned.")


def test_the_answer_says_what_is_taken_back_later_and_when(qtbot, withheld_cards: tuple[MonthCard, ...]):  # noqa: ANN001
    v = MonthCardsView()
    qtbot.add_widget(v)
    v.set_cards(withheld_cards)
    february = v.card_widgets()[1]
    item = withheld_cards[1].taken_back_later[0]
    button = v.button_for((2026, 2), "taken_back_later")
    answer = february.findChild(QFrame, "answer")
    assert button.parent() is answer
    texts = _labels(answer)
    assert _(FIGURES["taken_back_later"].label) in texts
    assert any(_("On {date}").format(date=format_day(item.when)) in t for t in texts)
    said = february.accessibleDescription()
    assert format_money(-item.amount) in said and format_day(item.when) in said
    assert not hasattr(february, "answer_label"), "no 'nothing is taken back' on a card where something is"


def test_no_card_holds_a_notes_box_and_the_warning_sign_says_why(qtbot):  # noqa: ANN001
    plan = load_plan(EXAMPLE).model_copy(update={"start": "2026-11"})
    cards = month_cards(run(plan))
    assert [c.not_yet_published for c in cards][:3] == [False, False, True]
    v = MonthCardsView()
    qtbot.add_widget(v)
    v.set_cards(cards)
    for widget in v.card_widgets():
        assert widget.findChild(QFrame, "cardNotes") is None
        assert not any("Nog niet bekendgemaakt" in t or "Niet zeker" in t for t in _labels(widget))
    bijstand = next(b for b in v.card_widgets()[2].buttons if b.item.key == "bijstand")
    assert not bijstand.icon().isNull()  # the amount carries the warning mark
    causes = [render(c, "nl") for c in amount_causes(bijstand.item.flags, short=True)]
    assert causes[0].startswith("Nog niet bekendgemaakt: de bijstandsnorm")
    for cause in causes:
        assert cause in bijstand.toolTip() and cause in bijstand.accessibleDescription()
    assert "Bijstandsnorm alleenstaande" not in bijstand.toolTip(), "plain names, not the rule's label"
    plain = next(b for b in v.card_widgets()[0].buttons if not b.item.flags)
    assert "\u26a0" not in plain.toolTip() and plain.accessibleDescription() == _("Press Enter to see why.")


def test_below_the_buffer_is_said_in_words_and_with_an_icon(qtbot, withheld_cards: tuple[MonthCard, ...]):  # noqa: ANN001
    v = MonthCardsView()
    qtbot.add_widget(v)
    v.set_cards(withheld_cards)
    january, march = v.card_widgets()[0], v.card_widgets()[2]
    assert withheld_cards[0].below_buffer and not withheld_cards[2].below_buffer
    low = january.findChild(QWidget, "lowBalance")
    assert low.property("below") == "true"
    icons = [label for label in low.findChildren(QLabel) if label.pixmap() is not None and not label.pixmap().isNull()]
    assert icons and all(label.accessibleName() for label in icons)
    assert _("Below zero: your account would be short.") in _labels(low)
    assert march.findChild(QWidget, "lowBalance").property("below") == "false"
    # the withholding is on February's card as later, and on March's as now, with a minus sign
    later = v.button_for((2026, 2), "taken_back_later")
    assert later.text() == "\u2212" + format_money(withheld_cards[1].taken_back_later[0].amount.copy_abs())
    now = v.button_for((2026, 3), "taken_back_now")
    assert now.text().startswith("\u2212")
    assert v.button_for((2026, 3), "set_aside").text() == format_money(withheld_cards[2].set_aside.amount)


def test_no_text_is_cut_off(view: MonthCardsView, qtbot, withheld_cards, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN001
    assert clipped_texts(view) == []
    view.set_scale(1.4)
    assert clipped_texts(view) == []
    monkeypatch.setattr(planner.i18n, "translations", pseudo_translations("nl"))
    view.set_scale(1.0)
    view.set_cards(withheld_cards)
    assert clipped_texts(view) == []


# --- activating an amount ------------------------------------------------------------------------------


def test_a_click_emits_the_item(view: MonthCardsView, qtbot):  # noqa: ANN001
    button = view.button_for((2026, 2), "bijstand")
    with qtbot.wait_signal(view.item_activated) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    item = blocker.args[0]
    assert isinstance(item, SummaryItem)
    assert (item.month, item.key) == ((2026, 2), "bijstand")
    assert item is button.item


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_enter_and_space_emit_the_item(view: MonthCardsView, qtbot, key: Qt.Key):  # noqa: ANN001
    button = view.button_for((2026, 3), "lowest_balance")
    button.setFocus()
    with qtbot.wait_signal(view.item_activated) as blocker:
        qtbot.keyClick(button, key)
    assert blocker.args[0] is button.item


def test_the_explanation_panel_shows_an_item(view: MonthCardsView, qtbot, withheld_cards):  # noqa: ANN001
    panel = ExplainPanel()
    qtbot.add_widget(panel)
    view.item_activated.connect(panel.show_item)
    view.set_cards(withheld_cards)
    button = view.button_for((2026, 2), "taken_back_later")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    item = button.item
    assert panel.item is item
    text = panel.toPlainText().replace(NBSP, " ")
    assert render(item.explanation, "nl").replace(NBSP, " ") in text
    for part in item.parts:
        assert render(part.explanation, "nl").replace(NBSP, " ") in text
    for note in amount_causes(item.flags):  # each cause once
        assert render(note, "nl").replace(NBSP, " ") in text
    for ref in item.rules:
        assert ref.label("nl") in text
    assert {s.url for ref in item.rules for s in ref.references if s.url.startswith("http")} == set(panel.links())
    assert "bijstand" in panel.glossary_tooltips()  # glossary words get their explanation, as for a table cell
    panel.show()
    apply_language("en")  # the app sends LanguageChange to every window
    qtbot.wait_until(lambda: render(item.explanation, "en") in panel.toPlainText())
    # back to a table cell: the old path still works
    january = run(load_plan(EXAMPLE)).projection.months[0]
    panel.show_cell(january, month_model.COLUMNS[0])
    assert panel.item is None and panel.month is january


# --- accessibility, scale and language ------------------------------------------------------------------


def test_every_focusable_widget_has_a_name(view: MonthCardsView):
    focusable = [w for w in [view, *view.findChildren(QWidget)] if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisible()]
    assert len(focusable) > 12 * 5
    for widget in focusable:
        assert widget.accessibleName(), widget
    for button in view.buttons():
        assert button.accessibleName().endswith(": " + button.text())  # "{label}: {amount}"
        assert len(button.accessibleName()) > len(button.text()) + 2
        assert button.accessibleDescription().endswith(_("Press Enter to see why."))
    bijstand = view.button_for((2026, 1), "bijstand")
    assert bijstand.accessibleName() == _("{label}: {amount}").format(label=_("Bijstand received"), amount=bijstand.text())


def test_a_glossary_word_gets_its_explanation_as_a_tooltip(view: MonthCardsView):
    bijstand = view.button_for((2026, 1), "bijstand")
    term = next(t for t in GLOSSARY if t.term == "bijstand")
    assert term.text("nl") in bijstand.toolTip()
    lowest = view.button_for((2026, 1), "lowest_balance")
    assert lowest.toolTip() == _("Click or press Enter to see why.")


def test_set_scale_makes_everything_larger(view: MonthCardsView, qtbot):  # noqa: ANN001
    before = view.button_for((2026, 1), "bijstand").font().pointSizeF()
    width = view.card_widgets()[0].minimumWidth()
    view.set_scale(1.4)
    after = view.button_for((2026, 1), "bijstand")
    assert after.font().pointSizeF() == pytest.approx(before * 1.4)
    assert view.card_widgets()[0].minimumWidth() > width
    assert view.columns() == 2  # fewer, larger cards at 1200 pixels


def _more_bijstand(card: MonthCard, extra: int = 1) -> MonthCard:
    """The same card with ``extra`` euro more bijstand: only a number changes, not the card's shape."""
    money_in = tuple(dataclasses.replace(i, amount=i.amount + extra) if i.key == "bijstand" else i for i in card.money_in)
    return dataclasses.replace(card, money_in=money_in)


def _reshaped(card: MonthCard) -> MonthCard:
    """The same card with the balance warning switched: a line comes or goes, so the card is built anew."""
    return dataclasses.replace(card, below_buffer=not card.below_buffer)


def test_set_cards_keeps_the_scroll_position_and_the_focused_amount(view: MonthCardsView, qtbot, example_cards):  # noqa: ANN001
    target = view.button_for((2026, 8), "bijstand")
    target.setFocus()
    qtbot.wait_until(lambda: view.verticalScrollBar().value() > 0)
    scroll = view.verticalScrollBar().value()
    august = next(i for i, c in enumerate(example_cards) if c.month == (2026, 8))
    view.set_cards((*example_cards[:august], _reshaped(example_cards[august]), *example_cards[august + 1:]))
    focused = view.focusWidget()
    assert isinstance(focused, AmountButton) and focused is not target, "August's card was built again"
    assert (focused.item.month, focused.item.key) == ((2026, 8), "bijstand")
    assert view.verticalScrollBar().value() == scroll


def test_new_numbers_are_shown_in_the_widgets_there_are(view: MonthCardsView, example_cards):  # noqa: ANN001
    target = view.button_for((2026, 1), "bijstand")
    target.setFocus()
    card_widget = view.card_widgets()[0]
    edited = _more_bijstand(example_cards[0], 5)
    view.set_cards((edited, *example_cards[1:]))
    assert view.card_widgets()[0] is card_widget and card_widget.card is edited
    assert view.button_for((2026, 1), "bijstand") is target and view.focusWidget() is target
    amount = next(i.amount for i in edited.money_in if i.key == "bijstand")
    assert target.text() == format_money(amount, "nl")
    assert format_money(amount, "nl") in target.accessibleName()
    assert target.item == next(i for i in edited.money_in if i.key == "bijstand")
    fresh = MonthCardsView()  # built from scratch: the same texts as updated in place
    fresh.set_cards((edited,))
    assert _labels(fresh.card_widgets()[0]) == _labels(card_widget)
    assert [b.accessibleName() for b in fresh.buttons()] == [b.accessibleName() for b in card_widget.buttons]
    fresh.deleteLater()


def test_a_language_switch_renders_the_same_cards_again(view: MonthCardsView, qtbot, example_cards):  # noqa: ANN001
    cards_before = view.cards()
    button = view.button_for((2026, 1), "bijstand")
    assert button.text() == format_money(example_cards[0].money_in[1].amount, "nl")
    apply_language("en")  # the app sends LanguageChange to every window
    qtbot.wait_until(lambda: view.button_for((2026, 1), "bijstand").text() == "€1,197.02")
    assert view.cards() is cards_before  # nothing recomputed
    english = view.button_for((2026, 1), "bijstand")
    assert english.text() == format_money(example_cards[0].money_in[1].amount, "en") == "€1,197.02"
    assert "January 2026" in _labels(view.card_widgets()[0])
    assert english.accessibleName() == "Bijstand received: €1,197.02"
    assert view.accessibleName() == "Month cards"


def test_the_note_codes_are_the_tables(view: MonthCardsView):
    assert NOTE_CODES == month_model.NOTE_CODES


def test_a_hidden_view_is_in_the_new_language_when_it_is_shown(qtbot, example_cards):  # noqa: ANN001
    v = MonthCardsView()
    qtbot.add_widget(v)
    v.set_cards(example_cards)
    apply_language("en")
    v.show()
    qtbot.wait_until(lambda: v.button_for((2026, 1), "bijstand").text() == "€1,197.02")
    assert "January 2026" in _labels(v.card_widgets()[0])


def test_after_an_edit_only_the_changed_cards_are_shown_again(qtbot, example_cards: tuple[MonthCard, ...]):  # noqa: ANN001
    v = MonthCardsView()
    qtbot.add_widget(v)
    v.resize(1200, 600)
    v.show()
    qtbot.wait_exposed(v)
    v.set_cards(example_cards)
    before = v.card_widgets()
    texts = [_labels(w) for w in before]
    last = len(example_cards) - 1
    first = _more_bijstand(example_cards[1])
    second = _reshaped(example_cards[2])
    end = _more_bijstand(example_cards[last])
    v.set_cards((example_cards[0], first, second, *example_cards[3:last], end))
    now = v.card_widgets()
    assert now[1] is before[1] and now[1].card is first, "the same shape: the new numbers in the same widgets"
    assert now[2] is not before[2] and now[2].card.below_buffer != example_cards[2].below_buffer, "another shape: built anew"
    assert v._grid.indexOf(now[2]) >= 0 and v._grid.indexOf(before[2]) == -1
    assert before[2].parent() is None, "the old card left the tree"
    assert now[last] is before[last] and now[last].card is example_cards[last], "a card off screen waits for the event loop"
    assert not v.is_up_to_date()
    qtbot.wait_until(v.is_up_to_date)
    after = v.card_widgets()
    assert after[last] is before[last] and after[last].card is end
    bijstand = next(i.amount for i in end.money_in if i.key == "bijstand")
    assert v.button_for(end.month, "bijstand").text() == format_money(bijstand, "nl")
    assert all(a is b for i, (a, b) in enumerate(zip(before, after, strict=True)) if i != 2)
    assert all(_labels(after[i]) == texts[i] for i in range(len(after)) if i not in (1, 2, last))
    v.set_cards(v.cards())
    assert v.card_widgets() == after, "nothing changed, nothing built"
