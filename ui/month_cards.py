"""The month cards: one card per month, readable at a glance, every amount a button to its explanation.

A view of :func:`planner.summary.month_cards` (it computes nothing). Each card
shows, top to bottom:

- the month;
- the answer, first: the total money that comes in this month, and what is
  taken back later for this month's income (withheld from a later payment or
  to pay back, each with its date; paid extra later), or that nothing is
  taken back if the hours go as planned (:func:`answer_nodes`; a later line,
  such as the chance of a letter, is one more node there);
- then the details: the money in by source (net wages, bijstand, premie and
  holiday pay; the last two only when there is something to say);
- what is taken back this month for earlier months;
- the lowest balance and its date, marked with an icon and words (not colour
  alone) when it is below the safety buffer;
- what to set aside now.

Every amount is a flat, focusable button: a click, Enter or Space emits
:attr:`MonthCardsView.item_activated` with its :class:`planner.summary.SummaryItem`,
so the explanation panel can show why. Screen readers get "label: amount" and
a hint; a label that is a glossary word gets its explanation as a tooltip. An
amount that is not sure (not yet published, not confirmed, an assumption)
carries a warning sign whose tooltip and accessible description say why, once
per cause (``planner.notes.amount_causes``); the banner above the cards says
each cause once for the whole plan, so a card has no notes box of its own.

The cards flow in a grid (three a row at 1200 pixels) and reflow on resize.
:meth:`MonthCardsView.set_scale` makes everything larger for a consultation.
Colours are from the Okabe–Ito palette (darkened where text needs contrast);
a meaning is never carried by colour alone.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QTimer, QCoreApplication, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QBoxLayout,
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

from planner.explain import render
from planner.glossary import GLOSSARY, Term, split_terms
from planner.i18n import _, format_day, format_money, format_month, format_signed_money, get_language
from planner.notes import amount_causes
from planner.results import FIGURES, chance_words
from planner.summary import MonthCard, SummaryItem

if TYPE_CHECKING:
    from planner.risk import MonthRisk
from ui.look import OKABE_ITO
from ui.fonts import CONTENT_POINT_SIZE
from ui.month_model import flag_icon
from ui.actions import on_trigger

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
#answer {{ background-color: #f4f7fa; border: 1px solid #d6dee6; border-radius: 4px; }}
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


def _glossary_term(item: SummaryItem) -> Term | None:
    """The glossary word in the item's label as shown (as the explanation panel finds them), else its own term."""
    for _piece, term in split_terms(_(item.label)):
        if term is not None:
            return term
    return _GLOSSARY_BY_TERM.get(item.term) if item.term else None


def cause_texts(item: SummaryItem) -> list[str]:
    """Why an amount carries the warning sign, each cause once, in the current language (empty: no sign)."""
    lang = get_language()
    return [render(c, lang) for c in amount_causes(item.flags, short=True)]


def _first_sentence(item: SummaryItem) -> str:
    """The item's own sentence, without the further sentences of why (those are in the explanation panel)."""
    return render(dataclasses.replace(item.explanation, more=()), get_language())


class AmountButton(QPushButton):
    """One amount: flat, focusable; a click, Enter or Space activates it."""

    def __init__(self, item: SummaryItem, text: str, name: str, tone: str | None, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
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
        self.show_item(item, text, name)

    def show_item(self, item: SummaryItem, text: str, name: str) -> None:
        """Show another amount in this button (after an edit; the tone and the icon stay)."""
        self.item = item
        if self.text() != text:
            self.setText(text)
        self.setAccessibleName(_("{label}: {amount}").format(label=name, amount=text))
        causes = cause_texts(item)
        if causes:
            # TRANSLATORS: what a screen reader says of an amount with a warning sign; {causes}: why it is not sure.
            self.setAccessibleDescription(_("Warning: {causes} Press Enter to see why.").format(causes=" ".join(causes)))
        else:
            self.setAccessibleDescription(_("Press Enter to see why."))
        term = _glossary_term(item)
        lines = [_("{term}: {explanation}").format(term=term.heading, explanation=term.text())] if term is not None else []
        lines += [f"\u26a0 {cause}" for cause in causes]
        lines.append(_("Click or press Enter to see why."))
        self.setToolTip("\n".join(lines))

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


# --- what a card shows, as plain data ------------------------------------------------------------------
#
# A card is first described as a small tree of the nodes below (no widgets), then made into widgets.
# After an edit the new description is compared with the shown one: when only texts and amounts
# differ (the usual case: a balance moved), the existing widgets get the new texts, which is many
# times faster than building the card again; when the shape differs (a note strip appears, a
# correction is added), the card is built again.


@dataclasses.dataclass(frozen=True, slots=True)
class _Text:
    """A label. ``text``, ``tip``, ``name`` and ``desc`` may change in place; the rest is its shape."""

    text: str
    factor: float = 1.0
    bold: bool = False
    muted: bool = False
    tone: str | None = None
    tip: str = ""
    name: str = ""
    desc: str = ""
    role: str = ""  # "answer": the card's answer line, kept as CardWidget.answer_label

    def shape(self) -> tuple:
        return ("text", self.factor, self.bold, self.muted, self.tone, self.role)


@dataclasses.dataclass(frozen=True, slots=True)
class _Amount:
    """An amount button. ``item``, ``text`` and ``name`` may change in place."""

    item: SummaryItem
    name: str
    text: str
    tone: str | None = None
    bold: bool = False
    factor: float = 1.0

    def shape(self) -> tuple:
        return ("amount", self.tone, self.bold, self.factor, bool(self.item.flags))


@dataclasses.dataclass(frozen=True, slots=True)
class _Icon:
    """The warning icon (with the accessible name "Warning")."""

    size: int

    def shape(self) -> tuple:
        return ("icon", self.size)


@dataclasses.dataclass(frozen=True, slots=True)
class _Rule:
    def shape(self) -> tuple:
        return ("rule",)


@dataclasses.dataclass(frozen=True, slots=True)
class _Space:
    pixels: int

    def shape(self) -> tuple:
        return ("space", self.pixels)


@dataclasses.dataclass(frozen=True, slots=True)
class _Stretch:
    def shape(self) -> tuple:
        return ("stretch",)


_TOP_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
_TOP = Qt.AlignmentFlag.AlignTop


@dataclasses.dataclass(frozen=True, slots=True)
class _Box:
    """A row or a column of nodes, in a styled frame (``frame`` is its object name) or in a plain layout."""

    children: tuple[tuple[_Node, int, Qt.AlignmentFlag | None], ...]  # node, stretch, alignment
    horizontal: bool = False
    frame: str | None = None
    props: tuple[tuple[str, str], ...] = ()
    margins: tuple[int, int, int, int] | None = None
    spacing: int | None = None

    def shape(self) -> tuple:
        return ("box", self.horizontal, self.frame, self.props, self.margins, self.spacing,
                tuple((child.shape(), stretch, align) for child, stretch, align in self.children))


_Node = _Text | _Amount | _Icon | _Rule | _Space | _Stretch | _Box


def _leaves(node: _Node) -> list[_Node]:
    """The nodes that become one widget each, in the order they are made (boxes are walked into)."""
    if isinstance(node, _Box):
        return [leaf for child, _stretch, _align in node.children for leaf in _leaves(child)]
    return [node] if isinstance(node, (_Text, _Amount, _Icon, _Rule)) else []


@dataclasses.dataclass(frozen=True, slots=True)
class _Description:
    """A whole card as plain data: the nodes top to bottom, and what a screen reader says of the card."""

    nodes: tuple[_Node, ...]
    name: str
    desc: str

    def shape(self) -> tuple:
        return tuple(node.shape() for node in self.nodes)


class CardWidget(QFrame):
    """One month: a view of a :class:`MonthCard`."""

    def __init__(self, card: MonthCard, view: MonthCardsView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self._view = view
        self.buttons: list[AmountButton] = []
        self._made: list[tuple[_Node, QWidget]] = []
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
        self._shown = describe(card, view.chance_for(card.month))
        for node in self._shown.nodes:
            self._make(node, layout, 0, None)
        self._name(self._shown)

    def update_card(self, card: MonthCard) -> bool:
        """Show ``card`` in the widgets there are, when its shape is the same; ``False`` when it must be built anew."""
        new = describe(card, self._view.chance_for(card.month))
        if new.shape() != self._shown.shape():
            return False
        leaves = [leaf for node in new.nodes for leaf in _leaves(node)]
        for (old, widget), leaf in zip(self._made, leaves, strict=True):
            if leaf == old:
                continue
            if isinstance(leaf, _Text):
                label = widget
                assert isinstance(label, QLabel) and isinstance(old, _Text)
                if leaf.text != old.text:
                    label.setText(leaf.text)
                if leaf.tip != old.tip:
                    label.setToolTip(leaf.tip)
                if leaf.name != old.name:
                    label.setAccessibleName(leaf.name)
                if leaf.desc != old.desc:
                    label.setAccessibleDescription(leaf.desc)
            elif isinstance(leaf, _Amount):
                assert isinstance(widget, AmountButton)
                widget.show_item(leaf.item, leaf.text, leaf.name)
        self._made = [(leaf, widget) for leaf, (_old, widget) in zip(leaves, self._made, strict=True)]
        self._shown = new
        self.card = card
        self._name(new)
        return True

    def _name(self, description: _Description) -> None:
        self.setAccessibleName(description.name)
        self.setAccessibleDescription(description.desc)

    # --- making widgets -------------------------------------------------------------------------------

    def _make(self, node: _Node, layout: QBoxLayout, stretch: int, align: Qt.AlignmentFlag | None) -> None:
        scale = self._view.scale
        if isinstance(node, _Space):
            layout.addSpacing(int(node.pixels * scale))
            return
        if isinstance(node, _Stretch):
            layout.addStretch(1)
            return
        if isinstance(node, _Box):
            inner: QBoxLayout = QHBoxLayout() if node.horizontal else QVBoxLayout()
            if node.margins is not None:
                inner.setContentsMargins(*node.margins)
            if node.spacing is not None:
                inner.setSpacing(int(node.spacing * scale))
            if node.frame is not None:
                frame = QFrame(self)
                frame.setObjectName(node.frame)
                for key, value in node.props:
                    frame.setProperty(key, value)
                frame.setLayout(inner)
                self._add(layout, frame, stretch, align)
            else:
                layout.addLayout(inner, stretch)
            for child, child_stretch, child_align in node.children:
                self._make(child, inner, child_stretch, child_align)
            return
        widget: QWidget
        if isinstance(node, _Text):
            label = QLabel(node.text, self)
            label.setFont(self._view.content_font(node.factor, node.bold))
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            if node.muted:
                label.setProperty("muted", "true")
            if node.tone:
                label.setProperty("tone", node.tone)
            if node.tip:
                label.setToolTip(node.tip)
            if node.name:
                label.setAccessibleName(node.name)
            if node.desc:
                label.setAccessibleDescription(node.desc)
            if node.role == "answer":
                self.answer_label = label
            widget = label
        elif isinstance(node, _Amount):
            button = AmountButton(node.item, node.text, node.name, node.tone, self)
            button.setFont(self._view.content_font(node.factor, node.bold))
            side = int(16 * scale)
            button.setIconSize(QSize(side, side))
            on_trigger(button, lambda b=button: self._view.item_activated.emit(b.item))
            button.installEventFilter(self._view)
            self.buttons.append(button)
            widget = button
        elif isinstance(node, _Icon):
            icon = QLabel(self)
            size = int(node.size * scale)
            icon.setPixmap(flag_icon().pixmap(size, size))
            icon.setAccessibleName(_("Warning"))
            widget = icon
        else:  # _Rule
            line = QFrame(self)
            line.setObjectName("cardRule")
            line.setFixedHeight(1)
            widget = line
        self._made.append((node, widget))
        self._add(layout, widget, stretch, align)

    @staticmethod
    def _add(layout: QBoxLayout, widget: QWidget, stretch: int, align: Qt.AlignmentFlag | None) -> None:
        if align is None:
            layout.addWidget(widget, stretch)
        else:
            layout.addWidget(widget, stretch, align)


# --- describing a card -------------------------------------------------------------------------------------


def _term_tip(item: SummaryItem) -> str:
    term = _glossary_term(item)
    return _("{term}: {explanation}").format(term=term.heading, explanation=term.text()) if term is not None else ""


def _row(item: SummaryItem, name: str, text: str, *, sub: str | None = None, tone: str | None = None,
         bold: bool = False, label_tone: str | None = None, factor: float = 1.0, tip: str = "",
         shown: str | None = None) -> _Box:
    """A line: the label (and a smaller line under it) on the left, the amount on the right.

    ``name`` is what a screen reader says of the amount; ``shown`` the label on screen, when it differs.
    """
    shown = name if shown is None else shown
    tips = "\n".join(t for t in (tip, _term_tip(item)) if t)
    left: list[tuple[_Node, int, Qt.AlignmentFlag | None]] = [
        (_Text(shown, factor, bold=bold, tone=label_tone, tip=tips), 0, None)]
    if sub:
        left.append((_Text(sub, 0.9, muted=True), 0, None))
    return _Box(
        ((_Box(tuple(left), spacing=0), 1, None), (_Amount(item, name, text, tone, bold, factor), 0, _TOP_RIGHT)),
        horizontal=True,
        spacing=8,
    )


def _heading(text: str) -> tuple[_Node, ...]:
    return (_Space(6), _Text(text, 0.95, bold=True, muted=True))


_BOX_MARGINS = (6, 4, 4, 4)


def chance_line(chance: MonthRisk) -> str | None:
    """'Chance of a letter in January 2027: 2 in 10, usually €29.69 to €74.21'; ``None`` when no future has one."""
    size = chance.letter_size
    if size is None or chance.letter_chance <= 0:
        return None
    values = {"label": _(FIGURES["letter_chance"].label), "month": format_month(*chance.month),
              "chance": chance_words(chance.letter_chance)}
    if size.low == size.high:
        return _("{label} in {month}: {chance}, {amount}.").format(amount=format_money(size.median), **values)
    return _("{label} in {month}: {chance}, usually {low} to {high}.").format(
        low=format_money(size.low), high=format_money(size.high), **values)


def answer_nodes(card: MonthCard, chance: MonthRisk | None = None) -> list[_Node]:
    """The card's answer, first: what comes in this month, and what is taken back later for it and when.

    A line added here (say, the chance of a letter) stays in the answer box, before the details.
    """
    total = card.total_in
    nodes: list[_Node] = [_row(total, _(total.label), format_money(total.amount), bold=True, factor=1.1)]
    taken = [i for i in card.settled_later if i.amount < 0]
    if not taken:
        nodes.append(_Text(_("Nothing is taken back later for this month, if your hours go as planned."), 0.95,
                           muted=True, role="answer"))
    for item in card.settled_later:
        tone = "taken" if item.amount < 0 else "paid"
        # "Taken back later for this month" (the figure) for what is withheld or paid back within the plan;
        # what is paid extra, or still open after the plan, under its own label.
        label = _(FIGURES["taken_back_later"].label) if item.key == "taken_back_later" else _(item.label)
        name = label
        sub = [_(item.label)] if item.key == "taken_back_later" else []
        if item.when is not None:
            # TRANSLATORS: a small line under an amount of a month card: the day the money arrives or is taken.
            sub.append(_("On {date}").format(date=format_day(item.when)))
            # TRANSLATORS: what screen readers say for a later correction, e.g. "Withheld from your bijstand, 26 March 2026".
            name = _("{label}, {date}").format(label=name, date=format_day(item.when))
        nodes.append(_row(item, name, format_signed_money(item.amount, plus=True), sub="\n".join(sub) or None, tone=tone,
                          label_tone=tone, tip=_first_sentence(item), shown=label))
    line = chance_line(chance) if chance is not None else None
    if line is not None:
        # TRANSLATORS: the tooltip of a month card's chance line.
        nodes.append(_Text(line, 0.95, muted=True, name=line,
                           tip=_("Over many possible futures of your plan: see the Chances tab.")))
    return nodes


def answer_text(card: MonthCard) -> str:
    """The card's answer in one sentence for a screen reader: what comes in, and what is taken back later and when."""
    parts = [_("{label}: {amount}.").format(label=_(card.total_in.label), amount=format_money(card.total_in.amount))]
    taken = [i for i in card.settled_later if i.amount < 0]
    if not taken:
        parts.append(_("Nothing is taken back later for this month, if your hours go as planned."))
    for item in taken:
        if item.when is not None:
            parts.append(_("{label}: {amount}, on {date}.").format(label=_(FIGURES["taken_back_later"].label),
                                                                    amount=format_money(-item.amount), date=format_day(item.when)))
        else:
            parts.append(_("{label}: {amount}.").format(label=_(item.label), amount=format_money(-item.amount)))
    return " ".join(parts)


def describe(card: MonthCard, chance: MonthRisk | None = None) -> _Description:
    """What the card of ``card`` shows, in the current language, as plain data (``chance``: the month's chance of a
    letter over many possible futures, once the Chances run is back)."""
    lang = get_language()
    nodes: list[_Node] = []
    month = format_month(*card.month)
    nodes.append(_Text(month, 1.3, bold=True, name=month))
    answer = tuple((node, 0, None) for node in answer_nodes(card, chance))
    nodes.append(_Box(answer, frame="answer", margins=(8, 6, 6, 6), spacing=3))

    nodes.extend(_heading(_("Money in")))
    for item in card.money_in:
        if item.key in _ONLY_WHEN_SOMETHING and item.amount == 0 and item.hint is None and not item.flags:
            continue
        sub = render(item.hint, lang) if item.hint is not None else None
        if sub is None and item.when is not None and item.amount != 0:
            sub = _("On {date}").format(date=format_day(item.when))
        nodes.append(_row(item, _(item.label), format_money(item.amount), sub=sub))

    now = card.taken_back_now
    if now is not None:
        nodes.extend(_heading(_("Taken back this month")))
        # Each line as the municipality's specification names it, so it can be found in the letter.
        lines = [
            # TRANSLATORS: under an amount taken back: the date, and the line on the municipality's specification.
            _("{date}: {line}").format(date=format_day(p.when), line=render(p.statement, lang))
            for p in now.parts if p.when is not None and p.statement is not None
        ]
        row = _row(now, _("Withheld or paid back"), format_signed_money(now.amount), sub="\n".join(lines) or None, tone="taken")
        nodes.append(_Box(((row, 0, None),), frame="later", props=(("tone", "taken"),), margins=_BOX_MARGINS))

    nodes.append(_Stretch())
    nodes.append(_Space(6))
    nodes.append(_balance(card))
    nodes.append(_set_aside(card))
    return _Description(tuple(nodes), month, answer_text(card))


def _balance(card: MonthCard) -> _Box:
    item = card.lowest_balance
    sub = _("On {date}").format(date=format_day(item.when)) if item.when else None
    tone = "taken" if card.below_buffer else None
    children: list[tuple[_Node, int, Qt.AlignmentFlag | None]] = [
        (_row(item, _(item.label), format_signed_money(item.amount), sub=sub, tone=tone, label_tone=tone), 0, None)
    ]
    if card.below_buffer:
        if item.amount < 0:
            words = _("Below zero: your account would be short.")
        else:
            words = _("Below your safety buffer of {buffer}.").format(buffer=format_money(card.buffer))
        warn = _Box(((_Icon(16), 0, _TOP), (_Text(words, 0.95, bold=True, tone="taken"), 1, None)), horizontal=True,
                    spacing=6)
        children.append((warn, 0, None))
    return _Box(tuple(children), frame="lowBalance", props=(("below", "true" if card.below_buffer else "false"),),
                margins=_BOX_MARGINS, spacing=2)


def _set_aside(card: MonthCard) -> _Box:
    item = card.set_aside
    if item.amount > 0 and item.hint is not None:
        sub = render(item.hint, get_language())
    elif item.amount > 0 and item.when is not None:
        sub = _("From your wage of {date}").format(date=format_day(item.when))
    else:
        sub = _("Nothing needs to be set aside this month.")
    row = _row(item, _(item.label), format_money(item.amount), sub=sub, bold=item.amount > 0)
    return _Box(((row, 0, None),), frame="setAside", props=(("empty", "true" if item.amount == 0 else "false"),),
                margins=_BOX_MARGINS)


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
        self._chances: dict[tuple[int, int], MonthRisk] = {}
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
        same, only the cards that changed are shown again: first the ones on
        screen, then the others a few at a time from the event loop, so the
        window answers at once even when every month changed (a balance
        carries over from month to month). A card whose shape is the same
        (the usual case) gets the new texts in the widgets it has; only a
        card that gained or lost a line is built anew.
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
                self._show(i, cards[i])
        self._restore_focus(focused)
        self._pending = [i for i in changed if i not in on_screen]
        if self._pending:
            self._later.start()

    def chance_for(self, month: tuple[int, int]) -> MonthRisk | None:
        return self._chances.get(month)

    def set_chances(self, months: tuple[MonthRisk, ...] | None) -> None:
        """Each card's answer gets its month's chance of a letter (``None``: no chances, or not back yet)."""
        chances = {m.month: m for m in months or ()}
        if chances == self._chances:
            return
        self._chances = chances
        focused = self._focused_identity()
        for i, widget in enumerate(self._widgets):
            self._show(i, widget.card)
        self._restore_focus(focused)

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
                self._show(i, self._cards[i])
        self._restore_focus(focused)
        if self._pending:
            self._later.start()

    def _show(self, index: int, card: MonthCard) -> None:
        """Card ``index`` shows ``card``: in the widgets it has when only numbers and words changed, else built anew."""
        if not self._widgets[index].update_card(card):
            self._replace(index, card)

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
            _("One card per month. Each card starts with the answer: the money that comes in, and what is taken "
              "back later and when. Then the details, the lowest balance and what to set aside. Press Enter on an "
              "amount to see why.")
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


__all__ = ["AmountButton", "CardWidget", "MonthCardsView", "answer_nodes", "answer_text", "cause_texts"]
