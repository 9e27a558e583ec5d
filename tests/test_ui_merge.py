"""The merge wizard, the conflicts view and restoring a backup, driven with pytest-qt."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QMessageBox, QWizard

from desktop.services import backups, conflicts, merge, queries, roster
from desktop.services.workspace import Workspace, open_workspace
from desktop.store import database
from desktop.ui.conflicts_dialog import ConflictsDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.merge_wizard import COLUMNS, MergeWizard, save_report_pdf
from tests.conftest import PASSPHRASE, make_tree
from tests.test_ui import answer_input

EXCHANGE = "round exchange 2026"


@pytest.fixture
def two_laptops(workspace: Workspace, tmp_path: Path):
    ids = make_tree(workspace)
    other = tmp_path / "other.db"
    database.backup_copy(workspace.db, other)
    ws2 = open_workspace(other, PASSPHRASE)
    roster.rename(workspace, ids["village"], "新桥一村")
    roster.rename(ws2, ids["village"], "新桥二村")
    roster.add_village(ws2, "西塘村", ids["town"])
    exported = tmp_path / "other.xch"
    merge.export(ws2, PASSPHRASE, exported, EXCHANGE)
    ws2.close()
    return workspace, exported, ids


def test_wizard_previews_then_merges_and_saves_a_report(qtbot, two_laptops, tmp_path) -> None:
    ws, exported, ids = two_laptops
    before = queries.stats(ws).digest
    wizard = MergeWizard(ws.path, PASSPHRASE)
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.sources.isComplete()
    wizard.sources.add_paths([exported])
    wizard.sources.exchange.setText(EXCHANGE)
    wizard.next()
    qtbot.waitUntil(wizard.preview.isComplete, timeout=20000)
    preview = wizard.preview.report
    assert preview.dry_run and preview.sources[0].new_records == 1
    assert preview.sources[0].new_conflicts == 1 and queries.stats(ws).digest == before
    table = wizard.preview.table_holder.itemAt(0).widget()
    assert table.item(0, 0).text() == "other.xch" and table.item(0, 3).text() == "1"
    wizard.next()
    qtbot.waitUntil(wizard.run.isComplete, timeout=20000)
    assert wizard.merged and wizard.merged.backup and wizard.merged.backup.exists()
    assert queries.stats(ws).digest == wizard.merged.digest_after != before
    assert conflicts.conflicted_ids(ws) == [ids["village"]]
    pdf = tmp_path / "report.pdf"
    save_report_pdf(wizard.merged, pdf)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    assert wizard.currentPage() is wizard.run
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_wizard_shows_a_refused_file(qtbot, two_laptops) -> None:
    ws, exported, _ = two_laptops
    wizard = MergeWizard(ws.path, PASSPHRASE)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.sources.add_paths([exported])
    wizard.sources.exchange.setText("not the exchange passphrase")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.preview.report is not None, timeout=20000)
    table = wizard.preview.table_holder.itemAt(0).widget()
    assert "交换口令" in table.item(0, len(COLUMNS) - 1).text()
    assert not wizard.preview.isComplete()  # nothing can be merged: no way forward


def test_conflict_resolved_field_by_field(qtbot, two_laptops) -> None:
    ws, exported, ids = two_laptops
    merge.merge(ws.path, PASSPHRASE, [exported], exchange_passphrase=EXCHANGE)
    dialog = ConflictsDialog(ws)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and "新桥" in dialog.list.item(0).text()
    header = [dialog.table.horizontalHeaderItem(c).text()
              for c in range(dialog.table.columnCount())]
    assert header[0] == "字段" and header[1] == "共同的上一版本" and "王堃" in header[2]
    name_row = next(r for r in range(dialog.table.rowCount())
                    if dialog.table.item(r, 0).text() == "村（社区）名称")
    assert dialog.table.item(name_row, 1).text() == "新桥村"
    keep: QComboBox = dialog.table.cellWidget(name_row, dialog.table.columnCount() - 1)
    assert {keep.itemText(i) for i in range(keep.count())} == {"新桥一村", "新桥二村"}
    assert keep.currentText() == ""  # nothing is chosen for the leader
    dialog.resolve()  # refused until every differing field has a value
    assert dialog.list.count() == 1 and conflicts.conflicted_ids(ws) == [ids["village"]]
    box = dialog.findChild(QMessageBox, "errorBox")
    assert box is not None and "名称" in box.text()
    box.close()
    keep.setEditText("新桥村")  # the leader types the right value
    dialog.resolve()
    assert dialog.list.count() == 0 and conflicts.conflicted_ids(ws) == []
    names = {v.name for v in queries.round_tree(ws)[0].children[0].children}
    assert names == {"新桥村", "东塘社区", "西塘村"}


def test_restore_from_backup_undoes_a_merge(qtbot, two_laptops) -> None:
    ws, exported, _ = two_laptops
    before = queries.stats(ws).digest
    report = merge.merge(ws.path, PASSPHRASE, [exported], exchange_passphrase=EXCHANGE)
    assert report.backup in backups.backups(ws.path)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    assert "冲突（1）" in window.conflicts_action.text()
    answer_input(qtbot, report.backup.name)  # the user picks the backup in the list
    window.restore_backup()
    assert queries.stats(window.ws).digest == before
    assert window.conflicts_action.text() == "冲突…"
    kept = list(ws.path.parent.glob(f"{ws.path.name}.before-restore-*.bak"))
    assert len(kept) == 1  # the merged state is kept too
    window.ws.close()
