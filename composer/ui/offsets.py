"""Map Python string offsets (code points) to Qt document positions (UTF-16 units) and back."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Qt counts characters outside the BMP (most emoji) twice; the checker counts them once."""

    def __init__(self, text: str):
        # Positions (in code points) of astral characters; empty for almost every message.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if not text.isascii() else []
        self._astral_qt = [p + i for i, p in enumerate(self._astral)]

    def to_qt(self, index: int) -> int:
        if not self._astral:
            return index
        return index + bisect_left(self._astral, index)

    def to_py(self, position: int) -> int:
        if not self._astral:
            return position
        # Every astral character before `position` adds one extra unit on the Qt side.
        return position - bisect_right(self._astral_qt, position - 1)
