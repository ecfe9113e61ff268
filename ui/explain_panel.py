"""The explanation panel: why the selected amount is what it is, and the rules behind it.

For one cell of the month table it shows, in the current language:

- the amount and the planner's own sentence about it (``render(line.explanation)``);
- the notes of that month that concern it, each cause once (what is not yet
  published, in plain names; a rule not confirmed; an assumption);
- how it is made up: the sentences of the amounts it is computed from;
- each rule behind it: its label, the article, the date it is valid from, how
  sure we are of it in plain words, and its sources as links.

For an amount of a month card (``planner.summary.SummaryItem``, through
:meth:`ExplainPanel.show_item`) it shows the same: the sentence, the notes, how
it is made up (each dated payment, correction or withholding, with the line as
it stands on the municipality's specification) and the rules.

A word of the glossary (``planner.glossary``) in these sentences is underlined
with dots the first time it appears, and its explanation is its tooltip.

Links open in the browser only when the user activates one; the panel itself
never goes to the network. The panel holds the planner's objects and renders
them again on a language switch; it computes nothing.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

from planner.benefit import BenefitMonth, Flag
from planner.explain import RuleRef, render
from planner.glossary import split_terms
from planner.i18n import N_, _, format_day, format_money, format_month, format_signed_money, get_language, ngettext
from planner.notes import amount_causes
from planner.summary import SummaryItem
from ui.month_model import Column, flags_for, input_lines, rules_for

log = logging.getLogger("ui.explain")

#: How sure we are of a rule's value, in plain words (planner.rules.schema.Status).
STATUS_TEXT: dict[str, str] = {
    "verified": N_("Checked: read in the official text of the law or regulation."),
    "copy": N_("From a copy of the law text: not yet checked in the official publication."),
    "secondary": N_("From another source: read on a website (news, a municipality or an adviser), not in the official text."),
    "derived": N_("Derived: calculated from other checked amounts by a published rule."),
    "unverified": N_("Not confirmed: this is our best reading, but no source we read confirms it."),
    "unknown": N_("Unknown: this amount exists, but we could not find it."),
}

#: Whether the value is published for the month shown (planner.rules.Coverage); in force says nothing.
COVERAGE_TEXT: dict[str, str] = {
    "not_yet_published": N_("Not yet published for this month: we use the last known value."),
    "earlier_unknown": N_("Not known for this month: we use the first known value."),
    "unknown": N_("Not known yet for this month: we use the last known value."),
}

_H3 = "font-size: medium; margin-top: 14px; margin-bottom: 4px"
_NOTE_STYLE = "background-color: #fff4d6; color: #2b2b2b;"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


class ExplainPanel(QTextBrowser):
    """Shows the explanation of one amount (a view of a month and a column)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)  # we decide what a click does: only http(s), only on a click
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open_link)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._month: BenefitMonth | None = None
        self._column: Column | None = None
        self._item: SummaryItem | None = None
        self._links: list[str] = []
        self._marked: set[str] = set()
        self.retranslate_ui()

    # --- what is shown -----------------------------------------------------------------------

    def show_cell(self, month: BenefitMonth, column: Column) -> None:
        self._item = None
        self._month = month
        self._column = column
        self._render()

    def show_item(self, item: SummaryItem) -> None:
        """Show why an amount of a month card is what it is (``planner.summary``)."""
        self._month = None
        self._column = None
        self._item = item
        self._render()

    def clear_cell(self) -> None:
        self._month = None
        self._column = None
        self._item = None
        self._render()

    @property
    def month(self) -> BenefitMonth | None:
        return self._month

    @property
    def column(self) -> Column | None:
        return self._column

    @property
    def item(self) -> SummaryItem | None:
        return self._item

    def links(self) -> list[str]:
        """The source URLs shown now."""
        return list(self._links)

    # --- rendering ---------------------------------------------------------------------------

    def _render(self) -> None:
        self._links = []
        if self._item is not None:
            self._marked = set()
            self.setHtml(self._item_html(self._item))
            self._dot_glossary_words()
            return
        if self._month is None or self._column is None:
            hint = _("Choose an amount in the table to see how it is calculated and which rules are behind it.")
            self.setHtml(f"<p>{_e(hint)}</p>")
            return
        self._marked: set[str] = set()
        self.setHtml(self._cell_html(self._month, self._column))
        self._dot_glossary_words()

    def _cell_html(self, month: BenefitMonth, column: Column) -> str:
        lang = get_language()
        line = getattr(month, column.key)
        parts: list[str] = []
        heading = _("{column} in {month}: {amount}").format(
            column=_(column.label), month=format_month(month.year, month.month), amount=format_money(line.amount)
        )
        parts.append(f"<h2 style='font-size: large; margin-bottom: 4px'>{_e(heading)}</h2>")
        parts.append(f"<p>{self._with_terms(render(line.explanation, lang))}</p>")

        parts.append(self._notes_html(flags_for(month, column)))

        inputs = input_lines(month, column)
        if inputs:
            heading = _("How this amount is made up")
            parts.append(f"<h3 style='{_H3}'>{_e(heading)}</h3>")
            items = "".join(f"<li>{self._with_terms(render(expl, lang))}</li>" for _key, expl in inputs)
            parts.append(f"<ul>{items}</ul>")

        rules = rules_for(month, column)
        heading = _("The rules behind this amount")
        parts.append(f"<h3 style='{_H3}'>{_e(heading)}</h3>")
        if not rules:
            none_listed = _("No rule of the law is listed for this amount; the sentence above says where it comes from.")
            parts.append(f"<p>{_e(none_listed)}</p>")
        for ref in rules:
            parts.append(self._rule_html(ref))
        return "".join(parts)

    def _notes_html(self, flags: Sequence[Flag]) -> str:
        """The notes about an amount in a yellow box, each cause once ("" when there are none).

        What is not yet published is one note naming what it is about in plain words ("the bijstand norm and
        the tax rates"); the rules below name each value, with its own date.
        """
        if not flags:
            return ""
        texts = list(dict.fromkeys(render(e, get_language()) for e in amount_causes(flags)))
        items = "".join(f"<li>{self._with_terms(t)}</li>" for t in texts)
        title = ngettext("There is {count} note about this amount:", "There are {count} notes about this amount:", len(texts)).format(count=len(texts))
        return (
            f"<table width='100%' cellpadding='8' cellspacing='0' style='{_NOTE_STYLE}'><tr><td>"
            f"<b>{_e(title)}</b><ul style='margin-top: 2px; margin-bottom: 0'>{items}</ul></td></tr></table>"
        )

    def _item_html(self, item: SummaryItem) -> str:
        """A month card's amount: its sentence, the notes, how it is made up (dated lines), and the rules."""
        lang = get_language()
        amount = item.amount
        shown = format_signed_money(amount)
        heading = _("{column} in {month}: {amount}").format(
            column=_(item.label), month=format_month(*item.month), amount=shown
        )
        parts = [f"<h2 style='font-size: large; margin-bottom: 4px'>{_e(heading)}</h2>"]
        parts.append(f"<p>{self._with_terms(render(item.explanation, lang))}</p>")
        parts.append(self._notes_html(item.flags))
        if item.parts:
            heading = _("How this amount is made up")
            parts.append(f"<h3 style='{_H3}'>{_e(heading)}</h3>")
            lines = []
            for part in item.parts:
                money = format_signed_money(part.amount)
                head = _("{date}: {amount}").format(date=format_day(part.when), amount=money) if part.when else money
                text = f"<b>{_e(head)}</b><br>{self._with_terms(render(part.explanation, lang))}"
                if part.statement is not None:
                    line = _("On the municipality's specification: “{line}”").format(line=render(part.statement, lang))
                    text += f"<br><i>{self._with_terms(line)}</i>"
                lines.append(f"<li style='margin-bottom: 4px'>{text}</li>")
            parts.append(f"<ul>{''.join(lines)}</ul>")
        heading = _("The rules behind this amount")
        parts.append(f"<h3 style='{_H3}'>{_e(heading)}</h3>")
        if not item.rules:
            none_listed = _("No rule of the law is listed for this amount; the sentence above says where it comes from.")
            parts.append(f"<p>{_e(none_listed)}</p>")
        for ref in item.rules:
            parts.append(self._rule_html(ref))
        return "".join(parts)

    def _rule_html(self, ref: RuleRef) -> str:
        lang = get_language()
        lines = [f"<b>{_e(ref.label(lang))}</b>"]
        lines.append(_e(ref.article(lang)))
        lines.append(_e(_("Valid from {date}.").format(date=format_day(ref.valid_from))))
        lines.append(_e(_(STATUS_TEXT.get(ref.status, STATUS_TEXT["unknown"]))))
        if ref.coverage in COVERAGE_TEXT:
            lines.append(f"<b>{_e(_(COVERAGE_TEXT[ref.coverage]))}</b>")
        if ref.references:
            links = []
            for source in ref.references:
                url = QUrl(source.url)
                if url.scheme() in ("http", "https"):
                    self._links.append(source.url)
                    links.append(f"<a href='{_e(source.url)}'>{_e(source.title)}</a>")
                else:
                    links.append(_e(source.title))
            label = ngettext("Source:", "Sources:", len(links))
            lines.append(f"{_e(label)} " + "; ".join(links))
        return "<p style='margin-top: 6px'>" + "<br>".join(lines) + "</p>"

    # --- glossary words -----------------------------------------------------------------------

    def _with_terms(self, text: str) -> str:
        """``text`` as HTML; the first time a glossary word appears, it gets its explanation as a tooltip."""
        out = []
        for piece, term in split_terms(text):
            if term is None or term.term in self._marked:
                out.append(_e(piece))
                continue
            self._marked.add(term.term)
            tip = _("{term}: {explanation}").format(term=term.heading, explanation=term.text())
            out.append(f"<span title='{_e(tip)}'>{_e(piece)}</span>")
        return "".join(out)

    def _dot_glossary_words(self) -> None:
        """Underline the words that have a tooltip with dots (Qt's HTML has no CSS for that)."""
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.isValid() and fragment.charFormat().toolTip():
                    cursor = QTextCursor(self.document())
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                    dotted = QTextCharFormat()
                    dotted.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                    cursor.mergeCharFormat(dotted)
                it += 1
            block = block.next()

    def glossary_tooltips(self) -> dict[str, str]:
        """The words shown with a glossary tooltip now, and their tooltips."""
        found: dict[str, str] = {}
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.isValid() and fragment.charFormat().toolTip():
                    found[fragment.text()] = fragment.charFormat().toolTip()
                it += 1
            block = block.next()
        return found

    # --- links --------------------------------------------------------------------------------

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() not in ("http", "https"):
            log.info("ignored a link that is not http(s)")
            return
        log.info("opening a source in the browser")
        QDesktopServices.openUrl(url)

    # --- language -----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setAccessibleName(_("Explanation of the selected amount"))
        self.setAccessibleDescription(
            _("How the amount chosen in the table is calculated, the rules behind it and their sources.")
        )
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


__all__ = ["COVERAGE_TEXT", "STATUS_TEXT", "ExplainPanel"]
