"""The side panel listing every finding with a severity icon, its message and how to fix it."""
from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QMenu, QVBoxLayout, QWidget

from composer.model import Finding
from composer.ui.editor import finding_details, finding_tooltip
from composer.ui.style import SEVERITY_NAMES, severity_icon

MAX_ITEMS = 300
_ORDER = {"error": 0, "warning": 1, "suggestion": 2}
_FINDING_ROLE = 0x0101  # Qt.ItemDataRole.UserRole + 1, as a number: the Qt namespace is not loaded at import (see MainWindow.polish)


class FindingsPanel(QWidget):
    finding_activated = Signal(object)  # Finding: select its text
    fix_requested = Signal(object)  # Fix
    ignore_requested = Signal(object)  # Finding

    def __init__(self, parent=None):
        super().__init__(parent)
        self._title = QLabel("Findings")
        self._title.setObjectName("findingsTitle")
        self._shown: list[Finding] = []
        self._signature: list | None = None
        self.list = QListWidget(self)
        self.list.setAccessibleName("Findings")
        self.list.setAccessibleDescription("Problems found in the message. Enter selects the text; the menu key offers fixes.")
        self.list.setWordWrap(True)
        self.list.setIconSize(QSize(16, 16))
        self._title.setBuddy(self.list)
        # Why and how to fix the current finding, readable without a mouse (tooltips need hovering).
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setOpenExternalLinks(True)
        self.details.setAccessibleName("Finding details")
        self.details.setMinimumHeight(90)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addWidget(self.list, 3)
        layout.addWidget(self.details, 1)
        self.list.currentRowChanged.connect(self._show_details)
        self.list.itemActivated.connect(self._activate)
        self.list.itemClicked.connect(self._activate)
        self.list.customContextMenuRequested.connect(self._context_menu)

    def polish(self) -> None:
        """Settings that need Qt's enum namespace; applied once the window is on screen."""
        qt = QtCore.Qt
        self.list.setContextMenuPolicy(qt.ContextMenuPolicy.CustomContextMenu)
        self.details.setTextFormat(qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(qt.TextInteractionFlag.TextBrowserInteraction)
        self.details.setAlignment(qt.AlignmentFlag.AlignTop | qt.AlignmentFlag.AlignLeft)

    def set_findings(self, findings) -> None:
        ordered = sorted(findings, key=lambda f: (_ORDER.get(f.severity, 3), f.scope == "span", f.start))
        signature = [(f.rule, f.severity, f.message, f.scope) for f in ordered]
        if signature == self._signature and self.list.count():
            # Typing moved the findings but did not change them: keep the list (and its selection).
            self._shown = ordered[:MAX_ITEMS]
            return
        self._signature = signature
        self.list.setUpdatesEnabled(False)
        self.list.clear()
        # Items carry a row number, not the Finding: PySide6 can crash at exit on Python objects in item data.
        self._shown = ordered[:MAX_ITEMS]
        for index, finding in enumerate(self._shown):
            self.list.addItem(self._item(finding, index))
        if len(ordered) > MAX_ITEMS:
            more = QListWidgetItem(f"… and {len(ordered) - MAX_ITEMS:,} more")
            more.setFlags(QtCore.Qt.ItemFlag.NoItemFlags)
            self.list.addItem(more)
        if not ordered:
            empty = QListWidgetItem("No problems found.")
            empty.setFlags(QtCore.Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(empty)
        self.list.setUpdatesEnabled(True)
        self._show_details(-1)
        self._title.setText(f"&Findings ({len(ordered)})" if ordered else "&Findings")

    def _show_details(self, row: int) -> None:
        finding = self.finding_of(self.list.item(row)) if row >= 0 else None
        if finding is None:
            hint = "Select a finding to see why it matters and how to fix it." if self._shown else ""
            self.details.setText(hint)
            return
        self.details.setText(finding_details(finding))

    def findings(self) -> list[Finding]:
        return list(self._shown)

    def finding_of(self, item: QListWidgetItem | None) -> Finding | None:
        index = item.data(_FINDING_ROLE) if item is not None else None
        return self._shown[index] if isinstance(index, int) and 0 <= index < len(self._shown) else None

    @staticmethod
    def _item(finding: Finding, index: int) -> QListWidgetItem:
        name = SEVERITY_NAMES.get(finding.severity, finding.severity)
        text = f"{name}: {finding.message}"
        if finding.scope != "span" and finding.fix_hint:
            text += f"\nHow to fix: {finding.fix_hint}"
        item = QListWidgetItem(severity_icon(finding.severity), text)
        item.setToolTip(finding_tooltip(finding))
        item.setData(_FINDING_ROLE, index)
        item.setData(QtCore.Qt.ItemDataRole.AccessibleTextRole, text)
        return item

    def _activate(self, item: QListWidgetItem) -> None:
        finding = self.finding_of(item)
        if finding is not None:
            self.finding_activated.emit(finding)

    def _context_menu(self, point) -> None:
        finding = self.finding_of(self.list.itemAt(point) or self.list.currentItem())
        if finding is None:
            return
        menu = QMenu(self)
        for fix in finding.fixes:
            menu.addAction(fix.label or f"Replace with “{fix.replacement}”").triggered.connect(
                lambda _=False, f=fix: self.fix_requested.emit(f))
        if finding.severity != "error":
            menu.addAction("Ignore once").triggered.connect(lambda _=False, f=finding: self.ignore_requested.emit(f))
        if menu.actions():
            menu.exec(self.list.viewport().mapToGlobal(point))
        menu.deleteLater()
