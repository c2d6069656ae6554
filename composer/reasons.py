"""The catalogue of reasons a seller may write for, loaded from templates/reasons.yaml."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from composer import resources

FIELD_TYPES = ("order_id", "money", "date", "choice", "text")
GROUPS = ("replies", "critical", "completing", "after_delivery")

_REASON_KEYS = {
    "id", "title", "description", "group", "proactive", "critical", "timing",
    "spapi_action", "max_length", "subject", "fields", "evidence",
}
_FIELD_KEYS = {"name", "type", "label", "required", "choices", "help", "example"}


class CatalogueError(ValueError):
    """reasons.yaml is malformed; the message names the reason and the key."""


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str  # one of FIELD_TYPES
    label: str
    required: bool
    choices: tuple[str, ...] = ()
    help: str = ""
    example: str = ""


@dataclass(frozen=True)
class Reason:
    id: str
    title: str
    description: str
    group: str
    proactive: bool
    critical: bool
    timing: str  # human text, e.g. "within 30 days of order completion"
    spapi_action: str | None  # operationId, e.g. "createUnexpectedProblem"
    max_length: int | None  # SP-API text limit of that action
    subject: str  # the English subject; other languages in templates/<lang>/subjects.yaml
    fields: tuple[FieldSpec, ...]
    evidence: str = ""

    def field(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(f"reason {self.id!r} has no field {name!r}; fields: {', '.join(self.field_names)}")

    @property
    def field_names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.fields)


def _field(reason_id: str, raw: dict) -> FieldSpec:
    where = f"reasons.yaml: reason {reason_id!r}, field {raw.get('name')!r}"
    unknown = set(raw) - _FIELD_KEYS
    if unknown:
        raise CatalogueError(f"{where}: unknown keys {sorted(unknown)}")
    if raw.get("type") not in FIELD_TYPES:
        raise CatalogueError(f"{where}: type must be one of {', '.join(FIELD_TYPES)}")
    choices = tuple(str(c) for c in raw.get("choices") or ())
    if (raw["type"] == "choice") != bool(choices):
        raise CatalogueError(f"{where}: a choice field needs choices, and only a choice field has them")
    return FieldSpec(
        name=raw["name"],
        type=raw["type"],
        label=raw["label"],
        required=bool(raw["required"]),
        choices=choices,
        help=raw.get("help") or "",
        example="" if raw.get("example") is None else str(raw["example"]),
    )


def _reason(raw: dict) -> Reason:
    reason_id = raw.get("id")
    unknown = set(raw) - _REASON_KEYS
    if unknown:
        raise CatalogueError(f"reasons.yaml: reason {reason_id!r}: unknown keys {sorted(unknown)}")
    if raw.get("group") not in GROUPS:
        raise CatalogueError(f"reasons.yaml: reason {reason_id!r}: group must be one of {', '.join(GROUPS)}")
    try:
        return Reason(
            id=reason_id,
            title=raw["title"],
            description=raw["description"],
            group=raw["group"],
            proactive=bool(raw["proactive"]),
            critical=bool(raw["critical"]),
            timing=raw["timing"],
            spapi_action=raw.get("spapi_action"),
            max_length=raw.get("max_length"),
            subject=raw["subject"],
            fields=tuple(_field(reason_id, f) for f in raw["fields"]),
            evidence=raw.get("evidence") or "",
        )
    except KeyError as missing:
        raise CatalogueError(f"reasons.yaml: reason {reason_id!r}: missing key {missing}") from None


@lru_cache(maxsize=4)
def _load(path: Path) -> tuple[Reason, ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    reasons = tuple(_reason(raw) for raw in data["reasons"])
    ids = [r.id for r in reasons]
    if len(ids) != len(set(ids)):
        raise CatalogueError("reasons.yaml: duplicate reason ids")
    return reasons


def catalogue_path() -> Path:
    return resources.templates_dir() / "reasons.yaml"


def all_reasons(path: Path | None = None) -> list[Reason]:
    """Every reason, in catalogue (picker) order."""
    return list(_load(path or catalogue_path()))


def reason_ids() -> list[str]:
    return [r.id for r in all_reasons()]


def get_reason(reason_id: str) -> Reason:
    for reason in all_reasons():
        if reason.id == reason_id:
            return reason
    raise KeyError(f"unknown reason {reason_id!r}; valid reasons: {', '.join(reason_ids())}")


def as_reason(reason: "Reason | str | None") -> Reason | None:
    """Accept a Reason, a reason id or None (the checker passes ids)."""
    if reason is None or isinstance(reason, Reason):
        return reason
    return get_reason(reason)
