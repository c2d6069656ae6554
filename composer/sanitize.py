"""Plain text for the clipboard: no invisible characters, one line-ending style, no trailing spaces."""
from __future__ import annotations

import re
import unicodedata

# Zero-width and bidi-control characters hide text from the reader (and from Amazon's reviewers).
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u202a-\u202e\u2066-\u2069]")
_TRAILING = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
_MANY_BLANK = re.compile(r"\n{3,}")


def _is_control(ch: str) -> bool:
    # Tab and newline are text; every other C0/C1 control (and U+2028/2029 separators) is not.
    if ch in "\n\t":
        return False
    return unicodedata.category(ch) in ("Cc", "Zl", "Zp")


def sanitize(text: str) -> str:
    """Return `text` as plain text safe to paste into Amazon's message box."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _INVISIBLE.sub("", text)
    text = "".join(ch for ch in text if not _is_control(ch))
    text = text.replace("\t", " ")
    text = _TRAILING.sub("", text)
    text = _MANY_BLANK.sub("\n\n", text)
    return text.strip("\n")
