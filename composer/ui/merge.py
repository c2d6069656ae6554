"""Carry template changes into text the seller has edited (a small three-way merge)."""
from __future__ import annotations

import re


# Messages are at most a few thousand characters; anything far beyond that is a paste, not a template edit.
MAX_MERGE_CHARS = 20_000
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def _tokens(text: str) -> list[str]:
    # Whole words: a field value "1" next to a seller's "st" is one edited word "1st", i.e. a conflict.
    return _TOKEN.findall(text)


def _untouched(blocks, start: int, end: int, n_base: int, n_ours: int) -> int | None:
    """Token index in `ours` of base[start:end], if the seller's edits neither cover nor touch it."""
    for a, b, size in blocks:
        starts_ok = a < start or (start == a and (a == 0 and b == 0))
        ends_ok = end < a + size or (end == a + size and a + size == n_base and b + size == n_ours)
        if start == end:  # an insertion point
            if starts_ok and ends_ok and a <= start <= a + size:
                return b + (start - a)
        elif a <= start and end <= a + size and starts_ok and ends_ok:
            return b + (start - a)
    return None


def merge(base: str, ours: str, theirs: str) -> str | None:
    """Apply the change base -> theirs to `ours`, or None when it touches words the seller changed."""
    if ours == base:
        return theirs
    if theirs == base:
        return ours
    if max(len(base), len(ours)) > MAX_MERGE_CHARS:
        return None  # difflib is quadratic at worst: for a huge paste, ask instead of freezing
    from difflib import SequenceMatcher  # first needed at the first field edit, not at start-up

    base_t, ours_t, theirs_t = _tokens(base), _tokens(ours), _tokens(theirs)
    blocks = [blk for blk in SequenceMatcher(None, base_t, ours_t, autojunk=False).get_matching_blocks() if blk[2]]
    result = list(ours_t)
    edits = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, base_t, theirs_t, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        where = _untouched(blocks, i1, i2, len(base_t), len(ours_t))
        if where is None:
            return None
        edits.append((where, where + (i2 - i1), theirs_t[j1:j2]))
    for start, end, replacement in sorted(edits, reverse=True):
        result[start:end] = replacement
    return "".join(result)


def _common_prefix(a: str, b: str) -> int:
    # Binary search on slice comparisons: C-speed even for a megabyte of text.
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def minimal_edit(old: str, new: str) -> tuple[int, int, str]:
    """The single replacement old[start:end] -> text that turns `old` into `new` (keeps the cursor put)."""
    prefix = _common_prefix(old, new)
    limit = min(len(old), len(new)) - prefix
    suffix = _common_prefix(old[::-1][:limit], new[::-1][:limit])
    return prefix, len(old) - suffix, new[prefix:len(new) - suffix]
