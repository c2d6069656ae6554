"""Library-backed detectors: what they find, and the near misses they must leave alone."""
from __future__ import annotations

import pytest

from composer.detectors import DETECTORS
from composer.document import Document


def found(name, text, reason=None, **options):
    doc = Document(text)
    find = DETECTORS[name].build(options)
    return [doc.original[slice(*doc.hit_span(h))] for h in find(doc, reason)]


AMAZON = ["amazon.*", "*.amazon.*"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Visit www.myshop.com today", ["www.myshop.com"]),
        ("see http://bit.ly/abc.", ["http://bit.ly/abc"]),
        ("our site myshop.co.uk/deals", ["myshop.co.uk/deals"]),
        ("w w w . shop . com", ["w w w . shop . com"]),
        ("shop dot com", ["shop dot com"]),
        ("https://amazon.evil.com/x", ["https://amazon.evil.com/x"]),
    ],
)
def test_url_finds_outside_links(text, expected):
    assert found("url", text, allow_domains=AMAZON) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Review here: https://www.amazon.com/review/create-review?asin=B0TEST",
        "See amazon.co.uk or smile.amazon.de",
        "Thank you.Best regards",
        "The invoice.pdf and manual.zip are attached",
        "Order 112-1234567-1234567 ships on 26.11.2026, total $12.50, e.g. today",
        "Write to buyer@marketplace.amazon.com",
    ],
)
def test_url_leaves_amazon_and_non_links_alone(text):
    assert found("url", text, allow_domains=AMAZON) == []


def test_url_insecure_only_and_https_warning_for_order_reasons():
    assert found("url", "proof at http://x.com/p.jpg and https://x.com/q", only="insecure") == ["http://x.com/p.jpg"]
    doc = Document("Upload your photo at https://upload.example.com/form")
    find = DETECTORS["url"].build({"allow_https_for": ["verify_custom_design"]})
    [hit] = find(doc, "verify_custom_design")
    assert hit.severity == "warning"
    [hit] = find(doc, "reply_to_buyer")
    assert hit.severity is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mail support@myshop.com", ["support@myshop.com"]),
        ("name (at) gmail (dot) com", ["name (at) gmail (dot) com"]),
        ("ｓａｌｅｓ＠ｓｈｏｐ．ｃｏｍ", ["ｓａｌｅｓ＠ｓｈｏｐ．ｃｏｍ"]),
    ],
)
def test_email(text, expected):
    assert found("email", text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Call +1 555-123-4567 today", ["+1 555-123-4567"]),
        ("Ring (206) 555-0100.", ["(206) 555-0100"]),
        ("Tel. 030 1234567", ["030 1234567"]),
        ("WhatsApp: +44 20 7946 0958", ["+44 20 7946 0958"]),
        ("call 0049 30 1234567", ["0049 30 1234567"]),
        ("Phone no. 555-123-4567", ["555-123-4567"]),
        ("mob: 07700900123", ["07700900123"]),
        ("or +447700900123", ["+447700900123"]),
        ("Mobil 0151 12345678", ["0151 12345678"]),
        ("お電話は03-1234-5678まで", ["03-1234-5678"]),
    ],
)
def test_phone_numbers(text, expected):
    assert found("phone", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Order 113-4567890-1234567 has shipped",
        "Tracking 1Z999AA10123456784 and 9400111899223334445566",
        "FedEx tracking number: 771234567890; DHL tracking 1234567890",
        "Invoice INV-2026-0415 for your order 112-1234567-1234567, receipt No. 2026-1187",
        "The replacement hose is model number 5500-1200-34. PO number 4500012345.",
        "Paket 7731 0048 2265 und Sendung 3612-4578-9020",
        "conforme al Real Decreto 110/2015 sobre residuos",
        "注文番号503-4419208-1234567の領収書（No. 2026-1187）",
        "The total was $1,234.99 or 1.234,99 € or EUR 45.00",
        "Delivery on 2026-11-26, 12/05/2026 or 26.11.2026",
        "It weighs 40 kg and is 180 x 200 cm, 6 ft",
        "Between 10:30 and 12:00 on 2025-2026 plans",
        "heute mit DPD versendet (Paketnummer 01565078412345)",
        "ご登録の郵便番号（〒530-0001）とご住所が一致しておりません。",
        "伝票番号：4567-8901-2345 でお届けします。",
        "sous le numéro Mondial Relay 87654321, service",
        "notre numéro de TVA intracommunautaire FR 32 123456789",
        "Studio Tecnico Ferraris, P.IVA 01234560987.",
        "presentare il codice di ritiro 7741-2093 e un documento",
        "no corresponde a la localidad (Alcobendas, que es 28100-28109).",
        "Le numéro de série de votre appareil photo, 2031884756, correspond bien.",
        "Il codice destinatario SDI usato è 0000000, come da Sua indicazione.",
        "El código de recogida que le pedirán en la tienda es 7741-2290.",
    ],
)
def test_phone_never_flags_ids_tracking_prices_dates_measurements(text):
    assert found("phone", text) == []


def test_emoji_whole_sequences_and_emoticons():
    assert found("emoji", "Thanks 👍🏽 and 👨‍👩‍👧 ⭐") == ["👍🏽", "👨‍👩‍👧", "⭐"]
    assert found("emoji", "Plain text © 2026 no") in ([], ["©"])
    assert found("emoticon", "Great :) see 10:30 and https://x and ratio 1:3 ;-)") == [":)", ";-)"]


def test_html_tags_entities_and_tracking_pixel():
    assert found("html", "<b>Hi</b> &amp; a < b > c") == ["<b>", "</b>", "&amp;"]
    pixel = '<img src="https://t.shop.com/o.gif" width="1" height="1">'
    assert found("image", f"x {pixel} y", tiny_only=True) == [pixel]
    assert found("image", '<img src="logo.png" width="200">', tiny_only=True) == []
    assert found("image", "see banner.gif here", extensions=["gif"]) == ["banner.gif"]


def test_line_breaks_more_than_two():
    assert found("line_breaks", "a\n\nb") == []
    assert found("line_breaks", "a\n\n\nb\n \n\t\nc") == ["\n\n\n", "\n \n\t\n"]


def test_sole_purpose_only_when_nothing_else():
    options = {"purpose": [r"thank(s| you)"], "filler": [r"^(hi|hello|dear)\b", r"regards"]}
    assert found("sole_purpose", "Hi Anna,\n\nThank you for your order!\n\nBest regards,\nBob's Shop", **options)
    permitted = "Thank you for your order 112-1234567-1234567. We need your preferred delivery date for this 40 kg item."
    assert found("sole_purpose", permitted, **options) == []


def test_italian_invoice_number_is_no_phone():
    assert found("phone", "Trova allegata la fattura n. 2026/0734 per il suo ordine.") == []


def test_emoji_found_in_windows_equal_the_library_on_the_whole_text():
    # The detector runs the emoji library only around emoji code points; it must find exactly what
    # the library finds on the whole text, sequences (flags, keycaps, ZWJ families, skin tones) included.
    import random

    import emoji as emoji_lib

    from composer.detectors.markup import emoji as detector
    from composer.document import Document

    find = detector.build({})
    pieces = list(emoji_lib.EMOJI_DATA)
    filler = ["€ 24,99", "。ご注文", "© 2026", "1", "#", "\u200d", "\ufe0f", " ", "\U0001f3fb", "Über ", "x" * 30]
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) if rng.random() < 0.35 else rng.choice(filler) for _ in range(rng.randint(1, 12)))
        expected = [(e["match_start"], e["match_end"]) for e in emoji_lib.emoji_list(text)]
        assert [(h.start, h.end) for h in find(Document(text), None)] == expected, text


def test_a_tax_or_carrier_word_inside_another_word_masks_nothing():
    # "nif" inside "magnifique" is no tax id
    assert found("phone", "C'est magnifique, appelez le 06 12 34 56 78", region="FR") != []


def test_email_search_around_each_at_sign_equals_a_whole_text_search():
    import random

    from composer.detectors.contact import _EMAIL, _emails

    pieces = ["a", "b.c", "@", "x@y.com", ".com", "-", "_", "+", "%", " ", "ü", "ab12", "@@", ".de", "@gmail.com", ".."]
    rng = random.Random(3)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 15)))
        assert [m.span() for m in _emails(text)] == [m.span() for m in _EMAIL.finditer(text)], text
