"""Rule patterns on RE2: linear time whatever a user writes, run on UTF-8 bytes for speed.

Tokens (literal words and phrases) become RE2 patterns with Unicode-aware word edges; user
patterns are compiled as written. Matches come back as character offsets.
"""
from __future__ import annotations

import re
import threading
from bisect import bisect_right

import re2

# Word endings for "token*": ASCII word characters and accented Latin letters (de, fr, it, es, pl, tr).
_WORD_CHAR = r"[\w\x{00C0}-\x{024F}]"
# Scripts written without spaces between words: their tokens match anywhere.
_NO_SPACE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff66-\uff9f]")

_OPTIONS = re2.Options()
_OPTIONS.case_sensitive = False
_OPTIONS.max_mem = 64 << 20


class _Prefilter:
    """Every rule pattern in one RE2::Set: a single scan tells which patterns occur at all.

    Most rules find nothing in most messages; this turns ~300 scans of the text into one, and
    only the patterns that do occur are run again for their positions.
    """

    def __init__(self):
        self._sources: list[bytes] = []
        self._ids: dict[bytes, int] = {}  # the same pattern loaded twice shares one entry
        self._set = None
        self._size = -1
        self._lock = threading.Lock()

    def register(self, source: bytes) -> int:
        with self._lock:
            if source not in self._ids:
                self._ids[source] = len(self._sources)
                self._sources.append(source)
            return self._ids[source]

    def present(self, data: bytes) -> frozenset[int] | None:
        """Ids of the registered patterns that match somewhere; None if the set cannot be built."""
        with self._lock:
            if self._size != len(self._sources):
                self._set = self._build()
                self._size = len(self._sources)
            regex_set = self._set
        if regex_set is None:
            return None
        try:
            return frozenset(regex_set.Match(data) or ())
        except re2.error:
            return None  # e.g. the DFA ran out of memory on a huge text: run every pattern

    def _build(self):
        regex_set = re2.Set.SearchSet(_OPTIONS)
        for source in self._sources:
            regex_set.Add(source)
        try:
            regex_set.Compile()
        except re2.error:
            return None
        return regex_set


PREFILTER = _Prefilter()


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


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class Matcher:
    """Finds tokens and patterns in a document; yields (start, end) character spans.

    Word edges for tokens are checked in Python on the few matches, not in the pattern: Unicode
    edge classes would make every RE2 program (and the prefilter set) many times larger.
    """

    def __init__(self, tokens=(), patterns=()):
        tokens = sorted({t for t in tokens if t and t.strip()}, key=len, reverse=True)
        spaced = [token_to_regex(t) for t in tokens if not _NO_SPACE_SCRIPT.search(t)]
        unspaced = [token_to_regex(t) for t in tokens if _NO_SPACE_SCRIPT.search(t)]
        self._compiled: list[tuple[object, bool, int]] = []  # (regex, needs word edges, prefilter id)
        if spaced:
            self._compiled.append(self._entry("|".join(spaced), True))
        if unspaced:
            self._compiled.append(self._entry("|".join(unspaced), False))
        for p in patterns:
            self._compiled.append(self._entry(p, False))

    @staticmethod
    def _entry(source: str, edges: bool) -> tuple[object, bool, int]:
        return compile_pattern(source), edges, PREFILTER.register(source.encode("utf-8"))

    def __bool__(self) -> bool:
        return bool(self._compiled)

    def spans(self, doc) -> list[tuple[int, int]]:
        data = doc.norm_bytes
        present = doc.present_patterns
        found: set[tuple[int, int]] = set()
        for regex, edges, ident in self._compiled:
            if present is not None and ident not in present:
                continue
            for m in regex.finditer(data):
                s, e = m.span()
                if e <= s:
                    continue
                if edges:
                    s, e = doc.byte_index.to_char(s), doc.byte_index.to_char(e)
                    text = doc.text
                    if (s > 0 and _is_word_char(text[s - 1])) or (e < len(text) and _is_word_char(text[e])):
                        continue
                    found.add((s, e))
                else:
                    found.add((doc.byte_index.to_char(s), doc.byte_index.to_char(e)))
        return sorted(found)

    def search(self, doc) -> bool:
        """Whether anything matches (edges included), stopping at the first sign."""
        present = doc.present_patterns
        data = doc.norm_bytes
        for regex, edges, ident in self._compiled:
            if present is not None and ident not in present:
                continue
            if not edges:
                if present is not None or regex.search(data):
                    return True  # the prefilter already proved a match
                continue
            if self._first_edged(regex, doc):
                return True
        return False

    @staticmethod
    def _first_edged(regex, doc) -> bool:
        text = doc.text
        for m in regex.finditer(doc.norm_bytes):
            s, e = doc.byte_index.to_char(m.start()), doc.byte_index.to_char(m.end())
            if e > s and not ((s > 0 and _is_word_char(text[s - 1])) or (e < len(text) and _is_word_char(text[e]))):
                return True
        return False
