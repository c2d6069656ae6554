"""Carry template changes into text the seller has edited (a small three-way merge)."""
from __future__ import annotations

from difflib import SequenceMatcher


def _equal_blocks(base: str, ours: str) -> list[tuple[int, int, int]]:
    matcher = SequenceMatcher(None, base, ours, autojunk=False)
    return [(a, b, size) for a, b, size in matcher.get_matching_blocks() if size]


def _map_range(blocks: list[tuple[int, int, int]], start: int, end: int) -> tuple[int, int] | None:
    """Where base[start:end] sits in `ours`, if the seller left that stretch untouched."""
    for a, b, size in blocks:
        if start == end:  # a pure insertion: its point must touch an unchanged stretch
            if a <= start <= a + size:
                return b + (start - a), b + (start - a)
        elif a <= start and end <= a + size:
            return b + (start - a), b + (end - a)
    return None


def merge(base: str, ours: str, theirs: str) -> str | None:
    """Apply the change base -> theirs to `ours`, or None when it touches text the seller changed."""
    if ours == base:
        return theirs
    if theirs == base:
        return ours
    blocks = _equal_blocks(base, ours)
    changes = SequenceMatcher(None, base, theirs, autojunk=False).get_opcodes()
    edits = []
    for tag, i1, i2, j1, j2 in changes:
        if tag == "equal":
            continue
        where = _map_range(blocks, i1, i2)
        if where is None:
            return None
        edits.append((where[0], where[1], theirs[j1:j2]))
    merged = ours
    for start, end, replacement in sorted(edits, reverse=True):
        merged = merged[:start] + replacement + merged[end:]
    return merged


def minimal_edit(old: str, new: str) -> tuple[int, int, str]:
    """The single replacement old[start:end] -> text that turns `old` into `new` (keeps the cursor put)."""
    limit = min(len(old), len(new))
    prefix = 0
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    return prefix, len(old) - suffix, new[prefix:len(new) - suffix]
