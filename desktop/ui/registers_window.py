"""The registers of the round in one window: findings (问题底稿), clues (问题线索), petitions
(信访件), the four kinds of measures (建议 / 完善制度 / 立行立改 / 整改) and the round summary.

Thin: every action is one service call; what a service refuses (a role that may not, a locked
finding, a close-out without evidence) is shown as its message and nothing changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import registers as rules
from desktop.core.i18n import tr
from desktop.core.kinds import KIND_LABELS, TASK_KINDS
from desktop.services import clues, findings, queries, registers, step_records
from desktop.services.workspace import Workspace
from desktop.ui import register_dialogs as forms
from desktop.ui.conflicts_dialog import local_time
from desktop.ui.messages import USER_ERRORS, show_error
from desktop.ui.register_table import RegisterTable
from desktop.ui.summary_table import SummaryTable

FINDING_TEXT = ("title", "aspect", "focus", "problem_class", "description", "basis",
                "responsible_party")


class RegistersWindow(QWidget):
    changed = Signal()

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ws = ws
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(tr("Registers of the round"))
        self.places = self._places()
        self.findings = RegisterTable(
            [tr("Number"), tr("Title"), tr("Town / village"), tr("Aspect"), tr("Class"),
             tr("Status"), tr("Drafted by")],
            [(tr("New finding…"), self.new_finding), (tr("Edit…"), self.edit_finding),
             (tr("Review"), lambda: self._act(findings.review_finding)),
             (tr("Send back"), lambda: self._act(findings.send_back_finding)),
             (tr("Sign off"), lambda: self._act(findings.sign_off_finding)),
             (tr("Amend…"), self.amend_finding), (tr("Trail…"), self.show_trail)])
        self.clues = RegisterTable(
            [tr("Number"), tr("Person"), tr("Post"), tr("Town / village"), tr("Category"),
             tr("Summary"), tr("Handed over on"), tr("Feedback due")],
            [(tr("New clue…"), self.new_clue), (tr("Hand over…"), self.hand_over),
             (tr("Feedback…"), self.feedback)])
        self.petitions = RegisterTable(
            [tr("Number"), tr("Received on"), tr("Village"), tr("Reporter"),
             tr("Person complained about"), tr("Summary")], [])
        self.task_kind = QComboBox()
        for kind in TASK_KINDS:
            self.task_kind.addItem(tr(KIND_LABELS[kind]), kind)
        self.task_kind.currentIndexChanged.connect(lambda _: self.reload())
        self.tasks = RegisterTable(
            [tr("Title"), tr("Town / village"), tr("Measure"), tr("Responsible person"),
             tr("Deadline"), tr("Status"), tr("Days overdue")],
            [(tr("New…"), self.new_task), (tr("Close out…"), self.close_out),
             (tr("Reopen"), lambda: self._run(lambda: registers.reopen(
                 self.ws, self.tasks.current_id() or "")))])
        tasks_page = QWidget()
        tasks_layout = QVBoxLayout(tasks_page)
        tasks_layout.addWidget(self.task_kind)
        tasks_layout.addWidget(self.tasks)
        self.summary = SummaryTable()
        self.tabs = QTabWidget()
        for widget, label in ((self.findings, tr("Findings")), (self.clues, tr("Clues")),
                              (self.petitions, tr("Petitions")), (tasks_page, tr("Measures")),
                              (self.summary, tr("Round summary"))):
            self.tabs.addTab(widget, label)
        QVBoxLayout(self).addWidget(self.tabs)
        self.resize(1100, 640)
        self.reload()

    # -- showing -------------------------------------------------------------------------

    def _places(self) -> list[forms.Place]:
        out: list[forms.Place] = []
        for district in queries.round_tree(self.ws):
            for town in district.children:
                out.append((town.id, None, tr("{town} (the whole town)", town=town.name)))
                out.extend((town.id, v.id, f"{town.name} / {v.name}") for v in town.children)
        return out

    def reload(self) -> None:
        today = dt.date.today()
        self.findings.set_rows([
            (f.id, [f.number or "—", f.text.title, _where(f.town, f.village),
                    tr(rules.ASPECT_LABELS[f.text.aspect]),
                    tr(rules.CLASS_LABELS[f.text.problem_class]),
                    tr(rules.STATUS_LABELS[f.status]), f.drafted_by], f.conflict)
            for f in findings.findings(self.ws)])
        listed = clues.clues(self.ws, self.ws.actor)
        self.clues.note.setText(tr("{n} clues are not shown to you (leader, deputy and the "
                                   "drafter only).", n=listed.hidden) if listed.hidden else "")
        self.clues.set_rows([
            (c.id, [c.number or "—", c.person, c.post, _where(c.town, c.village),
                    tr(rules.CLUE_CATEGORY_LABELS.get(c.category, c.category)), c.summary,
                    c.handed_over_on or "", c.feedback_due or ""],
             bool(c.feedback_due and not c.feedback_on and c.feedback_due < today.isoformat()))
            for c in listed.clues])
        shown = clues.petitions(self.ws, self.ws.actor)
        self.petitions.set_rows([
            (p.id, [p.number, p.received_on, p.village,
                    tr("(withheld)") if p.masked else (p.reporter_name or tr("anonymous")),
                    p.subject, p.summary], False) for p in shown])
        kind = self.task_kind.currentData()
        self.tasks.set_rows([
            (t.id, [t.title, _where(t.town, t.village), t.measure, t.responsible, t.deadline,
                    tr(rules.TASK_STATUS_LABELS[t.status]),
                    str(t.days_overdue) if t.days_overdue > 0 else ""], t.days_overdue > 0)
            for t in registers.tasks(self.ws, kind, today)])
        self.summary.show_figures(queries.round_figures(self.ws))

    # -- acting --------------------------------------------------------------------------

    def _run(self, action: Callable[[], Any]) -> bool:
        try:
            action()
        except USER_ERRORS as e:
            show_error(self, e)
            return False
        self.reload()
        self.changed.emit()
        return True

    def _act(self, service: Callable[[Workspace, str], Any]) -> None:
        chosen = self.findings.current_id()
        if chosen:
            self._run(lambda: service(self.ws, chosen))

    def _finding_dialog(self, title: str, f: findings.Finding | None = None,
                        reason: bool = False) -> forms.FieldsDialog:
        t = f.text if f else None
        rows = [("title", tr("Title"), forms.line(t.title if t else "")),
                ("place", tr("Town / village"),
                 forms.places(self.places, f.town_id if f else None, f.village_id if f else None)),
                ("aspect", tr("Aspect"), forms.choice(rules.ASPECT_LABELS, t and t.aspect)),
                ("focus", tr("Supervision focus"),
                 forms.choice(rules.FOCUS_LABELS, t and t.focus, optional=True)),
                ("problem_class", tr("Class of problem"),
                 forms.choice(rules.CLASS_LABELS, t and t.problem_class)),
                ("description", tr("Description"), forms.text(t.description if t else "")),
                ("basis", tr("Basis for the finding"), forms.text(t.basis if t else "")),
                ("responsible_party", tr("Responsible party"),
                 forms.line(t.responsible_party if t else ""))]
        if reason:
            rows = [r for r in rows if r[0] != "place"]
            rows.append(("reason", tr("Reason for the amendment"), forms.text()))
        return forms.FieldsDialog(self, title, rows)

    def _draft(self, v: dict[str, Any]) -> findings.FindingDraft:
        town, village = v["place"]
        return findings.FindingDraft(
            title=v["title"], aspect=v["aspect"], problem_class=v["problem_class"],
            description=v["description"], village_id=village, town_id=town, focus=v["focus"],
            basis=v["basis"], responsible_party=v["responsible_party"])

    def new_finding(self) -> None:
        dialog = self._finding_dialog(tr("New finding"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(lambda: findings.draft_finding(self.ws, self._draft(dialog.values())))

    def edit_finding(self) -> None:
        chosen = self.findings.current_id()
        if not chosen:
            return
        dialog = self._finding_dialog(tr("Edit finding"), findings.finding(self.ws, chosen))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(lambda: findings.edit_finding(self.ws, chosen,
                                                    self._draft(dialog.values())))

    def amend_finding(self) -> None:
        chosen = self.findings.current_id()
        if not chosen:
            return
        current = findings.finding(self.ws, chosen)
        dialog = self._finding_dialog(tr("Amend a signed-off finding"), current, reason=True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        changes = {k: values[k] for k in FINDING_TEXT
                   if values[k] != getattr(current.text, k)}
        self._run(lambda: findings.amend_finding(self.ws, chosen, changes, values["reason"]))

    def show_trail(self) -> None:
        chosen = self.findings.current_id()
        if not chosen:
            return
        f = findings.finding(self.ws, chosen)
        lines = [f"{local_time(e.at)}  {tr(rules.STATUS_LABELS[e.status])}  {e.by}"
                 for e in findings.review_trail(self.ws, chosen)]
        lines += [tr("Amended {at} by {by}: {reason}", at=local_time(a.at), by=a.by,
                     reason=a.reason) for a in f.amendments]
        QMessageBox.information(self, tr("Review trail"), "\n".join(lines) or "—")

    def new_clue(self) -> None:
        dialog = forms.FieldsDialog(self, tr("New clue"), [
            ("person", tr("Person"), forms.line()), ("post", tr("Post"), forms.line()),
            ("place", tr("Town / village"), forms.places(self.places)),
            ("category", tr("Category"), forms.choice(rules.CLUE_CATEGORY_LABELS)),
            ("source", tr("Source"), forms.line()),
            ("summary", tr("Summary"), forms.text()),
            ("proposed_handling", tr("Proposed handling"),
             forms.choice(rules.HANDLING_LABELS)),
            ("sealed", tr("Sealed"), QCheckBox())])
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        v = dialog.values()
        town, village = v.pop("place")
        self._run(lambda: clues.draft_clue(self.ws, clues.ClueDraft(
            village_id=village, town_id=town, **v)))

    def hand_over(self) -> None:
        chosen = self.clues.current_id()
        if not chosen:
            return
        dialog = forms.FieldsDialog(self, tr("Hand over the clue"), [
            ("on", tr("Handed over on"), forms.date()),
            ("to", tr("Handed over to"), forms.choice(rules.RECEIVER_LABELS)),
            ("by", tr("Received by"), forms.line())])
        if dialog.exec() == QDialog.DialogCode.Accepted:
            v = dialog.values()
            self._run(lambda: clues.hand_over_clue(self.ws, chosen, v["on"], v["to"], v["by"]))

    def feedback(self) -> None:
        chosen = self.clues.current_id()
        if not chosen:
            return
        dialog = forms.FieldsDialog(self, tr("Feedback on the clue"), [
            ("on", tr("Feedback received on"), forms.date()),
            ("result", tr("Feedback"), forms.text())])
        if dialog.exec() == QDialog.DialogCode.Accepted:
            v = dialog.values()
            self._run(lambda: clues.record_feedback(self.ws, chosen, v["on"], v["result"]))

    def new_task(self) -> None:
        kind = self.task_kind.currentData()
        dialog = forms.FieldsDialog(self, tr(KIND_LABELS[kind]), [
            ("title", tr("Title"), forms.line()),
            ("place", tr("Town / village"), forms.places(self.places)),
            ("measure", tr("Measure"), forms.text()),
            ("responsible", tr("Responsible person"), forms.line()),
            ("deadline", tr("Deadline"), forms.date())])
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        v = dialog.values()
        town, village = v.pop("place")
        self._run(lambda: registers.add_task(self.ws, kind, registers.TaskDraft(
            village_id=village, town_id=town, **v)))

    def close_out(self) -> None:
        chosen = self.tasks.current_id()
        if not chosen:
            return
        task = next(t for t in registers.tasks(self.ws, self.task_kind.currentData(),
                                               dt.date.today()) if t.id == chosen)
        records = [(r.id, f"{r.title}") for r in step_records.records_of(
            self.ws, task.village_id)] if task.village_id else []
        dialog = forms.FieldsDialog(self, tr("Close out (销号)"), [
            ("on", tr("Closed out on"), forms.date()),
            ("note", tr("Close-out note"), forms.text()),
            ("evidence", tr("Evidence"), forms.EvidencePicker(
                records, lambda data: step_records.store_blob(self.ws, data)))])
        if dialog.exec() == QDialog.DialogCode.Accepted:
            v = dialog.values()
            linked, files = v["evidence"]
            self._run(lambda: registers.close_out(self.ws, chosen, v["on"], v["note"],
                                                  linked, files))


def _where(town: str, village: str | None) -> str:
    return f"{town} / {village}" if village else town
