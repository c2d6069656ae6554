"""The local record of exported messages (SQLite): browse, search, and once-per-order checks."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from typing import TYPE_CHECKING

from composer.context import EarlierMessage
from composer.resources import user_data_dir

if TYPE_CHECKING:
    import sqlite3

HISTORY_FILE = "history.sqlite3"
# Amazon allows one review/feedback request per order [S21][S29]; keep the list here so the
# history and the policy agree on what "once per order" covers.
ONCE_PER_ORDER = frozenset({"review_feedback_request"})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    text TEXT NOT NULL,
    marketplace TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS messages_order ON messages(order_id, reason);
"""


class RepeatRequestError(ValueError):
    """Raised when an export would send a once-per-order message a second time."""


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    order_id: str
    reason: str
    sent_at: datetime
    text: str
    marketplace: str = ""


def _normal_order_id(order_id: str | None) -> str:
    return (order_id or "").strip()


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class History:
    """One SQLite file in the user's data folder; every call opens a short-lived connection."""

    def __init__(self, path: Path | None = None):
        self.path = path or (user_data_dir() / HISTORY_FILE)
        self._ready = False  # the file is created on first use, not while the window is starting

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A short-lived connection: committed on success, rolled back on error, always closed."""
        import sqlite3  # imported on first use: the window starts without it

        if not self._ready:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=5)
        try:
            conn.row_factory = sqlite3.Row
            if not self._ready:
                conn.executescript(_SCHEMA)
                self._ready = True
            with conn:
                yield conn
        finally:
            conn.close()

    def refusal(self, order_id: str | None, reason: str) -> str | None:
        """Why exporting `reason` for `order_id` must be refused, or None when it is allowed."""
        order_id = _normal_order_id(order_id)
        if reason in ONCE_PER_ORDER and order_id and self.count_for(order_id, reason):
            return (
                f"A review or feedback request was already sent for order {order_id}. "
                "Amazon allows only one per order."
            )
        return None

    def record(
        self,
        order_id: str | None,
        reason: str,
        text: str,
        sent_at: datetime | None = None,
        *,
        marketplace: str = "",
    ) -> int:
        """Store one export and return its id. Refuses a repeated once-per-order message."""
        problem = self.refusal(order_id, reason)
        if problem:
            raise RepeatRequestError(problem)
        when = sent_at or datetime.now(timezone.utc)
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        with self._connect() as conn:
            cursor = conn.execute(
                "INSERT INTO messages(order_id, reason, sent_at, text, marketplace) VALUES (?, ?, ?, ?, ?)",
                (_normal_order_id(order_id), reason, when.isoformat(), text, marketplace or ""),
            )
            return int(cursor.lastrowid)

    def count_for(self, order_id: str, reason: str | None = None) -> int:
        sql, args = "SELECT COUNT(*) FROM messages WHERE order_id = ?", [_normal_order_id(order_id)]
        if reason is not None:
            sql += " AND reason = ?"
            args.append(reason)
        with self._connect() as conn:
            return int(conn.execute(sql, args).fetchone()[0])

    def search(self, query: str = "", *, limit: int = 500) -> list[HistoryEntry]:
        """Newest first; `query` matches order id, reason or text (case-insensitive substring)."""
        sql = "SELECT * FROM messages"
        args: list = []
        query = query.strip()
        if query:
            like = f"%{_escape_like(query)}%"
            sql += (
                " WHERE order_id LIKE ? ESCAPE '\\' OR reason LIKE ? ESCAPE '\\'"
                " OR text LIKE ? ESCAPE '\\'"
            )
            args = [like, like, like]
        sql += " ORDER BY sent_at DESC, id DESC LIMIT ?"
        args.append(int(limit))
        with self._connect() as conn:
            return [self._entry(row) for row in conn.execute(sql, args)]

    def earlier_messages(self, order_id: str | None) -> tuple[EarlierMessage, ...]:
        """What the policy needs to know about messages already sent for this order, oldest first."""
        order_id = _normal_order_id(order_id)
        if not order_id:
            return ()
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT reason, sent_at FROM messages WHERE order_id = ? ORDER BY sent_at, id", (order_id,)
            ).fetchall()
        return tuple(EarlierMessage(reason=r["reason"], sent_on=_parse_when(r["sent_at"]).date()) for r in rows)

    @staticmethod
    def _entry(row: sqlite3.Row) -> HistoryEntry:
        return HistoryEntry(
            id=row["id"],
            order_id=row["order_id"],
            reason=row["reason"],
            sent_at=_parse_when(row["sent_at"]),
            text=row["text"],
            marketplace=row["marketplace"],
        )


def _parse_when(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return datetime.combine(date.min, datetime.min.time(), tzinfo=timezone.utc)
