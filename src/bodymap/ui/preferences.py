"""Preferences: the clinician profile (who signs), the note templates and the needle
per muscle."""

from __future__ import annotations

import copy

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from bodymap.model.needles import read_overrides, write_overrides
from bodymap.services.records import Records
from bodymap.settings import Settings
from bodymap.ui.needle_prefs import NeedleDefaultsEditor
from bodymap.ui.visit.notes import SOAP_FIELDS, soap_templates


class TemplateEditor(QWidget):
    """Templates per SOAP field: pick a field, then add, rename, edit or remove templates."""

    def __init__(self, templates: dict[str, dict[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.templates = templates
        self.field = QComboBox()
        for key, label in SOAP_FIELDS:
            self.field.addItem(label, key)
        self.names = QListWidget()
        self.names.setObjectName("templateNames")
        self.name = QLineEdit()
        self.name.setObjectName("templateName")
        self.text = QPlainTextEdit()
        self.text.setObjectName("templateText")
        self.add_button = QPushButton("Add")
        self.remove_button = QPushButton("Remove")
        left = QVBoxLayout()
        left.addWidget(self.names)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left.addLayout(buttons)
        right = QFormLayout()
        right.addRow("Name", self.name)
        right.addRow("Text", self.text)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 2)
        top = QHBoxLayout()
        top.addWidget(QLabel("Field"))
        top.addWidget(self.field)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body)
        self.field.currentIndexChanged.connect(self._load_field)
        self.names.currentRowChanged.connect(self._load_template)
        self.name.textEdited.connect(self._renamed)
        self.text.textChanged.connect(self._text_changed)
        self.add_button.clicked.connect(self.add_template)
        self.remove_button.clicked.connect(self.remove_template)
        self._loading = False
        self._load_field()

    @property
    def current_field(self) -> str:
        return str(self.field.currentData())

    def _field_templates(self) -> dict[str, str]:
        return self.templates.setdefault(self.current_field, {})

    def _load_field(self) -> None:
        self.names.clear()
        self.names.addItems(list(self._field_templates()))
        self.names.setCurrentRow(0 if self.names.count() else -1)
        self._load_template(self.names.currentRow())

    def _load_template(self, row: int) -> None:
        self._loading = True
        try:
            item = self.names.item(row) if row >= 0 else None
            name = item.text() if item else ""
            self.name.setText(name)
            self.text.setPlainText(self._field_templates().get(name, ""))
            for w in (self.name, self.text, self.remove_button):
                w.setEnabled(item is not None)
        finally:
            self._loading = False

    def _renamed(self, new: str) -> None:
        item = self.names.currentItem()
        new = new.strip()
        items = self._field_templates()
        if item is None or not new or new in items:
            return  # keep the old name until the new one is usable and unique
        # Rebuild to keep the order the clinician sees in the picker.
        self.templates[self.current_field] = {(new if k == item.text() else k): v
                                              for k, v in items.items()}
        item.setText(new)

    def _text_changed(self) -> None:
        item = self.names.currentItem()
        if item is not None and not self._loading:
            self._field_templates()[item.text()] = self.text.toPlainText()

    def add_template(self) -> None:
        items = self._field_templates()
        n = 1
        while f"New template {n}" in items:
            n += 1
        name = f"New template {n}"
        items[name] = ""
        self.names.addItem(name)
        self.names.setCurrentRow(self.names.count() - 1)
        self.name.setFocus()
        self.name.selectAll()

    def remove_template(self) -> None:
        item = self.names.currentItem()
        if item is None:
            return
        self._field_templates().pop(item.text(), None)
        self.names.takeItem(self.names.row(item))
        self._load_template(self.names.currentRow())


class PreferencesDialog(QDialog):
    """Edits the clinician profile and templates; OK stores them in ``settings``."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("preferences")
        self.setWindowTitle("Preferences")
        self.name = QLineEdit(settings.get("clinician_name"))
        self.name.setObjectName("clinicianName")
        self.credentials = QLineEdit(settings.get("clinician_credentials"))
        self.credentials.setPlaceholderText("e.g. PT, DPT")
        self.clinic = QLineEdit(settings.get("clinic_name"))
        profile = QGroupBox("Clinician profile")
        form = QFormLayout(profile)
        form.addRow("Name", self.name)
        form.addRow("Credentials", self.credentials)
        form.addRow("Clinic", self.clinic)
        hint = QLabel("New visits take the clinician from this profile; signatures and "
                      "addenda carry it.")
        hint.setWordWrap(True)
        form.addRow(hint)
        templates = {key: dict(soap_templates(settings, key)) for key, _ in SOAP_FIELDS}
        self.templates = TemplateEditor(copy.deepcopy(templates))
        self.instructions = QPlainTextEdit(settings.get("instruction_template"))
        self.instructions.setObjectName("instructionTemplate")
        tabs = QTabWidget()
        tabs.addTab(self.templates, "SOAP templates")
        tabs.addTab(self.instructions, "Post-treatment instructions")
        self.needles = NeedleDefaultsEditor(read_overrides(settings.get("needle_defaults")))
        tabs.addTab(self.needles, "Needles")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(profile)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
        self.resize(720, 620)

    def accept(self) -> None:
        """Store the profile and templates (empty template names are dropped)."""
        self.settings.set("clinician_name", self.name.text().strip())
        self.settings.set("clinician_credentials", self.credentials.text().strip())
        self.settings.set("clinic_name", self.clinic.text().strip())
        cleaned = {field: {k.strip(): v for k, v in items.items() if k.strip()}
                   for field, items in self.templates.templates.items()}
        self.settings.set("soap_templates", cleaned)
        self.settings.set("instruction_template", self.instructions.toPlainText())
        self.settings.set("needle_defaults", write_overrides(self.needles.overrides()))
        super().accept()


def ensure_clinician_profile(settings: Settings, records: Records,
                             parent: QWidget | None, what: str = "this record") -> bool:
    """True once a clinician name is set. Without one, records would name the computer's
    login ("root") as clinician, signer or addendum author: ask, open Preferences, and
    once a name is set let the audit trail name that clinician from then on."""
    if settings.get("clinician_name").strip():
        return True
    answer = QMessageBox.question(
        parent, "Who is charting?",
        f"Your clinician profile (name and credentials) is not set, so {what} would name "
        "the computer's login instead of you. Set it now in Preferences?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Yes)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    if not (PreferencesDialog(settings, parent).exec()
            and settings.get("clinician_name").strip()):
        return False
    records.set_user(settings.clinician)
    return True

