"""The merge wizard: choose files, preview what each brings, merge with progress, report."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.core.i18n import N_, tr
from desktop.services import merge
from desktop.services.merge import MergeReport
from desktop.services.merge_report import as_text
from desktop.ui.devices_dialog import enrol_from_file
from desktop.ui.messages import describe, show_error
from desktop.ui.worker import Worker

COLUMNS = (N_("File"), N_("Author"), N_("New revisions"), N_("New records"), N_("Deletions"),
           N_("Attachments"), N_("New conflicts"), N_("Rejected"), N_("Result"))


def report_table(report: MergeReport) -> QTableWidget:
    table = QTableWidget(len(report.sources), len(COLUMNS))
    table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for row, s in enumerate(report.sources):
        author = s.author if s.signed else ("" if s.error else tr("database (not signed)"))
        values = (s.path.name, author, s.new_revisions, s.new_records, s.deletions,
                  s.attachments, s.new_conflicts, len(s.rejected),
                  s.error or (tr("will be merged") if report.dry_run else tr("merged")))
        for col, value in enumerate(values):
            item = QTableWidgetItem(str(value))
            if s.error or s.rejected:
                item.setForeground(Qt.GlobalColor.darkRed)
            table.setItem(row, col, item)
    table.resizeColumnsToContents()
    return table


class SourcesPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(tr("Files to merge"))
        self.setSubTitle(tr("Exchange files from the team's laptops, or their databases."))
        self.files = QListWidget()
        add = QPushButton(tr("Add files…"))
        add.clicked.connect(self._add)
        remove = QPushButton(tr("Remove"))
        remove.clicked.connect(lambda: [self.files.takeItem(self.files.row(i))
                                        for i in self.files.selectedItems()])
        self.exchange = QLineEdit()
        self.exchange.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        form = QFormLayout()
        form.addRow(tr("Exchange passphrase of the round"), self.exchange)
        layout = QVBoxLayout(self)
        layout.addWidget(self.files)
        layout.addLayout(buttons)
        layout.addLayout(form)

    def _add(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self, tr("Add files…"), "", tr("Exchange files and databases (*.xch *.db)"))
        self.add_paths([Path(n) for n in names])

    def add_paths(self, paths: list[Path]) -> None:
        for path in paths:
            self.files.addItem(str(path))
        self.completeChanged.emit()

    def paths(self) -> list[Path]:
        return [Path(self.files.item(i).text()) for i in range(self.files.count())]

    def isComplete(self) -> bool:
        return self.files.count() > 0


class RunPage(QWizardPage):
    """Runs the merge (a preview or the real one) in a worker and shows the table."""

    def __init__(self, wizard: MergeWizard, dry_run: bool) -> None:
        super().__init__()
        self.wizard_ = wizard
        self.dry_run = dry_run
        self.setTitle(tr("Preview") if dry_run else tr("Merge"))
        self.setSubTitle(tr("What each file brings; nothing is changed yet.") if dry_run
                         else tr("Merging…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.status = QLabel()
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.table_holder = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(self.table_holder)
        self.enrol_holder = QVBoxLayout()  # a button per file signed on a device to enrol
        layout.addLayout(self.enrol_holder)
        layout.addWidget(self.details)
        self.report: MergeReport | None = None
        self.worker: Worker | None = None
        if not dry_run:
            self.save = QPushButton(tr("Save report as PDF…"))
            self.save.clicked.connect(self._save_pdf)
            self.save.setEnabled(False)
            layout.addWidget(self.save)

    def initializePage(self) -> None:
        self.report = None
        self.progress.show()
        sources = self.wizard_.sources.paths()
        exchange = self.wizard_.sources.exchange.text() or None
        target, passphrase = self.wizard_.target, self.wizard_.passphrase
        self.worker = Worker(lambda progress: merge.merge(
            target, passphrase, sources, exchange_passphrase=exchange, dry_run=self.dry_run,
            progress=progress), self)
        self.worker.progress.connect(self.status.setText)
        self.worker.done.connect(self._finished)
        self.worker.start()

    def _finished(self) -> None:
        assert self.worker is not None
        if self.worker.error is not None:
            self._failed(self.worker.error)
        else:
            self._done(self.worker.result)

    def _done(self, report: MergeReport) -> None:
        self.report = report
        self.progress.hide()
        self.status.setText(
            tr("{n} of {total} files were not merged", n=report.refused,
               total=len(report.sources)) if report.refused else
            tr("Nothing new: the target already holds everything.") if report.nothing_new
            else "")
        while self.table_holder.count():
            self.table_holder.takeAt(0).widget().deleteLater()
        self.table_holder.addWidget(report_table(report))
        while self.enrol_holder.count():
            self.enrol_holder.takeAt(0).widget().deleteLater()
        for source in report.sources if self.dry_run else ():
            if source.unenrolled:
                button = QPushButton(tr("Enrol the device that signed {file}…",
                                        file=source.path.name))
                button.clicked.connect(lambda _=False, path=source.path: self._enrol(path))
                self.enrol_holder.addWidget(button)
        self.details.setPlainText(as_text(report))
        if not self.dry_run:
            self.save.setEnabled(True)
            self.wizard_.merged = report
            self.setSubTitle(
                tr("The target was backed up first ({name}); the merge was all or nothing.",
                   name=report.backup.name) if report.backup else
                tr("Nothing new was merged; the target was not changed."))
        self.completeChanged.emit()

    def _enrol(self, path: Path) -> None:
        exchange = self.wizard_.sources.exchange.text()
        if enrol_from_file(self, self.wizard_.target, self.wizard_.passphrase, path, exchange):
            self.initializePage()  # preview again, the device now enrolled

    def _failed(self, error: Exception) -> None:
        self.progress.hide()
        self.status.setText(describe(error))
        show_error(self, error)

    def isComplete(self) -> bool:
        """Done; a preview lets the user go on only if some file can be merged."""
        if self.report is None:
            return False
        return not self.dry_run or self.report.refused < len(self.report.sources)

    def _save_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, tr("Save report as PDF…"),
                                              "merge-report.pdf", "PDF (*.pdf)")
        if name and self.report:
            save_report_pdf(self.report, Path(name))


def save_report_pdf(report: MergeReport, path: Path) -> None:
    """Print the merge report (CJK fonts embedded by Qt) into an A4 PDF file."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(150)
    writer.setTitle(tr("Merge report"))
    document = QTextDocument()
    document.setDefaultFont(QFont(document.defaultFont().family(), 11))
    document.setHtml(report_html(report))
    document.print_(writer)


def report_html(report: MergeReport) -> str:
    def cell(value: object) -> str:
        return f"<td>{html.escape(str(value))}</td>"
    rows = "".join(
        "<tr>" + "".join(cell(v) for v in (
            s.path.name, s.error or (s.author if s.signed else tr("database (not signed)")),
            s.new_revisions, s.new_records, s.deletions, s.attachments, s.new_conflicts,
            len(s.rejected))) + "</tr>" for s in report.sources)
    head = "".join(f"<th>{html.escape(tr(c))}</th>" for c in COLUMNS)
    title = html.escape(tr("Merge report"))
    return (f"<h2>{title}</h2>"
            f"<p>{html.escape(str(report.target))}<br>"
            f"{dt.datetime.now().strftime('%Y-%m-%d %H:%M')}</p>"
            f"<table border='1' cellspacing='0' cellpadding='4'><tr>{head}</tr>{rows}</table>"
            f"<p style='white-space: pre-wrap'>{html.escape(as_text(report))}</p>")


class MergeWizard(QWizard):
    def __init__(self, target: Path, passphrase: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Merge the team's data"))
        self.target = target
        self.passphrase = passphrase
        self.merged: MergeReport | None = None
        self.sources = SourcesPage()
        self.preview = RunPage(self, dry_run=True)
        self.run = RunPage(self, dry_run=False)
        for page in (self.sources, self.preview, self.run):
            self.addPage(page)
        self.preview.setCommitPage(True)  # once merged, there is no going back to the preview
        self.setButtonText(QWizard.WizardButton.CommitButton, tr("Merge"))
        self.setButtonText(QWizard.WizardButton.NextButton, tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, tr("Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("Cancel"))
        self.resize(1000, 600)
