"""Templates in every marketplace language: same reasons and variables as English, formatted for the
locale, and approved by the checker in that language (rules, critical notices and language check)."""
from __future__ import annotations

import pytest
import yaml
from jinja2 import Environment, meta

from composer import Context, check_text
from composer.language import detect_language
from composer.reasons import all_reasons
from composer.render import render, templates_root

LANGUAGES = ("de", "fr", "it", "es", "ja")
LOCALES = {"de": "de-DE", "fr": "fr-FR", "it": "it-IT", "es": "es-ES", "ja": "ja-JP"}

# What a native seller would type into the free-text fields, per language.
TEXT = {
    "de": {
        "answer": "Das Kabel ist 2 Meter lang und passt zu dem Ladegerät, das Sie bestellt haben",
        "problem": "Der Versanddienstleister hat das Paket wegen eines beschädigten Etiketts an uns zurückgeschickt",
        "next_steps": "Wir versenden es heute kostenlos erneut, es sollte in drei Tagen bei Ihnen sein",
        "item": "die blaue Teekanne aus Keramik", "needed_info": "die Farbe der Kissenbezüge, Grau oder Blau",
        "purpose": "In der Bestellung wurde keine Farbe ausgewählt", "details": "Unter dieser Hausnummer gibt es mehrere Wohnungen",
        "service": "Wandmontage Ihres Fernsehers", "time_window": "13 und 17 Uhr",
        "design_details": "Gravur „Anna und Ben“ in Schreibschrift, mittig auf dem Deckel",
        "question": "Ist die Verpackung noch ungeöffnet, damit wir die passende Rücksendeoption wählen können?",
        "refund_reason": "Der Karton kam eingedrückt bei Ihnen an", "invoice_number": "RE-A1043", "product": "die Bildbearbeitungssoftware",
        "document": "die gesetzliche Widerrufsbelehrung", "access_key": "K7QX-M2PD-9RTA-4WZC",
        "activation": "Geben Sie den Schlüssel beim ersten Programmstart im Aktivierungsfenster ein",
        "resolution": "Wir haben Ihnen ein neues Ladegerät geschickt, und Sie haben uns bestätigt, dass es funktioniert",
        "what_is_needed": "Bitte stellen Sie sicher, dass eine Person ab 18 Jahren das Paket annimmt",
        "why_needed": "Der Zusteller übergibt diesen Artikel nur gegen Unterschrift an Erwachsene",
    },
    "fr": {
        "answer": "Le câble mesure 2 mètres et convient au chargeur que vous avez commandé",
        "problem": "Le transporteur nous a retourné le colis, car l'étiquette était abîmée",
        "next_steps": "Nous le réexpédions aujourd'hui à nos frais, il devrait arriver sous trois jours",
        "item": "la théière bleue en céramique", "needed_info": "la couleur des housses de coussin, gris ou bleu",
        "purpose": "aucune couleur n'a été choisie lors de la commande", "details": "Plusieurs appartements se trouvent à ce numéro",
        "service": "l'installation murale de votre téléviseur", "time_window": "13 h et 17 h",
        "design_details": "Gravure « Anna et Ben » en écriture cursive, centrée sur le couvercle",
        "question": "L'emballage est-il encore fermé, afin que nous puissions choisir la bonne option de retour ?",
        "refund_reason": "le carton est arrivé enfoncé", "invoice_number": "FA-A1043", "product": "le logiciel de retouche photo",
        "document": "le formulaire de rétractation", "access_key": "K7QX-M2PD-9RTA-4WZC",
        "activation": "Saisissez la clé dans la fenêtre d'activation au premier lancement du programme",
        "resolution": "nous vous avons envoyé un nouveau chargeur et vous nous avez confirmé qu'il fonctionne",
        "what_is_needed": "Merci de vous assurer qu'une personne majeure puisse réceptionner le colis",
        "why_needed": "le livreur ne remet cet article qu'à un adulte contre signature",
    },
    "it": {
        "answer": "Il cavo è lungo 2 metri ed è compatibile con il caricatore che ha ordinato",
        "problem": "Il corriere ci ha restituito il pacco perché l'etichetta era danneggiata",
        "next_steps": "Lo rispediamo oggi senza costi per lei, dovrebbe arrivare entro tre giorni",
        "item": "la teiera blu in ceramica", "needed_info": "il colore delle federe, grigio o blu",
        "purpose": "al momento dell'ordine non è stato scelto alcun colore", "details": "A questo numero civico ci sono più appartamenti",
        "service": "il montaggio a parete del televisore", "time_window": "le 13 e le 17",
        "design_details": "Incisione \"Anna e Ben\" in corsivo, al centro del coperchio",
        "question": "La confezione è ancora sigillata? Così possiamo scegliere l'opzione di reso corretta",
        "refund_reason": "la scatola è arrivata ammaccata", "invoice_number": "FT-A1043", "product": "il programma di fotoritocco",
        "document": "le informazioni sul diritto di recesso", "access_key": "K7QX-M2PD-9RTA-4WZC",
        "activation": "Inserisca la chiave nella finestra di attivazione al primo avvio del programma",
        "resolution": "le abbiamo inviato un nuovo caricatore e lei ci ha confermato che funziona",
        "what_is_needed": "Si assicuri che una persona maggiorenne possa ritirare il pacco",
        "why_needed": "il corriere consegna questo articolo solo a un adulto che firma",
    },
    "es": {
        "answer": "El cable mide 2 metros y es compatible con el cargador que pidió",
        "problem": "La empresa de transporte nos devolvió el paquete porque la etiqueta estaba dañada",
        "next_steps": "Lo reenviamos hoy sin coste para usted y debería llegar en tres días",
        "item": "la tetera azul de cerámica", "needed_info": "el color de las fundas de cojín, gris o azul",
        "purpose": "al hacer el pedido no se eligió ningún color", "details": "En este número hay varios pisos",
        "service": "la instalación en pared de su televisor", "time_window": "las 13:00 y las 17:00",
        "design_details": "Grabado \"Ana y Ben\" en letra cursiva, centrado en la tapa",
        "question": "¿Sigue precintado el embalaje? Así podremos elegir la opción de devolución adecuada",
        "refund_reason": "la caja llegó abollada", "invoice_number": "F-A1043", "product": "el programa de edición de fotos",
        "document": "el documento de desistimiento", "access_key": "K7QX-M2PD-9RTA-4WZC",
        "activation": "Introduzca la clave en la ventana de activación la primera vez que abra el programa",
        "resolution": "le enviamos un cargador nuevo y nos confirmó que funciona",
        "what_is_needed": "Asegúrese de que una persona mayor de edad pueda recibir el paquete",
        "why_needed": "el repartidor solo entrega este artículo a un adulto que firme",
    },
    "ja": {
        "answer": "ケーブルの長さは2メートルで、ご注文の充電器に対応しております。",
        "problem": "伝票が破損していたため、配送業者から荷物が返送されてまいりました。",
        "next_steps": "本日、送料当店負担にて再発送いたしました。3日ほどでお届けの予定です。",
        "item": "青い陶器のティーポット", "needed_info": "クッションカバーのお色（グレーまたはブルー）",
        "purpose": "ご注文時にお色のご指定がございませんでした。", "details": "同じ番地に複数のお部屋がございます。",
        "service": "テレビの壁掛け設置", "time_window": "13時から17時",
        "design_details": "刻印「Anna & Ben」（筆記体、ふたの中央）",
        "question": "商品の外箱は未開封でしょうか。状態に応じて適切な返品方法をご案内いたします。",
        "refund_reason": "外箱がへこんだ状態で届いたため", "invoice_number": "No. A1043", "product": "写真編集ソフト",
        "document": "返品・キャンセルに関する法定のご案内", "access_key": "K7QX-M2PD-9RTA-4WZC",
        "activation": "初回起動時に、認証画面でキーをご入力ください。",
        "resolution": "新しい充電器をお送りし、正常に動作することをご確認いただきました。",
        "what_is_needed": "20歳以上の方がお受け取りいただけるよう、ご手配をお願いいたします。",
        "why_needed": "配送業者が、成人の方の署名と引き換えにのみお渡しする商品のためです。",
    },
}
MONEY = {"ja": ("2499", "1999", "500")}
DEFAULT_MONEY = ("24,99", "19,99", "5,00")


def _values(reason, language: str) -> dict[str, str]:
    original, new, refund = MONEY.get(language, DEFAULT_MONEY)
    choices = {"original_amount": original, "refunded_amount": original, "new_amount": new, "refund_amount": refund}
    dates = {"new_delivery_date": "2026-06-12", "proposed_date": "2026-06-09", "alternative_date": "2026-06-10",
             "appointment_date": "2026-06-11", "reply_by": "2026-06-05", "coverage_start": "2026-06-01",
             "coverage_end": "2028-05-31"}
    values = {}
    for spec in reason.fields:
        if spec.type == "order_id":
            values[spec.name] = "112-1234567-1234567"
        elif spec.type == "money":
            values[spec.name] = choices[spec.name]
        elif spec.type == "date":
            values[spec.name] = dates[spec.name]
        elif spec.type == "choice":
            values[spec.name] = spec.choices[0]
        else:
            values[spec.name] = TEXT[language][spec.name]
    return values


def _variables(path) -> set[str]:
    env = Environment()
    env.filters["sentence"] = env.filters["choice"] = str  # the renderer's filters; only the names matter here
    return meta.find_undeclared_variables(env.parse(path.read_text(encoding="utf-8")))


REASONS = [r.id for r in all_reasons()]


@pytest.mark.parametrize("language", LANGUAGES)
def test_same_templates_and_variables_as_english(language):
    english = {p.name: p for p in (templates_root() / "en").glob("*.txt.j2")}
    localised = {p.name: p for p in (templates_root() / language).glob("*.txt.j2")}
    assert sorted(localised) == sorted(english)
    for name, path in english.items():
        assert _variables(localised[name]) == _variables(path), name


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reason_has_a_localised_subject(language):
    subjects = yaml.safe_load((templates_root() / language / "subjects.yaml").read_text(encoding="utf-8"))
    assert set(subjects) == set(REASONS)
    english = {r.id: r.subject for r in all_reasons()}
    # "Re: ..." may stay as it is; every other subject is translated.
    assert [r for r in REASONS if subjects[r] == english[r] and not subjects[r].startswith("Re")] == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("reason_id", REASONS)
def test_rendered_template_is_approved_in_its_language(language, reason_id):
    reason = next(r for r in all_reasons() if r.id == reason_id)
    rendered = render(reason_id, _values(reason, language), locale=LOCALES[language])
    assert rendered.locale == language and not rendered.fell_back
    report = check_text(rendered.text, reason=reason_id, locale=language,
                        context=Context(buyer_locale=LOCALES[language], order_id="112-1234567-1234567"))
    problems = [f"[{f.severity}] {f.rule}: {f.message}" for f in report.findings]
    assert report.verdict == "approve", "\n".join([rendered.text, *problems])
    assert not [f for f in report.findings if f.category == "language"], problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_rendered_text_is_identified_as_its_language(language):
    reason = next(r for r in all_reasons() if r.id == "shipment_delay_notice")
    text = render(reason.id, _values(reason, language), locale=LOCALES[language]).text
    assert detect_language(text)[0] == language


@pytest.mark.parametrize(("language", "money", "date"), [
    ("de", "24,99\u00a0€", "12. Juni 2026"),
    ("fr", "24,99 €", "12 juin 2026"),
    ("it", "24,99\u00a0€", "12 giugno 2026"),
    ("es", "24,99\u00a0€", "12 de junio de 2026"),
    ("ja", "￥2,499", "2026年6月12日"),
])
def test_money_and_dates_are_formatted_for_the_locale(language, money, date):
    reason = next(r for r in all_reasons() if r.id == "shipment_delay_notice")
    text = render(reason.id, _values(reason, language), locale=LOCALES[language]).text
    spaced = text.replace("\u202f", " ").replace("\u00a0", " ")
    assert money.replace("\u00a0", " ") in spaced and date in spaced


@pytest.mark.parametrize("language", LANGUAGES)
def test_critical_notice_states_amount_change_and_reason(language):
    reason = next(r for r in all_reasons() if r.id == "shipment_delay_notice")
    values = _values(reason, language)
    with_new = render(reason.id, values, locale=LOCALES[language]).text
    values["new_amount"] = ""
    unchanged = render(reason.id, values, locale=LOCALES[language]).text
    assert with_new != unchanged
    for text in (with_new, unchanged):
        assert check_text(text, reason=reason.id, locale=language).verdict == "approve"
    # The same checks apply to the seller's final text: deleting the amounts blocks it.
    stripped = "\n".join(line for line in unchanged.splitlines() if not any(c.isdigit() for c in line) or "112-" in line)
    report = check_text(stripped, reason=reason.id, locale=language)
    assert {f.rule for f in report.errors} >= {f"{language}.critical.original-amount"}
