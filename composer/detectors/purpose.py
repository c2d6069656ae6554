"""Sole-purpose messages: the whole message is only thanks, only "here to help", only a confirmation."""
from __future__ import annotations

from composer.detectors._base import detector, option_list
from composer.patterns import compile_pattern


@detector(("purpose", "filler", "short_words"))
def sole_purpose(options: dict):
    """Flags when every sentence is the purpose, filler (greeting, sign-off) or a few words (a name)."""
    from composer.kinds import Hit

    purpose = [compile_pattern(p) for p in option_list(options, "purpose")]
    filler = [compile_pattern(p) for p in option_list(options, "filler")]
    short = options.get("short_words", 3)
    if not purpose:
        raise ValueError("option 'purpose' needs at least one pattern")
    if not isinstance(short, int) or short < 0:
        raise ValueError("option 'short_words' must be a whole number")

    def find(doc, reason):
        first_purpose = None
        for start, end in doc.sentences:
            sentence = doc.text[start:end].encode("utf-8")
            if any(p.search(sentence) for p in purpose):
                if first_purpose is None:
                    first_purpose = (start, end)
                continue
            if any(p.search(sentence) for p in filler):
                continue
            if doc.word_number(end) - doc.word_number(start) <= short:
                continue
            return []  # a sentence with other content: the message has a real purpose
        if first_purpose is None:
            return []
        return [Hit(first_purpose[0], first_purpose[1])]

    return find
