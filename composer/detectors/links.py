"""Links and bare domains, validated against the public-suffix list (tldextract, offline snapshot)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import re2

from composer.detectors._base import detector, option_list

# RE2 over UTF-8 bytes: one linear DFA scan each, quick even on a 1 MB paste.
_SCHEME = re2.compile(rb"(?i)()\b((?:https?|ftp)://[^\s<>\"'`]+)")
_WWW = re2.compile(rb"(?i)(^|[^\w./@-])(www\.[^\s<>\"'`]+)")
_BARE = re2.compile(
    rb"(^|[^\w./@-])((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}"
    rb"(?::\d{2,5})?(?:/[^\s<>\"'`]*)?)"
)
_BARE_STOP = re.compile(r"[\w@-]")
_TRAILING = ".,;:!?)]}'\"\u2019\u201d>"
# Suffixes that are real TLDs but in a message are far more often file names ("invoice.zip").
_FILE_LIKE = {"zip", "mov", "md", "py", "sh", "exe", "rs", "pdf", "doc", "docx", "jpg", "png", "gif", "txt", "csv"}


@lru_cache(maxsize=1)
def _extractor():
    import tldextract

    # No suffix-list URLs and no cache: the bundled snapshot only, never the network.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@lru_cache(maxsize=4096)
def _parts(host: str):
    return _extractor()(host)


@dataclass(frozen=True)
class Link:
    start: int
    end: int
    url: str
    host: str
    scheme: str  # "http", "https", "" for bare domains


def _host_of(url: str) -> tuple[str, str]:
    scheme = ""
    rest = url
    if "://" in url:
        scheme, rest = url.split("://", 1)
    host = re.split(r"[/?#:]", rest, maxsplit=1)[0].lower()
    return scheme.lower(), host


def find_links(doc) -> list[Link]:
    """Every link in a document (cached on it: several rules ask)."""
    if "links" not in doc.cache:
        doc.cache["links"] = _scan_links(doc)
    return doc.cache["links"]


def _scan_links(doc) -> list[Link]:
    text, data, index = doc.text, doc.norm_bytes, None
    if b"." not in data:
        return []
    links: list[Link] = []
    taken = bytearray(len(text) + 1)  # 1 where a link was already found: linear, however many links
    for pattern in (_SCHEME, _WWW, _BARE):
        for m in pattern.finditer(data):
            index = index or doc.byte_index
            start, end = index.to_char(m.start(2)), index.to_char(m.end(2))
            if pattern is _BARE and end < len(text) and _BARE_STOP.match(text, end):
                continue
            raw = text[start:end].rstrip(_TRAILING)
            end = start + len(raw)
            if taken.find(1, start, end) != -1:
                continue
            scheme, host = _host_of(raw)
            if pattern is _BARE and not _plausible_bare_domain(raw, host):
                continue
            taken[start:end] = b"\x01" * (end - start)
            links.append(Link(start, end, raw, host, scheme))
    return sorted(links, key=lambda link: link.start)


def _plausible_bare_domain(raw: str, host: str) -> bool:
    suffix_text = raw.split("/", 1)[0].rsplit(".", 1)[-1].split(":")[0]
    # "today.Best regards" is a missing space, not a domain: a bare TLD must be lower case
    # (or the whole host shouted in capitals, "SHOP.COM").
    if not (suffix_text.islower() or raw.split("/", 1)[0].isupper()):
        return False
    ext = _parts(host)
    if not ext.suffix or not ext.domain:
        return False
    if ext.suffix in _FILE_LIKE and "/" not in raw:
        return False
    return True


def domain_allowed(host: str, patterns: list[str]) -> bool:
    """`amazon.*`: amazon under any public suffix (www allowed); `*.amazon.*`: any subdomain too."""
    if not patterns:
        return False
    ext = _parts(host)
    for pattern in patterns:
        pattern = pattern.lower()
        if pattern.endswith(".*"):
            name = pattern[:-2]
            any_sub = name.startswith("*.")
            name = name[2:] if any_sub else name
            if ext.domain == name and (any_sub or ext.subdomain in ("", "www")):
                return True
        elif host == pattern or host.endswith("." + pattern):
            return True
    return False


@detector(("only", "allow_domains", "allow_https_for"))
def url(options: dict):
    """Links: `only` any | insecure | non_allowed; allowed domains; reasons where https is a warning."""
    from composer.kinds import Hit

    only = options.get("only", "non_allowed")
    if only not in ("any", "insecure", "non_allowed"):
        raise ValueError("option 'only' must be any, insecure or non_allowed")
    allowed = option_list(options, "allow_domains")
    https_ok_for = set(option_list(options, "allow_https_for"))

    def find(doc, reason):
        hits = []
        for link in find_links(doc):
            if only == "insecure":
                if link.scheme in ("http", "ftp"):
                    hits.append(Hit(link.start, link.end, replacements=_https_fix(link)))
                continue
            if only == "non_allowed" and domain_allowed(link.host, allowed):
                continue
            if reason in https_ok_for and link.scheme == "https":
                message = (
                    "Link to {match}: allowed only if it is a secure link the buyer needs to complete "
                    "this order. Make sure it is, or remove it."
                )
                hits.append(Hit(link.start, link.end, severity="warning", message=message))
            else:
                hits.append(Hit(link.start, link.end, replacements=(("Remove the link", ""),)))
        return hits

    return find


def _https_fix(link: Link) -> tuple[tuple[str, str], ...]:
    if link.scheme == "http":
        return (("Use https://", "https://" + link.url.split("://", 1)[1]),)
    return ()
