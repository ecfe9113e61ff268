"""“What does this shift add?”: one shift's real effect on your money, month by month.

A view of :func:`planner.scenarios.shift_effect` (one
:class:`~planner.scenarios.ShiftEffect` per month of the plan) and of its
totals (:func:`planner.compare_summary.effect_totals`); the lead's
background worker computes them, this dialog only shows them:

- a headline in plain words: "This shift of 4 hours at … on 6 January 2026
  brings you € 14,79 in total.";
- when: the months in which it brings money, and those in which it costs money
  (less bijstand, or money taken back later);
- one line on why the effect is smaller than the wage: part of the wage is
  deducted from the bijstand, and the vrijlating and the premie let you keep
  some;
- a small table of the months in which something changes: more money in,
  taken back, net effect, and a total row.

Changes are written with their sign and an arrow, and coloured (see
:mod:`ui.compare_view`). :meth:`ShiftEffectDialog.retranslate_ui` renders the
held numbers again in the current language.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from babel.lists import format_list
from PySide6.QtCore import QEvent, Qt
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
from planner.model import Shift
from planner.scenarios import ShiftEffect
from ui.look import plural_count
from ui.compare_view import ChangeWords, MONEY_CHANGE, bold, change_item, change_sentence, read_only_table
from ui.fonts import reading_heading, use_content_font

TAKEN_BACK_CHANGE = ChangeWords(N_("{amount} more taken back"), N_("{amount} less taken back"),
                                N_("Nothing more taken back"))

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


def headline(shift: Shift, job_name: str, totals: EffectTotals) -> str:
    """"This shift of 4 hours at … on 6 January 2026 brings you € 14,79 in total.", in the current language."""
    n = plural_count(shift.hours)
    values = {"hours": format_number(shift.hours), "job": job_name, "date": format_day(shift.date)}
    if totals.net > 0:
        text = ngettext("This shift of {hours} hour at {job} on {date} brings you {net} in total.",
                        "This shift of {hours} hours at {job} on {date} brings you {net} in total.", n)
        return text.format(net=format_money(totals.net), **values)
    if totals.net < 0:
        text = ngettext("This shift of {hours} hour at {job} on {date} costs you {net} in total.",
                        "This shift of {hours} hours at {job} on {date} costs you {net} in total.", n)
        return text.format(net=format_money(-totals.net), **values)
    text = ngettext("This shift of {hours} hour at {job} on {date} brings you nothing in total.",
                    "This shift of {hours} hours at {job} on {date} brings you nothing in total.", n)
    return text.format(**values)


def _months(months: Sequence[tuple[int, int]]) -> str:
    return format_list([format_month(*m) for m in months], locale=babel_locale())


def when_text(totals: EffectTotals) -> str:
    """In which months the shift brings money, and in which it costs money."""
    sentences = []
    if totals.months_more:
        sentences.append(_("You get more money in {months}.").format(months=_months(totals.months_more)))
    if totals.months_less:
        sentences.append(_("You get less in {months}: less bijstand, or money taken back later.").format(
            months=_months(totals.months_less)))
    if not sentences:
        return _("This shift does not change the money you get in any month.")
    return " ".join(sentences)


class ShiftEffectDialog(QDialog):
    """What one shift adds, after benefit, premie and settlement; a view of its :class:`ShiftEffect` rows."""

    def __init__(self, shift: Shift, job_name: str, effects: Sequence[ShiftEffect],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shiftEffectDialog")
        self.shift = shift
        self.job_name = job_name
        self.effects = tuple(effects)
        self.totals = effect_totals(self.effects)
        self.changed = tuple(e for e in self.effects if e.money_in or e.settlement_out or e.net)
        """The months in which something changes: the rows of the table."""

        layout = QVBoxLayout(self)
        self.headline = reading_heading(self, 1.25, bold=True)  # read before the table
        layout.addWidget(self.headline)

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
        layout.addStretch(1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.setTabOrder(self.headline, self.table)
        self.setTabOrder(self.table, self.buttons)
        self.retranslate_ui()
        self.resize(660, min(max(360, layout.totalHeightForWidth(660)), 720))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- rendering --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Render the held numbers again in the current language."""
        title = _("What does this shift add?")
        self.setWindowTitle(_("{title} – Bijverdienplanner").format(title=title))
        self.setAccessibleName(title)
        text = headline(self.shift, self.job_name, self.totals)
        self.setAccessibleDescription(text)
        self.headline.setText(text)
        self.headline.setAccessibleName(_("What the shift brings in total"))
        self.headline.setAccessibleDescription(text)
        self.when.setText(when_text(self.totals))
        why = _("Part of your wage is deducted from your bijstand. The vrijlating and the bijverdienpremie let you "
                "keep some of it, so a shift brings you less than its wage.")
        if self.shift.certainty == "extra":
            extra = _("This is an extra shift: the numbers show what happens if you take it.")
            why = " ".join((why, extra))
        self.why.setText(why)
        self.table.setAccessibleName(_("The effect of the shift, month by month"))
        self.table.setAccessibleDescription(_("One row for each month in which the shift changes your money, and "
                                              "a last row with the total."))
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


__all__ = ["COLUMNS", "TAKEN_BACK_CHANGE", "ShiftEffectDialog", "headline", "when_text"]
