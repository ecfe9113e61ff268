"""Help → Glossary: the words of the municipality's letters, each with one plain sentence.

A view of :data:`planner.glossary.GLOSSARY`: a search box above a two-column
table (the Dutch word, its explanation in the current language). Typing
filters on the word, its other forms and the explanation; a line under the box
says how many words are shown, and screen readers hear it. The arrow-down key
or Enter in the search box goes to the table; Escape closes the dialog. On a
language switch the explanations, headers and labels are shown again in the
new language (the words stay Dutch, as in the letters).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.glossary import GLOSSARY, INTRO, TITLE, Term
from planner.i18n import N_, _, ngettext
from ui.fonts import use_content_font

AnyIndex = QModelIndex | QPersistentModelIndex

#: Column headers, ``N_``-marked.
HEADERS = (N_("Word"), N_("Explanation"))


class GlossaryModel(QAbstractTableModel):
    """Rows: the terms. Column 0: the Dutch word (with its other forms). Column 1: the explanation."""

    TermRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, terms: Sequence[Term] = GLOSSARY, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._terms = tuple(terms)

    @staticmethod
    def _bold() -> QFont:
        font = QFont()  # only "bold" is set: the view resolves it onto its own font
        font.setBold(True)
        return font

    def term(self, row: int) -> Term:
        return self._terms[row]

    def retranslate(self) -> None:
        """Show the explanations and headers in the current language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self._terms:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._terms) - 1, len(HEADERS) - 1))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._terms)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        term = self._terms[index.row()]
        if role == self.TermRole:
            return term
        if index.column() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return term.heading
            if role == Qt.ItemDataRole.ToolTipRole:
                return term.text()
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return _("{term}: {explanation}").format(term=term.heading, explanation=term.text())
            if role == Qt.ItemDataRole.FontRole:
                return self._bold()
        elif role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return term.text()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return _(HEADERS[section])
        return None


class GlossaryFilter(QSortFilterProxyModel):
    """Keeps the terms that match the search text (:meth:`planner.glossary.Term.matches`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._query = ""

    @property
    def query(self) -> str:
        return self._query

    def set_query(self, query: str) -> None:
        self.beginFilterChange()
        self._query = query
        self.endFilterChange()

    def refilter(self) -> None:
        """Filter again (the explanations changed language)."""
        self.beginFilterChange()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:  # noqa: N802 - Qt API
        model = self.sourceModel()
        if not isinstance(model, GlossaryModel):
            return True
        return model.term(source_row).matches(self._query)


class _RoomyDelegate(QStyledItemDelegate):
    """Some room above and below each explanation, so the rows are easy to tell apart."""

    ROOM = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802 - Qt override
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + self.ROOM)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        # The background and selection fill the whole cell; the text starts ROOM / 2 lower.
        full = QStyleOptionViewItem(option)
        self.initStyleOption(full, index)
        full.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, full, painter, widget)
        moved = QStyleOptionViewItem(option)
        moved.rect = option.rect.adjusted(0, self.ROOM // 2, 0, 0)
        super().paint(painter, moved, index)


class GlossaryDialog(QDialog):
    """The glossary window; a view of ``terms`` (the whole glossary unless given)."""

    def __init__(self, terms: Sequence[Term] = GLOSSARY, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossaryDialog")
        self.model = GlossaryModel(terms, self)
        self.proxy = GlossaryFilter(self)
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        use_content_font(self.intro)
        layout.addWidget(self.intro)

        row = QHBoxLayout()
        self.search_label = QLabel(self)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.search.installEventFilter(self)
        self.search_label.setBuddy(self.search)
        row.addWidget(self.search_label)
        row.addWidget(self.search, 1)
        layout.addLayout(row)

        self.count = QLabel(self)
        self.count.setWordWrap(True)
        layout.addWidget(self.count)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setCornerButtonEnabled(False)
        self.table.setItemDelegate(_RoomyDelegate(self.table))
        use_content_font(self.table)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.table, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.setTabOrder(self.search, self.table)
        self.setTabOrder(self.table, self.buttons)
        self.resize(760, 600)
        self.retranslate_ui()
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- searching ----------------------------------------------------------------------------

    def set_query(self, text: str) -> None:
        self.search.setText(text)

    def shown_terms(self) -> list[Term]:
        """The terms shown now, in order."""
        return [self.proxy.data(self.proxy.index(r, 0), GlossaryModel.TermRole) for r in range(self.proxy.rowCount())]

    def _on_search(self, text: str) -> None:
        self.proxy.set_query(text)
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._retranslate_count()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Arrow down or Enter in the search box: go to the list of words.
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.proxy.rowCount():
                if not self.table.currentIndex().isValid():
                    self.table.setCurrentIndex(self.proxy.index(0, 0))
                self.table.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    # --- language -------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("{title} – Bijverdienplanner").format(title=_(TITLE)))
        self.intro.setText(_(INTRO))
        self.search_label.setText(_("&Search:"))
        self.search.setPlaceholderText(_("For example: voorschot"))
        self.search.setAccessibleName(_("Search the glossary"))
        self.search.setAccessibleDescription(_("Shows only the words whose name or explanation contains this text."))
        self.table.setAccessibleName(_("Words and their explanations"))
        self.table.setAccessibleDescription(_("One row per word. Use the arrow keys to move from word to word."))
        self.table.horizontalHeader().setAccessibleName(_("Columns"))
        self.model.retranslate()
        self.proxy.refilter()
        self._retranslate_count()

    def _retranslate_count(self) -> None:
        n = self.proxy.rowCount()
        query = self.search.text().strip()
        if not query:
            text = ngettext("{count} word.", "{count} words.", n).format(count=n)
        elif n:
            text = ngettext("{count} word contains “{query}”.", "{count} words contain “{query}”.", n).format(count=n, query=query)
        else:
            text = _("No word contains “{query}”. Try a shorter or another word.").format(query=query)
        self.count.setText(text)
        self.count.setAccessibleName(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


__all__ = ["HEADERS", "GlossaryDialog", "GlossaryFilter", "GlossaryModel"]
