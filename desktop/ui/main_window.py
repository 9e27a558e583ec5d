"""The main window: the round tree on the left, the chosen village or the round overview on
the right, and the file menu. It shows read rows and calls services; it never queries."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QWidget,
)

from desktop import __version__, diagnostics
from desktop.core import errors
from desktop.core.i18n import N_, tr
from desktop.logs import log
from desktop.services import (
    backups,
    conflicts,
    evaluation,
    handover,
    merge,
    people,
    queries,
    roster,
    step_records,
)
from desktop.services.queries import Node
from desktop.services.workspace import Changes, Workspace, open_workspace
from desktop.ui.conflicts_dialog import ConflictsDialog
from desktop.ui.duplicates_dialog import DuplicatesDialog
from desktop.ui.evaluation_setup_dialog import EvaluationSetupDialog
from desktop.ui.evaluation_window import EvaluationWindow
from desktop.ui.history_dialog import DeletedDialog, HistoryDialog
from desktop.ui.lock import IdleWatcher, LockDialog
from desktop.ui.merge_wizard import MergeWizard
from desktop.ui.messages import USER_ERRORS, show_error
from desktop.ui.overview_panel import OverviewPanel
from desktop.ui.packet_dialog import PacketDialog
from desktop.ui.pdf_preview import PdfPreview
from desktop.ui.people_dialog import PeopleDialog
from desktop.ui.record_editor import RecordEditor
from desktop.ui.registers_window import RegistersWindow
from desktop.ui.round_tree import NODE_ROLE, RoundTreeModel
from desktop.ui.settings_dialog import DEFAULT_IDLE_MINUTES, IDLE_KEY, SettingsDialog
from desktop.ui.steps_dialog import StepsDialog
from desktop.ui.town_panel import TownPanel
from desktop.ui.village_panel import VillagePanel

GEOMETRY_KEY = "window/main"
CHILD_KIND = {None: "district", "district": "town", "town": "village"}
ADD_LABEL = {"district": N_("Add district…"), "town": N_("Add town…"),
             "village": N_("Add village…")}


class MainWindow(QMainWindow):
    """``switch_database`` asks the application to show the start dialog again."""

    switch_database = Signal()

    def __init__(self, ws: Workspace, settings: QSettings | None = None) -> None:
        super().__init__()
        self.ws = ws
        self.settings = settings or QSettings()
        self.locked = False
        self.idle = IdleWatcher(self.idle_minutes(), self)
        self.idle.idle.connect(self.lock)
        self.setWindowTitle(tr("Village inspection workbench") + f" — {ws.path.name}")
        self.tree_model = RoundTreeModel()
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        self.overview = OverviewPanel()
        self.village = VillagePanel(ws)
        self.village.new_evaluation.connect(self.new_evaluation)
        self.village.open_evaluation.connect(self.open_evaluation)
        self.village.new_record.connect(self.new_record)
        self.village.open_record.connect(
            lambda rid: self._edit(lambda: step_records.edit_record(self.ws, rid)))
        self.village.open_draft.connect(
            lambda did: self._edit(lambda: step_records.draft(self.ws, did)))
        self.village.show_history.connect(self.show_record_history)
        self.village.delete_record.connect(self.delete_step_record)
        self.village.edit_people.connect(self.edit_people)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.overview)
        self.pages.addWidget(self.village)
        self.town = TownPanel(ws)
        self.pages.addWidget(self.town)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.pages)
        splitter.setSizes([320, 640])
        self.setCentralWidget(splitter)
        self.status = QLabel()
        self.statusBar().addPermanentWidget(self.status)
        self._build_menus()
        self.resize(1024, 680)
        geometry = self.settings.value(GEOMETRY_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.refresh()
        log.info("database opened: %s", self.status.text().split(" · ")[0])
        QTimer.singleShot(0, self._daily_backup)

    def _daily_backup(self) -> None:
        try:
            made = backups.daily_backup(self.ws.db)
        except USER_ERRORS as e:  # a full disk must not stop the day's work: say so
            self.statusBar().showMessage(tr("No backup today: {why}", why=e), 15000)
            return
        if made is not None:
            self.statusBar().showMessage(tr("Today's backup: {name}", name=made.name), 8000)

    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(tr("&File"))
        file_menu.addAction(self._action(tr("Open another database…"),
                                         self.switch_database.emit, QKeySequence.StandardKey.Open))
        file_menu.addAction(self._action(tr("Lock"), self.lock, "Ctrl+Shift+L"))
        file_menu.addAction(self._action(tr("Settings…"), self.edit_settings))
        file_menu.addSeparator()
        file_menu.addAction(self._action(tr("Quit"), self.close, QKeySequence.StandardKey.Quit))
        edit = self.menuBar().addMenu(tr("&Round"))
        self.add_action = self._action(tr("Add…"), self.add_child, "Ctrl+N")
        self.rename_action = self._action(tr("Rename…"), self.rename_current, "F2")
        self.delete_action = self._action(tr("Delete"), self.delete_current,
                                          QKeySequence.StandardKey.Delete)
        for a in (self.add_action, self.rename_action, self.delete_action):
            edit.addAction(a)
            self.tree.addAction(a)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.history_action = self._action(tr("History…"), self.show_history, "Ctrl+H")
        edit.addAction(self.history_action)
        self.tree.addAction(self.history_action)
        edit.addAction(self._action(tr("Deleted records…"), self.show_deleted))
        edit.addSeparator()
        edit.addAction(self._action(tr("Registers…"), self.show_registers, "Ctrl+R"))
        edit.addAction(self._action(tr("Steps of the round…"), self.configure_steps))
        edit.addSeparator()
        self.conflicts_action = self._action(tr("Conflicts…"), self.show_conflicts, "Ctrl+K")
        edit.addAction(self.conflicts_action)
        team = self.menuBar().addMenu(tr("&Team"))
        team.addAction(self._action(tr("Export exchange file…"), self.export_exchange, "Ctrl+E"))
        team.addAction(self._action(tr("Merge the team's data…"), self.merge, "Ctrl+M"))
        team.addAction(self._action(tr("Devices of the round…"), self.show_devices))
        team.addAction(self._action(tr("Possible duplicates…"), self.show_duplicates))
        team.addAction(self._action(tr("Restore from a backup…"), self.restore_backup))
        team.addSeparator()
        team.addAction(self._action(tr("Make a signed handover packet…"), self.make_packet,
                                    "Ctrl+P"))
        team.addAction(self._action(tr("Check a handover packet…"), self.check_packet))
        help_menu = self.menuBar().addMenu(tr("&Help"))
        help_menu.addAction(self._action(tr("Export diagnostics…"), self.export_diagnostics))
        help_menu.addAction(self._action(tr("About"), self.about))

    # -- showing -------------------------------------------------------------------------

    def refresh(self, changes: Changes | None = None) -> None:
        """Reload the tree and the overview, keeping the selection where possible."""
        keep = self.current_node().id if self.current_node() else None
        self.tree_model.load(queries.round_tree(self.ws))
        stats = queries.stats(self.ws)
        self.overview.show_round(queries.round_summary(self.ws), stats)
        self.status.setText(tr("{n} revisions · digest {d}", n=stats.revisions,
                               d=stats.digest[:12]))
        n = len(conflicts.conflicted_ids(self.ws))
        self.conflicts_action.setText(tr("Conflicts ({n})…", n=n) if n else tr("Conflicts…"))
        target = (changes.created[0] if changes and changes.created else keep)
        if target:
            self.select(target)
        self._update_actions()

    def current_node(self) -> Node | None:
        index = self.tree.currentIndex()
        return index.data(NODE_ROLE) if index.isValid() else None

    def select(self, record_id: str) -> bool:
        for index in self.all_indexes():
            if index.data(NODE_ROLE).id == record_id:
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)
                return True
        return False

    def all_indexes(self, parent: QModelIndex | None = None):  # type: ignore[no-untyped-def]
        """Every index of the tree, depth first."""
        parent = parent or QModelIndex()
        for row in range(self.tree_model.rowCount(parent)):
            index = self.tree_model.index(row, 0, parent)
            yield index
            yield from self.all_indexes(index)

    def _on_current(self, index: QModelIndex, _previous: QModelIndex) -> None:
        node: Node | None = index.data(NODE_ROLE) if index.isValid() else None
        if node and node.kind == "village":
            parents = []
            parent = index.parent()
            while parent.isValid():
                parents.insert(0, parent.data(NODE_ROLE).name)
                parent = parent.parent()
            self.village.show_village(node.id, node.name, " / ".join(parents))
            self.pages.setCurrentWidget(self.village)
        elif node and node.kind == "town":
            self.town.show_town(node.id, node.name)
            self.pages.setCurrentWidget(self.town)
        else:
            self.pages.setCurrentWidget(self.overview)
        self._update_actions()

    def _update_actions(self) -> None:
        node = self.current_node()
        child = CHILD_KIND.get(node.kind if node else None)
        self.add_action.setEnabled(child is not None)
        self.add_action.setText(tr(ADD_LABEL[child]) if child else tr("Add…"))
        self.rename_action.setEnabled(node is not None)
        self.history_action.setEnabled(node is not None)
        self.delete_action.setEnabled(node is not None and not node.children)

    # -- changing ------------------------------------------------------------------------

    def _run(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            changes = action()
        except USER_ERRORS as e:
            show_error(self, e)
            return
        self.refresh(changes)

    def add_child(self) -> None:
        node = self.current_node()
        kind = CHILD_KIND.get(node.kind if node else None)
        if kind is None:
            return
        name, ok = QInputDialog.getText(self, tr(ADD_LABEL[kind]), tr("Name:"))
        if not ok:
            return
        if kind == "district":
            self._run(lambda: roster.add_district(self.ws, name))
        elif kind == "town":
            self._run(lambda: roster.add_town(self.ws, name, node.id))
        else:
            self._run(lambda: roster.add_village(self.ws, name, node.id))

    def rename_current(self) -> None:
        node = self.current_node()
        if node is None:
            return
        name, ok = QInputDialog.getText(self, tr("Rename…"), tr("Name:"), text=node.name)
        if ok and name != node.name:
            self._run(lambda: roster.rename(self.ws, node.id, name))

    def delete_current(self) -> None:
        node = self.current_node()
        if node is None or node.children:
            return
        answer = QMessageBox.question(
            self, tr("Delete"), tr("Delete {name}? It can be brought back from Deleted records.",
                                   name=node.name))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: roster.delete_record(self.ws, node.id))

    def show_conflicts(self) -> None:
        dialog = ConflictsDialog(self.ws, self)
        dialog.exec()
        self.refresh()

    def show_history(self) -> None:
        node = self.current_node()
        if node is not None:
            HistoryDialog(self.ws, node.id, self).exec()
            self.refresh()

    def show_deleted(self) -> None:
        DeletedDialog(self.ws, self).exec()
        self.refresh()

    def show_duplicates(self) -> None:
        DuplicatesDialog(self.ws, self).exec()
        self.refresh()

    def new_record(self, step: str) -> RecordEditor | None:
        node = self.current_node()
        if node is None or node.kind != "village":
            return None
        return self._edit(lambda: step_records.start_draft(self.ws, node.id, step))

    def _edit(self, make_draft) -> RecordEditor | None:  # type: ignore[no-untyped-def]
        node = self.current_node()
        try:
            draft = make_draft()
        except USER_ERRORS as e:
            show_error(self, e)
            return None
        editor = RecordEditor(self.ws, draft, node.name if node else "", self)
        editor.saved.connect(self.village.refresh)
        editor.show()
        self.village.refresh()
        return editor

    def show_record_history(self, record_id: str) -> None:
        HistoryDialog(self.ws, record_id, self).exec()
        self.village.refresh()

    def delete_step_record(self, record_id: str) -> None:
        answer = QMessageBox.question(
            self, tr("Delete"), tr("Delete this record? It can be brought back from Deleted "
                                   "records."))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: roster.delete_record(self.ws, record_id))
            self.village.refresh()

    def edit_people(self) -> None:
        node = self.current_node()
        if node is not None and node.kind == "village":
            PeopleDialog(self.ws, node.id, node.name, self).exec()

    def new_evaluation(self) -> None:
        node = self.current_node()
        if node is None or node.kind != "village":
            return
        dialog = EvaluationSetupDialog(self, node.id, node.name,
                                       committee=people.committee_names(self.ws, node.id))
        if dialog.exec() != EvaluationSetupDialog.DialogCode.Accepted:
            return
        try:
            evaluation_id = evaluation.save_setup(self.ws, dialog.setup())
        except USER_ERRORS as e:
            show_error(self, e)
            return
        self.refresh()
        self.open_evaluation(evaluation_id)

    def open_evaluation(self, evaluation_id: str) -> EvaluationWindow:
        window = EvaluationWindow(self.ws, evaluation_id, self)
        window.changed.connect(self.refresh)
        window.show()
        return window

    def export_exchange(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, tr("Export exchange file…"), str(self.ws.path.with_suffix(".xch")),
            tr("Exchange files (*.xch)"))
        if not name:
            return
        secret, ok = QInputDialog.getText(
            self, tr("Export exchange file…"), tr("Exchange passphrase of the round:"),
            QLineEdit.EchoMode.Password)
        if not ok:
            return
        again, ok = QInputDialog.getText(
            self, tr("Export exchange file…"), tr("The exchange passphrase again:"),
            QLineEdit.EchoMode.Password)
        if not ok:
            return
        if again != secret:
            show_error(self, errors.XunchaError(tr("The two passphrases differ")))
            return
        try:
            manifest = merge.export(self.ws, self.ws.db.passphrase, Path(name), secret)
        except USER_ERRORS as e:
            show_error(self, e)
            return
        QMessageBox.information(self, tr("Export exchange file…"), tr(
            "Exported {n} revisions and {b} attachments to {path}",
            n=manifest["counts"]["revisions"], b=manifest["counts"]["blobs"], path=name))

    def configure_steps(self) -> None:
        if StepsDialog(self.ws, self).exec():
            self.village.refresh()

    def show_registers(self) -> RegistersWindow:
        window = RegistersWindow(self.ws, self)
        window.changed.connect(self.refresh)
        window.show()
        return window

    def make_packet(self) -> None:
        PacketDialog(self.ws, self.ws.db.passphrase, self).exec()

    def check_packet(self) -> PdfPreview | None:
        """Open a packet: the verdict above its pages."""
        path, _ = QFileDialog.getOpenFileName(self, tr("Check a handover packet…"), "",
                                              "PDF (*.pdf)")
        return self.show_packet(Path(path)) if path else None

    def show_packet(self, path: Path, trust: tuple[Path, ...] = ()) -> PdfPreview | None:
        """The packet's pages under its verdict: intact and trusted, intact but signed by
        someone no trusted certificate vouches for (without ``trust``, always), or damaged."""
        try:
            found = handover.verify_file(path, trust)
            data = path.read_bytes()
        except USER_ERRORS as e:
            show_error(self, e)
            return None
        except OSError:
            show_error(self, errors.FileMissing(path=path))
            return None
        verdict = found.verdict
        if verdict is handover.Verdict.TRUSTED:
            colour = "#1b5e20"  # green
            heading = tr("The packet is intact: every signature holds and covers it.")
        elif verdict is handover.Verdict.UNTRUSTED:  # not damaged, but not proven either
            colour = "#8d5300"  # amber
            heading = tr("The packet is intact, but its signer is NOT trusted: the signature "
                         "was not checked against a certificate you trust, and anyone can make "
                         "a signing key under any name. Compare the certificate's SHA-256 below "
                         "with the one the signer gives you in person or by telephone.")
        else:
            colour = "#c62828"  # red
            heading = tr("The packet does NOT check out:")
        note = "\n".join([heading, *found.problems, *found.distrust, *found.lines()])
        preview = PdfPreview(data, path.name, note, parent=self)
        preview.note.setStyleSheet(f"color: {colour};")
        preview.setObjectName("packetVerdict")
        preview.setProperty("verdict", verdict.value)
        preview.open()
        return preview

    def merge(self) -> None:
        wizard = MergeWizard(self.ws.path, self.ws.db.passphrase, self)
        wizard.exec()
        if wizard.merged:
            self.refresh()

    def restore_backup(self) -> None:
        found = backups.backups(self.ws.path)
        if not found:
            QMessageBox.information(self, tr("Restore from a backup…"),
                                    tr("There is no backup of this database yet."))
            return
        name, ok = QInputDialog.getItem(self, tr("Restore from a backup…"),
                                        tr("Backup to restore:"), [p.name for p in found], 0,
                                        False)
        if not ok:
            return
        path, passphrase = self.ws.path, self.ws.db.passphrase
        self.ws.close()
        try:
            backups.restore_backup(path, path.with_name(name), passphrase)
        except USER_ERRORS as e:
            show_error(self, e)
        self.ws = open_workspace(path, passphrase)
        self.village.ws = self.town.ws = self.ws
        self.refresh()

    def show_devices(self) -> None:
        from desktop.ui.devices_dialog import DevicesDialog

        DevicesDialog(self.ws, self).exec()

    def about(self) -> None:
        # source or PyInstaller build, Python, Qt; the libraries (locked versions in a build)
        from desktop.paths import build_info, version_report
        version = tr("Version")
        box = QMessageBox(QMessageBox.Icon.Information, tr("About"),
                          tr("Village inspection workbench") +
                          f"\n{version} {__version__} ({build_info()})\n{self.ws.path}",
                          QMessageBox.StandardButton.Ok, self)
        box.setDetailedText(version_report({"Qt": qVersion()}))
        box.exec()

    def lock(self) -> None:
        """Hide every window until the passphrase is given again; nothing is closed."""
        if self.locked:
            return
        self.locked = True
        shown = [w for w in QApplication.topLevelWidgets()
                 if w.isVisible() and not isinstance(w, LockDialog)]
        for w in shown:
            w.hide()
        dialog = LockDialog(self.ws.path.name, self.ws.db.passphrase)
        log.info("locked")
        dialog.exec()
        self.locked = False
        if dialog.quitting:
            self.close()
            return
        log.info("unlocked")
        for w in shown:
            w.show()
        self.idle.set_minutes(self.idle_minutes())

    def idle_minutes(self) -> int:
        return int(self.settings.value(IDLE_KEY, DEFAULT_IDLE_MINUTES))

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        if dialog.exec():
            self.idle.set_minutes(self.idle_minutes())

    def export_diagnostics(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export diagnostics…"), str(Path.home() / "xuncha-diagnostics.zip"),
            "Zip (*.zip)")
        if not path:
            return
        try:
            diagnostics.export_diagnostics(Path(path), {"Qt": qVersion()})
        except USER_ERRORS as e:
            show_error(self, e)
            return
        self.statusBar().showMessage(tr("Saved {path}", path=path), 8000)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Child windows first: an editor keeps its draft, a half-keyed ballot asks.
        for child in self.findChildren(QWidget):
            if child.isWindow() and child.isVisible() and not child.close():
                event.ignore()
                return
        self.idle.stop()
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.ws.close()
        super().closeEvent(event)
