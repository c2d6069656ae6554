"""The seller's remembered preferences (store name, default marketplace) as a small JSON file."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from composer.drafts import atomic_write_text
from composer.resources import user_data_dir

SETTINGS_FILE = "settings.json"


@dataclass
class Settings:
    store_name: str = ""
    default_marketplace: str = "US"


class SettingsStore:
    def __init__(self, directory: Path | None = None):
        self.path = (directory or user_data_dir()) / SETTINGS_FILE

    def load(self) -> Settings:
        """Saved settings; defaults for anything missing, mistyped or unreadable."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return Settings()
        if not isinstance(data, dict):
            return Settings()
        defaults = Settings()
        values = {}
        for spec in fields(Settings):
            value = data.get(spec.name, getattr(defaults, spec.name))
            values[spec.name] = value if isinstance(value, str) else getattr(defaults, spec.name)
        return Settings(**values)

    def save(self, settings: Settings) -> None:
        atomic_write_text(self.path, json.dumps(asdict(settings), ensure_ascii=False, indent=1))
