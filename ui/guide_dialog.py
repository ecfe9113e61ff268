"""Help → User guide: ``docs/guide.<lang>.md`` (packaged: ``planner/_data/docs``) shown in the app, in the language of the app, offline."""

from __future__ import annotations

from importlib.resources.abc import Traversable

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from planner import resources
from planner.i18n import _, get_language
from ui.fonts import use_content_font


def guide_path(lang: str) -> Traversable:
    """The guide in ``lang``: in the installed package, or ``docs/`` of a checkout."""
    return resources.guide(lang)


class GuideDialog(QDialog):
    """The user guide; a link to the guide in the other language shows that one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.resize(760, 680)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_link)
        use_content_font(self.browser)
        layout.addWidget(self.browser, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.lang = get_language()
        self.retranslate_ui()

    def show_guide(self, lang: str) -> None:
        self.lang = lang
        try:
            text = guide_path(lang).read_text(encoding="utf-8")
        except OSError:
            text = _("The user guide could not be found next to the app (docs/guide.{lang}.md).").format(lang=lang)
        self.browser.setMarkdown(text)

    def _on_link(self, url: QUrl) -> None:
        name = url.fileName()
        for lang in ("nl", "en"):
            if name == f"guide.{lang}.md":
                self.show_guide(lang)
                return

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("User guide – Bijverdienplanner"))
        self.browser.setAccessibleName(_("User guide"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(_("Close the user guide"))
        self.show_guide(get_language())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


__all__ = ["GuideDialog", "guide_path"]
