"""“What does this shift add?”: the real effect of one shift, or of several together, on your money, month by month.

A view of :func:`planner.scenarios.shift_effect` (one
:class:`~planner.scenarios.ShiftEffect` per month of the plan) and of its
totals (:func:`planner.compare_summary.effect_totals`); the lead's
background worker computes them, this dialog only shows them:

- a headline in plain words that leads with what you keep after everything
  taken back: "This shift of 4 hours at … on 6 January 2026 brings you
  € 14,79 in total, after what is taken back." or, for several selected
  shifts, "These 3 shifts (12 hours, 6 to 20 January 2026) bring you
  € 40,10 in total, after what is taken back.";
- its parts: how much more comes in, and how much more is taken back;
- when: the months in which it brings money, and those in which it costs money
  (less bijstand, or money taken back later);
- one line on why the effect is smaller than the wage: part of the wage is
  deducted from the bijstand, and the vrijlating and the premie let you keep
  some;
- a small table of the months in which something changes: more money in,
  taken back, net effect, and a total row;
- "With uncertain shifts" (:class:`ui.ranges_view.RangesPart`): the same question over sampled futures with
  and without the shifts, worked out in the background after the rest is shown.

Changes are written with their sign and an arrow, and coloured (see
:mod:`ui.compare_view`) by what they mean for you: more money in is better,
more taken back is worse, less taken back is better. A legend line says so in
words, so the meaning never rests on colour alone. :meth:`ShiftEffectDialog.retranslate_ui` renders the
held numbers again in the current language.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from babel.lists import format_list
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.compare_summary import EffectTotals, effect_totals
from planner.i18n import N_, _, babel_locale, format_day, format_money, format_month, format_number, ngettext
from planner.model import Plan, Shift
from planner.scenarios import ShiftEffect
from ui.look import plural_count
from ui.compare_view import ChangeWords, MONEY_CHANGE, bold, change_item, change_sentence, read_only_table
from ui.fonts import reading_heading, use_content_font
from ui.jobs import effect_ranges
from ui.plan_forms import fit_on_screen
from ui.ranges_view import RangesPart

RANGES_ROOM = 260
"""Pixels kept for "With uncertain shifts" (its sentences and table arrive after the dialog is shown)."""

TAKEN_BACK_CHANGE = ChangeWords(N_("{amount} more taken back"), N_("{amount} less taken back"),
                                N_("Nothing more taken back"))
MONEY_IN_CHANGE = ChangeWords(N_("{amount} more money in"), N_("{amount} less money in"),
                              N_("No more money in"))

#: The table's columns: (key of ShiftEffect, header, tooltip). ``N_``-marked.
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("month", N_("Month"), N_("The month.")),
    ("money_in", N_("More money in"),
     N_("How much more money comes into your account in the month because of this shift: wage, bijstand, premie "
        "and holiday pay together. Less bijstand shows as ▼.")),
    ("settlement_out", N_("Taken back"),
     N_("How much more is withheld from your bijstand or paid back in the month because of this shift.")),
    ("net", N_("Net effect"), N_("What the shift leaves you with in the month: more money in minus taken back.")),
)


def _hours_text(hours: Decimal) -> str:
    return ngettext("{hours} hour", "{hours} hours", plural_count(hours)).format(hours=format_number(hours))


def headline(shifts: Shift | Sequence[Shift], job_name: str | Sequence[str], totals: EffectTotals) -> str:
    """What the shift (or the shifts together) leaves you with, after what is taken back, in the current language.

    One shift: "This shift of 4 hours at … on 6 January 2026 brings you € 14,79 in total, after what is taken
    back." Several: "These 3 shifts (12 hours, from 6 January 2026 to 20 January 2026) bring you € 40,10 in
    total, after what is taken back."
    """
    shifts = (shifts,) if isinstance(shifts, Shift) else tuple(shifts)
    if len(shifts) == 1:
        return _one_headline(shifts[0], job_name if isinstance(job_name, str) else job_name[0], totals)
    n = len(shifts)
    days = sorted(s.date for s in shifts)
    values = {"count": n, "hours": _hours_text(sum((s.hours for s in shifts), Decimal(0))),
              "first": format_day(days[0]), "last": format_day(days[-1])}
    if totals.kept > 0:
        text = ngettext("These {count} shift ({hours}, from {first} to {last}) bring you {net} in total, after "
                        "what is taken back.",
                        "These {count} shifts ({hours}, from {first} to {last}) bring you {net} in total, after "
                        "what is taken back.", n)
        return text.format(net=format_money(totals.kept), **values)
    if totals.kept < 0:
        text = ngettext("These {count} shift ({hours}, from {first} to {last}) cost you {net} in total, after "
                        "what is taken back.",
                        "These {count} shifts ({hours}, from {first} to {last}) cost you {net} in total, after "
                        "what is taken back.", n)
        return text.format(net=format_money(-totals.kept), **values)
    text = ngettext("These {count} shift ({hours}, from {first} to {last}) bring you nothing in total, after "
                    "what is taken back.",
                    "These {count} shifts ({hours}, from {first} to {last}) bring you nothing in total, after "
                    "what is taken back.", n)
    return text.format(**values)


def _one_headline(shift: Shift, job_name: str, totals: EffectTotals) -> str:
    n = plural_count(shift.hours)
    values = {"hours": format_number(shift.hours), "job": job_name, "date": format_day(shift.date)}
    if totals.kept > 0:
        text = ngettext("This shift of {hours} hour at {job} on {date} brings you {net} in total, after what is "
                        "taken back.",
                        "This shift of {hours} hours at {job} on {date} brings you {net} in total, after what is "
                        "taken back.", n)
        return text.format(net=format_money(totals.kept), **values)
    if totals.kept < 0:
        text = ngettext("This shift of {hours} hour at {job} on {date} costs you {net} in total, after what is "
                        "taken back.",
                        "This shift of {hours} hours at {job} on {date} costs you {net} in total, after what is "
                        "taken back.", n)
        return text.format(net=format_money(-totals.kept), **values)
    text = ngettext("This shift of {hours} hour at {job} on {date} brings you nothing in total, after what is "
                    "taken back.",
                    "This shift of {hours} hours at {job} on {date} brings you nothing in total, after what is "
                    "taken back.", n)
    return text.format(**values)


def parts_text(totals: EffectTotals) -> str:
    """The parts below the headline: how much more comes in, and how much more (or less) is taken back."""
    money_in = change_sentence(totals.money_in, MONEY_IN_CHANGE)
    taken_back = change_sentence(totals.settlement_out, TAKEN_BACK_CHANGE)
    text = _("That is: {money_in}. {taken_back}.").format(money_in=money_in, taken_back=taken_back)
    if totals.open_after < 0:
        text += " " + _("After the plan, {amount} more is taken back.").format(amount=format_money(-totals.open_after))
    elif totals.open_after > 0:
        text += " " + _("After the plan, {amount} more is paid to you.").format(amount=format_money(totals.open_after))
    return text


def effect_title(count: int) -> str:
    """"What does this shift add?" or, for several shifts, "What do these shifts add?"."""
    return ngettext("What does this shift add?", "What do these shifts add?", max(count, 1))


def _months(months: Sequence[tuple[int, int]]) -> str:
    return format_list([format_month(*m) for m in months], locale=babel_locale())


def when_text(totals: EffectTotals, count: int = 1) -> str:
    """In which months the shift (or the ``count`` shifts together) brings money, and in which it costs money."""
    sentences = []
    if totals.months_more:
        sentences.append(_("You get more money in {months}.").format(months=_months(totals.months_more)))
    if totals.months_less:
        sentences.append(_("You get less in {months}: less bijstand, or money taken back later.").format(
            months=_months(totals.months_less)))
    if not sentences:
        return ngettext("This shift does not change the money you get in any month.",
                        "These shifts do not change the money you get in any month.", max(count, 1))
    return " ".join(sentences)


class ShiftEffectDialog(QDialog):
    """What one shift, or several together, adds after benefit, premie and settlement; a view of their
    :class:`ShiftEffect` rows (the effect of all of them together, from ``shift_effect(plan, indices)``)."""

    def __init__(self, shifts: Shift | Sequence[Shift], job_names: str | Sequence[str],
                 effects: Sequence[ShiftEffect], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftEffectDialog")
        self.shifts = (shifts,) if isinstance(shifts, Shift) else tuple(shifts)
        if not self.shifts:
            raise ValueError("no shift")
        names = (job_names,) * len(self.shifts) if isinstance(job_names, str) else tuple(job_names)
        self.job_names = names
        self.shift = self.shifts[0]
        self.job_name = names[0]
        self.effects = tuple(effects)
        self.totals = effect_totals(self.effects)
        self.changed = tuple(e for e in self.effects if e.money_in or e.settlement_out or e.net)
        """The months in which something changes: the rows of the table."""

        layout = QVBoxLayout(self)
        self.headline = reading_heading(self, 1.25, bold=True)  # read before the table
        layout.addWidget(self.headline)

        self.parts = QLabel(self)
        self.parts.setWordWrap(True)
        self.parts.setTextFormat(Qt.TextFormat.PlainText)
        use_content_font(self.parts)
        layout.addWidget(self.parts)

        self.when = QLabel(self)
        self.when.setWordWrap(True)
        self.when.setTextFormat(Qt.TextFormat.PlainText)
        use_content_font(self.when)
        layout.addWidget(self.when)

        self.why = QLabel(self)
        self.why.setWordWrap(True)
        self.why.setTextFormat(Qt.TextFormat.PlainText)
        use_content_font(self.why)
        layout.addWidget(self.why)

        self.table = QTableWidget(self)
        read_only_table(self.table)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setColumnCount(len(COLUMNS))
        header = self.table.horizontalHeader()
        for c in range(1, len(COLUMNS)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)

        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        use_content_font(self.legend)
        layout.addWidget(self.legend)

        self.ranges = RangesPart(self, "effect", count=len(self.shifts))
        """The same question over uncertain shifts, worked out in the background (:meth:`start_ranges`)."""
        layout.addWidget(self.ranges)
        layout.addStretch(1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.setTabOrder(self.headline, self.table)
        self.setTabOrder(self.table, self.ranges.sentences)
        self.setTabOrder(self.ranges.sentences, self.ranges.table)
        self.setTabOrder(self.ranges.table, self.buttons)
        self.retranslate_ui()
        fit_on_screen(self, 900, min(max(360, layout.totalHeightForWidth(900) + RANGES_ROOM), 860))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def start_ranges(self, plan: Plan, indices: Sequence[int], samples: int | None, seed: int) -> None:
        """Work out what the shifts ``indices`` of ``plan`` add over the same sampled futures with and without
        them, in the background (``samples`` and ``seed`` of the chances); a change to ``plan`` stops it."""
        self.ranges.start(plan, effect_ranges, plan, tuple(indices), samples, seed)

    def done(self, result: int) -> None:
        self.ranges.shutdown()  # the run stops at its next step; its worker goes with this window
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.ranges.shutdown()
        super().closeEvent(event)

    # --- rendering --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Render the held numbers again in the current language."""
        n = len(self.shifts)
        title = effect_title(n)
        self.setWindowTitle(_("{title} – Bijverdienplanner").format(title=title))
        self.setAccessibleName(title)
        text = headline(self.shifts, self.job_names, self.totals)
        self.setAccessibleDescription(text)
        self.headline.setText(text)
        self.headline.setAccessibleName(ngettext("What the shift brings in total", "What the shifts bring in total",
                                                 n))
        self.headline.setAccessibleDescription(text)
        self.parts.setText(parts_text(self.totals))
        self.when.setText(when_text(self.totals, n))
        why = _("Part of your wage is deducted from your bijstand. The vrijlating and the bijverdienpremie let you "
                "keep some of it, so a shift brings you less than its wage.")
        extra = sum(1 for s in self.shifts if s.certainty == "extra")
        if extra and n == 1:
            why = " ".join((why, _("This is an extra shift: the numbers show what happens if you take it.")))
        elif extra:
            why = " ".join((why, ngettext("{count} of these is an extra shift: the numbers show what happens if "
                                          "you take it.",
                                          "{count} of these are extra shifts: the numbers show what happens if you "
                                          "take them.", extra).format(count=extra)))
        self.why.setText(why)
        self.legend.setText(_("▲ means more and ▼ means less. Blue is better for you: more money in, or less taken "
                              "back. Orange is worse for you: less money in, or more taken back."))
        self.table.setAccessibleName(ngettext("The effect of the shift, month by month",
                                              "The effect of the shifts, month by month", n))
        self.table.setAccessibleDescription(ngettext(
            "One row for each month in which the shift changes your money, and a last row with the total.",
            "One row for each month in which the shifts change your money, and a last row with the total.", n))
        self.table.horizontalHeader().setAccessibleName(_("Columns"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(_("Close this window"))
        self._fill_table()

    def _fill_table(self) -> None:
        table = self.table
        table.clear()
        table.setColumnCount(len(COLUMNS))
        table.setRowCount(len(self.changed) + 1)
        for c, (_key, label, tip) in enumerate(COLUMNS):
            header = QTableWidgetItem(_(label))
            header.setToolTip(_(tip))
            header.setData(Qt.ItemDataRole.AccessibleDescriptionRole, _(tip))
            if c == 0:
                header.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            table.setHorizontalHeaderItem(c, header)
        for r, effect in enumerate(self.changed):
            month = format_month(*effect.month)
            item = QTableWidgetItem(month)
            item.setData(Qt.ItemDataRole.UserRole, f"{effect.month[0]:04d}-{effect.month[1]:02d}")
            table.setItem(r, 0, item)
            self._fill_amounts(r, month, effect.money_in, effect.settlement_out, effect.net)
        total = len(self.changed)
        t = self.totals
        label = _("Total")
        item = bold(QTableWidgetItem(label))
        item.setData(Qt.ItemDataRole.UserRole, "total")
        table.setItem(total, 0, item)
        self._fill_amounts(total, label, t.money_in, t.settlement_out, t.net)
        for c in range(1, len(COLUMNS)):
            bold(table.item(total, c))

    def _fill_amounts(self, row: int, where: str, money_in: Decimal, settlement_out: Decimal, net: Decimal) -> None:
        palette = self.table.palette()
        cells = (
            (money_in, MONEY_CHANGE, True),
            (settlement_out, TAKEN_BACK_CHANGE, False),
            (net, MONEY_CHANGE, True),
        )
        for c, (amount, words, up_is_better) in enumerate(cells, start=1):
            item = change_item(amount, palette, words, up_is_better=up_is_better)
            spoken = _("{column}, {month}: {value}.").format(column=_(COLUMNS[c][1]), month=where,
                                                              value=change_sentence(amount, words))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            item.setToolTip(spoken)
            self.table.setItem(row, c, item)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


__all__ = ["COLUMNS", "MONEY_IN_CHANGE", "TAKEN_BACK_CHANGE", "ShiftEffectDialog", "effect_title", "headline",
           "parts_text", "when_text"]
