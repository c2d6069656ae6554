"""Autosave the draft every few seconds and on close; offer it back after a crash."""
from __future__ import annotations

import threading
from datetime import datetime

from PySide6.QtCore import QTimer

from composer.drafts import Draft, DraftStore

AUTOSAVE_MS = 2000


class DraftSession:
    def __init__(self, window, store: DraftStore):
        self.w = window
        self.store = store
        self.dirty = False
        self._restoring = False
        self._writer: threading.Thread | None = None
        self.timer = QTimer(window)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()
        for signal in (window.editor.textChanged, window.form.values_changed, window.picker.reason_changed,
                       window.order_dates.changed,
                       window.locale_combo.currentIndexChanged, window.marketplace_combo.currentIndexChanged):
            signal.connect(self._mark_dirty)

    def _mark_dirty(self, *_args) -> None:
        if not self._restoring:
            self.dirty = True

    def snapshot(self) -> Draft:
        w = self.w
        reason = w.reason()
        return Draft(text=w.editor.toPlainText(), reason=reason.id if reason else None, fields=w.form.values(),
                     marketplace=w.marketplace_code(), locale=w.buyer_locale(), rendered=w.template.base,
                     order_dates=w.order_dates.values())

    def autosave(self, *, wait: bool = False) -> bool:
        """Save if anything changed. The disk write (with fsync) runs off the GUI thread: typing never waits."""
        if not self.dirty or (self._writer is not None and self._writer.is_alive()):
            return False
        draft = self.snapshot()  # read the widgets here, on the GUI thread
        self.dirty = False

        def write():
            try:
                self.store.save(draft, clean_exit=False)
            except OSError:
                self.dirty = True  # try again at the next tick

        self._writer = threading.Thread(target=write, name="composer-autosave", daemon=True)
        self._writer.start()
        if wait:
            self._writer.join()
        return True

    def wait_for_writes(self) -> None:
        if self._writer is not None:
            self._writer.join()

    def save_on_close(self) -> None:
        self.timer.stop()
        self.wait_for_writes()  # the clean save below must land last
        try:
            self.store.save(self.snapshot(), clean_exit=True)
        except OSError:
            pass  # closing must not fail; the last autosave is still there

    def restore_at_start(self) -> bool:
        """After a crash ask whether to restore; after a clean close continue where the seller stopped."""
        crashed = self.store.crashed_draft()
        if crashed is not None:
            when = datetime.fromtimestamp(crashed.saved_at).strftime("%Y-%m-%d %H:%M:%S")
            answer = self.w.ask("Restore draft?", "The composer did not close properly last time.",
                                ("Restore draft", "Discard"),
                                detail=f"A draft was saved at {when} ({len(crashed.text):,} characters).")
            if answer == "Restore draft":
                self.apply(crashed)
                return True
            self.store.clear()
            return False
        draft = self.store.load()
        if draft is not None and not draft.is_empty:
            self.apply(draft)
            return True
        return False

    def apply(self, draft: Draft) -> None:
        w = self.w
        self._restoring = True
        try:
            if draft.marketplace:
                w.set_marketplace(draft.marketplace, draft.locale)
            if draft.reason and w.picker.set_current(draft.reason):
                w.form.set_fields(w.reason().fields, draft.fields)
                w.fields_rebuilt()
            w.order_dates.set_values(draft.order_dates)
            w.template.restore(draft.rendered, draft.text)
            if draft.reason:
                w.template.apply_render()  # subject and notices; the text is kept (it matches or merges)
        finally:
            self._restoring = False
        self.dirty = True  # the restored draft is now the working draft of this session
        w.checker.schedule()
