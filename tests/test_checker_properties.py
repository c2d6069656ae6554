"""Property tests: no Unicode input crashes the checker, offsets lie inside the text, results repeat."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from composer import check_text
from composer.normalize import normalize

# Text built to hit the tricky paths: evasion forms, emoji, digits, CJK, zero-width and combining marks.
FRAGMENTS = st.sampled_from(
    [
        " dot com", " (at) ", "w w w ", "\u200b", "\u200d", "\ufe0f", "😊", "👨‍👩‍👧", "ｗｗｗ", "。", "\n\n\n",
        "112-1234567-1234567", "+1 555 123 4567", "http://x.io", "<b>", "&amp;", "review", "5 stars", "é",
        "e\u0301", "\ud7ff", "ﬁ", "Ⅻ", "①", "ß", "İ", "ǅ", "\U0001d400", "\r\n", "\t", "レビュー", ":)",
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=20), FRAGMENTS), max_size=25).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_never_crashes_and_offsets_lie_inside_the_text(text):
    report = check_text(text)
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text), f
        for fix in f.fixes:
            assert 0 <= fix.start <= fix.end <= len(text)
    assert report.verdict == ("block" if any(f.severity == "error" for f in report.findings) else "approve")


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_same_text_same_findings(text):
    assert check_text(text).findings == check_text(text).findings


@settings(max_examples=300, deadline=None)
@given(TEXT, st.data())
def test_normalised_spans_map_inside_original(text, data):
    norm = normalize(text)
    n = len(norm.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    s, e = norm.to_original(start, end)
    assert 0 <= s <= e <= len(text)
