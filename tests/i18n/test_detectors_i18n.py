"""Language-neutral detectors and per-language rules on text in other scripts: full-width forms,
Japanese without spaces between words, accented Latin."""
from __future__ import annotations

import pytest

from composer import check_text
from composer.checker import default_rules, run_rules
from composer.document import Document


def _rules(text: str, language: str, reason: str | None = None) -> set[str]:
    """Every rule that flags the text as an error, before overlapping findings are merged for display."""
    rules = default_rules()
    findings = run_rules(Document(text, rules.prefilter_for(language)), rules, reason, language)
    return {f.rule for f in findings if f.severity == "error"}


def _spans(text: str, language: str, rule: str) -> list[str]:
    return [text[f.start:f.end] for f in check_text(text, locale=language).findings if f.rule == rule]


@pytest.mark.parametrize("text", [
    "取扱説明書は当店サイトｗｗｗ．ｓｈｏｐ．ｃｏｍからダウンロードできます。",
    "詳しくはwww.shop.comをご覧ください。",
    "詳細：ｈｔｔｐｓ：／／ｓｈｏｐ．ｅｘａｍｐｌｅ．ｊｐ／ｍａｎｕａｌ",
])
def test_full_width_and_unspaced_links_are_found(text):
    assert "links.external" in _rules(text, "ja")


def test_full_width_link_is_reported_on_the_original_characters():
    text = "当店サイトｗｗｗ．ｓｈｏｐ．ｃｏｍから"
    assert _spans(text, "ja", "links.external")[0].startswith("ｗｗｗ．ｓｈｏｐ．ｃｏｍ")


def test_full_width_email_is_found():
    assert "contact.email" in _rules("ご連絡はｉｎｆｏ＠ｓｈｏｐ．ｃｏ．ｊｐ へお願いします。", "ja")


def test_email_directly_followed_by_japanese_is_found():
    assert "contact.email" in _rules("写真をsupport@takeda-kaden.jpまでお送りください。", "ja")


@pytest.mark.parametrize("text", [
    "お手数ですが03-5412-7789までお電話ください。",
    "お電話は０３－５４１２－７７８９まで。",
])
def test_phone_numbers_inside_japanese_text_are_found(text):
    assert "contact.phone" in _rules(text, "ja")


@pytest.mark.parametrize("text", [
    "ご注文番号503-4419208-3356102の商品は、6月16日にお届けします。",
    "ご注文番号５０３－４４１９２０８－３３５６１０２の商品を発送準備中です。",
    "ご注文金額は2,980円で、変更はございません。",
])
def test_order_ids_and_amounts_in_japanese_are_not_phones(text):
    assert "contact.phone" not in _rules(text, "ja")


@pytest.mark.parametrize(("text", "rule"), [
    ("高評価レビューをお願いします", "ja.review.positive"),
    ("星５つのレビューをお願いいたします。", "ja.review.positive"),
    ("レビューを投稿していただいた方にはギフト券をプレゼントいたします。", "ja.review.incentive"),
    ("先日投稿されたレビューを削除していただけませんか。", "ja.review.change-removal"),
    ("次回使える１０％ＯＦＦクーポンをお送りします。", "ja.marketing.promotion"),
    ("公式サイトで直接ご注文いただくとお安くなります。", "ja.offamazon.diversion"),
    ("配信停止をご希望の方はご返信ください。", "ja.optout.unsubscribe"),
])
def test_japanese_rules_match_without_spaces_and_in_full_width(text, rule):
    assert rule in _rules(text, "ja")


@pytest.mark.parametrize(("text", "language"), [
    ("Vielen Dank 😊 Ihre Bestellung 302-1234567-1234567 wird am Dienstag geliefert.", "de"),
    ("ご注文ありがとうございます😊お届けは火曜日です。", "ja"),
])
def test_emoji_are_found_in_every_script(text, language):
    assert "formatting.emoji" in _rules(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("<b>Bitte prüfen Sie die Gravur</b> für Bestellung 302-1234567-1234567.", "de"),
    ("<p>ご注文番号503-1234567-1234567の刻印をご確認ください。</p>", "ja"),
])
def test_html_is_found_in_every_script(text, language):
    assert "media.html" in _rules(text, language)


@pytest.mark.parametrize(("text", "language", "rule"), [
    ("Schreiben Sie an info (at) stoffecke (punkt) de.", "de", "contact.email"),
    ("Écrivez-nous : sav arobase electromalin point fr.", "fr", "links.external"),
    ("Escríbanos a ventas arroba joyeria punto com.", "es", "links.external"),
])
def test_spelled_out_addresses_in_each_language(text, language, rule):
    assert rule in _rules(text, language)


def test_language_rules_run_only_for_their_language():
    german = "Wir würden uns riesig über eine 5-Sterne-Bewertung freuen!"
    assert "de.review.positive" in _rules(german, "de")
    assert not {r for r in _rules(german, "fr") if r.startswith("de.")}
    assert not {r for r in _rules(german, "en") if r.startswith("de.")}


@pytest.mark.parametrize(("text", "language"), [
    ("Ihre Bewertung der Lieferung hilft dem Paketdienst.", "de"),
    ("Votre avis de passage est dans votre boîte aux lettres.", "fr"),
    ("La recensione del modello precedente parlava del motore.", "it"),
    ("La opinión que menciona se refiere al modelo anterior.", "es"),
    ("商品ページのレビューで指摘されている音の問題は、旧モデルのものです。", "ja"),
])
def test_a_single_review_word_is_never_a_violation(text, language):
    assert not {r for r in _rules(text, language) if ".review." in r}


@pytest.mark.parametrize(("text", "language"), [
    ("Le point de retrait choisi exige un code.", "fr"),
    ("El punto de recogida exige el nombre.", "es"),
    ("El punto es que el paquete llegó tarde.", "es"),
])
def test_everyday_point_phrases_are_not_domains(text, language):
    assert "links.external" not in _rules(text, language)


def test_bare_short_link_after_a_japanese_colon_is_found():
    assert "links.external" in _rules("説明書のリンクはこちらです：bit.ly/tana-setsumei", "ja")
