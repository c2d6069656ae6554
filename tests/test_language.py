"""composer.language: offline identification restricted to marketplace languages."""
from __future__ import annotations

import pytest

from composer import Context, check_text
from composer.language import MARKETPLACE_LANGUAGES, clean, detect_language

SAMPLES = {
    "en": "Hello, your order will arrive later than we promised because of a delay at the carrier.",
    "de": "Guten Tag, Ihre Bestellung kommt leider später an als versprochen, weil sich der Versand verzögert.",
    "fr": "Bonjour, votre commande arrivera plus tard que prévu en raison d'un retard chez le transporteur.",
    "it": "Buongiorno, il suo ordine arriverà più tardi del previsto a causa di un ritardo del corriere.",
    "es": "Hola, su pedido llegará más tarde de lo previsto debido a un retraso de la empresa de transporte.",
    "ja": "ご注文の商品は配送業者の遅延により、お約束の日より遅れてお届けとなります。",
}


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_detects_each_template_language(language):
    code, confidence = detect_language(SAMPLES[language])
    assert code == language
    assert confidence >= 0.9


@pytest.mark.parametrize("text", ["", "Hallo", "OK, danke!", "112-1234567-1234567 24,99 €", "www.shop.com"])
def test_too_short_to_tell(text):
    assert detect_language(text) == (None, 0.0)


def test_only_marketplace_languages_are_answered():
    # Unrestricted, langid reads short German-like snippets as Luxembourgish or Frisian.
    for text in ["Moien, wéi geet et dir haut, mäi Frënd?", "Goeie, hoe giet it mei dy hjoed?"]:
        code, _ = detect_language(text)
        assert code in MARKETPLACE_LANGUAGES


def test_noise_is_removed_before_identification():
    cleaned = clean("Order 112-1234567-1234567, see https://www.amazon.de/gp/x, SKU AB-1234, ShellGuard, mail a@b.com")
    for noise in ("112-", "https", "amazon.de", "AB-1234", "ShellGuard", "a@b.com"):
        assert noise not in cleaned


def test_order_ids_and_links_do_not_outweigh_the_words():
    text = "Ihre Bestellung 112-1234567-1234567 ist unterwegs, Sendungsnummer 1Z999AA10123456784, https://www.amazon.de/gp/css/order-history"
    assert detect_language(text)[0] == "de"


def test_full_width_text_is_folded():
    assert detect_language("Ｙｏｕｒ ｏｒｄｅｒ ｗｉｌｌ ａｒｒｉｖｅ ｌａｔｅｒ ｔｈａｎ ｗｅ ｐｒｏｍｉｓｅｄ．")[0] == "en"


def test_english_draft_for_a_german_buyer_gets_a_language_finding():
    text = (
        "Hello, your order 112-1234567-1234567 will arrive later than we promised, due to a delay at the "
        "carrier. We now expect it to be delivered by June 12, 2026."
    )
    report = check_text(text, reason="shipment_delay_notice", context=Context(buyer_locale="de-DE"))
    language = [f for f in report.findings if f.category == "language"]
    assert language and "German" in language[0].message


def test_german_draft_for_a_german_buyer_has_no_language_finding():
    report = check_text(SAMPLES["de"] + " Bestellung 112-1234567-1234567.", reason="reply_to_buyer",
                        context=Context(buyer_locale="de-DE"))
    assert not [f for f in report.findings if f.category == "language"]
