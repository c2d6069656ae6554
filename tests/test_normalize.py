"""Normalisation sees through evasion, and every span maps back onto the original text."""
from __future__ import annotations

import pytest

from composer.normalize import normalize


@pytest.mark.parametrize(
    "original, expected",
    [
        ("Visit w w w . shop . com now", "Visit www.shop.com now"),
        ("see shop dot com", "see shop.com"),
        ("name (at) mail (dot) com", "name@mail.com"),
        ("bob at gmail dot com", "bob@gmail.com"),
        ("ｗｗｗ．ｓｈｏｐ．ｃｏｍ", "www.shop.com"),
        ("re\u200bv\u200die\u2060w", "review"),
        ("соupоn", "coupon"),  # Cyrillic о and с
        ("myshop [.] co [.] uk", "myshop.co.uk"),
        ("sav (arobase) boutique (point) fr", "sav@boutique.fr"),
        ("info [at] laden (punkt) de", "info@laden.de"),
        ("boutique point com", "boutique.com"),
        ("oaklinehome\u3002com", "oaklinehome.com"),
        ("Besuchen Sie myshop. de", "Besuchen Sie myshop.de"),
        ("don\u2019t", "don't"),
    ],
)
def test_evasions_are_undone(original, expected):
    assert normalize(original).text == expected


@pytest.mark.parametrize(
    "text",
    ["We ship at 5 pm. Thanks", "especially if it's a 5-star one", "Follow @northpeak", "The dot com bubble", "Le point de retrait est fermé", "El punto es que llegó tarde", "Der Punkt de facto", "Thank you. It arrives Monday.", "polka dot dress", "e.g. this", "Order 112-1234567-1234567.", "Avda. de la Constitución 112", "aprox. la mitad", "approx. it is"],
)
def test_ordinary_text_is_left_alone(text):
    assert normalize(text).text == text


def test_spans_map_back_to_the_original():
    original = "Mail me: bob (at) shop (dot) com, or w w w . shop . com"
    norm = normalize(original)
    for needle, expected in (("bob@shop.com", "bob (at) shop (dot) com"), ("www.shop.com", "w w w . shop . com")):
        start = norm.text.index(needle)
        s, e = norm.to_original(start, start + len(needle))
        assert original[s:e] == expected


def test_zero_width_removal_keeps_later_offsets_right():
    original = "a\u200bb\u200bc coupon"
    norm = normalize(original)
    start = norm.text.index("coupon")
    assert norm.to_original(start, start + 6) == (original.index("coupon"), len(original))


def test_passes_near_hints_rewrite_exactly_like_whole_text_passes():
    # Each de-obfuscation pass reads only the stretches around its gate's hints; the result must be
    # what the pass gives on the whole text.
    import random

    from composer import normalize as N

    def whole_text(text):
        for gate, pattern, replace in N._PASSES:
            if gate.search(text.encode("utf-8", "surrogatepass")) is not None:
                text, _ = N._rewrite(text, pattern.finditer(text), replace)
        return text

    fragments = ["shop", " dot ", " (dot) ", "[.]", " . ", "com", " point ", "fr", "www", " ", "w w w", "s h o p",
                 "name", " (at) ", " @ ", "gmail", " at ", "mail", ". ", "。", "ご連絡", "Über", "x" * 150, "\n",
                 "the", " dot com", "(", ")", "punkt", "de", "a b c", "l i n e", "{", "<", ".", "ドット", "＠"]
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(fragments) for _ in range(rng.randint(1, 25)))
        stages = N._deobfuscate(text)
        got = stages[-1][0] if stages else text
        assert got == whole_text(text), text
