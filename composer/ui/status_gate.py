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
        # Wide enough for any count: a label that changes width on every keystroke re-lays out the row.
        widest = "99,999,999 / 99,999 characters (too long)"
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance(widest) + 8)
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

    def set_count(self, length: int, limit: int | None) -> None:
        """Keystroke path: only the count changes until the next report."""
        self.set_state(self.gate, length, limit)

    def set_state(self, gate: Gate, length: int, limit: int | None) -> None:
        """Update only what changed: this runs on every keystroke, and style sheets are not cheap."""
        self.gate = gate
        _set_text(self.count_label, character_count_label(length, limit))
        over = bool(limit and length > limit)
        if over != self.count_label.property("over"):
            self.count_label.setProperty("over", over)
            self.count_label.setStyleSheet("color: #d32f2f; font-weight: bold;" if over else "")
        if _set_text(self.gate_label, gate.label):
            severity = "error" if gate.errors else ("warning" if gate.warnings else None)
            self.gate_icon.clear()
            if severity:
                self.gate_icon.setPixmap(severity_icon(severity).pixmap(16, 16))
            elif gate.checked:
                self.gate_icon.setText("✔")  # a shape, not only a colour, says "ready"
            self.gate_label.setStyleSheet("font-weight: bold;" if gate.errors else "")


def _set_text(label: QLabel, text: str) -> bool:
    if label.text() == text:
        return False
    label.setText(text)
    return True
