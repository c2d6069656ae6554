"""Keep the editor in step with the reason and the fields without losing the seller's own edits."""
from __future__ import annotations

from PySide6.QtCore import QTimer

from composer.ui import core
from composer.ui.merge import merge, minimal_edit

RENDER_DELAY_MS = 250


class TemplateSync:
    def __init__(self, window):
        self.w = window
        self.base = ""  # the template text the editor content started from
        self.subject = ""
        self.errors: dict[str, str] = {}  # field name -> problem, from the last render (parse and cross-field)
        # After "Keep my text" the fields stop rewriting the message until the seller resets it.
        self.detached = False
        self._timer = QTimer(window)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RENDER_DELAY_MS)
        self._timer.timeout.connect(self.apply_render)

    def _edited(self) -> bool:
        text = self.w.editor.toPlainText()
        return bool(text.strip()) and text != self.base

    def reason_changed(self, reason_id: str) -> None:
        w = self.w
        reason = w.reason()
        keep = w.form.values()
        w.form.set_fields(reason.fields, keep)
        w.fields_rebuilt()
        w.review.reset()
        replace = True
        if self._edited():
            answer = w.ask("Change the reason", f"Replace your text with the template for “{reason.title}”?",
                           ("Replace text", "Keep my text"),
                           detail="Replacing can be undone with Ctrl+Z.")
            replace = answer == "Replace text"
        self.detached = not replace
        self.apply_render(force=replace)
        w.exporter.update_enabled()

    def fields_changed(self) -> None:
        self._timer.start()

    def options_changed(self) -> None:
        self._timer.start()
        self.w.checker.schedule()

    def flush(self) -> None:
        """Render now if a field change is waiting (tests, export)."""
        if self._timer.isActive():
            self._timer.stop()
            self.apply_render()

    def reset_to_template(self) -> None:
        self.detached = False
        self.apply_render(force=True)

    def apply_render(self, *, force: bool = False) -> None:
        w = self.w
        reason = w.reason()
        if reason is None:
            return
        try:
            result = core.render_template(reason.id, w.form.values(), locale=w.buyer_locale(),
                                          marketplace_code=w.marketplace_code(), store_name=w.store_edit.text())
        except Exception as exc:  # a broken template must not take the window (and the seller's text) down
            w.notice_label.setText(f"⚠ The template could not be rendered: {exc}")
            w.notice_label.setVisible(True)
            return
        w.form.show_errors({k: v for k, v in result.errors.items() if k in w.form.touched()})
        self.subject = result.subject
        self.errors = dict(result.errors)
        w.subject_label.setText(f"Subject: {result.subject}" if result.subject else "")
        w.notice_label.setText(f"⚠ {result.notice}" if result.notice else "")
        w.notice_label.setVisible(bool(result.notice))
        target = self._target(result.text, force)
        self.base = result.text
        if target is not None:
            self.replace_text(target)
        w.checker.schedule()

    def _target(self, new: str, force: bool) -> str | None:
        """The text the editor should show now, or None to leave it alone."""
        ours = self.w.editor.toPlainText()
        if force or not ours.strip() or ours == self.base:
            return new
        if self.detached:
            return None
        merged = merge(self.base, ours, new)
        if merged is not None:
            return merged
        answer = self.w.ask("The template changed",
                            "You edited the part of the message that this field fills in.",
                            ("Use the new template", "Keep my text"),
                            detail="Using the template can be undone with Ctrl+Z. If you keep your text, "
                                   "field changes stop updating it until Message ▸ Reset text to template.")
        if answer == "Use the new template":
            return new
        self.detached = True
        self.w.statusBar().showMessage("Your text is kept; field changes no longer rewrite it (Ctrl+Shift+T resets).",
                                       8000)
        return None

    def replace_text(self, target: str) -> None:
        """Change the editor to `target` with one undo step, touching only what differs."""
        ours = self.w.editor.toPlainText()
        if ours == target:
            return
        start, end, replacement = minimal_edit(ours, target)
        self.w.editor.replace_range(start, end, replacement)

    def restore(self, base: str, text: str) -> None:
        """Put back a saved draft: the template it started from and the seller's text."""
        self._timer.stop()
        self.base = base
        self.detached = False
        self.replace_text(text)
