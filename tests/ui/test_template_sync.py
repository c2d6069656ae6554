"""Editing a field re-renders the template without losing the seller's own edits."""
from PySide6.QtGui import QTextCursor

from composer.ui.merge import merge, minimal_edit
from ui_helpers import DELAY_FIELDS, choose


def test_merge_carries_field_change_into_edited_text():
    base = "Hello,\nYour order 1 arrives on May 1.\nKind regards"
    ours = "Hi Sam,\nYour order 1 arrives on May 1.\nKind regards\nAcme"
    theirs = "Hello,\nYour order 1 arrives on June 3.\nKind regards"
    assert merge(base, ours, theirs) == "Hi Sam,\nYour order 1 arrives on June 3.\nKind regards\nAcme"


def test_merge_refuses_when_the_seller_edited_the_same_words():
    base = "Your order arrives on May 1."
    ours = "Your order arrives on May 1st, we hope."
    theirs = "Your order arrives on June 3."
    assert merge(base, ours, theirs) is None


def test_merge_shortcuts():
    assert merge("a", "a", "b") == "b"
    assert merge("a", "ab", "a") == "ab"


def test_minimal_edit_touches_only_the_difference():
    assert minimal_edit("Hello Sam, bye", "Hello Ann, bye") == (6, 9, "Ann")
    assert minimal_edit("abc", "abc") == (3, 3, "")
    start, end, text = minimal_edit("aaa", "aaaa")
    assert "aaa"[:start] + text + "aaa"[end:] == "aaaa"


def _replace_first(window, old: str, new: str) -> None:
    text = window.editor.toPlainText()
    start = text.index(old)
    cursor = window.editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(old), QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(new)


def test_field_change_keeps_seller_edits_elsewhere(qtbot, window):
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    _replace_first(window, "Hello,", "Hi Sam,")
    window.form.set_value("new_delivery_date", "2026-12-24")
    window.template.flush()
    text = window.editor.toPlainText()
    assert text.startswith("Hi Sam,")
    assert "December 24, 2026" in text and "December 10, 2026" not in text
    assert window.ask.questions == []  # merged without asking


def test_conflicting_edit_asks_and_can_keep_the_text(qtbot, window):
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    _replace_first(window, "December 10, 2026", "10 December (roughly)")
    edited = window.editor.toPlainText()
    window.ask.answers = ["Keep my text"]
    window.form.set_value("new_delivery_date", "2026-12-24")
    window.template.flush()
    assert window.editor.toPlainText() == edited
    assert window.ask.questions[0][0] == "The template changed"
    # Once kept, further field edits leave the text alone without asking again.
    window.form.set_value("original_amount", "30.00")
    window.template.flush()
    assert window.editor.toPlainText() == edited and len(window.ask.questions) == 1
    window.template.reset_to_template()
    assert "December 24, 2026" in window.editor.toPlainText()


def test_conflicting_edit_can_take_the_new_template_and_undo_it(qtbot, window):
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    _replace_first(window, "December 10, 2026", "soon")
    edited = window.editor.toPlainText()
    window.ask.answers = ["Use the new template"]
    window.form.set_value("new_delivery_date", "2026-12-24")
    window.template.flush()
    assert "December 24, 2026" in window.editor.toPlainText()
    window.editor.undo()
    assert window.editor.toPlainText() == edited


def test_changing_reason_with_edits_asks_before_replacing(qtbot, window):
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    _replace_first(window, "Hello,", "Hi Sam,")
    edited = window.editor.toPlainText()
    window.ask.answers = ["Keep my text"]
    window.picker.set_current("request_order_info")
    assert window.editor.toPlainText() == edited
    assert window.form.values()["order_id"] == DELAY_FIELDS["order_id"]  # same-named fields carry over
    window.ask.answers = ["Replace text"]
    window.picker.set_current("shipping_address_issue")
    assert window.editor.toPlainText() != edited


def test_store_name_signs_the_message(qtbot, window):
    window.store_edit.setText("Acme Mugs")
    window.store_edit.editingFinished.emit()
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    assert window.editor.toPlainText().endswith("\nAcme Mugs")


def test_minimal_edit_round_trips_on_random_text():
    import random

    rng = random.Random(7)
    for _ in range(300):
        old = "".join(rng.choice("ab \n") for _ in range(rng.randint(0, 12)))
        new = "".join(rng.choice("ab \n") for _ in range(rng.randint(0, 12)))
        start, end, text = minimal_edit(old, new)
        assert old[:start] + text + old[end:] == new
        assert 0 <= start <= end <= len(old)


def test_merge_of_a_huge_text_asks_instead_of_diffing():
    base = "Hello " * 5000
    assert merge(base, base + "x", base.replace("Hello", "Hi", 1)) is None


def test_switching_marketplace_picks_its_own_language(qtbot, window):
    window.set_marketplace("US")
    window.marketplace_combo.setCurrentIndex(window.marketplace_combo.findData("JP"))
    assert window.buyer_locale() == "ja_JP"  # not en_US, although amazon.co.jp offers it too
    window.set_locale("en_US")
    window.set_marketplace("JP", "en_US")  # a restored draft keeps its buyer's language
    assert window.buyer_locale() == "en_US"


def test_buyer_language_without_a_template_says_so(qtbot, window):
    window.set_marketplace("DE")
    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    from composer.render import available_languages

    if "de" in available_languages("shipment_delay_notice"):
        assert not window.notice_label.isVisible()
    else:
        assert window.notice_label.isVisible() and "Translate" in window.notice_label.text()


def test_a_broken_template_keeps_the_text_and_explains(qtbot, window, monkeypatch):
    from composer.ui import core

    choose(qtbot, window, "shipment_delay_notice", DELAY_FIELDS)
    text = window.editor.toPlainText()

    def broken(*args, **kwargs):
        raise FileNotFoundError("no template for shipment_delay_notice")

    monkeypatch.setattr(core, "render_template", broken)
    window.form.set_value("original_amount", "30.00")
    window.template.flush()
    assert window.editor.toPlainText() == text
    assert "could not be rendered" in window.notice_label.text()
