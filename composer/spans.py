"""Small helpers on (start, end) offset pairs."""
from __future__ import annotations

from collections.abc import Iterable


def merge_touching(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans given in order of their starts, with those that overlap or touch merged into one."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
