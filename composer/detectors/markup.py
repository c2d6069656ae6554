"""Markup and media: emoji (emoji library), emoticons, HTML tags, images and pixels, line breaks."""
from __future__ import annotations

import re

from composer.detectors._base import detector, option_list
from composer.spans import merge_touching

_EMOJI_CHARS: re.Pattern | None = None
_EMOJI_REACH = 12  # code points around a candidate: enough for a keycap, a flag or a ZWJ family's ends


def _emoji_chars() -> re.Pattern:
    """Every non-ASCII code point that occurs in any emoji (from the emoji library's own table).

    A gate on a broad symbol range would also fire on "€" or on every Japanese kana, and then the
    library would walk the whole text; this class fires only near a real emoji part.
    """
    global _EMOJI_CHARS
    if _EMOJI_CHARS is None:
        import emoji as emoji_lib

        # Exact for the Basic Multilingual Plane; above it two plain ranges (pictographs, tag letters)
        # keep Python's matcher on its quick path, and the library has the last word anyway.
        points = sorted({ord(ch) for key in emoji_lib.EMOJI_DATA for ch in key if 127 < ord(ch) <= 0xFFFF})
        ranges, first, last = [], points[0], points[0]
        for point in points[1:]:
            if point != last + 1:
                ranges.append((first, last))
                first = point
            last = point
        ranges.append((first, last))
        ranges += [(0x1F000, 0x1FAFF), (0xE0020, 0xE007F)]
        _EMOJI_CHARS = re.compile("[" + "".join(
            re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges
        ) + "]")
    return _EMOJI_CHARS


def _emoji_windows(text: str) -> list[tuple[int, int]]:
    """Stretches of text around emoji code points, merged where they touch."""
    n = len(text)
    return merge_touching(
        (max(0, m.start() - _EMOJI_REACH), min(n, m.end() + _EMOJI_REACH)) for m in _emoji_chars().finditer(text)
    )


@detector(())
def emoji(options: dict):
    """Emoji and pictographs, whole sequences (flags, skin tones, ZWJ families) as one span."""
    from composer.kinds import Hit

    def find(doc, reason):
        # On the original text: normalising drops the zero-width joiners inside emoji sequences.
        # The library runs only on the stretches around emoji code points, not the whole text.
        import emoji as emoji_lib

        text = doc.original
        hits = []
        for lo, hi in _emoji_windows(text):
            for e in emoji_lib.emoji_list(text[lo:hi]):
                start, end = lo + e["match_start"], lo + e["match_end"]
                # a window edge can cut a sequence; its core code point is always well inside
                if (start > lo or lo == 0) and (end < hi or hi == len(text)):
                    hits.append(Hit(start, end, replacements=(("Remove the emoji", ""),), on_original=True))
        return hits

    return find


# No look-behind at the start: re then scans for the first character quickly; edges are checked after.
_EMOTICON = re.compile(r"(?:[:;=][-'^]?[)(\]\[DPpOo3/\\|*]|<3|\^_\^|\(:|\):)(?![\w/])")


def _emoticon_edge_ok(text: str, start: int) -> bool:
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_:/")


@detector(())
def emoticon(options: dict):
    """ASCII emoticons such as :) ;-) :D <3."""
    from composer.kinds import Hit

    def find(doc, reason):
        text = doc.text
        return [
            Hit(m.start(), m.end(), replacements=(("Remove", ""),))
            for m in _EMOTICON.finditer(text)
            if _emoticon_edge_ok(text, m.start())
        ]

    return find


_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,6}|#x[0-9A-Fa-f]{2,5});")


@detector(("tags", "entities"))
def html(options: dict):
    """HTML tags (optionally only some) and character entities."""
    from composer.kinds import Hit

    tags = {t.lower() for t in option_list(options, "tags")}
    entities = options.get("entities", not tags)

    def find(doc, reason):
        hits = [
            Hit(m.start(), m.end(), replacements=(("Remove the tag", ""),))
            for m in _TAG.finditer(doc.text)
            if not tags or m.group(1).lower() in tags
        ]
        if entities:
            hits.extend(Hit(m.start(), m.end()) for m in _ENTITY.finditer(doc.text))
        return sorted(hits, key=lambda h: h.start)

    return find


_IMG_TAG = re.compile(r"<img\b[^<>]*>", re.IGNORECASE)
_TINY = re.compile(r"""(?i)\b(?:width|height)\s*[=:]\s*["']?\s*[01](?:px)?\b""")


@detector(("extensions", "tiny_only"))
def image(options: dict):
    """Images: <img> tags and links to image files; tiny_only keeps 0/1-pixel tracking images."""
    from composer.kinds import Hit

    extensions = [e.lower().lstrip(".") for e in option_list(options, "extensions", ("jpg", "jpeg", "png", "gif", "webp", "bmp", "svg"))]
    narrowed = "extensions" in options
    tiny_only = bool(options.get("tiny_only", False))
    ext_pattern = "|".join(re.escape(e) for e in extensions)
    file_ref = re.compile(r"(?i)[^\s<>\"']+\.(?:" + ext_pattern + r")(?![\w.])") if extensions else None
    # Scanning for the extension first is far quicker than trying a file name at every position.
    extension_at = re.compile(r"(?i)\.(?:" + ext_pattern + r")(?![\w.])") if extensions else None

    def file_refs(text: str):
        for m in extension_at.finditer(text):
            start = m.start()
            while start > 0 and not (text[start - 1].isspace() or text[start - 1] in "<>\"'"):
                start -= 1
            if start < m.start():
                yield start, m.end()

    def find(doc, reason):
        hits = []
        if "<" not in doc.text and (extension_at is None or "." not in doc.text):
            return hits
        for m in _IMG_TAG.finditer(doc.text):
            tag = m.group(0)
            if tiny_only and not _TINY.search(tag):
                continue
            if narrowed and not file_ref.search(tag):
                continue  # an image of a type this rule is not about (e.g. not a GIF)
            hits.append(Hit(m.start(), m.end(), replacements=(("Remove the image", ""),)))
        if not tiny_only and extension_at:
            for start, end in file_refs(doc.text):
                if not any(h.start <= start < h.end for h in hits):
                    hits.append(Hit(start, end))
        return sorted(hits, key=lambda h: h.start)

    return find


@detector(("max",))
def line_breaks(options: dict):
    """More than `max` consecutive line breaks (blank-looking lines count)."""
    from composer.kinds import Hit

    most = options.get("max", 2)
    if not isinstance(most, int) or most < 1:
        raise ValueError("option 'max' must be a whole number >= 1")
    pattern = re.compile(r"\n(?:[ \t\r\f\v]*\n){%d,}" % most)

    def find(doc, reason):
        return [
            Hit(m.start(), m.end(), replacements=(("Use one blank line", "\n" * most),))
            for m in pattern.finditer(doc.text)
        ]

    return find
