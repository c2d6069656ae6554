"""The current report and what the seller did with it: underlines, panel, gate, fixes, ignores."""
from __future__ import annotations

from composer.ui import core
from composer.ui.gate import Gate, gate_for, ignore_keys, missing_for, visible_findings


class ReviewState:
    def __init__(self, window):
        self.w = window
        self.report = None
        self.ignored: set = set()
        self._earlier: dict[str, tuple] = {}  # order id -> earlier messages; cleared on every export

    # --- checking -----------------------------------------------------------------------------
    def make_check(self):
        """Capture reason, locale and order context now (GUI thread); the returned function may run anywhere."""
        w = self.w
        reason = w.reason()
        locale = w.buyer_locale()
        context = core.build_context(reason, w.form.values(), locale=locale,
                                     marketplace_code=w.marketplace_code(), history=self,
                                     dates=w.order_dates.dates())
        return core.CheckCall(reason.id if reason else None, locale, context)

    def earlier_messages(self, order_id: str) -> tuple:
        """The history lookup, cached: a database round trip per keystroke is not needed."""
        if order_id not in self._earlier:
            self._earlier[order_id] = self.w.history.earlier_messages(order_id)
        return self._earlier[order_id]

    def history_changed(self) -> None:
        self._earlier.clear()
        self.w.checker.schedule()

    def text_changed(self) -> None:
        w = self.w
        w.checker.schedule()
        # O(1) for any size; the exact count (code points) arrives with the report.
        length = max(w.editor.document().characterCount() - 1, 0)
        reason = w.reason()
        w.status_gate.set_count(length, reason.max_length if reason else None)

    def show_report(self, _version: int, report) -> None:
        w = self.w
        self.report = report
        visible = self.visible()
        w.editor.set_findings(visible, report.text)
        w.findings.set_findings(visible)
        reason = w.reason()
        missing = missing_for(reason, report.text, w.template.errors)
        w.status_gate.set_state(gate_for(visible, missing=missing), len(report.text),
                                reason.max_length if reason else None)
        w.exporter.update_enabled()
        w.checked.emit()

    def visible(self):
        if self.report is None:
            return ()
        return visible_findings(self.report.findings, self.ignored, self.report.text)

    def gate(self) -> Gate:
        if self.report is None or not self.w.checker.is_current:
            return Gate(0, 0, 0, checked=False)
        return gate_for(self.visible(), missing=missing_for(self.w.reason(), self.report.text, self.w.template.errors))

    # --- acting on findings -------------------------------------------------------------------
    def _report_is_for_current_text(self) -> bool:
        if self.report is not None and self.w.checker.is_current:
            return True
        self.w.checker.flush()
        self.w.statusBar().showMessage("The text changed; the findings were refreshed. Try again.", 5000)
        return False

    def apply_fix(self, fix) -> None:
        if not self._report_is_for_current_text():
            return
        self.w.editor.apply_fix(fix)
        self.w.checker.run_now()

    def ignore(self, finding) -> None:
        if finding.severity == "error" or self.report is None:
            return  # errors block export: they can be fixed, never ignored
        key = ignore_keys(self.report.findings, self.report.text).get(finding)
        if key is None:
            return  # a finding from an older report: it no longer exists
        self.ignored.add(key)
        self.show_report(self.w.checker.version, self.report)

    def select_finding(self, finding) -> None:
        if finding.scope == "span" and finding.end > finding.start:
            if self._report_is_for_current_text():
                self.w.editor.select_span(finding.start, finding.end)
        else:
            hint = finding.fix_hint or finding.message
            self.w.statusBar().showMessage(f"How to fix: {hint}", 8000)

    def go_to_finding(self, direction: int) -> None:
        spans = sorted((f for f in self.visible() if f.scope == "span" and f.end > f.start), key=lambda f: f.start)
        if not spans or not self._report_is_for_current_text():
            return
        cursor = self.w.editor.textCursor()
        here = self.w.editor._offsets.to_py(cursor.selectionStart())
        if direction > 0:
            target = next((f for f in spans if f.start > here), spans[0])
        else:
            target = next((f for f in reversed(spans) if f.start < here), spans[-1])
        self.w.editor.select_span(target.start, target.end)
        self.w.statusBar().showMessage(target.message, 6000)

    def reset(self) -> None:
        """A new reason or restored draft: earlier 'ignore once' choices no longer apply."""
        self.ignored.clear()
