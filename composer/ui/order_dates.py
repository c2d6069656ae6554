"""When the order was placed and delivered: optional facts that let the policy check its time windows."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout

FIELDS = (
    ("order_date", "Order placed on", "Amazon allows proactive messages for 30 days after the order is completed."),
    ("delivery_date", "Delivered on", "Review requests are allowed 5 to 30 days after delivery."),
)


def parse_day(raw: str) -> date | None:
    """An ISO date, or None when empty; ValueError for anything else (03/04 means different days per store)."""
    raw = raw.strip()
    return date.fromisoformat(raw) if raw else None


class OrderDates(QGroupBox):
    changed = Signal()

    def __init__(self, parent=None):
        super().__init__("Order dates (optional, for the timing rules)", parent)
        self._inputs: dict[str, QLineEdit] = {}
        self._errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for name, label, help_text in FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"date_{name}")
            edit.setPlaceholderText("YYYY-MM-DD")
            edit.setAccessibleName(f"{label} (optional)")
            edit.setToolTip(help_text)
            edit.textEdited.connect(self._edited)
            error = QLabel(self)
            error.setStyleSheet("color: #d32f2f;")
            error.hide()
            caption = QLabel(label, self)
            caption.setBuddy(edit)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(edit)
            column.addWidget(error)
            form.addRow(caption, column)
            self._inputs[name], self._errors[name] = edit, error
        QVBoxLayout(self).addLayout(form)

    def inputs(self) -> list[QLineEdit]:
        return list(self._inputs.values())

    def values(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self._inputs.items()}

    def set_values(self, values: dict[str, str]) -> None:
        for name, edit in self._inputs.items():
            edit.setText(values.get(name, ""))
        self._edited()

    def dates(self) -> dict[str, date]:
        """The valid dates only: a half-typed date is simply not known yet."""
        result = {}
        for name, edit in self._inputs.items():
            try:
                day = parse_day(edit.text())
            except ValueError:
                continue
            if day is not None:
                result[name] = day
        return result

    def _edited(self, *_args) -> None:
        for name, edit in self._inputs.items():
            try:
                parse_day(edit.text())
                message = ""
            except ValueError:
                message = "⚠ Use YYYY-MM-DD, e.g. 2026-06-12"
            self._errors[name].setText(message)
            self._errors[name].setVisible(bool(message))
            edit.setAccessibleDescription(message)
        self.changed.emit()
