"""Qt-free helpers of the window: the export gate and code-point <-> UTF-16 offsets."""
from composer.model import Finding
from composer.ui.gate import Gate, character_count_label, gate_for, ignore_keys, missing_for, visible_findings
from composer.ui.offsets import OffsetMap


def finding(severity, start=0, end=1, rule="r"):
    return Finding(rule, "formatting", severity, start, end, "m")


def test_gate_blocks_on_errors_and_asks_on_warnings():
    assert gate_for([finding("error"), finding("error", 2, 3)]).label == "2 blocking issues"
    assert not gate_for([finding("error")]).can_copy
    warn = gate_for([finding("warning")])
    assert warn.can_copy and warn.needs_confirmation and "1 warning" in warn.label
    assert gate_for([finding("suggestion")]).label == "Ready to copy"
    assert not Gate(0, 0, 0, checked=False).can_copy


def test_gate_names_what_is_missing():
    assert missing_for(None, "text") == "Choose a reason first"
    assert missing_for(object(), "  \n") == "Nothing to copy yet"
    assert missing_for(object(), "Hi") == ""
    assert gate_for([], missing="Choose a reason first").label == "Choose a reason first"
    assert gate_for([finding("error")], missing="x").label == "1 blocking issue"


def test_errors_can_never_be_ignored():
    text = "ab ab"
    error, warning = finding("error", 0, 2, "e"), finding("warning", 3, 5, "w")
    keys = ignore_keys([error, warning], text)
    assert visible_findings([error, warning], {keys[error], keys[warning]}, text) == (error,)


def test_character_count_label():
    assert character_count_label(1999, 2000) == "1,999 / 2,000 characters"
    assert character_count_label(2001, 2000).endswith("(too long)")
    assert character_count_label(5, None) == "5 characters"


def test_offsets_identity_for_bmp_text():
    offsets = OffsetMap("Grüße – ok")
    assert [offsets.to_qt(i) for i in range(4)] == [0, 1, 2, 3]


def test_offsets_count_emoji_twice_on_the_qt_side():
    text = "a😀b😀c"
    offsets = OffsetMap(text)
    utf16 = [len(text[:i].encode("utf-16-le")) // 2 for i in range(len(text) + 1)]
    assert [offsets.to_qt(i) for i in range(len(text) + 1)] == utf16
    assert [offsets.to_py(q) for q in utf16] == list(range(len(text) + 1))


def test_missing_order_details_are_named_by_their_labels():
    from types import SimpleNamespace

    reason = SimpleNamespace(fields=(SimpleNamespace(name="order_id", label="Order ID"),
                                     SimpleNamespace(name="item", label="Item")))
    assert missing_for(reason, "Hi", {"item": "Item is required"}) == "Complete the order details: Item"
    assert missing_for(reason, "Hi", {}) == ""
