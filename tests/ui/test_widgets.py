"""Reason picker, field form, findings panel and editor details: what the seller sees and can reach."""
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QListWidget, QPlainTextEdit

from composer.model import Finding, Fix
from composer.reasons import all_reasons
from composer.ui.editor import finding_tooltip
from composer.ui.history_dialog import HistoryDialog
from ui_helpers import DELAY_FIELDS, choose, type_text


def test_picker_groups_reasons_under_unselectable_headings(window):
    model = window.picker.combo.model()
    headings = [model.item(r).text() for r in range(model.rowCount()) if not model.item(r).isSelectable()]
    assert headings == ["Replies", "Critical notices", "Completing the order", "After delivery"]
    assert sorted(window.picker.reason_ids()) == sorted(r.id for r in all_reasons())


def _shown_text(label) -> str:
    from PySide6.QtGui import QTextDocumentFragment

    return QTextDocumentFragment.fromHtml(label.text()).toPlainText().replace("\xa0", " ").replace("\u2011", "-")


def test_picker_details_show_description_timing_and_critical(window):
    reason = next(r for r in all_reasons() if r.critical)
    window.picker.set_current(reason.id)
    details = _shown_text(window.picker.details)
    assert reason.description in details and reason.timing in details and "Critical" in details
    assert "(critical)" in window.picker.combo.currentText()  # said in words, not only by style
    other = next(r for r in all_reasons() if not r.critical)
    window.picker.set_current(other.id)
    assert "Not critical" in _shown_text(window.picker.details)


def test_form_is_generated_from_the_reason_fields(window):
    window.picker.set_current("shipment_delay_notice")
    reason = window.reason()
    assert list(window.form.values()) == [f.name for f in reason.fields]
    choice = next(f for f in reason.fields if f.type == "choice")
    assert isinstance(window.form.input(choice.name), QComboBox)


def test_inline_validation_explains_a_bad_order_id(qtbot, window):
    window.picker.set_current("shipment_delay_notice")
    window.form.set_value("order_id", "12345")
    label = window.form._errors["order_id"]
    assert label.isVisible() and "17 digits" in label.text()
    assert "17 digits" in window.form.input("order_id").accessibleDescription()
    window.form.set_value("order_id", DELAY_FIELDS["order_id"])
    assert not label.isVisible()


def test_untouched_required_fields_are_not_shouted_at(window):
    window.picker.set_current("shipment_delay_notice")
    assert not window.form._errors["order_id"].isVisible()


def test_clicking_a_finding_selects_its_text(qtbot, window):
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    type_text(qtbot, window, " Details: bob@example.com")
    panel = window.findings.list
    row = next(r for r in range(panel.count()) if window.findings.finding_of(panel.item(r)) is not None
               and window.findings.finding_of(panel.item(r)).rule == "contact.email")
    rect = panel.visualItemRect(panel.item(row))
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.editor.textCursor().selectedText() == "bob@example.com"


def test_panel_items_carry_severity_in_icon_and_words(qtbot, window):
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    type_text(qtbot, window, " Details: bob@example.com :)")
    items = [window.findings.list.item(r) for r in range(window.findings.list.count())]
    assert all(not item.icon().isNull() for item in items)
    assert {item.text().split(":")[0] for item in items} == {"Error", "Warning"}


def test_context_menu_offers_fixes_and_ignore_only_for_non_errors(qtbot, window):
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    type_text(qtbot, window, " Details: bob@example.com :)")
    text = window.editor.toPlainText()
    menu = window.editor.build_context_menu(text.index("bob@"), QPoint(0, 0))
    labels = [a.text() for a in menu.actions()]
    assert "Remove the address" in labels and "Ignore once" not in labels
    menu = window.editor.build_context_menu(text.index(":)"), QPoint(0, 0))
    assert "Ignore once" in [a.text() for a in menu.actions()]


def test_ignore_once_hides_a_warning_but_never_an_error(qtbot, window):
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    type_text(qtbot, window, " Details: bob@example.com :)")
    findings = window.review.visible()
    warning = next(f for f in findings if f.severity == "warning")
    error = next(f for f in findings if f.severity == "error")
    window.review.ignore(warning)
    window.review.ignore(error)
    assert [f.rule for f in window.review.visible()] == [error.rule]
    assert window.status_gate.gate_label.text() == "1 blocking issue"


def test_tooltip_shows_message_why_fix_and_source():
    finding = Finding("contact.email", "contact-info", "error", 0, 5, "Email address", why="Amazon forbids it",
                      fix_hint="Remove it", link="https://example.org/rule", evidence="[S1]",
                      fixes=(Fix("Remove", 0, 5, ""),))
    tip = finding_tooltip(finding)
    for part in ("Error:", "Email address", "Amazon forbids it", "Remove it", "[S1]", "contact.email"):
        assert part in tip


def test_hover_finds_the_finding_under_the_mouse(qtbot, window):
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    type_text(qtbot, window, " Details: bob@example.com")
    index = window.editor.toPlainText().index("bob@") + 2
    assert [f.rule for f in window.editor.findings_at(index)] == ["contact.email"]
    assert window.editor.findings_at(0) == []


def test_emoji_offsets_line_up_with_qt_positions(qtbot, window):
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    window.editor.insertPlainText(" 😀 ")  # QTest cannot type characters outside the BMP
    type_text(qtbot, window, "Details: bob@example.com")
    email = next(f for f in window.review.visible() if f.rule == "contact.email")
    window.review.select_finding(email)
    assert window.editor.textCursor().selectedText() == "bob@example.com"


def test_every_input_has_an_accessible_name(qtbot, window):
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    kinds = (QComboBox, QLineEdit, QPlainTextEdit, QListWidget, QAbstractButton)
    unnamed = [w.objectName() or type(w).__name__ for w in window.findChildren(QComboBox) + window.findChildren(
        QLineEdit) + window.findChildren(QPlainTextEdit) + window.findChildren(QListWidget)
        + window.findChildren(QAbstractButton)
        if isinstance(w, kinds) and w.isVisible() and not (w.accessibleName() or getattr(w, "text", lambda: "")())]
    assert unnamed == []


def test_every_action_has_a_keyboard_shortcut(window):
    actions = [window.copy_action, window.copy_subject_action, window.copy_spapi_action, window.history_action,
               window.check_action, window.next_action, window.fixes_action, *window.focus_actions]
    assert all(not a.shortcut().isEmpty() for a in actions)
    assert "Ctrl+Return" in [s.toString() for s in window.copy_action.shortcuts()]


def test_tab_order_runs_from_reason_to_copy(qtbot, window):
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    qtbot.waitUntil(lambda: window.form.input("order_id").isVisible())
    seen = []
    widget = window.picker.combo
    for _ in range(40):
        seen.append(widget)
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) or not widget.isVisible():
            widget = widget.nextInFocusChain()
        if widget is window.picker.combo:
            break
    order = [window.picker.combo, window.marketplace_combo, window.locale_combo, window.store_edit,
             *window.form.inputs(), *window.order_dates.inputs(), window.editor, window.findings.list]
    positions = [seen.index(w) for w in order]
    assert positions == sorted(positions)
    assert seen.index(window.copy_button) > seen.index(window.editor)


def test_marketplace_and_store_name_are_remembered(qtbot, make_window):
    first = make_window()
    first.set_marketplace("DE")
    first.marketplace_combo.currentIndexChanged.emit(first.marketplace_combo.currentIndex())
    first.store_edit.setText("Acme Mugs")
    first.store_edit.editingFinished.emit()
    second = make_window()
    assert second.marketplace_code() == "DE"
    assert second.store_edit.text() == "Acme Mugs"
    assert second.buyer_locale() == "de_DE"
    assert [second.locale_combo.itemData(i) for i in range(second.locale_combo.count())][0] == "de_DE"


def test_history_dialog_lists_and_searches(qtbot, window):
    window.history.record("112-1234567-1234567", "shipment_delay_notice", "Your parcel is late")
    window.history.record("113-7654321-7654321", "verify_custom_design", "Engraving proof")
    dialog = HistoryDialog(window.history, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    dialog.search.setText("engraving")
    dialog.refresh()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "113-7654321-7654321"
    assert dialog.preview.toPlainText() == "Engraving proof"


def test_f8_walks_through_the_underlined_findings(qtbot, window):
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    type_text(qtbot, window, " Details: bob@example.com :)")
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    assert window.editor.textCursor().selectedText() == "bob@example.com"
    qtbot.keyClick(window.editor, Qt.Key.Key_F8)
    assert window.editor.textCursor().selectedText() == ":)"
    qtbot.keyClick(window.editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.textCursor().selectedText() == "bob@example.com"


def test_many_qt_calls_do_not_abort_the_interpreter(tmp_path):
    """PySide6 6.12 on Python 3.11 drops a reference to None per void call; compat.py must absorb it."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "from composer.ui.compat import guard_none_refcount\n"
        "guard_none_refcount()\n"
        "from PySide6.QtCore import QObject\n"
        "probe = QObject()\n"
        "for _ in range(50_000):\n"
        "    probe.setObjectName('x')\n"
        "print('survived')\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")]))}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "survived"


def test_hover_follows_the_words_while_the_next_check_is_pending(qtbot, window):
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    type_text(qtbot, window, " Details: bob@example.com")
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    window.editor.insertPlainText("Dear buyer,\n")  # shifts everything; no check has run since
    index = window.editor.toPlainText().index("bob@") + 2
    assert [f.rule for f in window.editor.findings_at(index)] == ["contact.email"]


def test_hovering_an_underline_shows_its_tooltip(qtbot, window):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    type_text(qtbot, window, " Details: bob@example.com")
    cursor = window.editor.textCursor()
    cursor.setPosition(window.editor.toPlainText().index("bob@") + 3)
    point = window.editor.cursorRect(cursor).center()
    viewport = window.editor.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    assert "bob@example.com" in QToolTip.text() and "Error:" in QToolTip.text()
    QToolTip.hideText()


def test_help_lists_every_shortcut(window):
    window.ask.answers = ["Close"]
    window.shortcuts_action.trigger()
    title, _text, _buttons = window.ask.questions[0]
    assert title == "Keyboard shortcuts"
    names = dict(window.shortcut_list())
    from PySide6.QtGui import QKeySequence

    native = QKeySequence("Ctrl+Return").toString(QKeySequence.SequenceFormat.NativeText)
    assert "Copy message" in names and native in names["Copy message"]
    assert len(names) >= 12


def test_ignore_once_ignores_only_that_occurrence(qtbot, window):
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    type_text(qtbot, window, " Thanks :) and again :)")
    first, second = sorted((f for f in window.review.visible() if f.severity == "warning"), key=lambda f: f.start)
    window.review.ignore(first)
    assert [f.start for f in window.review.visible() if f.severity == "warning"] == [second.start]
    type_text(qtbot, window, " More text.")  # an edit after both keeps the same one ignored
    remaining = [f for f in window.review.visible() if f.severity == "warning"]
    assert len(remaining) == 1 and remaining[0].start == second.start


def test_store_name_typed_just_before_closing_is_remembered(qtbot, make_window):
    first = make_window()
    first.store_edit.setText("Late Typist Ltd")  # no editingFinished: the seller closes straight away
    first.close()
    assert make_window().store_edit.text() == "Late Typist Ltd"
