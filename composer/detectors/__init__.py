"""Detectors: code backed by libraries, configured by rule data. Name -> module (OPTIONS, build)."""
from __future__ import annotations

from composer.detectors import contact, links, markup, purpose

DETECTORS = {
    "url": links.url,
    "email": contact.email,
    "phone": contact.phone,
    "emoji": markup.emoji,
    "emoticon": markup.emoticon,
    "html": markup.html,
    "image": markup.image,
    "line_breaks": markup.line_breaks,
    "sole_purpose": purpose.sole_purpose,
    "purpose_model": purpose.purpose_model,
}
