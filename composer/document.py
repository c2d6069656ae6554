"""One text being checked: original and normalised form, its bytes for RE2, and word/sentence helpers."""
from __future__ import annotations

import re
from functools import cached_property
from itertools import chain

from composer.normalize import normalize
from composer.patterns import ByteIndex

# A "word" for distances: a run of letters/digits, or one CJK character (those scripts have no spaces).
_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]|[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?。！？]+(?=\s|$)|[。！？]|\n\s*\n|\n(?=\s*[-*•])")


class Document:
    def __init__(self, text: str, prefilter=None):
        self.original = text
        self.prefilter = prefilter  # a patterns.Prefilter for the rules that will run, or None
        self._norm = normalize(text)
        self.text = self._norm.text
        self.cache: dict = {}  # detectors share work here (e.g. the link list for two link rules)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return self._norm.to_original(start, end)

    def hit_span(self, hit) -> tuple[int, int]:
        """A detector hit's span in the original text."""
        if hit.on_original:
            return hit.start, hit.end
        return self.to_original(hit.start, hit.end)

    @cached_property
    def norm_bytes(self) -> bytes:
        return self.text.encode("utf-8", "surrogatepass")

    @cached_property
    def presence(self):
        """Which rule patterns occur at all (one RE2::Set scan); None means "run them all"."""
        if self.prefilter is None:
            return None
        return self.prefilter.present(self.norm_bytes)

    @cached_property
    def byte_index(self) -> ByteIndex:
        return ByteIndex(self.text)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence, surrounding whitespace excluded, empty ones dropped."""
        return list(self.iter_sentences())

    def iter_sentences(self):
        """Sentences one at a time, so a detector that decides early never splits the whole text."""
        start = 0
        text = self.text
        ends = (m.end() for m in _SENTENCE_END.finditer(text))
        for end in chain(ends, (len(text),)):
            chunk = text[start:end]
            stripped = chunk.strip()
            if stripped:
                lead = len(chunk) - len(chunk.lstrip())
                yield start + lead, start + lead + len(stripped)
            start = end

    def count_words(self, start: int, end: int, stop: int | None = None) -> int:
        """Words in text[start:end], counted locally; with `stop`, counting ends once it reaches `stop`
        (callers that only ask "more than N?" then never walk a long gap)."""
        return _count(_WORD.finditer(self.text, start, end), stop)

    def sentence_breaks(self, start: int, end: int, stop: int | None = None) -> int:
        """How many sentence ends lie in text[start:end], counting no further than `stop`."""
        return _count(_SENTENCE_END.finditer(self.text, start, end), stop)


def _count(matches, stop: int | None) -> int:
    n = 0
    for _ in matches:
        n += 1
        if n == stop:
            break
    return n
