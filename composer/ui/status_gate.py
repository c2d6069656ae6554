"""The status line: character count against the reason's limit and the export gate."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from composer.ui.gate import Gate, character_count_label
from composer.ui.style import severity_icon


class StatusGate(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Character count")
        self.gate_icon = QLabel(self)
        self.gate_label = QLabel(self)
        self.gate_label.setAccessibleName("Copy status")
        self.gate_label.setObjectName("gateLabel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.gate_icon)
        layout.addWidget(self.gate_label)
        layout.addSpacing(16)
        layout.addWidget(self.count_label)
        layout.addStretch(1)
        self.gate = Gate(0, 0, 0, checked=False)

    def set_state(self, gate: Gate, length: int, limit: int | None) -> None:
        self.gate = gate
        self.count_label.setText(character_count_label(length, limit))
        self.count_label.setStyleSheet("color: #d32f2f; font-weight: bold;" if limit and length > limit else "")
        self.gate_label.setText(gate.label)
        severity = "error" if gate.errors else ("warning" if gate.warnings else None)
        self.gate_icon.clear()
        if severity:
            self.gate_icon.setPixmap(severity_icon(severity).pixmap(16, 16))
        elif gate.checked:
            self.gate_icon.setText("✔")  # a shape, not only a colour, says "ready"
        self.gate_label.setStyleSheet("font-weight: bold;" if gate.errors else "")
