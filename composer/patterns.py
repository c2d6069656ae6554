"""Rule patterns on RE2: linear time whatever a user writes, run on UTF-8 bytes for speed.

Tokens (literal words and phrases) become RE2 patterns; their word edges are checked on the few
matches in Python (Unicode-aware). User patterns are compiled as written. One RE2::Set per
language tells which patterns occur at all. Matches come back as character offsets.
"""
from __future__ import annotations

import re
import threading
from bisect import bisect_right
from contextlib import contextmanager
from dataclasses import dataclass

import re2

# Word endings for "token*": ASCII word characters and accented Latin letters (de, fr, it, es, pl, tr).
_WORD_CHAR = r"[\w\x{00C0}-\x{024F}]"
# Scripts written without spaces between words: their tokens match anywhere.
_NO_SPACE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff66-\uff9f]")

_OPTIONS = re2.Options()
_OPTIONS.case_sensitive = False
_OPTIONS.max_mem = 64 << 20
_SET_OPTIONS = re2.Options()
_SET_OPTIONS.case_sensitive = False
_SET_OPTIONS.max_mem = 256 << 20  # hundreds of patterns in one set need a bigger budget


class _Registry:
    """Every rule pattern gets a number once; the same pattern loaded twice shares it."""

    def __init__(self):
        self._sources: list[bytes] = []
        self._ids: dict[bytes, int] = {}
        self._lock = threading.Lock()
        self._recording = threading.local()

    def register(self, source: bytes) -> int:
        with self._lock:
            if source not in self._ids:
                self._ids[source] = len(self._sources)
                self._sources.append(source)
            ident = self._ids[source]
        for ids in getattr(self._recording, "stack", ()):
            ids.append(ident)
        return ident

    def source(self, ident: int) -> bytes:
        return self._sources[ident]

    @contextmanager
    def recording(self):
        """Collect the ids registered inside the block (the loader notes each rule's patterns)."""
        stack = self._recording.__dict__.setdefault("stack", [])
        ids: list[int] = []
        stack.append(ids)
        try:
            yield ids
        finally:
            stack.pop()


REGISTRY = _Registry()


@dataclass(frozen=True)
class Presence:
    """What one prefilter scan proved: patterns it covered, and which of them occur."""

    covered: frozenset[int]
    matched: frozenset[int]

    def may_match(self, ident: int) -> bool:
        return ident not in self.covered or ident in self.matched


class Prefilter:
    """A group of rule patterns in one RE2::Set: a single scan tells which of them occur at all.

    Most rules find nothing in most messages; this turns hundreds of scans of the text into one,
    and only the patterns that do occur run again for their positions. Built on first use.
    """

    def __init__(self, ids):
        self._ids = sorted(set(ids))
        self._set = None
        self._built = False
        self._lock = threading.Lock()

    def build(self) -> None:
        with self._lock:
            if self._built:
                return
            regex_set = re2.Set.SearchSet(_SET_OPTIONS)
            for ident in self._ids:
                regex_set.Add(REGISTRY.source(ident))
            try:
                regex_set.Compile()
                self._set = regex_set
            except re2.error:
                self._set = None  # too big for the memory budget: every pattern simply runs
            self._built = True

    def present(self, data: bytes) -> Presence | None:
        self.build()
        if self._set is None:
            return None
        try:
            matched = self._set.Match(data) or ()
        except re2.error:
            return None  # e.g. the DFA ran out of memory on a huge text: run every pattern
        return Presence(frozenset(self._ids), frozenset(self._ids[i] for i in matched))


class PatternError(ValueError):
    """A pattern RE2 cannot compile (look-around, back-references, bad syntax)."""


_validator_lock = threading.Lock()
_validator = [None, 0]  # a scratch RE2::Set, renewed now and then so it does not grow for ever


def check_pattern(pattern: str) -> None:
    """Raise PatternError if RE2 cannot parse `pattern` (parsing only: about 6x cheaper than compiling)."""
    with _validator_lock:
        if _validator[0] is None or _validator[1] > 500:
            _validator[0], _validator[1] = re2.Set.SearchSet(_OPTIONS), 0
        _validator[1] += 1
        try:
            _validator[0].Add(pattern.encode("utf-8"))
        except re2.error as exc:
            raise PatternError(f"pattern {pattern!r} does not compile on RE2: {exc}") from None


class _Lazy:
    """A pattern compiled on first use: most rule patterns never occur in a given session."""

    __slots__ = ("source", "_regex")

    def __init__(self, source: str):
        check_pattern(source)
        self.source = source
        self._regex = None

    @property
    def regex(self):
        if self._regex is None:
            self._regex = compile_pattern(self.source)
        return self._regex


def compile_pattern(pattern: str) -> "re2._Regexp":
    try:
        return re2.compile(pattern.encode("utf-8"), _OPTIONS)
    except re2.error as exc:
        raise PatternError(f"pattern {pattern!r} does not compile on RE2: {exc}") from None


def any_of(sources: list[str]):
    """`matches(data: bytes) -> bool` for a list of patterns: one RE2::Set call instead of one per
    pattern. The set is built on first use (large sets are the costliest part of loading rules)."""
    for source in sources:
        check_pattern(source)  # a clear error naming the bad pattern now, not on first use
    if not sources:
        return lambda data: False
    built = []

    def matches(data: bytes) -> bool:
        if not built:
            regex_set = re2.Set.SearchSet(_OPTIONS)
            for source in sources:
                regex_set.Add(source.encode("utf-8"))
            regex_set.Compile()
            built.append(regex_set)
        return bool(built[0].Match(data))

    return matches


def token_to_regex(token: str) -> str:
    """A literal phrase -> RE2 source: any whitespace between words, a trailing * for word endings."""
    token = token.strip()
    stem = token[:-1] if token.endswith("*") else token
    body = r"\s+".join(re2.escape(word) for word in stem.split())
    if token.endswith("*"):
        body += _WORD_CHAR + "*"
    return body


# Runs of characters that all take the same number of UTF-8 bytes (2, 3 or 4). Within a run the
# byte-to-character map is linear, so the index stores one entry per run rather than per character:
# Japanese text is nearly all 3-byte characters, and one entry each cost more than the whole check.
_SAME_WIDTH_RUNS = re.compile("[\u0080-\u07ff]+|[\u0800-\uffff]+|[\U00010000-\U0010ffff]+")


class ByteIndex:
    """Maps UTF-8 byte offsets of a text back to character offsets (built only when needed)."""

    __slots__ = ("_byte_pos", "_char_pos", "_width", "_run_end", "_extra_after", "_ascii")

    def __init__(self, text: str):
        self._ascii = text.isascii()
        self._byte_pos: list[int] = []  # byte offset where each run starts
        self._char_pos: list[int] = []  # character offset where each run starts
        self._width: list[int] = []  # bytes per character in the run
        self._run_end: list[int] = []  # byte offset where the run ends
        self._extra_after: list[int] = []  # bytes beyond one per character, up to the run's end
        if self._ascii:
            return
        extra = 0
        for m in _SAME_WIDTH_RUNS.finditer(text):
            start, end = m.span()
            first = ord(text[start])
            width = 2 if first < 0x800 else 3 if first < 0x10000 else 4
            self._char_pos.append(start)
            self._byte_pos.append(start + extra)
            self._width.append(width)
            self._run_end.append(start + extra + (end - start) * width)
            extra += (end - start) * (width - 1)
            self._extra_after.append(extra)

    def to_char(self, b: int) -> int:
        if self._ascii:
            return b
        k = bisect_right(self._byte_pos, b) - 1
        if k < 0:
            return b
        if b < self._run_end[k]:
            # inside the run; an offset inside a character rounds up to that character's end
            return self._char_pos[k] - (-(b - self._byte_pos[k]) // self._width[k])
        return b - self._extra_after[k]


def _is_word_char(ch: str) -> bool:
    # Kana and kanji next to a Latin token are an edge: "当店のInstagramアカウント" names Instagram.
    return (ch.isalnum() or ch == "_") and not _NO_SPACE_SCRIPT.match(ch)


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
    def _entry(source: str, edges: bool) -> tuple[_Lazy, bool, int]:
        return _Lazy(source), edges, REGISTRY.register(source.encode("utf-8"))

    def __bool__(self) -> bool:
        return bool(self._compiled)

    def spans(self, doc) -> list[tuple[int, int]]:
        data = doc.norm_bytes
        presence = doc.presence
        found: set[tuple[int, int]] = set()
        for lazy, edges, ident in self._compiled:
            if presence is not None and not presence.may_match(ident):
                continue
            if edges:
                found.update(_edged_spans(lazy.regex, doc))
                continue
            for m in lazy.regex.finditer(data):
                s, e = m.span()
                if e > s:
                    found.add((doc.byte_index.to_char(s), doc.byte_index.to_char(e)))
        return sorted(found)

    def search(self, doc) -> bool:
        """Whether anything matches (edges included), stopping at the first sign."""
        presence = doc.presence
        data = doc.norm_bytes
        for lazy, edges, ident in self._compiled:
            if presence is not None and not presence.may_match(ident):
                continue
            if not edges:
                if (presence is not None and ident in presence.matched) or lazy.regex.search(data):
                    return True  # the prefilter already proved a match
                continue
            if next(_edged_spans(lazy.regex, doc), None) is not None:
                return True
        return False


def _edged_spans(regex, doc):
    """Matches that sit on word edges, as character spans. After a match that fails its edges the
    search resumes one byte later, not after it: in "que faltaba" the failed "que falta" must not
    hide "faltaba"."""
    data = doc.norm_bytes
    pos = 0
    while pos < len(data):
        m = regex.search(data, pos)
        if m is None:
            return
        start, end = m.span()
        found = _on_word_edges(regex, doc, start, end) if end > start else None
        if found is None:
            pos = start + 1
            continue
        yield found[0], found[1]
        pos = max(found[2], start + 1)


def _on_word_edges(regex, doc, start: int, end: int) -> tuple[int, int, int] | None:
    """The match as (char start, char end, byte end) if it sits on word edges. If only its end runs into a word
    ("ci segua" inside "ci segua sul" matched as "ci segua su"), a shorter alternative at the same
    place may still fit: RE2 reports only the first alternative, so ask again with a shorter end."""
    text, index = doc.text, doc.byte_index
    s = index.to_char(start)
    # An edge is needed only where the token itself has a word character: "impossible d'" ends
    # in an apostrophe, and the word after it ("d'offrir") is where it is meant to stop.
    if s > 0 and s < len(text) and _is_word_char(text[s]) and _is_word_char(text[s - 1]):
        return None
    while end > start:
        e = index.to_char(end)
        if e > s and (e >= len(text) or not _is_word_char(text[e]) or not _is_word_char(text[e - 1])):
            return s, e, end
        shorter = regex.match(doc.norm_bytes, start, end - 1)
        if shorter is None or shorter.end() <= start:
            return None
        end = shorter.end()
    return None
