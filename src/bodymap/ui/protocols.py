"""Protocols in the visit window (Chart menu): save the chart's marks as a named protocol,
apply one in a single step (one undo step), and manage them (delete, export, import).

What a protocol keeps and how it is applied is the core's (services/protocols.py); this
module keeps the clinician's protocols in their preferences and asks the questions.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import ValidationError, Visit
from bodymap.services.output import write_output
from bodymap.services.protocols import (
    Protocol,
    protocol_from_dict,
    protocol_from_visit,
    protocol_to_dict,
    protocols_file,
    read_protocols_file,
    unique_name,
)
from bodymap.settings import Settings
from bodymap.ui.chart import ChartEditor
from bodymap.ui.date_field import ERROR_STYLE
from bodymap.ui.document import VisitDocument
from bodymap.ui.errors import show_error
from bodymap.ui.file_dialogs import ask_open_path, ask_save_path
from bodymap.ui.messages import message_label


class ProtocolStore:
    """The clinician's protocols, kept in their preferences by name. A stored protocol the
    core no longer accepts is not offered, and is named in ``problems``."""

    KEY = "protocols"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.problems: list[str] = []

    def all(self) -> dict[str, Protocol]:
        self.problems = []
        out: dict[str, Protocol] = {}
        for name, data in sorted(self.settings.get(self.KEY).items(), key=lambda kv: kv[0]):
            try:
                out[name] = protocol_from_dict(data)
            except ValidationError as exc:
                self.problems.append(f"{name}: {exc.message}")
        return out

    def names(self) -> list[str]:
        return list(self.all())

    def add(self, protocol: Protocol) -> None:
        stored = dict(self.settings.get(self.KEY))
        stored[protocol.name] = protocol_to_dict(protocol)
        self.settings.set(self.KEY, stored)

    def remove(self, name: str) -> None:
        stored = dict(self.settings.get(self.KEY))
        stored.pop(name, None)
        self.settings.set(self.KEY, stored)


class SaveProtocolDialog(QDialog):
    """Name the protocol and choose its marks: all of the chart's, or those on the view
    shown."""

    def __init__(self, visit: Visit, view_id: str, view_title: str, taken: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Save marks as protocol")
        self.setObjectName("saveProtocolDialog")
        self.visit, self.view_id, self.taken = visit, view_id, taken
        self.protocol: Protocol | None = None
        self.name = QLineEdit()
        self.name.setObjectName("protocolName")
        self.name.setPlaceholderText("e.g. Low back: bilateral QL, gluteus medius")
        self.all_marks = QRadioButton("All marks of this chart")
        self.all_marks.setObjectName("protocolAllMarks")
        self.view_marks = QRadioButton(f"Only the marks on this view ({view_title})")
        self.view_marks.setObjectName("protocolViewMarks")
        group = QButtonGroup(self)
        group.addButton(self.all_marks)
        group.addButton(self.view_marks)
        self.all_marks.setChecked(True)
        keeps = QLabel("A protocol keeps where each mark goes, the needle, the number of "
                       "needles and the technique. It never keeps a depth, twitch "
                       "responses, the patient's response or notes: those belong to this "
                       "patient.")
        keeps.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("protocolSummary")
        self.error = message_label(ERROR_STYLE)
        self.error.setObjectName("protocolError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton("Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("protocolSave")
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Protocol name"))
        for widget in (self.name, self.all_marks, self.view_marks, keeps, self.summary,
                       self.error):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        for signal in (self.name.textChanged, self.all_marks.toggled):
            signal.connect(self._update)
        self._update()

    def _candidate(self) -> Protocol:
        view = None if self.all_marks.isChecked() else self.view_id
        return protocol_from_visit(self.name.text(), self.visit, view=view)

    def _update(self) -> None:
        self.error.hide()
        try:
            protocol = self._candidate()
        except ValidationError as exc:
            self.summary.setText(exc.message if exc.field == "marks" else "")
            self.save_button.setEnabled(exc.field != "marks" and bool(self.name.text().strip()))
            return
        replaces = protocol.name in self.taken
        self.summary.setText(f"{protocol.summary()}."
                             + (" Replaces the protocol of that name." if replaces else ""))
        self.save_button.setEnabled(True)

    def _save(self) -> None:
        try:
            self.protocol = self._candidate()
        except ValidationError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()


class ProtocolsDialog(QDialog):
    """The clinician's protocols: delete, export to a file, import from one."""

    def __init__(self, store: ProtocolStore, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Protocols")
        self.setObjectName("protocolsDialog")
        self.store, self.settings = store, settings
        self.list = QListWidget()
        self.list.setObjectName("protocolList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.message = QLabel()
        self.message.setObjectName("protocolsMessage")
        self.message.setWordWrap(True)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setObjectName("protocolDelete")
        export = QPushButton("Export…")
        export.setObjectName("protocolExport")
        import_ = QPushButton("Import…")
        import_.setObjectName("protocolImport")
        close = QPushButton("Close")
        self.delete_button.clicked.connect(self._delete)
        export.clicked.connect(self._export)
        import_.clicked.connect(self._import)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.delete_button, export, import_):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(520, 340)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        protocols = self.store.all()
        for name, protocol in protocols.items():
            item = QListWidgetItem(f"{name}\n    {protocol.summary()}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.list.addItem(item)
        if self.store.problems:
            self.message.setText("Not offered (saved by another bodymap?): "
                                 + "; ".join(self.store.problems))
        elif not protocols:
            self.message.setText("No protocols yet: chart a visit, then Chart ▸ Save marks "
                                 "as protocol….")
        self.delete_button.setEnabled(bool(protocols))

    def _chosen(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _delete(self) -> None:
        name = self._chosen()
        if name is not None:
            self.store.remove(name)
            self.refresh()
            self.message.setText(f"Deleted “{name}”.")

    def _export(self) -> None:
        protocols = list(self.store.all().values())
        if not protocols:
            self.message.setText("No protocols to export.")
            return
        path = ask_save_path(self, self.settings, "protocols", "Export protocols",
                             "bodymap-protocols.json", "bodymap protocols (*.json)")
        if not path:
            return
        try:
            write_output(path, protocols_file(protocols))
        except OSError as exc:
            show_error(self, "The protocols could not be exported", str(exc))
            return
        self.message.setText(f"Exported {len(protocols)} protocol(s) to {path}.")

    def _import(self) -> None:
        path = ask_open_path(self, self.settings, "protocols", "Import protocols",
                             "bodymap protocols (*.json)")
        if not path:
            return
        try:
            raw = Path(path).read_bytes()
            protocols = read_protocols_file(raw)
        except OSError as exc:
            show_error(self, "The protocols were not imported", f"{path}: {exc.strerror}")
            return
        except ValidationError as exc:
            show_error(self, "The protocols were not imported",
                       f"{exc.message}.\n\nNothing was imported.")
            return
        taken = self.store.names()
        renamed = []
        for protocol in protocols:
            name = unique_name(protocol.name, taken)
            if name != protocol.name:
                renamed.append(f"“{protocol.name}” as “{name}”")
                protocol = Protocol(name=name, atlas_version=protocol.atlas_version,
                                    figure=protocol.figure, marks=protocol.marks,
                                    created_at=protocol.created_at)
            self.store.add(protocol)
            taken.append(name)
        self.refresh()
        self.message.setText(f"Imported {len(protocols)} protocol(s)"
                             + (f"; kept beside yours of the same name: {', '.join(renamed)}"
                                if renamed else "") + ".")



class VisitProtocols:
    """The Chart menu's protocol entries of one visit window: Save marks as protocol…,
    Apply protocol ▸ (filled as it opens) and Manage protocols…."""

    def __init__(self, window: QMainWindow, doc: VisitDocument, chart: ChartEditor,
                 settings: Settings, menu: QMenu) -> None:
        self.window, self.doc, self.chart, self.settings = window, doc, chart, settings
        self.store = ProtocolStore(settings)
        self.save_action = menu.addAction("Save marks as &protocol…", self.save)
        self.save_action.setObjectName("saveProtocol")
        self.apply_menu = menu.addMenu("&Apply protocol")
        self.apply_menu.setObjectName("applyProtocolMenu")
        self.apply_menu.aboutToShow.connect(self._fill)
        self.manage_action = menu.addAction("&Manage protocols…", self.manage)
        self.manage_action.setObjectName("manageProtocols")
        doc.read_only_changed.connect(self._read_only_changed)
        self._read_only_changed(doc.read_only)

    def _read_only_changed(self, read_only: bool) -> None:
        self.apply_menu.setEnabled(not read_only)

    def _fill(self) -> None:
        self.apply_menu.clear()
        protocols = self.store.all()
        for name, protocol in protocols.items():
            action = self.apply_menu.addAction(f"{name.replace('&', '&&')}  "
                                               f"({protocol.summary()})")
            action.triggered.connect(lambda _=False, n=name: self.apply(n))
        if not protocols:
            empty = self.apply_menu.addAction("No protocols yet")
            empty.setEnabled(False)

    def save(self) -> None:
        canvas = self.chart.canvas
        title = next((v.title for v in canvas.atlas.views if v.id == canvas.view_id),
                     canvas.view_id)
        dialog = SaveProtocolDialog(self.doc.visit, canvas.view_id, title, self.store.names(),
                                    self.window)
        if dialog.exec() and dialog.protocol is not None:
            self.store.add(dialog.protocol)
            self.window.statusBar().showMessage(
                f"Saved protocol “{dialog.protocol.name}” "
                f"({dialog.protocol.summary()}): Chart ▸ Apply protocol adds it to a visit.",
                10_000)

    def apply(self, name: str) -> None:
        """Add the protocol's marks to this visit as one undo step."""
        protocol = self.store.all().get(name)
        if protocol is None or self.doc.read_only:
            return
        from bodymap.atlas import visit_atlas
        from bodymap.services.protocols import protocol_marks
        from bodymap.ui.chart.tools import with_extent
        from bodymap.ui.commands import AddMark, Compound

        marks, notices = protocol_marks(protocol, self.doc.visit, self.doc.patient)
        if not marks:
            show_error(self.window, "Nothing was applied", "\n".join(notices))
            return
        commands = [AddMark(self.doc, m) for m in marks]
        self.doc.push(with_extent(self.doc, visit_atlas(self.doc.visit),
                                  Compound(f"Apply protocol {name}", commands)))
        self.window.statusBar().showMessage(
            f"Applied “{name}”: {len(marks)} marks (Edit ▸ Undo takes them back). Depths are "
            "not part of a protocol: record them as you needle.", 10_000)
        if notices:
            QMessageBox.information(self.window, "Protocol applied", "\n\n".join(notices))

    def manage(self) -> None:
        ProtocolsDialog(self.store, self.settings, self.window).exec()
