"""Sole-purpose messages: the whole message is only thanks, only "here to help", only a confirmation."""
from __future__ import annotations

from composer.detectors._base import detector, option_list
from composer.patterns import Matcher, any_of


def _unanchored(pattern: str) -> str | None:
    """The pattern without its leading ^ and trailing $ (it then matches anywhere a sentence
    match could be), or None when anchors sit elsewhere and no such superset is easy to state."""
    body = pattern[1:] if pattern.startswith("^") else pattern
    if body.endswith("$") and not body.endswith("\\$"):
        body = body[:-1]
    escaped = in_class = False
    for i, ch in enumerate(body):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]" or body[i - 1] == "["
        elif ch == "[":
            in_class = True
        elif ch in "^$":
            return None
    return body


@detector(("purpose", "filler", "short_words"))
def sole_purpose(options: dict):
    """Flags when every sentence is the purpose, filler (greeting, sign-off) or a few words (a name)."""
    from composer.kinds import Hit

    purpose_sources = option_list(options, "purpose")
    filler_sources = option_list(options, "filler")
    purpose = any_of(purpose_sources)
    gates = [_unanchored(p) for p in purpose_sources]
    # A quick "does the purpose occur anywhere" look, valid only if every pattern can be unanchored.
    anywhere = Matcher(patterns=gates) if gates and all(g is not None for g in gates) else None
    filler = any_of(filler_sources)
    short = options.get("short_words", 3)
    if not purpose:
        raise ValueError("option 'purpose' needs at least one pattern")
    if not isinstance(short, int) or short < 0:
        raise ValueError("option 'short_words' must be a whole number")

    def find(doc, reason):
        if anywhere is not None and not anywhere.search(doc):
            return []  # the purpose never appears: nothing to judge (one prefiltered look)
        first_purpose = None
        for start, end in doc.iter_sentences():
            sentence = doc.text[start:end].encode("utf-8")
            if purpose(sentence):
                if first_purpose is None:
                    first_purpose = (start, end)
                continue
            if filler(sentence):
                continue
            if doc.count_words(start, end) <= short:
                continue
            return []  # a sentence with other content: the message has a real purpose
        if first_purpose is None:
            return []
        return [Hit(first_purpose[0], first_purpose[1])]

    return find


@detector(("model", "threshold"))
def purpose_model(options: dict):
    """Flags a message the language's sole-purpose model (composer/purpose_model.py) judges to be only
    thanks, only "here to help" or only a confirmation, whatever its wording."""
    from composer.kinds import Hit
    from composer.policy import FREE_TEXT_LIMIT
    from composer.purpose_model import load_model, model_path

    longest = 2 * FREE_TEXT_LIMIT

    name = options.get("model")
    if not isinstance(name, str) or not name:
        raise ValueError("option 'model' must name a model, such as de")
    model_path(name)  # a missing model is a load error; the weights are read on first use
    threshold = options.get("threshold")
    if threshold is not None and (isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 < threshold < 1):
        raise ValueError("option 'threshold' must be a number between 0 and 1")

    def find(doc, reason):
        text = doc.original
        # Past twice Amazon's free-text limit no message is thanks or a check-in alone, and the length
        # rule already blocks it; reading every word of a 100 KB paste would cost most of a check.
        if not text.strip() or len(text) > longest:
            return []
        model = load_model(name)
        chance = model.probability(text)
        if chance < (threshold if threshold is not None else model.threshold):
            return []
        return [Hit(0, 0, scope="message", value=f"{chance:.0%}")]

    return find
