"""Edit → Preferences: the app's own settings (not a plan's), all declared in :mod:`ui.settings`.

Language, the safety buffer a new plan starts with, and the text size of
consultation mode. A plan's own safety buffer is part of the plan (Edit →
Money); this is only the default for new plans.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.i18n import LANGUAGES, _
from ui.language import AUTONYMS
from ui.settings import (
    CONSULTATION_SCALE,
    DEFAULT_SAFETY_BUFFER,
    LANGUAGE,
    MAX_CONSULTATION_SCALE,
    MIN_CONSULTATION_SCALE,
    Settings,
    _check_amount,
)


class PreferencesDialog(QDialog):
    """Shows the stored preferences; :meth:`accept` writes them back (the language is applied by the caller)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = QComboBox(self)
        for lang in LANGUAGES:
            self.language.addItem(AUTONYMS[lang], lang)
        self.language.setCurrentIndex(LANGUAGES.index(settings.value(LANGUAGE)))
        self.buffer = QLineEdit(settings.value(DEFAULT_SAFETY_BUFFER).replace(".", ","), self)
        self.scale = QSpinBox(self)
        self.scale.setRange(MIN_CONSULTATION_SCALE, MAX_CONSULTATION_SCALE)
        self.scale.setSingleStep(10)
        self.scale.setSuffix(" %")
        self.scale.setValue(settings.value(CONSULTATION_SCALE))
        self.language_label, self.buffer_label, self.scale_label = QLabel(self), QLabel(self), QLabel(self)
        for label, field in ((self.language_label, self.language), (self.buffer_label, self.buffer),
                             (self.scale_label, self.scale)):
            label.setBuddy(field)
            form.addRow(label, field)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a33a00")
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def accept(self) -> None:
        buffer = _check_amount(self.buffer.text())
        if buffer is None:
            self.message.setText(_("Write the safety buffer as an amount, for example 100 or 100,50."))
            self.message.show()
            self.buffer.setFocus()
            return
        self.settings.set_value(DEFAULT_SAFETY_BUFFER, buffer)
        self.settings.set_value(CONSULTATION_SCALE, self.scale.value())
        super().accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Preferences"))
        self.setAccessibleName(_("Preferences"))
        self.language_label.setText(_("&Language:"))
        self.language.setAccessibleName(_("Language of the app"))
        self.buffer_label.setText(_("Safety &buffer for a new plan (euro):"))
        self.buffer.setAccessibleName(_("Safety buffer for a new plan"))
        self.buffer.setToolTip(_("The lowest balance you want to keep. A new plan starts with this amount; "
                                 "you can change it per plan under Edit, Money."))
        self.scale_label.setText(_("&Text size in consultation mode:"))
        self.scale.setAccessibleName(_("Text size in consultation mode, in percent"))
        self.message.setAccessibleName(_("Message"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
