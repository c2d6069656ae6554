"""Pick why you write: reasons grouped by purpose, with description, timing window and critical status."""
from __future__ import annotations

import html

from PySide6 import QtCore
from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

_REASON_ROLE = 0x0101  # Qt.ItemDataRole.UserRole + 1, as a number: the Qt namespace is not loaded at import (see MainWindow.polish)


def _unbroken(text: str) -> str:
    # Qt's rich text ignores "white-space: nowrap": keep each fact on one line with no-break characters.
    return html.escape(text).replace(" ", "&nbsp;").replace("-", "\u2011")


def reason_summary(reason) -> str:
    """Rich text shown under the picker: what the reason is for and its constraints."""
    critical = ("Critical: delivered even if the buyer opted out of messages" if reason.critical
                else "Not critical: not delivered to buyers who opted out")
    facts = [("When:", reason.timing or "no window stated"), ("", critical),
             ("", "Proactive: you start the conversation" if reason.proactive else "Reply to the buyer's message")]
    if getattr(reason, "max_length", None):
        facts.append(("Limit:", f"{reason.max_length:,} characters"))
    if getattr(reason, "spapi_action", None):
        facts.append(("SP-API:", reason.spapi_action))
    shown = [(f"<b>{_unbroken(label)}</b>&nbsp;" if label else "") + _unbroken(value) for label, value in facts]
    shown[1] = f"<b>{shown[1]}</b>"  # critical or not decides whether the buyer receives it at all
    return html.escape(reason.description or "") + "<br>" + " · ".join(shown)


class ReasonPicker(QWidget):
    reason_changed = Signal(str)

    def __init__(self, groups=(), parent=None):
        """`groups` is [(group title, [Reason, ...]), ...] in display order; or fill later with set_groups."""
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setAccessibleName("Reason for the message")
        self.combo.setMinimumContentsLength(28)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setAccessibleName("Reason details")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.details)
        self._reasons: dict[str, object] = {}
        self.set_groups(groups)
        self.combo.currentIndexChanged.connect(self._changed)

    def polish(self) -> None:
        """Settings that need Qt's enum namespace; applied once the window is on screen."""
        self.details.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)

    def set_groups(self, groups) -> None:
        self._reasons = {}
        model = QStandardItemModel(self.combo)
        bold = QFont()
        bold.setBold(True)
        for title, reasons in groups:
            header = QStandardItem(title)
            header.setFlags(QtCore.Qt.ItemFlag.NoItemFlags)  # a heading: not selectable, skipped by the keyboard
            header.setFont(bold)
            header.setData(title, QtCore.Qt.ItemDataRole.AccessibleTextRole)
            model.appendRow(header)
            for reason in reasons:
                label = reason.title + ("  (critical)" if reason.critical else "")
                item = QStandardItem(label)
                item.setData(reason.id, _REASON_ROLE)
                item.setToolTip(f"{reason.description}\nWhen: {reason.timing}")
                item.setData(f"{title}: {reason.title}{', critical' if reason.critical else ''}",
                             QtCore.Qt.ItemDataRole.AccessibleTextRole)
                model.appendRow(item)
                self._reasons[reason.id] = reason
        self.combo.blockSignals(True)
        self.combo.setModel(model)
        self.combo.setCurrentIndex(-1)
        self.combo.blockSignals(False)
        self.details.setText("Choose why you are writing to the buyer." if self._reasons else "Loading reasons…")

    def reason_ids(self) -> list[str]:
        return list(self._reasons)

    def current_reason(self):
        return self._reasons.get(self.current_id())

    def current_id(self) -> str | None:
        return self.combo.currentData(_REASON_ROLE)

    def set_current(self, reason_id: str | None) -> bool:
        """Select a reason by id; returns False (and changes nothing) for an unknown id."""
        for row in range(self.combo.count()):
            if self.combo.itemData(row, _REASON_ROLE) == reason_id:
                self.combo.setCurrentIndex(row)
                return True
        return False

    def _changed(self, _row: int) -> None:
        reason = self.current_reason()
        self.details.setText(reason_summary(reason) if reason else "Choose why you are writing to the buyer.")
        if reason is not None:
            self.reason_changed.emit(reason.id)
