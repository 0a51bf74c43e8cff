"""The "Topic rules" tab of the curation dialog: a topic's rules by field, add and remove.

Contract: `TopicsTab(write)` shows a `CurationState` (`show_state`): a topic combo, the chosen
topic's rules (what they match: event type, sub-event type, actor, keyword; and the pattern),
a form to add one and a button to remove the chosen one, both calling `write(op, RuleEdit)` with
`operations.add_rule`/`remove_rule`. The chosen topic stays chosen across changes.
`set_writable(False)` disables every change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefer.gui import i18n, operations
from briefer.gui.curation_actors import Write, fill_table, labelled, make_table
from briefer.gui.i18n import tr
from briefer.gui.widgets import set_role

FIELDS = ("event_type", "sub_event_type", "actor", "keyword")


class TopicsTab(QWidget):
    """One topic's rules, with add and remove (see module contract)."""

    def __init__(self, write: Write, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.write = write
        self.state: Any = None
        self.writable = True
        self.adding: tuple[str, str, str] | None = None  # the rule being added, its pattern cleared once it is
        self.topic = QComboBox(self)
        self.topic.currentIndexChanged.connect(self._show_rules)
        top = QFormLayout()
        self.topic_label = labelled(self, top, self.topic, "curationTopic")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        set_role(self.intro, "hint")
        self.rules = make_table(self, "curationRules", 2, 1)
        self.rules.itemSelectionChanged.connect(self._update_buttons)
        self.field = QComboBox(self)
        self.pattern = QLineEdit(self)
        self.pattern.textChanged.connect(self._update_buttons)
        self.pattern.returnPressed.connect(self._add)
        form = QFormLayout()
        self.labels = [labelled(self, form, self.field, "curationField"),
                       labelled(self, form, self.pattern, "curationPattern")]
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("curationAddRule")
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("curationRemoveRule")
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(self.rules, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self._update_buttons()

    def retranslate(self) -> None:
        self.topic_label.setText(tr("cur-topic"))
        self.topic.setAccessibleName(tr("cur-topic").replace("&", ""))
        self.intro.setText(tr("cur-rules"))
        self.rules.setHorizontalHeaderLabels([tr("cur-col-field"), tr("cur-col-pattern")])
        self.rules.setAccessibleName(tr("cur-rules"))
        chosen = self.field.currentData()
        self.field.clear()
        for name in FIELDS:
            self.field.addItem(tr(f"cur-field-{name}"), name)
        self.field.setCurrentIndex(max(self.field.findData(chosen or "keyword"), 0))
        for label, key in zip(self.labels, ("cur-field", "cur-pattern"), strict=True):
            label.setText(tr(key))
            label.buddy().setAccessibleName(tr(key).replace("&", ""))
        self.add_button.setText(tr("cur-add-rule"))
        self.remove_button.setText(tr("cur-remove-rule"))
        if self.state is not None:
            self.show_state(self.state)

    def show_state(self, state: Any) -> None:
        self.state = state
        if self.adding is not None and any((r.topic, r.field, r.pattern) == self.adding for r in state.rules):
            self.pattern.clear()
        self.adding = None
        chosen = self.topic.currentData()
        self.topic.blockSignals(True)
        self.topic.clear()
        lang = i18n.language()
        for topic in state.topics:
            self.topic.addItem(topic.label(lang), topic.slug)
        self.topic.setCurrentIndex(max(self.topic.findData(chosen), 0))
        self.topic.blockSignals(False)
        self._show_rules()

    def set_topic(self, slug: str) -> None:
        self.topic.setCurrentIndex(max(self.topic.findData(slug), 0))

    def shown_rules(self) -> list[Any]:
        """The chosen topic's rules, as listed."""
        slug = self.topic.currentData()
        return [r for r in self.state.rules if r.topic == slug] if self.state is not None else []

    @Slot()
    def _show_rules(self, *_: Any) -> None:
        fill_table(self.rules, [(tr(f"cur-field-{r.field}"), r.pattern) for r in self.shown_rules()])
        self.rules.resizeColumnToContents(0)
        self._update_buttons()

    def select_rule(self, field: str, pattern: str) -> None:
        for row, rule in enumerate(self.shown_rules()):
            if rule.field == field and rule.pattern == pattern:
                self.rules.selectRow(row)

    def set_writable(self, writable: bool) -> None:
        self.writable = writable
        self._update_buttons()

    @Slot()
    def _update_buttons(self, *_: Any) -> None:
        self.add_button.setEnabled(self.writable and bool(self.pattern.text().strip()))
        self.remove_button.setEnabled(self.writable and bool(self.rules.selectionModel().selectedRows()))
        self.pattern.setReadOnly(not self.writable)

    @Slot()
    def _add(self) -> None:
        if not self.add_button.isEnabled():
            return
        edit = operations.RuleEdit(self.topic.currentData(), self.field.currentData(), " ".join(self.pattern.text().split()))
        self.adding = (edit.topic, edit.field, edit.pattern)
        self.write(operations.add_rule, edit)

    @Slot()
    def _remove(self) -> None:
        rows = self.rules.selectionModel().selectedRows()
        if not rows:
            return
        rule = self.shown_rules()[rows[0].row()]
        self.write(operations.remove_rule, operations.RuleEdit(rule.topic, rule.field, rule.pattern))
