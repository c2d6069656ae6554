"""Helpers shared by the UI tests: scripted dialogs, choosing a reason, typing and waiting."""
from __future__ import annotations

ORDER = "112-1234567-1234567"
DELAY_FIELDS = {
    "order_id": ORDER,
    "delay_reason": "carrier_delay",
    "new_delivery_date": "2026-12-10",
    "original_amount": "24.99",
}


class ScriptedAsk:
    """Stands in for MainWindow.ask: answers from a script, records every question."""

    def __init__(self):
        self.answers: list[str] = []
        self.questions: list[tuple[str, str, tuple[str, ...]]] = []

    def __call__(self, title, text, buttons, *, icon="question", detail=""):
        self.questions.append((title, text, tuple(buttons)))
        if not self.answers:
            raise AssertionError(f"unexpected dialog: {title!r}: {text!r}")
        answer = self.answers.pop(0)
        assert answer in buttons, f"{answer!r} is not one of {buttons}"
        return answer


def choose(qtbot, window, reason_id: str, fields: dict[str, str] | None = None) -> None:
    """Pick a reason, type the fields, and wait until the text is rendered and checked."""
    assert window.picker.set_current(reason_id)
    for name, value in (fields or {}).items():
        window.form.set_value(name, value)
    window.template.flush()
    check_now(qtbot, window)


def check_now(qtbot, window) -> None:
    with qtbot.waitSignal(window.checked, timeout=10_000):
        window.checker.run_now()


def type_text(qtbot, window, text: str) -> None:
    """Type at the end of the message and wait for the debounced check to report."""
    from PySide6.QtGui import QTextCursor

    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(window.checked, timeout=10_000):
        qtbot.keyClicks(window.editor, text)
