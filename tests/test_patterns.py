"""Rule patterns run on RE2: a user's catastrophic pattern cannot freeze the checker."""
from __future__ import annotations

import threading

import pytest

from composer.document import Document
from composer.patterns import Matcher, PatternError, compile_pattern


def spans(matcher, text):
    doc = Document(text)
    return [doc.text[s:e] for s, e in matcher.spans(doc)]


def test_catastrophic_pattern_on_long_input_finishes():
    # (a+)+$ on "aaaa...b" takes exponential time on a backtracking engine; RE2 is linear.
    matcher = Matcher(patterns=[r"(a+)+$"])
    doc = Document("a" * 200_000 + "b")
    done = threading.Event()
    result = []

    def work():
        result.append(matcher.spans(doc))
        done.set()

    threading.Thread(target=work, daemon=True).start()
    # A generous bound that only a backtracking engine could miss (it would need years).
    assert done.wait(60), "pattern matching did not finish"
    assert result == [[]]


def test_lookaround_and_backreferences_are_refused():
    for bad in (r"(?<=a)b", r"(a)\1", r"a(?!b)"):
        with pytest.raises(PatternError):
            compile_pattern(bad)


def test_tokens_match_whole_words_case_insensitively_across_whitespace():
    matcher = Matcher(tokens=["leave a review", "coupon"])
    assert spans(matcher, "Please LEAVE  a\nreview; coupons no; Coupon!") == ["LEAVE  a\nreview", "Coupon"]


def test_token_star_matches_word_endings():
    assert spans(Matcher(tokens=["refund*"]), "refunded, refunds, prerefund") == ["refunded", "refunds"]


def test_unicode_word_edges_and_case():
    matcher = Matcher(tokens=["ändern"])
    assert spans(matcher, "Bitte ÄNDERN Sie; veränderne nicht") == ["ÄNDERN"]


def test_japanese_tokens_match_without_spaces():
    assert spans(Matcher(tokens=["レビュー"]), "高評価のレビューをお願いします") == ["レビュー"]


def test_offsets_are_characters_after_multibyte_text():
    text = "日本語 😊 coupon"
    doc = Document(text)
    [(s, e)] = Matcher(tokens=["coupon"]).spans(doc)
    assert doc.text[s:e] == "coupon"


def test_latin_token_inside_japanese_text_matches():
    assert spans(Matcher(tokens=["Instagram"]), "当店のInstagramアカウント") == ["Instagram"]


def test_shorter_token_found_when_the_longer_runs_into_a_word():
    # "ci segua su" matches inside "ci segua sul", fails its edge, and "ci segua" must still count.
    assert spans(Matcher(tokens=["ci segua su", "ci segua"]), "Poi ci segua sul nostro profilo") == ["ci segua"]
    assert spans(Matcher(tokens=["review it", "review"]), "please review items") == ["review"]


def test_failed_phrase_does_not_hide_a_word_inside_it():
    assert spans(Matcher(tokens=["que falta", "faltaba", "falta"]), "Veo que faltaba una pieza") == ["faltaba"]


def test_byte_offsets_map_to_character_offsets_in_mixed_scripts():
    # The index stores one entry per run of same-width characters; check it against a plain count
    # on texts mixing 1-, 2-, 3- and 4-byte characters (and a lone surrogate, which the documents keep).
    import random

    from composer.patterns import ByteIndex

    def expected(text, b):
        total = 0
        for c, ch in enumerate(text):
            if total >= b:
                return c
            total += len(ch.encode("utf-8", "surrogatepass"))
        return len(text)

    rng = random.Random(7)
    alphabet = ["a", " ", "1", "é", "ß", "日", "本", "€", "ｱ", "😀", "\U00010348", "\ud800"]
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        index = ByteIndex(text)
        size = len(text.encode("utf-8", "surrogatepass"))
        assert [index.to_char(b) for b in range(size + 1)] == [expected(text, b) for b in range(size + 1)], text
