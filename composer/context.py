"""What the checker knows about the order besides the text: dates, buyer language, earlier messages."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class EarlierMessage:
    """A message already sent for the same order (from the local history)."""

    reason: str
    sent_on: date


@dataclass(frozen=True)
class Context:
    """Order context for the message policy. Every field is optional: unknown facts are not checked."""

    order_id: str | None = None
    order_date: date | None = None
    delivery_date: date | None = None
    today: date | None = None
    buyer_locale: str | None = None  # e.g. "de-DE" as GetAttributes returns it
    marketplace: str | None = None  # e.g. "DE" or "A1PA6795UKMFR9"
    earlier_messages: tuple[EarlierMessage, ...] = ()
