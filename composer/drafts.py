"""Autosaved drafts: one JSON file written atomically, restored after a crash."""
from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from composer.resources import user_data_dir

DRAFT_FILE = "draft.json"


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` so a reader sees the old file or the new one, never half of either."""
    import tempfile  # only when saving: keeps it off the window's start-up path

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


@dataclass
class Draft:
    """Everything needed to put the window back as it was."""

    text: str = ""
    reason: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    marketplace: str | None = None
    locale: str | None = None
    rendered: str = ""  # the template text the seller's edits started from (for merging on re-render)
    order_dates: dict[str, str] = field(default_factory=dict)  # order_date, delivery_date as typed
    saved_at: float = 0.0
    # False while the window is open; set on a clean close. A False draft at start means a crash.
    clean_exit: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.text.strip() and not any(v.strip() for v in self.fields.values())

    @classmethod
    def from_dict(cls, data: dict) -> "Draft":
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        draft = cls(**known)
        draft.fields = {str(k): str(v) for k, v in dict(draft.fields or {}).items()}
        draft.order_dates = {str(k): str(v) for k, v in dict(draft.order_dates or {}).items()}
        return draft


class DraftStore:
    """Reads and writes the single working draft in the user's data folder."""

    def __init__(self, directory: Path | None = None):
        self.path = (directory or user_data_dir()) / DRAFT_FILE

    def save(self, draft: Draft, *, clean_exit: bool = False) -> None:
        draft.saved_at = time.time()
        draft.clean_exit = clean_exit
        atomic_write_text(self.path, json.dumps(asdict(draft), ensure_ascii=False, indent=1))

    def load(self) -> Draft | None:
        """The saved draft, or None when there is none or the file is unreadable."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        try:
            return Draft.from_dict(data)
        except (TypeError, ValueError):
            return None

    def crashed_draft(self) -> Draft | None:
        """A non-empty draft left behind by a session that did not close cleanly."""
        draft = self.load()
        if draft is None or draft.clean_exit or draft.is_empty:
            return None
        return draft

    def clear(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
