"""Offline language identification of a draft (py3langid), for the "not in the buyer's language" check.

Only the languages of Amazon's marketplaces are candidates: on a short message an unrestricted model
happily answers Luxembourgish or Volapük, and that would be a false alarm for the seller.
"""
from __future__ import annotations

import re
import threading
import unicodedata

# Default and selectable buyer languages of the Amazon stores (amazon-rules.md d.3), plus the
# neighbours a seller may really write in by mistake (nl/da/sv for de, pt for es, ...).
MARKETPLACE_LANGUAGES = (
    "en", "de", "fr", "it", "es", "ja", "nl", "pl", "sv", "tr", "pt", "ar", "hi", "zh", "ko",
    "he", "cs", "da", "ta", "te", "kn", "ml", "bn", "mr", "no", "fi",
)
MIN_LETTERS = 20  # below this, any guess is noise

# What says nothing about the language and only misleads the model: links, addresses, order ids,
# numbers, codes (SKUs, ASINs, invoice numbers) and brand-like CamelCase names ("ShellGuard").
_NOISE = re.compile(
    r"(?:https?://|www\.)\S+"
    r"|\S+@\S+"
    r"|\b[\w.-]+\.(?:com|net|org|de|fr|it|es|jp|co\.uk|co\.jp)\b\S*"
    r"|\w*\d\w*"
    r"|\b[A-Z]{2,}\b"
    r"|\b[A-Z][a-z]+[A-Z]\w*"
)

_lock = threading.Lock()
_identifier = None


def _model():
    """Load the model once, on first use (about 0.7 s), restricted to the marketplace languages."""
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            known = set(identifier.nb_classes)
            identifier.set_languages([code for code in MARKETPLACE_LANGUAGES if code in known])
            _identifier = identifier
        return _identifier


def clean(text: str) -> str:
    """The text with noise removed and full-width forms folded (NFKC), as the model sees it."""
    return _NOISE.sub(" ", unicodedata.normalize("NFKC", text))


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, confidence 0..1) of `text`; (None, 0.0) when it is too short to tell."""
    cleaned = clean(text)
    if sum(ch.isalpha() for ch in cleaned) < MIN_LETTERS:
        return None, 0.0
    code, confidence = _model().classify(cleaned)
    return code, float(confidence)
