"""Setting up a democratic evaluation: date, questionnaire, 两委 members, ballots, participants."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import tr
from desktop.core.kinds import MAX_BALLOTS, PARTICIPANT_LABELS, PARTICIPANTS
from desktop.services import evaluation
from desktop.services.evaluation import Setup


def _count_box(special: bool = True) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, MAX_BALLOTS)
    if special:
        box.setSpecialValueText("—")  # 0: not given
    return box


class EvaluationSetupDialog(QDialog):
    def __init__(self, parent: QWidget | None, village_id: str, village: str,
                 current: Setup | None = None, committee: list[str] | None = None) -> None:
        super().__init__(parent)
        self.village_id = village_id
        self.setWindowTitle(tr("Democratic evaluation in {village}", village=village))
        self.held_on = QDateEdit(QDate.currentDate())
        self.held_on.setObjectName("heldOn")
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.questionnaire = QComboBox()
        self.questionnaire.setObjectName("questionnaire")
        shipped = evaluation.shipped_questionnaires()
        for label, text in shipped:
            self.questionnaire.addItem(label, text)
        self.members = QPlainTextEdit()
        self.members.setObjectName("members")
        self.members.setPlaceholderText(tr("One name per line"))
        self.members.setMaximumHeight(110)
        self.issued = _count_box(special=False)
        self.issued.setObjectName("issued")
        self.issued.setValue(50)
        grid = QGridLayout()
        grid.addWidget(QLabel(tr("Expected (应到)")), 0, 1)
        grid.addWidget(QLabel(tr("Present (实到)")), 0, 2)
        self.counts: dict[str, tuple[QSpinBox, QSpinBox]] = {}
        for row, category in enumerate(PARTICIPANTS, 1):
            grid.addWidget(QLabel(tr(PARTICIPANT_LABELS[category])), row, 0)
            boxes = (_count_box(), _count_box())
            for col, box in enumerate(boxes, 1):
                box.setObjectName(f"{category}_{('expected', 'present')[col - 1]}")
                grid.addWidget(box, row, col)
            self.counts[category] = boxes
        form = QFormLayout()
        form.addRow(tr("Date"), self.held_on)
        form.addRow(tr("Questionnaire"), self.questionnaire)
        form.addRow(tr("Committee members"), self.members)
        if current is None and committee:  # a new session names the village's 两委 members
            self.members.setPlainText("\n".join(committee))
        form.addRow(tr("Ballots issued"), self.issued)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(tr("Participants")))
        layout.addLayout(grid)
        layout.addWidget(buttons)
        if current is not None:
            self._show(current)

    def _show(self, setup: Setup) -> None:
        self.held_on.setDate(QDate.fromString(setup.held_on, "yyyy-MM-dd"))
        index = self.questionnaire.findData(setup.questionnaire)
        if index < 0:  # a definition that has changed in forms/ since: keep the stored copy
            self.questionnaire.addItem(evaluation.questionnaire_of(
                setup.questionnaire, ()).label.text(), setup.questionnaire)
            index = self.questionnaire.count() - 1
        self.questionnaire.setCurrentIndex(index)
        self.members.setPlainText("\n".join(setup.members))
        self.issued.setValue(setup.issued)
        for category, (expected, present) in setup.participants.items():
            self.counts[category][0].setValue(expected or 0)
            self.counts[category][1].setValue(present or 0)

    def setup(self) -> Setup:
        members = tuple(line.strip() for line in self.members.toPlainText().splitlines()
                        if line.strip())
        return Setup(
            village_id=self.village_id, held_on=self.held_on.date().toString("yyyy-MM-dd"),
            questionnaire=self.questionnaire.currentData(), issued=self.issued.value(),
            members=members,
            participants={c: (boxes[0].value() or None, boxes[1].value() or None)
                          for c, boxes in self.counts.items()})
