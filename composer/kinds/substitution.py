"""substitution: a risky phrase with a safer wording offered as a one-click fix."""
from __future__ import annotations

from composer.kinds._common import SpecError
from composer.patterns import Matcher

KEYS = {"swap": True}


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def build(spec: dict):
    from composer.kinds import Hit

    swap = spec.get("swap")
    if not isinstance(swap, dict) or not swap:
        raise SpecError("'swap' must map phrases to replacements", "swap")
    plain: dict[str, str] = {}
    starred: list[tuple[Matcher, str]] = []
    for phrase, replacement in swap.items():
        if not isinstance(phrase, str) or not isinstance(replacement, str) or not phrase.strip():
            raise SpecError("'swap' entries must be text: text", "swap")
        if phrase.strip().endswith("*"):
            starred.append((Matcher([phrase]), replacement))
        else:
            plain[_fold(phrase)] = replacement
    # One pattern for all phrases (longest first, so "leave a positive review" beats "positive
    # review"); the matched words themselves say which replacement belongs to them.
    anywhere = Matcher(list(swap))

    def replacement_for(doc, span) -> str | None:
        found = plain.get(_fold(doc.text[span[0] : span[1]]))
        if found is not None:
            return found
        for matcher, replacement in starred:
            if span in matcher.spans(doc):
                return replacement
        return None

    def find(doc, reason):
        hits = []
        for span in anywhere.spans(doc):
            replacement = replacement_for(doc, span)
            if replacement is None:
                continue
            label = f"Replace with \u201c{replacement}\u201d"
            hits.append(Hit(span[0], span[1], replacements=((label, replacement),)))
        return hits

    return find
