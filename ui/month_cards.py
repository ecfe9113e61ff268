"""The month cards: one card per month, readable at a glance, every amount a button to its explanation.

A view of :func:`planner.summary.month_cards` (it computes nothing). Each card
shows, top to bottom:

- the month, and a yellow notes strip when an amount of the month is not yet
  published, not known, not confirmed or rests on an assumption (a warning
  icon *and* words);
- the money that comes into the account that month: net wages, bijstand,
  premie and holiday pay (the last two only when there is something to say),
  and the total;
- what is taken back this month for earlier months;
- what happens later for this month's income: taken from a later payment, to
  pay back, or paid extra, each with its date; or that nothing is settled
  later;
- the lowest balance and its date, marked with an icon and words (not colour
  alone) when it is below the safety buffer;
- what to set aside now.

Every amount is a flat, focusable button: a click, Enter or Space emits
:attr:`MonthCardsView.item_activated` with its :class:`planner.summary.SummaryItem`,
so the explanation panel can show why. Screen readers get "label: amount" and
a hint; a label that is a glossary word gets its explanation as a tooltip.

The cards flow in a grid (three a row at 1200 pixels) and reflow on resize.
:meth:`MonthCardsView.set_scale` makes everything larger for a consultation.
Colours are from the Okabe–Ito palette (darkened where text needs contrast);
a meaning is never carried by colour alone.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from PySide6.QtCore import QRect, QTimer, QCoreApplication, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from planner.benefit import Flag
from planner.explain import render
from planner.glossary import GLOSSARY, Term, split_terms
from planner.i18n import _, format_day, format_money, format_month, get_language, ngettext
from planner.summary import MonthCard, SummaryItem
from ui.look import OKABE_ITO
from ui.fonts import CONTENT_POINT_SIZE
from ui.month_model import flag_icon

#: Text colours with enough contrast on white (Okabe–Ito hues, darkened for text).
TEXT = "#1f1f1f"
MUTED = "#555555"
TAKEN = "#a63d00"  # vermillion, darkened
PAID = "#00694d"  # bluish green, darkened
ACCENT = OKABE_ITO["blue"]

CARD_WIDTH = 340
"""The narrowest a card gets, in pixels at scale 1; the grid fits as many as the width allows."""
SPACING = 14

_STYLE = f"""
#monthCard {{ background-color: #ffffff; border: 1px solid #c4c4c4; border-radius: 6px; }}
#monthCard QLabel {{ color: {TEXT}; background: transparent; }}
#monthCard QLabel[muted="true"] {{ color: {MUTED}; }}
#monthCard QLabel[tone="taken"] {{ color: {TAKEN}; }}
#monthCard QLabel[tone="paid"] {{ color: {PAID}; }}
#cardNotes {{ background-color: #fff4d6; border: 1px solid #e0b650; border-left: 5px solid #c98a00; border-radius: 3px; }}
#cardNotes QLabel {{ color: #2b2b2b; }}
#setAside {{ background-color: #e8f1f8; border-left: 5px solid {ACCENT}; border-radius: 3px; }}
#setAside[empty="true"] {{ background-color: transparent; border-left: 5px solid #d9d9d9; }}
#lowBalance[below="true"] {{ background-color: #fbe9e0; border-left: 5px solid {OKABE_ITO["vermillion"]}; border-radius: 3px; }}
#lowBalance[below="false"] {{ border-left: 5px solid transparent; }}
#later[tone="taken"] {{ background-color: #fbe9e0; border-left: 5px solid {OKABE_ITO["vermillion"]}; border-radius: 3px; }}
#later[tone="paid"] {{ background-color: #e3f4ee; border-left: 5px solid {OKABE_ITO["bluish_green"]}; border-radius: 3px; }}
#cardRule {{ background-color: #d0d0d0; border: none; }}
QPushButton#amount {{
    color: {TEXT}; background: transparent; text-align: right;
    border: 1px solid transparent; border-bottom: 1px dotted {ACCENT}; border-radius: 0px; padding: 2px 6px;
}}
QPushButton#amount[tone="taken"] {{ color: {TAKEN}; }}
QPushButton#amount[tone="paid"] {{ color: {PAID}; }}
QPushButton#amount:hover {{ background-color: #eaf3fa; border: 1px solid {ACCENT}; border-radius: 3px; }}
QPushButton#amount:focus {{ background-color: #eaf3fa; border: 2px solid {ACCENT}; border-radius: 3px; }}
"""

_GLOSSARY_BY_TERM: dict[str, Term] = {t.term: t for t in GLOSSARY}

#: Money in that is shown only when there is something to say (an amount, a hint or a note).
_ONLY_WHEN_SOMETHING = frozenset({"premie", "holiday_pay"})


def signed_money(amount: Decimal, *, plus: bool = False) -> str:
    """``−€ 45,10`` with a real minus sign; ``+€ 60,03`` when ``plus`` (the sign is never colour alone)."""
    if amount < 0:
        return "\u2212" + format_money(-amount)
    if plus and amount > 0:
        return "+" + format_money(amount)
    return format_money(amount)


def _glossary_term(item: SummaryItem) -> Term | None:
    """The glossary word in the item's label as shown (as the explanation panel finds them), else its own term."""
    for _piece, term in split_terms(_(item.label)):
        if term is not None:
            return term
    return _GLOSSARY_BY_TERM.get(item.term) if item.term else None


def _first_sentence(item: SummaryItem) -> str:
    """The item's own sentence, without the further sentences of why (those are in the explanation panel)."""
    return render(dataclasses.replace(item.explanation, more=()), get_language())


class AmountButton(QPushButton):
    """One amount: flat, focusable; a click, Enter or Space activates it."""

    def __init__(self, item: SummaryItem, text: str, name: str, tone: str | None, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.item = item
        self.setObjectName("amount")
        self.setFlat(True)
        self.setAutoDefault(False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        if tone:
            self.setProperty("tone", tone)
        if item.flags:
            self.setIcon(flag_icon())
        self.setAccessibleName(_("{label}: {amount}").format(label=name, amount=text))
        notes = len(item.flags)
        if notes:
            self.setAccessibleDescription(ngettext(
                "Press Enter to see why. There is {count} note about this amount.",
                "Press Enter to see why. There are {count} notes about this amount.",
                notes,
            ).format(count=notes))
        else:
            self.setAccessibleDescription(_("Press Enter to see why."))
        term = _glossary_term(item)
        click = _("Click or press Enter to see why.")
        if term is not None:
            self.setToolTip(_("{term}: {explanation}").format(term=term.heading, explanation=term.text()) + "\n" + click)
        else:
            self.setToolTip(click)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.click()
            event.accept()
            return
        super().keyPressEvent(event)

    @property
    def identity(self) -> tuple:
        """Which amount this is, across a re-render: the month, the key and the date."""
        return (self.item.month, self.item.key, self.item.when, self.item.kind)


class CardWidget(QFrame):
    """One month: a view of a :class:`MonthCard`."""

    def __init__(self, card: MonthCard, view: MonthCardsView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self._view = view
        self.buttons: list[AmountButton] = []
        self.setObjectName("monthCard")
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Cards of one row are as tall as the tallest, so the balance and the advice line up across the row.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(int(CARD_WIDTH * view.scale))
        layout = QVBoxLayout(self)
        pad = int(12 * view.scale)
        layout.setContentsMargins(pad, pad, pad, pad)
        layout.setSpacing(int(4 * view.scale))
        self._layout = layout
        self._build()

    # --- building blocks --------------------------------------------------------------------------

    def _font(self, factor: float = 1.0, bold: bool = False) -> QFont:
        return self._view.content_font(factor, bold)

    def _label(self, text: str, factor: float = 1.0, bold: bool = False, muted: bool = False, tone: str | None = None,
               wrap: bool = True) -> QLabel:
        label = QLabel(text, self)
        label.setFont(self._font(factor, bold))
        label.setWordWrap(wrap)
        label.setTextFormat(Qt.TextFormat.PlainText)
        if muted:
            label.setProperty("muted", "true")
        if tone:
            label.setProperty("tone", tone)
        return label

    def _button(self, item: SummaryItem, name: str, text: str, tone: str | None = None, bold: bool = False) -> AmountButton:
        button = AmountButton(item, text, name, tone, self)
        button.setFont(self._font(1.0, bold))
        side = int(16 * self._view.scale)
        button.setIconSize(QSize(side, side))
        button.clicked.connect(lambda _checked=False, it=item: self._view.item_activated.emit(it))
        button.installEventFilter(self._view)
        self.buttons.append(button)
        return button

    def _row(self, item: SummaryItem, name: str, text: str, *, sub: str | None = None, tone: str | None = None,
             bold: bool = False, label_tone: str | None = None, into: QVBoxLayout | None = None) -> QHBoxLayout:
        """A line: the label (and a smaller line under it) on the left, the amount on the right."""
        row = QHBoxLayout()
        row.setSpacing(int(8 * self._view.scale))
        left = QVBoxLayout()
        left.setSpacing(0)
        title = self._label(name, bold=bold, tone=label_tone)
        term = _glossary_term(item)
        if term is not None:
            title.setToolTip(_("{term}: {explanation}").format(term=term.heading, explanation=term.text()))
        left.addWidget(title)
        if sub:
            left.addWidget(self._label(sub, 0.9, muted=True))
        row.addLayout(left, 1)
        row.addWidget(self._button(item, name, text, tone, bold), 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        (into or self._layout).addLayout(row)
        return row

    def _heading(self, text: str) -> None:
        self._layout.addSpacing(int(6 * self._view.scale))
        self._layout.addWidget(self._label(text, 0.95, bold=True, muted=True))

    def _rule(self) -> None:
        line = QFrame(self)
        line.setObjectName("cardRule")
        line.setFixedHeight(1)
        self._layout.addWidget(line)

    # --- the card ----------------------------------------------------------------------------------

    def _build(self) -> None:
        card = self.card
        lang = get_language()
        month = format_month(*card.month)
        title = self._label(month, 1.3, bold=True)
        title.setAccessibleName(month)
        self._layout.addWidget(title)
        self.setAccessibleName(month)
        notes = note_lines(card)
        if notes:
            self._notes_strip(notes, card.notes)

        self._heading(_("Money in"))
        for item in card.money_in:
            if item.key in _ONLY_WHEN_SOMETHING and item.amount == 0 and item.hint is None and not item.flags:
                continue
            sub = render(item.hint, lang) if item.hint is not None else None
            if sub is None and item.when is not None and item.amount != 0:
                # TRANSLATORS: a small line under an amount of a month card: the day the money arrives.
                sub = _("On {date}").format(date=format_day(item.when))
            self._row(item, _(item.label), format_money(item.amount), sub=sub)
        self._rule()
        self._row(card.total_in, _(card.total_in.label), format_money(card.total_in.amount), bold=True)

        now = card.taken_back_now
        if now is not None:
            self._heading(_("Taken back this month"))
            # Each line as the municipality's specification names it, so it can be found in the letter.
            lines = [
                # TRANSLATORS: under an amount taken back: the date, and the line on the municipality's specification.
                _("{date}: {line}").format(date=format_day(p.when), line=render(p.statement, lang))
                for p in now.parts if p.when is not None and p.statement is not None
            ]
            box = QFrame(self)
            box.setObjectName("later")
            box.setProperty("tone", "taken")
            inner = QVBoxLayout(box)
            inner.setContentsMargins(6, 4, 4, 4)
            self._row(now, _("Withheld or paid back"), signed_money(now.amount), sub="\n".join(lines) or None, tone="taken",
                      into=inner)
            self._layout.addWidget(box)

        # TRANSLATORS: heading on a month card: what is settled later for the income of this month.
        self._heading(_("Later, for this month"))
        if card.settled_later:
            for item in card.settled_later:
                tone = "taken" if item.amount < 0 else "paid"
                name = _(item.label)
                if item.when is not None:
                    # TRANSLATORS: what screen readers say for a later correction, e.g. "Withheld from your bijstand, 26 March 2026".
                    name = _("{label}, {date}").format(label=name, date=format_day(item.when))
                self._later_row(item, name, tone)
        else:
            self._layout.addWidget(self._label(_("Nothing is taken back later for this month, if your hours go as planned."),
                                               0.95, muted=True))

        self._layout.addStretch(1)
        self._layout.addSpacing(int(6 * self._view.scale))
        self._balance_row(card)
        self._set_aside_row(card)

    def _notes_strip(self, lines: list[str], flags: tuple[Flag, ...]) -> None:
        strip = QFrame(self)
        strip.setObjectName("cardNotes")
        row = QHBoxLayout(strip)
        row.setContentsMargins(8, 6, 8, 6)
        row.setSpacing(8)
        icon = QLabel(strip)
        size = int(20 * self._view.scale)
        icon.setPixmap(flag_icon().pixmap(size, size))
        icon.setAccessibleName(_("Warning"))
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        text = QLabel("\n".join(lines), strip)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setFont(self._font(0.95))
        full = list(dict.fromkeys(render(f.explanation, get_language()) for f in flags))
        text.setToolTip("\n".join(f"• {t}" for t in full))
        text.setAccessibleName(" ".join(lines))
        text.setAccessibleDescription(" ".join(full))
        row.addWidget(text, 1)
        self.notes_label = text
        self.setAccessibleDescription(" ".join(lines))
        self._layout.addWidget(strip)

    def _later_row(self, item: SummaryItem, name: str, tone: str) -> None:
        """A later correction: its sentence (with the date) on the left, the signed amount on the right."""
        box = QFrame(self)
        box.setObjectName("later")
        box.setProperty("tone", tone)
        row = QHBoxLayout(box)
        row.setContentsMargins(6, 4, 4, 4)
        row.setSpacing(int(8 * self._view.scale))
        sentence = self._label(_first_sentence(item), 0.95)
        term = _glossary_term(item)
        if term is not None:
            sentence.setToolTip(_("{term}: {explanation}").format(term=term.heading, explanation=term.text()))
        row.addWidget(sentence, 1)
        row.addWidget(self._button(item, name, signed_money(item.amount, plus=True), tone), 0,
                      Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._layout.addWidget(box)

    def _balance_row(self, card: MonthCard) -> None:
        box = QFrame(self)
        box.setObjectName("lowBalance")
        box.setProperty("below", "true" if card.below_buffer else "false")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(6, 4, 4, 4)
        inner.setSpacing(2)
        item = card.lowest_balance
        sub = _("On {date}").format(date=format_day(item.when)) if item.when else None
        tone = "taken" if card.below_buffer else None
        self._row(item, _(item.label), signed_money(item.amount), sub=sub, tone=tone, label_tone=tone, into=inner)
        if card.below_buffer:
            warn = QHBoxLayout()
            warn.setSpacing(6)
            icon = QLabel(box)
            size = int(16 * self._view.scale)
            icon.setPixmap(flag_icon().pixmap(size, size))
            icon.setAccessibleName(_("Warning"))
            warn.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
            if item.amount < 0:
                words = _("Below zero: your account would be short.")
            else:
                words = _("Below your safety buffer of {buffer}.").format(buffer=format_money(card.buffer))
            warn.addWidget(self._label(words, 0.95, bold=True, tone="taken"), 1)
            inner.addLayout(warn)
        self._layout.addWidget(box)

    def _set_aside_row(self, card: MonthCard) -> None:
        box = QFrame(self)
        box.setObjectName("setAside")
        item = card.set_aside
        box.setProperty("empty", "true" if item.amount == 0 else "false")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(6, 4, 4, 4)
        if item.amount > 0 and item.when is not None:
            sub = _("From your wage of {date}").format(date=format_day(item.when))
        else:
            sub = _("Nothing needs to be set aside this month.")
        self._row(item, _(item.label), format_money(item.amount), sub=sub, bold=item.amount > 0, into=inner)
        self._layout.addWidget(box)


def note_lines(card: MonthCard) -> list[str]:
    """The card's notes strip: one short line per kind of note, most serious first (empty: no strip)."""
    codes = [f.code for f in card.notes]
    lines = []
    published = codes.count("not_yet_published")
    if published:
        lines.append(ngettext(
            "Not yet published: {count} amount used here is not known yet for this month, so we use the last known one.",
            "Not yet published: {count} amounts used here are not known yet for this month, so we use the last known ones.",
            published,
        ).format(count=published))
    if "unknown_value" in codes or "earlier_unknown" in codes:
        lines.append(_("Not known: an amount uses the nearest known value."))
    unverified = codes.count("unverified")
    if unverified:
        lines.append(ngettext(
            "Not confirmed: {count} rule used here is not confirmed in an official source.",
            "Not confirmed: {count} rules used here are not confirmed in an official source.",
            unverified,
        ).format(count=unverified))
    assumed = codes.count("assumption")
    if assumed:
        lines.append(ngettext(
            "{count} assumption: where the rules are unclear, we take the careful side.",
            "{count} assumptions: where the rules are unclear, we take the careful side.",
            assumed,
        ).format(count=assumed))
    if "historical_scheme" in codes:
        lines.append(_("For comparison: this uses the premie of the 2018 experiment."))
    return lines


LATER_BATCH = 2
"""Cards off screen are built this many at a time, between turns of the event loop."""


class MonthCardsView(QScrollArea):
    """A grid of month cards; a view of ``planner.summary.month_cards``."""

    item_activated = Signal(object)
    """A :class:`SummaryItem`, when the user clicks an amount or presses Enter or Space on it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthCards")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)  # only narrower than one card
        self._cards: tuple[MonthCard, ...] = ()
        self._scale = 1.0
        self._rendered_for: tuple[str, float] | None = None
        self._pending: list[int] = []
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self._build_pending)
        self._columns = 0
        self._widgets: list[CardWidget] = []
        self._container = QWidget(self)
        self._container.setObjectName("monthCardsGrid")
        self._container.setStyleSheet(_STYLE)
        self._grid = QGridLayout(self._container)
        self._grid.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        self._grid.setSpacing(SPACING)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._container)
        self.retranslate_ui()

    # --- what is shown -------------------------------------------------------------------------------

    @property
    def scale(self) -> float:
        return self._scale

    def cards(self) -> tuple[MonthCard, ...]:
        return self._cards

    def card_widgets(self) -> list[CardWidget]:
        return list(self._widgets)

    def buttons(self) -> list[AmountButton]:
        """Every amount button, card by card, in the order Tab visits them."""
        return [b for w in self._widgets for b in w.buttons]

    def button_for(self, month: tuple[int, int], key: str) -> AmountButton:
        return next(b for b in self.buttons() if b.item.month == month and b.item.key == key)

    def set_cards(self, cards: tuple[MonthCard, ...]) -> None:
        """Show ``cards``; the scroll position and the focused amount stay where they were when possible.

        After an edit, when the months, the language and the scale are the
        same, only the cards that changed are built again: first the ones on
        screen, then the others a few at a time from the event loop, so the
        window answers at once even when every month changed (a balance
        carries over from month to month).
        """
        cards = tuple(cards)
        self._cards = cards
        same_shape = (len(self._widgets) == len(cards)
                      and self._rendered_for == (get_language(), self._scale)
                      and all(w.card.month == c.month for w, c in zip(self._widgets, cards, strict=True)))
        if not same_shape:
            self._pending.clear()
            self._render()
            return
        changed = [i for i, (w, c) in enumerate(zip(self._widgets, cards, strict=True)) if w.card != c]
        on_screen = self._on_screen()
        focused = self._focused_identity()
        for i in changed:
            if i in on_screen:
                self._replace(i, cards[i])
        self._restore_focus(focused)
        self._pending = [i for i in changed if i not in on_screen]
        if self._pending:
            self._later.start()

    def is_up_to_date(self) -> bool:
        """Every card shows the newest numbers (none is waiting to be built)."""
        return not self._pending and all(w.card == c for w, c in zip(self._widgets, self._cards, strict=False))

    def _on_screen(self) -> set[int]:
        """The cards that can be seen now (none when the view is hidden)."""
        if not self.isVisible():
            return set()
        top = self.verticalScrollBar().value()
        seen = QRect(0, top, self.viewport().width(), self.viewport().height())
        return {i for i, w in enumerate(self._widgets) if w.geometry().intersects(seen)}

    def _build_pending(self) -> None:
        """Build the next few cards that are waiting (the event loop runs between the batches)."""
        focused = self._focused_identity()
        batch, self._pending = self._pending[:LATER_BATCH], self._pending[LATER_BATCH:]
        for i in batch:
            if i < len(self._widgets) and self._widgets[i].card != self._cards[i]:
                self._replace(i, self._cards[i])
        self._restore_focus(focused)
        if self._pending:
            self._later.start()

    def _replace(self, index: int, card: MonthCard) -> None:
        old = self._widgets[index]
        new = CardWidget(card, self, self._container)
        columns = max(self._columns, 1)
        self._grid.replaceWidget(old, new)
        self._grid.addWidget(new, index // columns, index % columns)  # the same cell, in case replace did not place it
        self._widgets[index] = new
        new.show()
        old.hide()
        old.setParent(None)  # out of the tree now, so nothing finds the old texts before Qt deletes it
        old.deleteLater()

    def set_scale(self, factor: float) -> None:
        """Text and cards ``factor`` times their normal size (1.0 normal; e.g. 1.4 in a consultation)."""
        self._scale = max(0.5, float(factor))
        self._render()

    def content_font(self, factor: float = 1.0, bold: bool = False) -> QFont:
        font = QFont(self.font())
        base = max(font.pointSizeF(), CONTENT_POINT_SIZE)
        font.setPointSizeF(base * self._scale * factor)
        font.setBold(bold)
        return font

    def retranslate_ui(self) -> None:
        """Render the held cards again in the current language (nothing is recomputed)."""
        self._name_self()
        self._render()

    def _name_self(self) -> None:
        self.setAccessibleName(_("Month cards"))
        self.setAccessibleDescription(
            _("One card per month: the money that comes in, what is taken back and when, the lowest balance and "
              "what to set aside. Press Enter on an amount to see why.")
        )

    # --- rendering -------------------------------------------------------------------------------------

    def _render(self) -> None:
        self._pending = []
        scroll = self.verticalScrollBar().value()
        focused = self._focused_identity()
        for widget in self._widgets:
            self._grid.removeWidget(widget)
            widget.hide()
            widget.setParent(None)  # out of the tree now, so nothing finds the old texts before Qt deletes it
            widget.deleteLater()
        self._widgets = [CardWidget(card, self, self._container) for card in self._cards]
        self._rendered_for = (get_language(), self._scale)
        self._columns = 0
        self._reflow()
        self.verticalScrollBar().setValue(scroll)
        self._restore_focus(focused)

    def _restore_focus(self, focused: tuple | None) -> None:
        if focused is not None:
            match = next((b for b in self.buttons() if b.identity == focused), None)
            if match is not None:
                match.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focused_identity(self) -> tuple | None:
        widget = self.focusWidget()
        if isinstance(widget, AmountButton) and widget in self.buttons():
            return widget.identity
        return None

    def columns(self) -> int:
        """How many cards fit side by side in the width shown now."""
        width = self.viewport().width() - 2 * SPACING
        per = int(CARD_WIDTH * self._scale) + SPACING
        return max(1, (width + SPACING) // per)

    def _reflow(self) -> None:
        columns = self.columns()
        if columns == self._columns:
            return
        self._columns = columns
        for widget in self._widgets:
            self._grid.removeWidget(widget)
        for i in range(self._grid.columnCount()):
            self._grid.setColumnStretch(i, 0)
        for i, widget in enumerate(self._widgets):
            self._grid.addWidget(widget, i // columns, i % columns)
            widget.show()
            widget.layout().activate()
        for i in range(columns):
            self._grid.setColumnStretch(i, 1)
        # Lay out now, not on the next event loop pass, so the cards have their size as soon as this returns.
        self._grid.invalidate()
        self._grid.activate()
        QCoreApplication.sendEvent(self, QEvent(QEvent.Type.LayoutRequest))  # the scroll area sizes the grid to fit
        self._grid.activate()

    # --- Qt --------------------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
        self._reflow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, AmountButton):
            self.ensureWidgetVisible(watched, 24, 24)
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            # Also when hidden on another tab: a screen reader may still read it, and a switch is rare.
            self.retranslate_ui()
        super().changeEvent(event)


__all__ = ["AmountButton", "CardWidget", "MonthCardsView", "note_lines", "signed_money"]
