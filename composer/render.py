"""Render a reason's template with typed field values in a sandbox; values are data, never template code."""
from __future__ import annotations

import re

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from decimal import Decimal

import yaml
from babel.numbers import get_currency_precision
from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from composer import resources
from composer.fields import FieldError, LocalDate, Money, parse_field
from composer.marketplaces import Marketplace, babel_locale, for_locale, get_marketplace, language_of
from composer.reasons import Reason, get_reason

FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class Rendered:
    reason: str
    locale: str  # language of the template actually used
    subject: str
    text: str
    requested_locale: str = ""  # what the caller asked for; differs from `locale` after a fallback

    @property
    def fell_back(self) -> bool:
        return bool(self.requested_locale) and language_of(self.requested_locale) != self.locale


class TemplateFileError(ValueError):
    """A template file that cannot be used (syntax error, unknown variable); names the file and line."""


class FieldErrors(ValueError):
    """Every missing or bad field at once: `errors` maps field name -> message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors.items()))
        self.errors = dict(errors)


class Placeholder:
    """Stands in for a field the seller has not filled yet, so a draft can be previewed."""

    def __init__(self, label: str):
        self.label = label

    def __str__(self) -> str:
        return f"[{self.label}]"

    def __lt__(self, other) -> bool:  # unknown amounts and dates compare as neither smaller nor larger
        return False

    __le__ = __gt__ = __ge__ = __lt__


_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")


def _sentence(value) -> str:
    """End a seller's phrase with a full stop unless it already ends a sentence."""
    text = str(value).rstrip()
    if not text or text[-1] in ".!?。！？…)\"'”’]":
        return text
    # Japanese sentences end with the ideographic full stop, not a Latin one.
    return text + ("。" if _JAPANESE.match(text[-1]) else ".")


def _choice(value, wording: dict) -> str:
    """A choice id -> the template's words for it; a missing wording is an error, not a raw id in the text."""
    if isinstance(value, Placeholder):
        return str(value)
    if value not in wording:
        raise KeyError(f"the template has no wording for choice {value!r}")
    return wording[value]


class _Environment(SandboxedEnvironment):
    """The sandbox, plus: looking up a placeholder in a template's wording table gives the placeholder."""

    def getitem(self, obj, argument):
        # Templates word choices as `table[choice]`; in a preview the choice may still be unfilled.
        if isinstance(argument, Placeholder):
            return str(argument)
        return super().getitem(obj, argument)


@lru_cache(maxsize=4)
def _environment(root: Path) -> SandboxedEnvironment:
    # Sandboxed and strict: a template can reach no Python internals, and a misspelt variable is an error
    # instead of an empty gap in a message that goes to a buyer. Plain text, so no autoescaping.
    env = _Environment(
        loader=FileSystemLoader(str(root)),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["sentence"] = _sentence
    env.filters["choice"] = _choice
    return env


def templates_root() -> Path:
    return resources.templates_dir()


def template_name(reason_id: str, language: str) -> str:
    return f"{language}/{reason_id}.txt.j2"


def available_languages(reason_id: str | None = None) -> list[str]:
    """Language folders that hold templates (for one reason, when given)."""
    root = templates_root()
    found = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        pattern = f"{reason_id}.txt.j2" if reason_id else "*.txt.j2"
        if any(folder.glob(pattern)):
            found.append(folder.name)
    return found


def template_language(reason_id: str, locale: str) -> str:
    """The language whose template is used: the requested one when it exists, otherwise English."""
    language = language_of(locale)
    if (templates_root() / template_name(reason_id, language)).is_file():
        return language
    return FALLBACK_LANGUAGE


@lru_cache(maxsize=16)
def _subjects(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    return dict(yaml.safe_load(path.read_text(encoding="utf-8")) or {})


def subject_for(reason: Reason, language: str) -> str:
    """The subject in `language` from templates/<language>/subjects.yaml, else the English one."""
    return _subjects(templates_root() / language / "subjects.yaml").get(reason.id, reason.subject)


def example_values(reason_id: str, *, currency: str | None = None) -> dict[str, str]:
    """The example value of every field that has one (reasons.yaml). Money examples are in cents-style
    currencies; for a currency without decimals (JPY) they are scaled so they stay plausible and valid."""
    values = {f.name: f.example for f in get_reason(reason_id).fields if f.example}
    if currency and get_currency_precision(currency) == 0:
        for spec in get_reason(reason_id).fields:
            if spec.type == "money" and spec.name in values:
                values[spec.name] = str(int(Decimal(values[spec.name]) * 100))
    return values


def resolve_marketplace(locale: str, marketplace: str | None) -> Marketplace:
    return get_marketplace(marketplace) if marketplace else for_locale(locale)


def parse_values(
    reason: Reason, raw_values: dict[str, str], *, locale: str, currency: str
) -> tuple[dict[str, object], dict[str, str]]:
    """Parse every field; return (values, errors). Missing optional fields become ""."""
    values: dict[str, object] = {}
    errors: dict[str, str] = {}
    for name in raw_values:
        if name not in reason.field_names:
            errors[name] = f"{reason.id} has no field {name!r}; its fields are {', '.join(reason.field_names)}"
    for spec in reason.fields:
        raw = raw_values.get(spec.name)
        if (raw is None or not str(raw).strip()) and not spec.required:
            values[spec.name] = ""
            continue
        try:
            values[spec.name] = parse_field(spec, raw, locale=locale, currency=currency)
        except FieldError as error:
            errors[spec.name] = error.message
    if not errors:
        errors.update(_cross_check(reason.id, values))
    return values, errors


def _cross_check(reason_id: str, values: dict[str, object]) -> dict[str, str]:
    """Rules between fields that Amazon's requirements imply."""
    errors = {}
    if reason_id == "problem_with_order" and values["refunded_amount"] != values["original_amount"]:
        # Amazon: adjust the full order amount first, then send the message confirming it [T7][S10].
        errors["refunded_amount"] = (
            f"refund the full order amount ({values['original_amount']}) before you send a cannot-ship notice"
        )
    if reason_id == "refund_notice" and values["refund_amount"] > values["original_amount"]:
        errors["refund_amount"] = f"is more than the original amount ({values['original_amount']})"
    if reason_id == "warranty_info" and values["coverage_end"] <= values["coverage_start"]:
        errors["coverage_end"] = "must be after the date the coverage starts"
    if reason_id == "schedule_bulky_delivery" and values["alternative_date"] == values["proposed_date"]:
        errors["alternative_date"] = "is the same day as the proposed date; leave it empty or pick another day"
    return errors


def _fill(reason: Reason, language: str, values: dict[str, object]) -> str:
    name = template_name(reason.id, language)
    try:
        template = _environment(templates_root()).get_template(name)
        # Nothing inside is touched: a field value reaches the buyer exactly as typed (tests keep the
        # templates free of stray spaces and blank lines instead).
        return template.render(**values).strip()
    except TemplateNotFound:
        raise
    except TemplateSyntaxError as exc:
        raise TemplateFileError(f"{templates_root() / name}:{exc.lineno}: {exc.message}") from None
    except TemplateError as exc:  # e.g. a variable the reason has no field for (StrictUndefined)
        raise TemplateFileError(f"{templates_root() / name}: {exc.message}") from None


def render(
    reason_id: str, raw_values: dict[str, str], *, locale: str = "en", marketplace: str | None = None
) -> Rendered:
    """Render the reason's template. Raises KeyError for an unknown reason, FieldErrors for bad fields."""
    reason = get_reason(reason_id)
    market = resolve_marketplace(locale, marketplace)
    language = template_language(reason.id, locale)
    fmt_locale = babel_locale(locale if language == language_of(locale) else language, market)
    values, errors = parse_values(reason, raw_values, locale=fmt_locale, currency=market.currency)
    if errors:
        raise FieldErrors(errors)
    try:
        text = _fill(reason, language, values)
    except TemplateNotFound:
        raise FileNotFoundError(f"no template for {reason.id!r} in {templates_root()}") from None
    return Rendered(reason.id, language, subject_for(reason, language), text, requested_locale=locale)


def preview(
    reason_id: str, raw_values: dict[str, str], *, locale: str = "en", marketplace: str | None = None
) -> tuple[Rendered, dict[str, str]]:
    """Render even with missing or bad fields, which show as [Label]; returns the errors beside it."""
    reason = get_reason(reason_id)
    market = resolve_marketplace(locale, marketplace)
    language = template_language(reason.id, locale)
    fmt_locale = babel_locale(locale if language == language_of(locale) else language, market)
    values, errors = parse_values(reason, raw_values, locale=fmt_locale, currency=market.currency)
    for name in errors:
        if name in reason.field_names:
            values[name] = Placeholder(reason.field(name).label)
    text = _fill(reason, language, values)
    return Rendered(reason.id, language, subject_for(reason, language), text, requested_locale=locale), errors


__all__ = [
    "FieldErrors", "TemplateFileError", "LocalDate", "Money", "Placeholder", "Rendered", "available_languages",
    "example_values", "preview", "render", "subject_for", "template_language",
]
