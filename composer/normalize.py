"""Text normalisation that defeats evasion, with an offset map back to the original text.

Each stage rewrites a few short segments; it records them as edits so that any position in the
normalised text maps back to the original in O(log edits), even for a 1 MB text.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import re2

from composer.spans import merge_touching

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f"

# Cyrillic and Greek letters that look like Latin ones; sellers (and spammers) swap them in to
# slip words past filters. Folded only for matching; the seller's text is never changed.
_LOOKALIKES = str.maketrans(
    "аеорсухіјѕԁԛԝАВЕКМНОРСТХІЈЅ" "αοιυνκτρΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdqwABEKMHOPCTXIJS" "aoiuvktpABEZHIKMNOPTYX",
)

# Typographic quotes fold to straight ones, so a rule's "don't" also matches "don’t".
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"'})

# Characters that are stable under our folding and common in real messages: skipping them keeps
# accented Latin and Japanese text on the fast path.
_CANDIDATE = re.compile(r"[^\x00-\x7f\u00c0-\u017e\u3041-\u309f\u30a1-\u30fa\u4e00-\u9fff\u3001\u3002]")


@dataclass
class _Stage:
    """Edits of one stage: src[src_start:src_end] became dst[dst_start:dst_end]."""

    src_starts: list[int] = field(default_factory=list)
    src_ends: list[int] = field(default_factory=list)
    dst_starts: list[int] = field(default_factory=list)
    dst_ends: list[int] = field(default_factory=list)

    def to_source(self, pos: int, *, is_end: bool) -> int:
        i = bisect_right(self.dst_starts, pos) - 1
        if i < 0:
            return pos
        if pos == self.dst_starts[i]:
            return self.src_starts[i]
        if pos < self.dst_ends[i]:
            return self.src_ends[i] if is_end else self.src_starts[i]
        return self.src_ends[i] + (pos - self.dst_ends[i])


def _rewrite(text: str, matches, replace) -> tuple[str, _Stage]:
    """Apply `replace(match) -> str` to every match of `text` (in order), recording the edits that
    changed something."""
    stage = _Stage()
    pieces: list[str] = []
    last = 0
    out_len = 0
    for m in matches:
        new = replace(m)
        if new == m.group(0):
            continue
        pieces.append(text[last : m.start()])
        out_len += m.start() - last
        stage.src_starts.append(m.start())
        stage.src_ends.append(m.end())
        stage.dst_starts.append(out_len)
        out_len += len(new)
        stage.dst_ends.append(out_len)
        pieces.append(new)
        last = m.end()
    if not stage.src_starts:
        return text, stage
    pieces.append(text[last:])
    return "".join(pieces), stage


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in ZERO_WIDTH:
        return ""
    folded = unicodedata.normalize("NFKC", ch).translate(_LOOKALIKES).translate(_QUOTES)
    if folded.isspace():
        return " " if ch not in "\n\r" else ch
    return folded


_TLD = r"(?:com|net|org|co|io|biz|info|shop|store|online|site|us|uk|ca|de|fr|it|es|jp|nl|pl|se|au|in|me|ly|gl)"
def _gate(pattern: str):
    return re2.compile(pattern.encode("utf-8"))


# Not after an apostrophe: "it's a 5-star" must not become "it'sa5-star".
_SPACED = re.compile(r"(?<![\w.'\u2019])(?:[A-Za-z0-9] ){2,}[A-Za-z0-9](?![\w'\u2019])")
# "dot" as sellers spell it in the marketplace languages (point, punkt, punto, ドット).
_DOT_WORDS = "dot|point|punkt|punto|\u30c9\u30c3\u30c8"
_AT_WORDS = "at|@|arobase|chiocciola|arroba|klammeraffe|\u30a2\u30c3\u30c8"
_TLD_AHEAD = r"(?=(?:www|" + _TLD + r")(?![\w-]))"
# Spelled without brackets, the local words for "dot" are everyday words ("le point de retrait",
# "el punto es"), so they count only before a TLD that is no word in those languages.
_WORD_FREE_TLD = r"(?=(?i:com|net|org|info|biz|shop|store|online|fr|uk|jp|io)(?![\w-]))"
# After an abbreviation a sentence goes on with a word that is also a TLD: "Avda. de la Constitución",
# "aprox. la mitad", "approx. it is". A spaced-out address ends after its TLD instead ("shop. de").
_NOT_A_SENTENCE_GOING_ON = r"(?!(?:de|es|it|la|le|il|in|at|to|me|no|do|be|us|so|se|si|am|is|my|ne|na|al|el)\s+[^\W\d_])"
_DOT = re.compile(
    # "(dot)", "[.]", "(point)" in any case, before any TLD; " dot " before any TLD, " point " and
    # the like only before a word-free TLD; a bare dot with spaces only before a lower-case TLD, so
    # that "Thank you. It" never turns into the domain "you.It".
    r"(?<=\w)\s*(?:[\(\[\{<]\s*(?i:" + _DOT_WORDS + r"|\.)\s*[\)\]\}>]|\s(?i:dot)\s)\s*"
    + _TLD_AHEAD.replace("(?=(?:", "(?=(?i:")
    + r"|(?<=\w)\s(?i:" + _DOT_WORDS + r")\s+" + _WORD_FREE_TLD
    + r"|(?<=\w)\s+\.\s*" + _TLD_AHEAD
    + r"|(?<=\w)\.\s+" + _TLD_AHEAD + _NOT_A_SENTENCE_GOING_ON
    + r"|(?<=[A-Za-z0-9])\s*\u3002\s*" + _TLD_AHEAD  # a Japanese full stop inside an address
    + r"|(?<=\bwww)\s*(?:[\(\[\{]\s*(?i:" + _DOT_WORDS + r"|\.)\s*[\)\]\}]|\s(?i:" + _DOT_WORDS + r")\s|\s*\.\s*)(?=\w)"
)
_MAIL_HOSTS = r"(?:gmail|googlemail|yahoo|hotmail|outlook|icloud|aol|gmx|proton|protonmail|live|msn|mail|web|t-online)"
_AT = re.compile(
    r"(?<=[\w.])\s*(?:[\(\[\{<]\s*(?i:" + _AT_WORDS + r")\s*[\)\]\}>]|\s(?:at|AT)\s(?=" + _MAIL_HOSTS + r"\b)|\s*@\s+|\s+@)\s*(?=[\w-]+\s*\.\s*[A-Za-z])"
)


# Each pass runs only around its gate's hints: every match of a pass contains a hint (a test checks
# that on random text). Gates run on RE2 over UTF-8 (a DFA scan, far quicker than Python's re on
# 100 KB), so ordinary text pays almost nothing.
_PASSES = (
    (_gate(r"\b\w \w \w\b"), _SPACED, lambda m: m.group(0).replace(" ", "")),
    (_gate(r"(?i)\b(?:" + _DOT_WORDS + r")\b|\x{30c9}\x{30c3}\x{30c8}|[A-Za-z0-9]\s*\x{3002}|[\(\[\{<]\s*\.|[\pL\pN_]\s+\.\s*[a-z]|[\pL\pN_]\.\s+(?:www|" + _TLD + r")\b|\bwww(?:[\s\(\[\{]|\.\s)"), _DOT, lambda m: _dot(m)),
    (_gate(r"(?i)[\(\[\{<]\s*(?:" + _AT_WORDS + r")\s*[\)\]\}>]|\s@|@\s|\bat\s+" + _MAIL_HOSTS + r"\b"), _AT, lambda m: "@"),
)


# "the dot com bubble", "a dot com company": after these words "dot com" is a noun, not an address.
_NOT_A_HOST = {"the", "a", "an", "this", "that", "of", "old", "new", "early", "big", "first", "whole", "pure"}


def _dot(m: re.Match) -> str:
    if "." not in m.group(0) and not m.group(0).strip().startswith(("(", "[", "{", "<")):
        before = m.string[max(0, m.start() - 20) : m.start()].split()
        if before and before[-1].lower() in _NOT_A_HOST:
            return m.group(0)
    return "."


# Characters around each hint that a pass reads; its matches are short and lie next to the hint.
_HINT_REACH = 120


def _widen(text: str, lo: int, hi: int, limit: int = 2000) -> tuple[int, int]:
    """Never cut a window inside white space or the words after it: a pass's look-ahead reads the
    whole next word, a dot and the word after ("name @ averyverylongdomain . com"). Bounded, so a text
    without spaces stays linear."""
    stop = min(len(text), hi + limit)
    while lo > 0 and text[lo - 1].isspace() and hi - lo < limit:
        lo -= 1
    for want_space in (False, True, False, True, False):
        while hi < stop and text[hi].isspace() == want_space:
            hi += 1
    return lo, hi


def _near_hints(text: str, data: bytes, gate, pattern: re.Pattern):
    """Matches of `pattern` in the stretches of text around the gate's hints, in order.

    Every match of a pass contains one of its gate's hints, so Python's slower engine only reads a
    few hundred characters per hint instead of the whole text (100 KB with a few hints: ~45 ms -> <1 ms).
    """
    for lo, hi in merge_touching(_hint_windows(text, data, gate)):
        yield from pattern.finditer(text, lo, hi)


def _hint_windows(text: str, data: bytes, gate):
    """For each hint of the gate, in order: the stretch around it, widened to word edges."""
    byte_pos = char_pos = 0
    for hint in gate.finditer(data):
        # RE2 reports byte offsets on code-point boundaries; count the characters up to each hint.
        char_pos += len(data[byte_pos : hint.start()].decode("utf-8", "surrogatepass"))
        byte_pos = hint.start()
        hint_end = char_pos + len(hint.group(0).decode("utf-8", "surrogatepass"))
        yield _widen(text, max(0, char_pos - _HINT_REACH), min(len(text), hint_end + _HINT_REACH))


def _deobfuscate(text: str) -> list[tuple[str, _Stage]]:
    stages = []
    data = text.encode("utf-8", "surrogatepass")
    for gate, pattern, replace in _PASSES:
        if gate.search(data) is None:
            continue
        text, stage = _rewrite(text, _near_hints(text, data, gate, pattern), replace)
        if stage.src_starts:
            data = text.encode("utf-8", "surrogatepass")
        stages.append((text, stage))
    return stages


class Normalized:
    """The normalised form of a text plus the way back to original offsets."""

    __slots__ = ("original", "text", "_stages")

    def __init__(self, original: str):
        self.original = original
        stages: list[_Stage] = []
        text = original
        if not text.isascii():
            text, stage = _rewrite(text, _CANDIDATE.finditer(text), lambda m: _fold_char(m.group(0)))
            stages.append(stage)
        for text_after, stage in _deobfuscate(text):
            stages.append(stage)
            text = text_after
        self.text = text
        self._stages = [s for s in stages if s.src_starts]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text to the matching span of the original text."""
        for stage in reversed(self._stages):
            start = stage.to_source(start, is_end=False)
            end = stage.to_source(end, is_end=True)
        n = len(self.original)
        start = min(max(start, 0), n)
        end = min(max(end, start), n)
        return start, end


def normalize(text: str) -> Normalized:
    return Normalized(text)
