"""Contact details: email addresses (regex on de-obfuscated text) and phone numbers (phonenumbers)."""
from __future__ import annotations

import re
from functools import lru_cache

import re2

from composer.detectors._base import detector, option_list
from composer.detectors.links import domain_allowed

# ASCII edge at the end: in Japanese the address runs straight into the next word ("...comまで").
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}(?![A-Za-z0-9])")


@detector(("allow_domains",))
def email(options: dict):
    """Email addresses, including spelled-out forms the normaliser turned back."""
    from composer.kinds import Hit

    allowed = option_list(options, "allow_domains")

    def find(doc, reason):
        hits = []
        for m in _emails(doc.text):
            host = m.group(0).rsplit("@", 1)[1].lower()
            if not domain_allowed(host, allowed):
                hits.append(Hit(m.start(), m.end(), replacements=(("Remove the address", ""),)))
        return hits

    return find


_LOCAL_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-")
_DOMAIN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-")


def _emails(text: str):
    """The matches of _EMAIL, found by reading only the characters around each "@".

    Every address holds exactly one "@", and the runs of address characters around two "@" never
    overlap, so this reads each character at most twice however long the text is.
    """
    done = 0  # end of the last address found
    at = text.find("@")
    while at != -1:
        if at >= done:
            lo = at
            while lo > done and text[lo - 1] in _LOCAL_CHARS:
                lo -= 1
            hi = at + 1
            while hi < len(text) and text[hi] in _DOMAIN_CHARS:
                hi += 1
            m = _EMAIL.search(text, lo, hi)
            if m is not None:
                yield m
                done = m.end()
        at = text.find("@", at + 1)


# Numbers that look like phone numbers but are not: masked (same length) before the search.
_RANGE = re.compile(r"(\d{3,6})\s?[-\u2013]\s?(\d{3,6})")


def _is_number_range(raw: str) -> bool:
    """Two numbers of one length, the second the larger, sharing their first half: a range of
    postcodes or item numbers ("28100-28109"), not a phone number."""
    m = _RANGE.fullmatch(raw)
    if m is None:
        return False
    low, high = m.groups()
    half = len(low) // 2
    return len(low) == len(high) and low[:half] == high[:half] and int(high) > int(low)


_NOT_PHONES = re.compile(
    r"\b\d{3}-\d{7}-\d{7}\b"  # Amazon order id (3-7-7)
    r"|\b(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{8,}\b"  # tracking numbers, ASINs, SKUs
    # unbroken long digit runs are tracking numbers (FedEx 12/15, USPS 20-22), unless they start like
    # a phone number: "+447700900123", "07700900123"
    r"|(?<![+\d])[1-9]\d{10,}\b"
    # parcel numbers after a tracking word or a carrier's name: "Paketnummer 01565078412345"
    r"|(?:\b(?:tracking|track|sendungs\w*|paket\w*|parcel|colis|suivi|pacco|spedizione|tracciamento|paquete|seguimiento"
    r"|env[i\u00ed]o|dpd|dhl|gls|ups|hermes|colissimo|chronopost|brt|correos|seur|relay|relais|fedex|tnt|inpost|nacex|mrw"
    # tax ids and pickup codes: "TVA FR 32 123456789", "P.IVA 01234560987", "Abholcode 7741-2093"
    r"|tva|vat|ust-?id\w*|p\.\s?iva|partita\s+iva|nif|cif|siret|siren|steuer\w*|\u767b\u9332\u756a\u53f7"
    r"|abholcode)\b|\u53d7\u53d6\u756a\u53f7|\u8a8d\u8a3c\u756a\u53f7"
    r"|\u8ffd\u8de1|\u4f1d\u7968|\u9001\u308a\u72b6|\u554f\u3044?\u5408\u308f?\u305b\u756a\u53f7)[^\d\n]{0,24}\d[\d \-]{3,30}\d"
    r"|\b(?:code|codice|c[o\u00f3]digo|pin)\b[^\d\n]{0,12}\d[\d \-]{3,30}\d"  # pickup codes, short reach
    # serial numbers and e-invoice codes, named a little before: "le numéro de série de votre appareil, 2031884756"
    r"|(?:\bnum[\u00e9e]ros?\s+de\s+s[\u00e9e]rie|\bnumer[oi]\s+di\s+serie|\bn[\u00fau]mero\s+de\s+serie|\bseriennummer\w*"
    r"|\bserial\s+(?:number|no)|\bs/n\b|\bcodice\s+destinatario|\bsdi\b|\u30b7\u30ea\u30a2\u30eb"
    # pickup codes named further back: "El código de recogida que le pedirán en la tienda es 7741-2290"
    r"|\bc[o\u00f3]digo\s+de\s+recogida|\bcodice\s+di\s+ritiro|\bcode\s+de\s+retrait|\b(?:pickup|collection)\s+code)[^\d\n]{0,40}\d[\d \-]{3,30}\d"
    # Japanese postcodes: "\u3012530-0001", "\u90f5\u4fbf\u756a\u53f7 530-0001"
    r"|(?:\u3012|\u90f5\u4fbf\u756a\u53f7)[^\d\n]{0,6}\d{3}[-\u2010-\u2015]?\d{4}"
    r"|\b(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])\b"  # ISO dates
    r"|\b(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|[12]\d|3[01])[-/.](?:19|20)?\d\d\b"  # d/m/y, m/d/y
    r"|\b(?:19|20)\d\d\s*[-\u2013]\s*(?:19|20)\d\d\b"  # year ranges
    r"|(?:[$\u20ac\u00a3\u00a5\uffe5]|\b(?:USD|EUR|GBP|JPY|CAD|AUD|INR|MXN|BRL|SEK|PLN|TRY|AED|SAR)\s?)\s?\d[\d.,\s]*\d"  # prices
    r"|\b\d[\d.,\s]*\d\s?(?:[$\u20ac\u00a3\u00a5\u5186]|(?:USD|EUR|GBP|JPY)\b)"  # prices with trailing currency
    r"|\b\d+(?:[.,]\d+)?\s*(?:[x\u00d7]\s*\d+(?:[.,]\d+)?\s*){0,2}"
    r"(?:kg|g|lbs?|oz|cm|mm|m|km|in|inch|inches|ft|feet|l|ml|pcs|pieces|units|items)\b"  # measurements
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"  # times
    r"|\b\d{1,5}/(?:19|20)\d\d\b"  # numbered acts and documents: "Real Decreto 110/2015"
    # document references: "No. 2026-1187", "Invoice 20260415", "Rechnungsnummer 2026-0042", "領収書 No."
    r"|(?<!phone )(?<!tel\. )(?<!tel )\b(?:no|nr|n\u00b0|ref|reference|invoice|receipt|rechnung\w*|facture|fattura|factura"
    r"|model|modell|part|item|po|serial|sku|article|artikel|lot|batch|case|ticket|rma|asin)\b\.?"
    r"\s*(?:#|no\.?|nr\.?|n\.|n\u00b0|n\u00ba|n\u00fam\.?|number|nummer|num\u00e9ro|numero|n\u00famero)?\s*[:\uff1a]?\s*\d[\d\-/]*\d"
    r"|(?:\u9818\u53ce\u66f8|\u8acb\u6c42\u66f8)[^\d\n]{0,8}\d[\d\-/]*\d",
    # ASCII word edges: in Japanese "番号503-..." the letters before a number are no word characters.
    re.IGNORECASE | re.ASCII,
)
# Not right after a letter, digit, "-", "#" or "/": "INV-2026-0415" and "#20260415" are references.
_CANDIDATE = re.compile(r"(?<![\w+\-#/])(?:\+|00)?\(?\d[\d \-.()/\u2010-\u2015]{5,20}\d(?![\w])", re.ASCII)
# The same shape on RE2, to find the few places worth a closer look in one linear scan.
_ROUGH = re2.compile(r"\d[\d \-.()/\x{2010}-\x{2015}]{5,20}\d".encode())
_ORDER_ID = re2.compile(rb"\d{3}-\d{7}-\d{7}")
_WINDOW = 56  # characters of context around a candidate: "$", "kg", an order id, "numéro de série de votre appareil,"
_REGIONS = ("US", "GB", "DE", "FR", "IT", "ES", "JP", "IN", "CA", "AU", "MX", "BR", "NL", "PL", "SE", "TR", "AE")


@lru_cache(maxsize=4096)
def _is_phone(candidate: str, regions: tuple[str, ...]) -> bool:
    # Cached: as-you-type checks see the same numbers on every keystroke, and parsing one
    # candidate for up to 17 regions is the detector's main cost.
    import phonenumbers

    digits = sum(ch.isdigit() for ch in candidate)
    if digits < 7 or digits > 15:
        return False
    international = candidate.startswith(("+", "00", "(+"))
    if digits >= 12 and not international and not candidate.lstrip("(").startswith("0"):
        # Domestic numbers of 12+ digits start with a trunk 0 (0151 12345678); without it, grouped
        # runs like "7731 0048 2265" or "3612-4578-9020" are parcel numbers.
        return False
    for region in regions:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number):
            return True
    return False


def _widen(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Move window edges out to whitespace so no number or word is cut in half."""
    limit = 40
    while lo > 0 and limit and not text[lo - 1].isspace():
        lo, limit = lo - 1, limit - 1
    limit = 40
    while hi < len(text) and limit and not text[hi].isspace():
        hi, limit = hi + 1, limit - 1
    return lo, hi


@detector(("region",))
def phone(options: dict):
    """Telephone numbers in any marketplace's format; never order ids, tracking numbers, prices or dates."""
    from composer.kinds import Hit

    first = options.get("region", "US")
    if not isinstance(first, str):
        raise ValueError("option 'region' must be a region code like US")
    regions = (first.upper(), *[r for r in _REGIONS if r != first.upper()])

    def find(doc, reason):
        text, data = doc.text, doc.norm_bytes
        hits = []
        seen: set[int] = set()
        for rough in _ROUGH.finditer(data):
            if _ORDER_ID.fullmatch(rough.group(0)):
                continue  # the most common long number in a message; no closer look needed
            r_start, r_end = doc.byte_index.to_char(rough.start()), doc.byte_index.to_char(rough.end())
            lo, hi = _widen(text, max(0, r_start - _WINDOW), r_end + _WINDOW)
            window = text[lo:hi]
            if not _CANDIDATE.search(window):
                continue
            # Order ids, tracking numbers, prices, dates and measurements are masked, not searched.
            masked = _NOT_PHONES.sub(lambda m: "#" * len(m.group(0)), window)
            for m in _CANDIDATE.finditer(masked):
                raw = m.group(0).rstrip(" -./(")
                if raw.count("(") != raw.count(")"):
                    raw = raw.strip("()")
                start = lo + m.start() + m.group(0).find(raw)
                if start >= r_end or start + len(raw) <= r_start:
                    continue  # belongs to another rough match; judged in its own window
                if start in seen or _is_number_range(raw) or not _is_phone(raw, regions):
                    continue
                seen.add(start)
                hits.append(Hit(start, start + len(raw), replacements=(("Remove the number", ""),)))
        return sorted(hits, key=lambda h: h.start)

    return find
