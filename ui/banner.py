"""The notes banner above the results: what makes the shown amounts uncertain, each cause once.

It says each cause once, in a short B1 sentence (``planner.notes.causes``):
"Amounts from January 2027 on are not yet published. We use the last known
ones.", "5 rules are not confirmed in an official source.", "Where the rules
are unclear, we take the careful side (3 times)." The amounts concerned carry a
warning sign (in the cards and the table); the explanation panel says why for
each amount. "Show the details" unfolds every note (``planner.notes.collect_notes``:
what is not yet published, in plain names, and for which months; each rule
not confirmed; each assumption; the plan's warnings). The details scroll inside
the banner: however many there are, the banner never makes the window larger.
The banner is hidden when there is nothing to say.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from planner.benefit import Projection
from planner.explain import render
from planner.i18n import _, get_language, ngettext
from planner.notes import Note, causes, collect_notes, months_text, secondary_rules
from planner.summary import MonthCard
from planner.validate import Issue
from ui.month_model import flag_icon

MAX_LINES = 4
"""The unfolded details take at most this many lines of text; the rest scrolls inside the banner."""


class NoteBanner(QFrame):
    """A calm but clear box listing the notes; a view of a projection and its warnings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteBanner")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet(
            "#noteBanner { background-color: #fff4d6; border: 1px solid #e0b650; border-left: 6px solid #c98a00;"
            " border-radius: 4px; }"
            "#noteBanner QLabel { color: #2b2b2b; background: transparent; }"
        )
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 10)
        outer.setSpacing(12)
        self.icon = QLabel(self)
        self.icon.setPixmap(flag_icon().pixmap(32, 32))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        outer.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(4)
        top = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("noteBannerTitle")
        self.title.setWordWrap(True)
        top.addWidget(self.title, 1)
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setStyleSheet("QToolButton { color: #2b2b2b; }")
        self.toggle.toggled.connect(self._on_toggled)
        top.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(top)
        self.summary = QLabel(self)  # each cause once (folded), and where the warning signs are
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.summary)
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # The unfolded notes scroll inside the banner: however many there are, they never make the window
        # taller (it once grew off-screen, and kept that size after a restart).
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("noteBannerScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setStyleSheet("#noteBannerScroll, #noteBannerScroll > QWidget > QWidget { background: transparent; }")
        self.scroll.setWidget(self.body)
        column.addWidget(self.scroll)
        outer.addLayout(column, 1)
        self._notes: list[Note] = []
        self._month_count = 0
        self._secondary: tuple[str, ...] = ()
        self._apply_fonts()
        self.retranslate_ui()

    def set_projection(self, projection: Projection | None, warnings: tuple[Issue, ...] = (),
                       cards: Sequence[MonthCard] = ()) -> None:
        """Show the notes of ``projection`` (and of the amounts of its month ``cards``) and the plan's ``warnings``.

        The details start folded; after that, a recompute keeps the user's choice.
        """
        if projection is None:
            self._notes, self._month_count, self._secondary = [], 0, ()
        else:
            self._notes, self._month_count = collect_notes(projection, warnings, cards), len(projection.months)
            self._secondary = secondary_rules(projection)
        self.retranslate_ui()

    def is_expanded(self) -> bool:
        return self.toggle.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        self.toggle.setChecked(expanded)

    def _on_toggled(self, _checked: bool) -> None:
        self.retranslate_ui()

    def causes(self) -> list[str]:
        """Each cause of uncertainty once, in a short sentence, in the current language (always shown)."""
        lang = get_language()
        return [render(c, lang) for c in causes(self._notes)]

    def notes(self) -> list[Note]:
        return list(self._notes)

    def items(self) -> list[tuple[str, str]]:
        """The details, each note as shown, in the current language: (the note, the months it applies to or "")."""
        lang = get_language()
        out = []
        for note in self._notes:
            applies = months_text(note.months, self._month_count) if note.months and self._month_count > 1 else ""
            out.append((render(note.explanation, lang), applies))
        return out

    def texts(self) -> list[str]:
        return [f"{note} {applies}".strip() for note, applies in self.items()]

    def secondary_text(self) -> str:
        n = len(self._secondary)
        if not n:
            return ""
        return ngettext(
            "{count} value was not read in the official text. The explanation of each amount says which.",
            "{count} values were not read in the official text. The explanation of each amount says which.",
            n,
        ).format(count=n)

    def retranslate_ui(self) -> None:
        shown = self.items()
        reasons = self.causes()
        secondary = self.secondary_text()
        self.setVisible(bool(shown or secondary))
        # TRANSLATORS: title of the box above the results that says what is not sure about the amounts.
        self.title.setText(_("Good to know about these amounts") if reasons else _("About the sources of the amounts below"))
        # Folded: each cause once. Unfolded: the details say every cause in full, so the short list makes way for
        # them (the banner must not take the room of the results on a small screen).
        lines = "" if self.toggle.isChecked() else "".join(f"<li>{html.escape(text)}</li>" for text in reasons)
        hint = html.escape(_("Amounts this is about have a warning sign. Click an amount to see why.")) if reasons else ""
        self.summary.setText((f"<ul style='margin-left: -20px; margin-top: 0; margin-bottom: 0'>{lines}</ul>" if lines else "")
                             + (f"<p style='margin-top: 2px; color: #5a4a1a'>{hint}</p>" if hint else ""))
        self.summary.setVisible(bool(reasons))
        items = "".join(
            f"<li style='margin-bottom: 3px'>{html.escape(note)}"
            + (f" <span style='color: #5a4a1a'>{html.escape(applies)}</span>" if applies else "")
            + "</li>"
            for note, applies in shown
        )
        parts = [f"<ul style='margin-left: -20px; margin-top: 0'>{items}</ul>"] if items else []
        if secondary:
            parts.append(f"<p style='margin-top: 2px'>{html.escape(secondary)}</p>")
        self.body.setText("".join(parts))
        expanded = self.toggle.isChecked() or not reasons
        self.body.setVisible(expanded)
        self.scroll.setVisible(expanded)
        self._fit_scroll()
        self.toggle.setVisible(bool(reasons))
        self.toggle.setText(_("Hide the details") if self.toggle.isChecked() else _("Show the details"))
        self.toggle.setAccessibleName(self.toggle.text())
        self.toggle.setToolTip(_("Show or hide every note about the amounts, with the months it applies to"))
        self.summary.setAccessibleName(" ".join(reasons) or _("Notes about the amounts"))
        self.setAccessibleName(_("Notes about the amounts"))
        self.setAccessibleDescription(" ".join(reasons))
        self.body.setAccessibleName(_("Every note about the amounts"))
        self.title.setAccessibleName(self.title.text())
        self.icon.setAccessibleName(_("Warning"))

    def _fit_scroll(self) -> None:
        """As tall as the notes need, up to :data:`MAX_LINES` lines; more scroll inside the banner."""
        width = self.scroll.viewport().width() if self.scroll.isVisible() else self.width() - 80
        needed = self.body.heightForWidth(max(width, 200))
        if needed <= 0:
            needed = self.body.sizeHint().height()
        self.scroll.setFixedHeight(min(needed, MAX_LINES * self.body.fontMetrics().lineSpacing()) + 2)

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().resizeEvent(event)
        self._fit_scroll()

    def _apply_fonts(self) -> None:
        # A style sheet stops font propagation to the labels, so pass the banner's font on by hand.
        font = self.font()
        self.body.setFont(font)
        self.summary.setFont(font)
        bold = self.font()
        bold.setBold(True)
        self.title.setFont(bold)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.FontChange:
            self._apply_fonts()
        super().changeEvent(event)
