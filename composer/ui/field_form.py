"""A form generated from a reason's typed fields, with inline validation messages."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

def humanise(key: str) -> str:
    """"carrier_delay" -> "Carrier delay"."""
    words = key.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


# validate(spec, raw) -> error message or None
Validator = Callable[[object, str], "str | None"]


class FieldForm(QWidget):
    values_changed = Signal()

    def __init__(self, validate: Validator, parent=None):
        super().__init__(parent)
        self._validate = validate
        self._specs: list = []
        self._inputs: dict[str, QLineEdit | QComboBox] = {}
        self._errors: dict[str, QLabel] = {}
        self._touched: set[str] = set()
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Labels above their inputs: long labels fit a narrow column without a horizontal scroll bar.
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._form)
        outer.addStretch(1)

    # --- building -----------------------------------------------------------------------------
    def set_fields(self, specs, values: dict[str, str] | None = None) -> None:
        """Rebuild the form for a reason; values for fields of the same name carry over."""
        values = values or {}
        while self._form.rowCount():
            self._form.removeRow(0)
        self._specs, self._inputs, self._errors, self._touched = list(specs), {}, {}, set()
        for spec in self._specs:
            widget = self._input_for(spec, values.get(spec.name, ""))
            error = QLabel(self)
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            error.setStyleSheet("color: #d32f2f;")
            error.hide()
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(error)
            label = QLabel(f"{spec.label}{' *' if spec.required else ''}", self)
            label.setBuddy(widget)
            self._form.addRow(label, column)
            self._inputs[spec.name], self._errors[spec.name] = widget, error
        self.validate(show_all=any(values.get(s.name) for s in self._specs))

    def _input_for(self, spec, value: str):
        name = f"{spec.label}{' (required)' if spec.required else ''}"
        if spec.type == "choice" and spec.choices:
            widget = QComboBox(self)
            if not spec.required:
                widget.addItem("", "")
            for choice in spec.choices:
                widget.addItem(humanise(choice), choice)  # show words, keep the key the template expects
            index = widget.findData(value)
            if index >= 0:
                widget.setCurrentIndex(index)
            widget.currentIndexChanged.connect(lambda _i, n=spec.name: self._edited(n))
        else:
            widget = QLineEdit(self)
            widget.setText(value)
            if getattr(spec, "example", ""):
                widget.setPlaceholderText(f"e.g. {spec.example}")
            widget.textEdited.connect(lambda _t, n=spec.name: self._edited(n))
            widget.editingFinished.connect(lambda n=spec.name: self._touch(n))
        widget.setAccessibleName(name)
        widget.setAccessibleDescription(getattr(spec, "help", "") or "")
        widget.setToolTip(getattr(spec, "help", "") or "")
        widget.setObjectName(f"field_{spec.name}")
        return widget

    # --- values and validation ------------------------------------------------------------------
    def values(self) -> dict[str, str]:
        return {name: self._raw(widget) for name, widget in self._inputs.items()}

    def set_value(self, name: str, value: str) -> None:
        """Set a field as if typed (tests, restore); emits values_changed."""
        widget = self._inputs[name]
        if isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(index if index >= 0 else widget.findText(value))
        else:
            widget.setText(value)
            self._edited(name)

    def input(self, name: str):
        return self._inputs[name]

    def inputs(self) -> list:
        return list(self._inputs.values())

    @staticmethod
    def _raw(widget) -> str:
        return (widget.currentData() or "") if isinstance(widget, QComboBox) else widget.text()

    def _edited(self, name: str) -> None:
        self._touched.add(name)
        self.validate()
        self.values_changed.emit()

    def _touch(self, name: str) -> None:
        if name not in self._touched:
            self._touched.add(name)
            self.validate()

    def validate(self, *, show_all: bool = False) -> dict[str, str]:
        """Check every field; show messages for fields the seller has touched (or all on request)."""
        if show_all:
            self._touched.update(self._inputs)
        errors = {}
        for spec in self._specs:
            message = self._validate(spec, self._raw(self._inputs[spec.name]))
            if message:
                errors[spec.name] = message
            self._show_error(spec.name, message if spec.name in self._touched else None)
        return errors

    def touched(self) -> set[str]:
        return set(self._touched)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Show errors found elsewhere (e.g. the renderer's cross-field checks) next to their fields."""
        for name, message in errors.items():
            if name in self._errors:
                self._touched.add(name)
                self._show_error(name, message)

    def _show_error(self, name: str, message: str | None) -> None:
        label, widget = self._errors[name], self._inputs[name]
        label.setText(f"⚠ {message}" if message else "")
        label.setVisible(bool(message))
        widget.setAccessibleDescription(message or "")
        widget.setProperty("invalid", bool(message))
