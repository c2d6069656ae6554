"""Browse and search the messages already exported."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout)


def _reason_title(reason_id: str) -> str:
    try:
        from composer.reasons import get_reason

        return get_reason(reason_id).title
    except (KeyError, ValueError):
        return reason_id  # a reason retired since the message was sent


class HistoryDialog(QDialog):
    COLUMNS = ("Sent", "Order", "Reason", "Message")

    def __init__(self, history, parent=None):
        super().__init__(parent)
        self.history = history
        self.setWindowTitle("Message history")
        self.resize(820, 520)
        self._entries = []
        self._create_widgets()
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.table.currentCellChanged.connect(lambda row, *_: self._show(row))
        self.refresh()

    def _create_widgets(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search order id, reason or text")
        self.search.setAccessibleName("Search history")
        self.search.setClearButtonEnabled(True)
        label = QLabel("&Search:", self)
        label.setBuddy(self.search)
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setHorizontalHeaderLabels(self.COLUMNS)
        self.table.setAccessibleName("Exported messages")
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Selected message")
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton("&Copy text", self)
        self.copy_button.setAccessibleName("Copy the selected message")
        self.copy_button.clicked.connect(self.copy_selected)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.count_label = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.search)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(buttons)
        self.search.setFocus()

    def refresh(self) -> None:
        self._entries = self.history.search(self.search.text())
        self.table.setRowCount(len(self._entries))
        for row, entry in enumerate(self._entries):
            # The whole message on one line: the greeting alone ("Hello,") would tell rows apart badly.
            preview = " ".join(entry.text.split())
            cells = (entry.sent_at.astimezone().strftime("%Y-%m-%d %H:%M"), entry.order_id or "—",
                     _reason_title(entry.reason), preview[:160] + ("…" if len(preview) > 160 else ""))
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.count_label.setText(f"{len(self._entries)} message{'s' if len(self._entries) != 1 else ''}")
        self._show(0 if self._entries else -1)
        if self._entries:
            self.table.selectRow(0)

    def _show(self, row: int) -> None:
        self.preview.setPlainText(self._entries[row].text if 0 <= row < len(self._entries) else "")

    def copy_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._entries):
            QGuiApplication.clipboard().setText(self._entries[row].text)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Find):
            self.search.setFocus()
            self.search.selectAll()
            return
        super().keyPressEvent(event)
