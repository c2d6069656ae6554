"""metric: a measure of the whole text (length, words, sentence length) against max/min."""
from __future__ import annotations

from composer.kinds._common import SpecError, positive_int

KEYS = {"measure": True, "max": False, "min": False}


def _longest_sentence(doc) -> tuple[int, tuple[int, int]]:
    best, span = 0, (0, 0)
    for s, e in doc.sentences:
        words = doc.count_words(s, e)
        if words > best:
            best, span = words, (s, e)
    return best, span


MEASURES = {
    "characters": lambda doc: (len(doc.original), None),
    "words": lambda doc: (doc.count_words(0, len(doc.text)), None),
    "sentences": lambda doc: (len(doc.sentences), None),
    "exclamations": lambda doc: (doc.text.count("!"), None),
    "longest_sentence_words": lambda doc: _longest_sentence(doc),
}


def build(spec: dict):
    from composer.kinds import Hit

    measure = spec.get("measure")
    if measure not in MEASURES:
        raise SpecError(f"'measure' must be one of {', '.join(MEASURES)}", "measure")
    most, least = positive_int(spec, "max"), positive_int(spec, "min")
    if most is None and least is None:
        raise SpecError("needs 'max' or 'min'", "kind")

    def find(doc, reason):
        value, span = MEASURES[measure](doc)
        if (most is not None and value > most) or (least is not None and value < least):
            if span:
                return [Hit(span[0], span[1], value=str(value))]
            return [Hit(0, 0, scope="message", value=str(value))]
        return []

    return find
