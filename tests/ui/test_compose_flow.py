"""The seller's main path: reason, fields, a violation found and fixed, copy, history."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from composer.history import History
from ui_helpers import DELAY_FIELDS, ORDER, check_now, choose, type_text


def blocking(window):
    return [f for f in window.review.visible() if f.severity == "error"]


def test_violation_blocks_copy_until_fixed_then_copy_reaches_the_clipboard(qtbot, window):
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    assert ORDER in window.editor.toPlainText()
    assert "December 10, 2026" in window.editor.toPlainText()
    assert blocking(window) == []
    assert window.copy_button.isEnabled()
    assert window.status_gate.gate_label.text() == "Ready to copy"

    type_text(qtbot, window, " Details: bob@example.com")
    errors = blocking(window)
    assert [f.rule for f in errors] == ["contact.email"]
    text = window.editor.toPlainText()
    assert text[errors[0].start:errors[0].end] == "bob@example.com"
    assert (errors[0].start, errors[0].end, "error") in window.editor.underlined()
    assert not window.copy_button.isEnabled() and not window.copy_action.isEnabled()
    assert window.status_gate.gate_label.text() == "1 blocking issue"
    assert any("bob@example.com" in f.message or f.rule == "contact.email" for f in window.findings.findings())

    QGuiApplication.clipboard().setText("before")
    assert window.exporter.copy_message() is False  # the shortcut path is gated too
    assert QGuiApplication.clipboard().text() == "before"
    typed = window.editor.toPlainText()
    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.toPlainText() == typed  # no stray newline; the status bar says why
    assert "blocking" in window.statusBar().currentMessage()
    assert QGuiApplication.clipboard().text() == "before"

    with qtbot.waitSignal(window.checked, timeout=10_000):
        window.review.apply_fix(errors[0].fixes[0])
    assert "bob@example.com" not in window.editor.toPlainText()
    assert blocking(window) == []
    assert window.copy_button.isEnabled()

    qtbot.keyClick(window.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Hello,") and ORDER in copied
    assert "bob@example.com" not in copied
    entries = window.history.search()
    assert [(e.order_id, e.reason, e.text) for e in entries] == [(ORDER, "shipment_delay_notice", copied)]


def test_copy_puts_sanitised_text_on_the_clipboard(qtbot, window):
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    type_text(qtbot, window, "   ")
    window.editor.insertPlainText("\u200b")
    check_now(qtbot, window)
    assert window.exporter.copy_message()
    copied = QGuiApplication.clipboard().text()
    assert "\u200b" not in copied and not copied.endswith(" ")


def test_fix_is_a_single_undo_step(qtbot, window):
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    type_text(qtbot, window, " Details: bob@example.com")
    before = window.editor.toPlainText()
    with qtbot.waitSignal(window.checked, timeout=10_000):
        window.review.apply_fix(blocking(window)[0].fixes[0])
    assert window.editor.toPlainText() != before
    window.editor.undo()
    assert window.editor.toPlainText() == before


def test_warning_needs_one_confirmation(qtbot, window):
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    type_text(qtbot, window, " Thanks :)")
    assert [f.severity for f in window.review.visible()] == ["warning"]
    assert window.copy_button.isEnabled()
    QGuiApplication.clipboard().setText("before")

    window.ask.answers = ["Cancel"]
    assert window.exporter.copy_message() is False
    assert QGuiApplication.clipboard().text() == "before"

    window.ask.answers = ["Copy anyway"]
    assert window.exporter.copy_message() is True
    assert QGuiApplication.clipboard().text().endswith("Thanks :)")
    assert [q[0] for q in window.ask.questions] == ["Copy with warnings?", "Copy with warnings?"]


def test_second_review_request_for_the_same_order_is_refused(qtbot, window):
    fields = {"order_id": ORDER, "product": "the ceramic mug"}
    choose(qtbot, window, "review_feedback_request", fields)
    assert window.exporter.copy_message() is True
    QGuiApplication.clipboard().setText("before")

    window.ask.answers = ["OK"]  # if the policy ever let it through, the history's own refusal dialog
    check_now(qtbot, window)
    # The history feeds the policy (context.earlier_messages): the repeat is now a blocking finding.
    assert any(f.severity == "error" for f in window.review.visible())
    assert not window.copy_button.isEnabled()
    assert window.exporter.copy_message() is False
    assert QGuiApplication.clipboard().text() == "before"
    assert History().count_for(ORDER, "review_feedback_request") == 1


def test_copy_subject(qtbot, window):
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    assert window.subject_button.isEnabled()
    assert window.exporter.copy_subject()
    subject = QGuiApplication.clipboard().text()
    assert subject and subject == window.template.subject
    assert window.history.search() == []  # the subject alone is not a sent message


def test_nothing_is_copied_without_a_reason(qtbot, window):
    window.editor.setPlainText("Hello")
    check_now(qtbot, window)
    assert not window.copy_button.isEnabled()
    assert window.exporter.copy_message() is False


def test_copy_spapi_request_for_a_reason_with_a_text_action(qtbot, window):
    import json

    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    assert window.spapi_button.isEnabled()
    assert window.exporter.copy_spapi()
    request = json.loads(QGuiApplication.clipboard().text())
    assert request["method"] == "POST" and ORDER in request["path"]
    assert json.dumps(request["body"], ensure_ascii=False).count("Hello,") == 1
    assert [e.reason for e in window.history.search()] == ["shipment_delay_notice"]


def test_no_spapi_request_for_a_reason_without_a_text_action(qtbot, window):
    choose(qtbot, window, "review_feedback_request", {"order_id": ORDER, "product": "the mug"})
    assert not window.spapi_button.isEnabled()
    assert window.exporter.copy_spapi() is False


def test_gate_says_what_is_missing(qtbot, window):
    window.editor.setPlainText("Hello")
    check_now(qtbot, window)
    assert window.status_gate.gate_label.text() == "Choose a reason first"
    window.ask.answers = ["Replace text"]
    choose(qtbot, window, "reply_to_buyer")
    window.editor.clear()
    check_now(qtbot, window)
    assert window.status_gate.gate_label.text() == "Nothing to copy yet"
    assert not window.copy_button.isEnabled()


def test_history_refuses_a_repeat_review_request_even_if_the_check_passes(qtbot, window, monkeypatch):
    fields = {"order_id": ORDER, "product": "the ceramic mug"}
    choose(qtbot, window, "review_feedback_request", fields)
    assert window.exporter.copy_message() is True
    # Take the history out of the checker's context: only the export-time refusal is left.
    monkeypatch.setattr(window.review, "earlier_messages", lambda order_id: ())
    check_now(qtbot, window)
    assert window.copy_button.isEnabled()
    window.ask.answers = ["OK"]
    assert window.exporter.copy_message() is False
    assert window.ask.questions[-1][0] == "Not allowed"
    assert History().count_for(ORDER, "review_feedback_request") == 1


def test_text_that_sanitising_would_break_is_not_copied(qtbot, window, monkeypatch):
    from composer.model import Finding, Report

    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)

    class Picky:  # approves the text only while its zero-width space is still there
        def __call__(self, text):
            if "\u200b" in text:
                return Report(text)
            return Report(text, (Finding("x.y", "formatting", "error", 0, 0, "broken", scope="message"),))

    monkeypatch.setattr(window.review, "make_check", lambda: Picky())
    window.checker._make_check = window.review.make_check
    window.editor.insertPlainText("\u200b")
    check_now(qtbot, window)
    assert window.copy_button.isEnabled()
    QGuiApplication.clipboard().setText("before")
    assert window.exporter.copy_message() is False
    assert QGuiApplication.clipboard().text() == "before"
    assert window.history.search() == []


def test_missing_order_details_block_the_copy(qtbot, window):
    choose(qtbot, window, "verify_custom_design", {"order_id": ORDER})
    assert "[Design to confirm]" in window.editor.toPlainText()
    assert window.review.gate().missing == "Complete the order details: Design to confirm"
    assert not window.copy_button.isEnabled()
    assert window.exporter.copy_message() is False
    assert window.form._errors["design_details"].isVisible()  # the refused copy shows where
    window.form.set_value("design_details", 'Engraving "Anna and Ben" in script letters')
    window.template.flush()
    check_now(qtbot, window)
    assert "[Design to confirm]" not in window.editor.toPlainText()
    assert window.review.gate().missing == ""
    assert window.copy_button.isEnabled()


def test_order_dates_feed_the_timing_rules(qtbot, window):
    from datetime import date, timedelta

    choose(qtbot, window, "review_feedback_request", {"order_id": ORDER, "product": "the ceramic mug"})
    assert window.copy_button.isEnabled()
    too_soon = (date.today() - timedelta(days=2)).isoformat()
    window.order_dates.set_values({"delivery_date": too_soon})
    check_now(qtbot, window)
    assert any(f.category == "timing" and f.severity == "error" for f in window.review.visible())
    assert not window.copy_button.isEnabled()
    window.order_dates.set_values({"delivery_date": (date.today() - timedelta(days=10)).isoformat()})
    check_now(qtbot, window)
    assert window.copy_button.isEnabled()


def test_a_half_typed_date_is_explained_and_ignored(qtbot, window):
    choose(qtbot, window, "review_feedback_request", {"order_id": ORDER, "product": "the ceramic mug"})
    window.order_dates.set_values({"delivery_date": "12/03/2026"})
    assert "YYYY-MM-DD" in window.order_dates._errors["delivery_date"].text()
    assert window.order_dates.dates() == {}
