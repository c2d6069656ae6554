"""Tests for composer.sanitize: what reaches the clipboard."""
from composer.sanitize import sanitize


def test_strips_zero_width_and_bidi_characters():
    assert sanitize("ex\u200bam\u200dple\ufeff \u202eabc") == "example abc"


def test_normalises_line_endings():
    assert sanitize("a\r\nb\rc\u2028d") == "a\nb\nc\nd"


def test_trims_trailing_spaces_on_every_line():
    assert sanitize("Hello   \nWorld\t\u00a0\nEnd ") == "Hello\nWorld\nEnd"


def test_removes_control_characters_but_keeps_newlines():
    assert sanitize("a\x00b\x07c\nd\x1b") == "abc\nd"


def test_collapses_runs_of_blank_lines_and_outer_newlines():
    assert sanitize("\n\nHi\n\n\n\nBye\n\n") == "Hi\n\nBye"


def test_keeps_ordinary_unicode_text():
    text = "Grüße, Ihre Bestellung 123-1234567-1234567 – danke"
    assert sanitize(text) == text


def test_tabs_become_spaces():
    assert sanitize("a\tb") == "a b"
