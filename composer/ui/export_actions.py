"""Export: the copy gate, the clipboard, the SP-API request, and the history record of every export."""
from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from composer.history import RepeatRequestError
from composer.sanitize import sanitize
from composer.ui import core


class ExportController:
    def __init__(self, window):
        self.w = window

    def update_enabled(self) -> None:
        w = self.w
        reason = w.reason()
        # A stale report keeps the last answer; the export itself re-checks the text first.
        gate = w.status_gate.gate
        can_copy = gate.can_copy
        for widget in (w.copy_action, w.copy_button):
            widget.setEnabled(can_copy)
        # A screen reader announces why the button is unavailable, not just that it is.
        w.copy_button.setAccessibleDescription("" if can_copy else f"Unavailable: {gate.label}")
        has_subject = reason is not None and bool(w.template.subject)
        w.copy_subject_action.setEnabled(has_subject)
        w.subject_button.setEnabled(has_subject)
        text_action = core.has_text_action(reason)
        for widget in (w.copy_spapi_action, w.spapi_button):
            widget.setEnabled(text_action and can_copy)
        w.spapi_button.setToolTip(f"Request body for {reason.spapi_action}" if text_action
                                  else "This reason has no SP-API action that takes text")

    # --- the gate -----------------------------------------------------------------------------
    def _cleared_text(self) -> str | None:
        """The sanitised text when every check passes (asking to confirm warnings), else None."""
        w = self.w
        w.template.flush()
        w.checker.flush()
        reason = w.reason()
        gate = w.review.gate()
        if not gate.can_copy:
            if w.template.errors:
                w.form.validate(show_all=True)  # show every field's message, not only the touched ones
            if not gate.checked:
                message = "Not copied yet: the text is still being checked. Try again in a moment."
            else:
                message = f"Not copied: {gate.label}." + (" Fix them first." if gate.errors else "")
            w.statusBar().showMessage(message, 8000)
            return None
        order_id = core.order_id_from(reason, w.form.values())
        refusal = w.history.refusal(order_id, reason.id)
        if refusal:
            w.ask("Not allowed", refusal, ("OK",), icon="error")
            return None
        if gate.warnings:
            messages = [f.message for f in w.review.visible() if f.severity == "warning"]
            answer = w.ask("Copy with warnings?",
                           f"{gate.warnings} warning{'s' if gate.warnings != 1 else ''} in this message. Copy anyway?",
                           ("Copy anyway", "Cancel"), icon="warning", detail="\n".join(f"• {m}" for m in messages[:8]))
            if answer != "Copy anyway":
                return None
        original = w.editor.toPlainText()
        text = sanitize(original)
        if text != original and w.review.make_check()(text).errors:
            # What leaves the window is what was checked: cleaning invisible characters must not
            # turn an approved text into a blocked one (e.g. "ex\u200bample.com" -> a link).
            w.statusBar().showMessage("Not copied: the cleaned-up text breaks a rule. Check it again.", 8000)
            w.checker.schedule()
            return None
        return text or None

    def _record(self, text: str) -> bool:
        w = self.w
        reason = w.reason()
        try:
            w.history.record(core.order_id_from(reason, w.form.values()), reason.id, text,
                             marketplace=w.marketplace_code())
        except RepeatRequestError as exc:
            w.ask("Not allowed", str(exc), ("OK",), icon="error")
            return False
        w.review.history_changed()  # the history is part of the context: a repeat is now a finding
        return True

    # --- actions ------------------------------------------------------------------------------
    def copy_message(self) -> bool:
        text = self._cleared_text()
        if text is None or not self._record(text):
            return False
        QGuiApplication.clipboard().setText(text)
        self.w.statusBar().showMessage(f"Copied {len(text):,} characters. Recorded in the history.", 6000)
        return True

    def copy_subject(self) -> bool:
        subject = sanitize(self.w.template.subject)
        if not subject:
            return False
        QGuiApplication.clipboard().setText(subject)
        self.w.statusBar().showMessage("Subject copied.", 4000)
        return True

    def copy_spapi(self) -> bool:
        w = self.w
        reason = w.reason()
        if not core.has_text_action(reason):
            return False
        text = self._cleared_text()
        if text is None:
            return False
        order_id = core.order_id_from(reason, w.form.values())
        try:
            request = core.spapi_request_json(reason.id, text, order_id=order_id, marketplace_code=w.marketplace_code())
        except (ValueError, KeyError) as exc:
            w.ask("No SP-API request", f"The SP-API request cannot be built: {exc}", ("OK",), icon="error")
            return False
        if not self._record(text):
            return False
        QGuiApplication.clipboard().setText(request)
        w.statusBar().showMessage("SP-API request copied as JSON. Recorded in the history.", 6000)
        return True

    def show_history(self) -> None:
        from composer.ui.history_dialog import HistoryDialog

        dialog = HistoryDialog(self.w.history, self.w)
        dialog.exec()
        dialog.deleteLater()
