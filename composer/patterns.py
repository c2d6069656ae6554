"""Rule patterns on RE2: linear time whatever a user writes, run on UTF-8 bytes for speed.

Tokens (literal words and phrases) become RE2 patterns with Unicode-aware word edges; user
patterns are compiled as written. Matches come back as character offsets.
"""
from __future__ import annotations

import re
from bisect import bisect_right

import re2

_WORD_CHAR = r"[\p{L}\p{N}_]"
_EDGE_BEFORE = r"(?:^|[^\p{L}\p{N}_])"
_EDGE_AFTER = r"(?:[^\p{L}\p{N}_]|$)"
# Scripts written without spaces between words: their tokens match anywhere.
_NO_SPACE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff66-\uff9f]")

_OPTIONS = re2.Options()
_OPTIONS.case_sensitive = False
_OPTIONS.max_mem = 64 << 20


class PatternError(ValueError):
    """A pattern RE2 cannot compile (look-around, back-references, bad syntax)."""


def compile_pattern(pattern: str) -> "re2._Regexp":
    try:
        return re2.compile(pattern.encode("utf-8"), _OPTIONS)
    except re2.error as exc:
        raise PatternError(f"pattern {pattern!r} does not compile on RE2: {exc}") from None


def token_to_regex(token: str) -> str:
    """A literal phrase -> RE2 source: any whitespace between words, a trailing * for word endings."""
    token = token.strip()
    stem = token[:-1] if token.endswith("*") else token
    words = stem.split()
    body = r"\s+".join(re2.escape(w) if isinstance(w, str) else w for w in words)
    if isinstance(body, bytes):
        body = body.decode()
    if token.endswith("*"):
        body += _WORD_CHAR + "*"
    return body


class ByteIndex:
    """Maps UTF-8 byte offsets of a text back to character offsets (built only when needed)."""

    __slots__ = ("_byte_pos", "_char_pos", "_extra_after", "_ascii")

    def __init__(self, text: str):
        self._ascii = text.isascii()
        self._byte_pos: list[int] = []
        self._char_pos: list[int] = []
        self._extra_after: list[int] = []
        if self._ascii:
            return
        extra = 0
        for m in re.finditer(r"[^\x00-\x7f]", text):
            c = m.start()
            self._char_pos.append(c)
            self._byte_pos.append(c + extra)
            extra += len(m.group(0).encode("utf-8")) - 1
            self._extra_after.append(extra)

    def to_char(self, b: int) -> int:
        if self._ascii:
            return b
        k = bisect_right(self._byte_pos, b) - 1
        if k < 0:
            return b
        if b == self._byte_pos[k]:
            return self._char_pos[k]
        extra_before = self._extra_after[k - 1] if k else 0
        width = self._extra_after[k] - extra_before + 1
        if b < self._byte_pos[k] + width:
            return self._char_pos[k] + 1  # inside a character: round up to its end
        return b - self._extra_after[k]


class Matcher:
    """Finds tokens and patterns in a document; yields (start, end) character spans."""

    def __init__(self, tokens=(), patterns=()):
        tokens = sorted({t for t in tokens if t and t.strip()}, key=len, reverse=True)
        spaced = [token_to_regex(t) for t in tokens if not _NO_SPACE_SCRIPT.search(t)]
        unspaced = [token_to_regex(t) for t in tokens if _NO_SPACE_SCRIPT.search(t)]
        self._compiled: list[tuple[object, int]] = []  # (regex, group whose span counts)
        if spaced:
            source = _EDGE_BEFORE + "(" + "|".join(spaced) + ")" + _EDGE_AFTER
            self._compiled.append((compile_pattern(source), 1))
        if unspaced:
            self._compiled.append((compile_pattern("|".join(unspaced)), 0))
        for p in patterns:
            self._compiled.append((compile_pattern(p), 0))

    def __bool__(self) -> bool:
        return bool(self._compiled)

    def spans(self, doc) -> list[tuple[int, int]]:
        data = doc.norm_bytes
        found: list[tuple[int, int]] = []
        for regex, group in self._compiled:
            for m in regex.finditer(data):
                s, e = m.span(group)
                if e > s:
                    found.append((s, e))
        if not found:
            return found
        index = doc.byte_index
        found = sorted({(index.to_char(s), index.to_char(e)) for s, e in found})
        return found

    def search(self, doc) -> bool:
        data = doc.norm_bytes
        return any(regex.search(data) for regex, _ in self._compiled)
