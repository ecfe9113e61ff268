"""The notes banner above the month table: what makes the shown amounts uncertain.

It lists, once each and in plain words, the flags of the shown months that
matter (``planner.summary.NOTE_CODES``, see ``planner.notes``: a rule not yet published or not known
for a month, a value not confirmed, an assumption where the rules are not
known) and the plan's warnings. A note that holds for several months is shown
once, with the months it applies to. Serious notes come first. Values read on a
news or municipal page instead of the official text are counted in one closing
line; the explanation panel names them. The banner is hidden when there is
nothing to say.

With more than :data:`COLLAPSE_FROM` notes the list starts folded: the title
and one line counting the notes by kind stay visible (the cards and the table
mark every amount concerned), and "Show the notes" unfolds the list.
"""

from __future__ import annotations

import html

from babel.lists import format_list
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from planner.benefit import Projection
from planner.explain import render
from planner.i18n import _, babel_locale, get_language, ngettext
from planner.notes import Note, collect_notes, months_text, secondary_rules
from planner.validate import Issue
from ui.month_model import flag_icon

MAX_LINES = 6
"""The unfolded notes take at most this many lines of text; the rest scrolls inside the banner."""

COLLAPSE_FROM = 4
"""From this many notes on, the list starts folded into one line."""


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
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
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

    def set_projection(self, projection: Projection | None, warnings: tuple[Issue, ...] = ()) -> None:
        if projection is None:
            self._notes, self._month_count, self._secondary = [], 0, ()
        else:
            first = not self._notes
            self._notes, self._month_count = collect_notes(projection, warnings), len(projection.months)
            self._secondary = secondary_rules(projection)
            if first:  # folded or not is decided once per plan; after that the user's choice stays
                self.toggle.setChecked(len(self._notes) < COLLAPSE_FROM)
        self.retranslate_ui()

    def is_expanded(self) -> bool:
        return self.toggle.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        self.toggle.setChecked(expanded)

    def _on_toggled(self, _checked: bool) -> None:
        self.retranslate_ui()

    def summary_text(self) -> str:
        """The notes counted by kind, for the folded banner ("11 amounts not yet published, 2 not confirmed …")."""
        counts: dict[str, int] = {}
        for note in self._notes:
            counts[note.code] = counts.get(note.code, 0) + 1
        parts = []
        published = counts.get("not_yet_published", 0) + counts.get("unknown_value", 0) + counts.get("earlier_unknown", 0)
        if published:
            parts.append(ngettext("{count} amount is not yet published or not known", "{count} amounts are not yet published or not known", published).format(count=published))
        if counts.get("unverified"):
            n = counts["unverified"]
            parts.append(ngettext("{count} rule is not confirmed", "{count} rules are not confirmed", n).format(count=n))
        if counts.get("assumption"):
            n = counts["assumption"]
            parts.append(ngettext("{count} assumption takes the careful side", "{count} assumptions take the careful side", n).format(count=n))
        other = sum(v for k, v in counts.items() if k not in ("not_yet_published", "unknown_value", "earlier_unknown", "unverified", "assumption"))
        if other:
            parts.append(ngettext("{count} other note", "{count} other notes", other).format(count=other))
        if not parts:
            return ""
        return _("{notes}. The amounts concerned have a warning sign.").format(notes=format_list(parts, locale=babel_locale()))

    def notes(self) -> list[Note]:
        return list(self._notes)

    def items(self) -> list[tuple[str, str]]:
        """Each note as shown, in the current language: (the note, the months it applies to or "")."""
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
        secondary = self.secondary_text()
        self.setVisible(bool(shown or secondary))
        n = len(shown)
        if n:
            self.title.setText(
                ngettext(
                    "Please read this note before you rely on the amounts below.",
                    "Please read these {count} notes before you rely on the amounts below.",
                    n,
                ).format(count=n)
            )
        else:
            self.title.setText(_("About the sources of the amounts below"))
        items = "".join(
            f"<li style='margin-bottom: 3px'>{html.escape(note)}"
            + (f" <span style='color: #5a4a1a'>{html.escape(applies)}</span>" if applies else "")
            + "</li>"
            for note, applies in shown
        )
        parts = [f"<ul style='margin-left: -20px; margin-top: 0'>{items}</ul>"] if items else []
        closing = [html.escape(_("Amounts in the table that these notes are about have a warning sign."))] if n else []
        if secondary:
            closing.append(html.escape(secondary))
        parts.append(f"<p style='margin-top: 2px'>{' '.join(closing)}</p>")
        self.body.setText("".join(parts))
        expanded = self.toggle.isChecked() or n == 0
        self.body.setVisible(expanded)
        self.scroll.setVisible(expanded)
        self._fit_scroll()
        self.toggle.setVisible(n > 0)
        self.summary.setVisible(not expanded)
        self.summary.setText(self.summary_text() if not expanded else "")
        self.toggle.setText(_("Hide the notes") if self.toggle.isChecked() else _("Show the notes"))
        self.toggle.setAccessibleName(self.toggle.text())
        self.toggle.setToolTip(_("Show or hide the list of notes about the amounts"))
        self.summary.setAccessibleName(self.summary.text() or _("Notes about the amounts"))
        self.setAccessibleName(_("Notes about the amounts"))
        self.body.setAccessibleName(_("Notes about the amounts"))
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
