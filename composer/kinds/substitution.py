"""substitution: a risky phrase with a safer wording offered as a one-click fix."""
from __future__ import annotations

from composer.kinds._common import SpecError
from composer.patterns import Matcher

KEYS = {"swap": True, "ignorecase": False}


def build(spec: dict):
    from composer.kinds import Hit

    swap = spec.get("swap")
    if not isinstance(swap, dict) or not swap:
        raise SpecError("'swap' must map phrases to replacements", "swap")
    pairs = []
    for phrase, replacement in swap.items():
        if not isinstance(phrase, str) or not isinstance(replacement, str):
            raise SpecError("'swap' entries must be text: text", "swap")
        pairs.append((len(phrase), Matcher([phrase]), replacement))
    pairs.sort(key=lambda p: -p[0])

    def find(doc, reason):
        hits = []
        taken: list[tuple[int, int]] = []
        # Longer phrases first so "leave a positive review" wins over "positive review".
        for _, matcher, replacement in pairs:
            for s, e in matcher.spans(doc):
                if any(s < te and ts < e for ts, te in taken):
                    continue
                taken.append((s, e))
                hits.append(Hit(s, e, replacements=((f"Replace with \u201c{replacement}\u201d", replacement),)))
        return sorted(hits, key=lambda h: h.start)

    return find
