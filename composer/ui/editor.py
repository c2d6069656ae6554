"""The message editor: wave underlines for findings, hover details, right-click fixes, one-step undo."""
from __future__ import annotations

import html

from PySide6 import QtCore
from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip

from composer.model import Finding, Fix
from composer.ui.offsets import OffsetMap
from composer.ui.style import SEVERITY_NAMES, severity_colour

# Painting thousands of underlines costs more than it tells; the panel lists everything anyway.
MAX_UNDERLINES = 500
_SEVERITY_ORDER = {"error": 0, "warning": 1, "suggestion": 2}


def finding_tooltip(finding: Finding) -> str:
    parts = [f"<b>{SEVERITY_NAMES.get(finding.severity, finding.severity)}:</b> {html.escape(finding.message)}"]
    if finding.why:
        parts.append(html.escape(finding.why))
    if finding.fix_hint:
        parts.append(f"<i>Fix:</i> {html.escape(finding.fix_hint)}")
    elif finding.fixes:
        parts.append(f"<i>Fix:</i> {html.escape(finding.fixes[0].label)}")
    source = " ".join(x for x in (finding.evidence, finding.link) if x)
    parts.append(f"<small>Rule {html.escape(finding.rule)}{' · ' + html.escape(source) if source else ''}</small>")
    return "<p>" + "<br>".join(parts) + "</p>"


def finding_details(finding: Finding) -> str:
    """The panel's longer explanation: why, how to fix, the one-click fixes and the source."""
    parts = [f"<b>{html.escape(finding.message)}</b>"]
    if finding.why:
        parts.append(html.escape(finding.why))
    if finding.fix_hint:
        parts.append(f"<b>How to fix:</b> {html.escape(finding.fix_hint)}")
    if finding.fixes:
        parts.append("<b>Fixes:</b> " + html.escape(", ".join(f.label for f in finding.fixes))
                     + " (menu key or right-click)")
    if finding.link:
        link = html.escape(finding.link, quote=True)
        parts.append(f'<small>Source: <a href="{link}">{link}</a> {html.escape(finding.evidence)}</small>')
    elif finding.evidence:
        parts.append(f"<small>Source: {html.escape(finding.evidence)}</small>")
    return "<br>".join(parts)


class MessageEditor(QPlainTextEdit):
    """Plain-text editor; findings come in as checker offsets and are painted as ExtraSelections."""

    fix_requested = Signal(object)  # Fix
    ignore_requested = Signal(object)  # Finding
    underlines_changed = Signal()
    # Ctrl+Enter that reached the editor because Copy is disabled: explain instead of typing a newline.
    copy_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._findings: tuple[Finding, ...] = ()
        self._offsets = OffsetMap("")
        # (cursor, severity, finding) per underline; the cursors move with every edit, so hover and
        # right-click point at the right words even before the next check has run.
        self._painted: list[tuple[QTextCursor, str, Finding | None]] = []
        self._formats: dict[str, QTextCharFormat] = {}  # built at the first underline (QColor loads Qt's enums)
        self.setAccessibleName("Message text")
        self.setAccessibleDescription("The message to the buyer. Problems are underlined and listed beside it.")
        self.setTabChangesFocus(True)  # Tab moves on; messages to Amazon do not use tab characters
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setMouseTracking(True)

    # --- findings -> underlines -------------------------------------------------------------
    def set_findings(self, findings, text: str | None = None) -> None:
        """Underline the span findings of a report for the text as it is now."""
        text = self.toPlainText() if text is None else text
        self._offsets = OffsetMap(text)
        spans = [f for f in findings if f.scope == "span" and f.end > f.start]
        spans.sort(key=lambda f: (_SEVERITY_ORDER.get(f.severity, 3), f.start))
        self._findings = tuple(spans[:MAX_UNDERLINES])
        ordered = sorted(self._findings, key=lambda f: -_SEVERITY_ORDER.get(f.severity, 3))
        wanted = [(self._offsets.to_qt(f.start), self._offsets.to_qt(f.end), f.severity) for f in ordered]
        # Painted cursors follow the edits, so while typing they usually already sit where the new
        # report puts them: then nothing changes and Qt repaints only the line being typed.
        if wanted != [(c.selectionStart(), c.selectionEnd(), sev) for c, sev, _f in self._painted]:
            self._paint_underlines(wanted)
        self._painted = [(cursor, sev, finding) for (cursor, sev, _old), finding in zip(self._painted, ordered)]
        self.underlines_changed.emit()

    def _paint_underlines(self, wanted) -> None:
        document = self.document()
        selections, painted = [], []
        for start, end, severity in wanted:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            if severity not in self._formats:
                self._formats[severity] = self._underline_format(severity)
            selection.format = self._formats[severity]
            selections.append(selection)
            painted.append((cursor, severity, None))
        self.setExtraSelections(selections)
        # Our own cursors on the same document track edits just like the ones Qt copied.
        self._painted = painted

    @staticmethod
    def _underline_format(severity: str) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        colour = severity_colour(severity)
        fmt.setUnderlineColor(colour)
        tint = QColor(colour)
        tint.setAlpha(38)  # a faint wash makes short spans findable; the panel icon carries the meaning too
        fmt.setBackground(tint)
        fmt.setProperty(QTextFormat.Property.UserProperty, severity)
        return fmt

    def underlined(self) -> list[tuple[int, int, str]]:
        """(start, end, severity) in checker offsets for every underline Qt is painting."""
        offsets = OffsetMap(self.toPlainText())
        result = []
        for selection in self.extraSelections():
            cursor = selection.cursor
            result.append((offsets.to_py(cursor.selectionStart()), offsets.to_py(cursor.selectionEnd()),
                           selection.format.property(QTextFormat.Property.UserProperty)))
        return sorted(result)

    def findings_at(self, position: int) -> list[Finding]:
        """Span findings under a Qt document position (as the text is now), most severe first."""
        found = [f for cursor, _sev, f in self._painted
                 if f is not None and cursor.selectionStart() <= position < cursor.selectionEnd()]
        return sorted(found, key=lambda f: _SEVERITY_ORDER.get(f.severity, 3))

    # --- actions on findings ----------------------------------------------------------------
    def select_span(self, start: int, end: int) -> None:
        """Select text[start:end] (checker offsets), scroll to it and focus the editor."""
        offsets = OffsetMap(self.toPlainText())
        cursor = self.textCursor()
        cursor.setPosition(offsets.to_qt(start))
        cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def apply_fix(self, fix: Fix) -> None:
        """Replace the fix's span; the change is a single undo step."""
        offsets = OffsetMap(self.toPlainText())
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.setPosition(offsets.to_qt(fix.start))
        cursor.setPosition(offsets.to_qt(fix.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(fix.replacement)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def replace_range(self, start: int, end: int, replacement: str) -> None:
        """Replace text[start:end] as one undo step (used when the template is re-rendered)."""
        offsets = OffsetMap(self.toPlainText())
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.setPosition(offsets.to_qt(start))
        cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(replacement)
        cursor.endEditBlock()

    def fix_menu_actions(self, menu: QMenu, findings) -> None:
        """Add each finding's fixes and, for warnings and suggestions only, 'Ignore once'."""
        for finding in findings:
            title = menu.addAction(f"{SEVERITY_NAMES.get(finding.severity, '')}: {finding.message}")
            title.setEnabled(False)
            for fix in finding.fixes:
                action = menu.addAction(fix.label or f"Replace with “{fix.replacement}”")
                action.triggered.connect(lambda _=False, f=fix: self.fix_requested.emit(f))
            if finding.severity != "error":
                action = menu.addAction("Ignore once")
                action.triggered.connect(lambda _=False, f=finding: self.ignore_requested.emit(f))
            menu.addSeparator()

    # --- Qt overrides ------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        if event.key() in (QtCore.Qt.Key.Key_Return, QtCore.Qt.Key.Key_Enter) and (
                event.modifiers() & QtCore.Qt.KeyboardModifier.ControlModifier):
            self.copy_requested.emit()
            return
        super().keyPressEvent(event)

    def build_context_menu(self, position: int, viewport_pos) -> QMenu:
        menu = QMenu(self)
        menu.setAccessibleName("Fixes and editing actions")
        self.fix_menu_actions(menu, self.findings_at(position))
        standard = self.createStandardContextMenu(viewport_pos)
        standard.setParent(menu, standard.windowFlags())
        for action in standard.actions():
            menu.addAction(action)
        return menu

    def show_fix_menu(self) -> None:
        """Keyboard route to the fixes: the menu for the finding at the text cursor."""
        point = self.cursorRect().bottomLeft()
        menu = self.build_context_menu(self.textCursor().position(), point)
        menu.exec(self.viewport().mapToGlobal(point))
        menu.deleteLater()

    def contextMenuEvent(self, event) -> None:
        if event.reason() == event.Reason.Keyboard:
            self.show_fix_menu()
            return
        menu = self.build_context_menu(self.cursorForPosition(event.pos()).position(), event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            position = self.cursorForPosition(self.viewport().mapFromGlobal(event.globalPos())).position()
            found = self.findings_at(position)
            if found:
                QToolTip.showText(event.globalPos(), "".join(finding_tooltip(f) for f in found), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)
