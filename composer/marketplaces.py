"""Amazon marketplaces (id, marketplace id, domain, currency, buyer locales) from templates/marketplaces.yaml."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from composer import resources


@dataclass(frozen=True)
class Marketplace:
    id: str  # short code, e.g. "DE"
    marketplace_id: str  # SP-API id, e.g. "A1PA6795UKMFR9"
    domain: str
    currency: str  # ISO 4217
    default_locale: str  # Babel form, e.g. "de_DE"
    other_locales: tuple[str, ...] = ()

    @property
    def language(self) -> str:
        return language_of(self.default_locale)


def language_of(locale: str) -> str:
    """The primary language subtag: "de-DE", "de_DE" and "de" all give "de"."""
    return locale.replace("-", "_").split("_")[0].lower()


@lru_cache(maxsize=4)
def _load(path: Path) -> tuple[Marketplace, ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(
        Marketplace(
            id=entry["id"],
            marketplace_id=entry["marketplace_id"],
            domain=entry["domain"],
            currency=entry["currency"],
            default_locale=entry["default_locale"],
            other_locales=tuple(entry.get("other_locales") or ()),
        )
        for entry in data["marketplaces"]
    )


def all_marketplaces(path: Path | None = None) -> list[Marketplace]:
    return list(_load(path or resources.templates_dir() / "marketplaces.yaml"))


def get_marketplace(key: str) -> Marketplace:
    """Find a marketplace by short code ("DE", "uk"), SP-API id or domain ("amazon.de")."""
    wanted = key.strip()
    for market in all_marketplaces():
        if wanted.upper() in (market.id, market.marketplace_id) or wanted.lower() == market.domain:
            return market
    if wanted.upper() == "GB":  # ISO country code for the UK store
        return get_marketplace("UK")
    valid = ", ".join(m.id for m in all_marketplaces())
    raise KeyError(f"unknown marketplace {key!r}; use one of {valid}, an SP-API marketplace id or a domain")


def for_locale(locale: str) -> Marketplace:
    """The store a locale most likely belongs to: exact default locale first, then the language."""
    wanted = locale.replace("-", "_")
    markets = all_marketplaces()
    for market in markets:
        if market.default_locale.lower() == wanted.lower():
            return market
    language = language_of(wanted)
    # Ordered guesses for languages spoken in several stores: the biggest store first.
    preferred = {"en": "US", "es": "ES", "fr": "FR", "de": "DE", "pt": "BR", "ar": "SA", "nl": "NL"}
    if language in preferred:
        return get_marketplace(preferred[language])
    for market in markets:
        if market.language == language:
            return market
    return get_marketplace("US")


def babel_locale(locale: str, market: Marketplace | None = None) -> str:
    """A Babel locale for formatting: a bare language takes the store's region when they share it."""
    wanted = locale.replace("-", "_")
    if "_" in wanted or market is None:
        return wanted
    if market.language == language_of(wanted):
        return market.default_locale
    return wanted
