"""Strict loading of rule files: every problem names file and line; one broken file never stops the rest."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from composer.kinds import KINDS
from composer.kinds._common import SpecError
from composer.model import CATEGORIES, SEVERITIES
from composer.patterns import REGISTRY, Prefilter

COMMON_KEYS = {
    "kind": True,
    "message": True,
    "severity": True,
    "category": True,
    "why": True,
    "fix": True,
    "evidence": True,
    "examples": True,
    "link": False,
    "locale": False,
    "applies_to": False,
    "skip_for": False,
    "description": False,
}
EVIDENCE_LEVELS = ("A", "3P", "Inf")
IGNORED_FILES = {"README.md", "README", ".gitkeep"}


@dataclass(frozen=True)
class RuleError:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Rule:
    id: str
    kind: str
    message: str
    severity: str
    category: str
    why: str
    fix: str
    evidence: str
    link: str
    locale: str | None
    applies_to: tuple[str, ...]
    skip_for: tuple[str, ...]
    examples: dict
    path: str
    find: object = field(repr=False)  # (Document, reason) -> list[Hit]
    pattern_ids: tuple[int, ...] = ()  # its patterns in patterns.REGISTRY, for the prefilter

    def applies(self, reason: str | None, language: str | None) -> bool:
        if self.locale and language and self.locale != language:
            return False
        if self.locale and not language and self.locale != "en":
            return False
        if self.applies_to and reason not in self.applies_to:
            return False
        return not (reason and reason in self.skip_for)


@dataclass
class RuleSet:
    rules: dict[str, Rule] = field(default_factory=dict)
    errors: list[RuleError] = field(default_factory=list)
    _prefilters: dict = field(default_factory=dict, repr=False)
    _applicable: dict = field(default_factory=dict, repr=False)

    def applicable(self, reason: str | None, language: str | None) -> list[Rule]:
        """The rules that run for this reason and language (worked out once per pair)."""
        key = (reason, language)
        if key not in self._applicable:
            self._applicable[key] = [r for r in self.rules.values() if r.applies(reason, language)]
        return self._applicable[key]

    def prefilter_for(self, language: str | None) -> Prefilter:
        """One RE2::Set over the patterns of every rule that can run for this language."""
        if language not in self._prefilters:
            ids = [i for r in self.rules.values() if not r.locale or r.locale == language for i in r.pattern_ids]
            self._prefilters[language] = Prefilter(ids)
        return self._prefilters[language]

    def __iter__(self):
        return iter(self.rules.values())

    def __len__(self) -> int:
        return len(self.rules)


def rule_id(path: Path, root: Path) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts)


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ~10x faster


def _parse(text: str) -> tuple[object, dict[str, int]]:
    """Parse once: the data plus the line (1-based) of each top-level key, for error messages."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    lines = {}
    if isinstance(node, yaml.MappingNode):
        lines = {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    return data, lines


def _fail(path: str, line: int, message: str) -> RuleError:
    return RuleError(path, line, message)


def _read_yaml(path: Path) -> tuple[object, dict[str, int], RuleError | None]:
    """A YAML file's data and key lines, or the error that names why it cannot be read."""
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, {}, _fail(shown, 1, f"cannot read: {exc}")
    try:
        data, lines = _parse(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        return None, {}, _fail(shown, line, f"not valid YAML: {getattr(exc, 'problem', exc)}")
    return data, lines, None


# Keys whose token lists may name a shared word list ("@negation") from a _lists.yaml file.
LIST_KEYS = ("tokens", "first", "second", "unless_after", "unless_followed_by")
LISTS_FILE = "_lists.yaml"


def load_word_lists(path: Path, inherited: dict[str, list[str]]) -> tuple[dict[str, list[str]], list[RuleError]]:
    """Read one _lists.yaml (name -> list of tokens) on top of the lists of the folders above it."""
    shown = str(path)
    data, lines, error = _read_yaml(path)
    if error:
        return inherited, [error]
    if not isinstance(data, dict):
        return inherited, [_fail(shown, 1, "a word-list file maps names to lists of tokens")]
    lists, errors = dict(inherited), []
    for name, tokens in data.items():
        if not (isinstance(name, str) and isinstance(tokens, list) and all(isinstance(t, str) for t in tokens)):
            errors.append(_fail(shown, lines.get(name, 1), f"word list {name!r} must be a list of tokens"))
            continue
        lists[name] = tokens
    return lists, errors


def _expand_lists(spec: dict, lists: dict[str, list[str]]) -> dict:
    """Replace "@name" entries of token lists by the named shared list; SpecError for unknown names."""
    expanded = dict(spec)
    for key in LIST_KEYS:
        value = spec.get(key)
        if not isinstance(value, list) or not any(isinstance(v, str) and v.startswith("@") for v in value):
            continue
        out = []
        for item in value:
            if isinstance(item, str) and item.startswith("@"):
                if item[1:] not in lists:
                    known = ", ".join(f"@{n}" for n in sorted(lists)) or f"none (define them in a {LISTS_FILE})"
                    raise SpecError(f"unknown word list {item!r}; known: {known}", key)
                out.extend(lists[item[1:]])
            else:
                out.append(item)
        expanded[key] = out
    return expanded


def load_rule_file(path: Path, root: Path, lists: dict[str, list[str]] | None = None) -> tuple[Rule | None, list[RuleError]]:
    shown = str(path)
    spec, lines, error = _read_yaml(path)
    if error:
        return None, [error]
    if not isinstance(spec, dict):
        return None, [_fail(shown, 1, "a rule file must be a mapping of keys (kind, message, ...)")]
    errors = _check_keys(spec, shown, lines)
    if errors:
        return None, errors
    kind = KINDS[spec["kind"]]
    try:
        with REGISTRY.recording() as pattern_ids:
            find = kind.build(_expand_lists(spec, lists or {}))
    except SpecError as exc:
        return None, [_fail(shown, lines.get(exc.key or "kind", 1), str(exc))]
    evidence = spec["evidence"]
    return (
        Rule(
            id=rule_id(path, root),
            kind=spec["kind"],
            message=str(spec["message"]).strip(),
            severity=spec["severity"],
            category=spec["category"],
            why=str(spec["why"]).strip(),
            fix=str(spec["fix"]).strip(),
            evidence=f"{evidence['source']} ({evidence['level']})",
            link=str(spec.get("link", "")),
            locale=spec.get("locale"),
            applies_to=tuple(spec.get("applies_to") or ()),
            skip_for=tuple(spec.get("skip_for") or ()),
            examples=spec["examples"],
            path=shown,
            find=find,
            pattern_ids=tuple(pattern_ids),
        ),
        [],
    )


def _check_keys(spec: dict, shown: str, lines: dict[str, int]) -> list[RuleError]:
    errors = []
    kind_name = spec.get("kind")
    if kind_name not in KINDS:
        known = ", ".join(KINDS)
        return [_fail(shown, lines.get("kind", 1), f"unknown kind {kind_name!r}; known kinds: {known}")]
    allowed = {**COMMON_KEYS, **KINDS[kind_name].KEYS}
    for key in spec:
        if key not in allowed:
            errors.append(_fail(shown, lines.get(key, 1), f"unknown key {key!r} for kind {kind_name!r}"))
    for key, required in allowed.items():
        if required and key not in spec:
            errors.append(_fail(shown, 1, f"missing required key {key!r}"))
    for key in ("message", "why", "fix"):
        if key in spec and (not isinstance(spec[key], str) or not spec[key].strip()):
            errors.append(_fail(shown, lines.get(key, 1), f"{key!r} must be non-empty text"))
    if "severity" in spec and spec["severity"] not in SEVERITIES:
        errors.append(_fail(shown, lines.get("severity", 1), f"severity must be one of {', '.join(SEVERITIES)}"))
    if "category" in spec and spec["category"] not in CATEGORIES:
        errors.append(_fail(shown, lines.get("category", 1), f"unknown category {spec['category']!r}"))
    evidence = spec.get("evidence")
    if "evidence" in spec and not (
        isinstance(evidence, dict)
        and set(evidence) == {"source", "level"}
        and isinstance(evidence["source"], str)
        and evidence["level"] in EVIDENCE_LEVELS
    ):
        errors.append(_fail(shown, lines.get("evidence", 1), "evidence must be {source: '[S1]', level: A|3P|Inf}"))
    examples = spec.get("examples")
    if "examples" in spec and not (
        isinstance(examples, dict)
        and set(examples) <= {"bad", "good"}
        and all(isinstance(v, list) and all(isinstance(x, str) for x in v) for v in examples.values())
    ):
        errors.append(_fail(shown, lines.get("examples", 1), "examples must be {bad: [text...], good: [text...]}"))
    for key in ("applies_to", "skip_for"):
        value = spec.get(key)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            errors.append(_fail(shown, lines.get(key, 1), f"{key!r} must be a list of reason ids"))
    if spec.get("locale") is not None and not isinstance(spec.get("locale"), str):
        errors.append(_fail(shown, lines.get("locale", 1), "locale must be a language code like en or de"))
    return errors


def load_rules(*dirs: Path) -> RuleSet:
    """Load every *.yaml rule under each folder; later folders override earlier ones by id."""
    ruleset = RuleSet()
    for root in dirs:
        root = Path(root)
        if not root.is_dir():
            ruleset.errors.append(_fail(str(root), 0, "rules folder does not exist"))
            continue
        folder_lists: dict[Path, dict[str, list[str]]] = {}

        def lists_for(folder: Path) -> dict[str, list[str]]:
            # a folder's shared word lists: its own _lists.yaml over those of the folders above it
            if folder not in folder_lists:
                inherited = lists_for(folder.parent) if folder != root else {}
                own = folder / LISTS_FILE
                if own.is_file():
                    inherited, errors = load_word_lists(own, inherited)
                    ruleset.errors.extend(errors)
                folder_lists[folder] = inherited
            return folder_lists[folder]

        for path in sorted(root.rglob("*")):
            if path.is_dir() or path.name in IGNORED_FILES or path.name.startswith(("_", ".")):
                continue
            if any(part.startswith((".", "_")) for part in path.relative_to(root).parts[:-1]):
                continue
            if path.suffix != ".yaml":
                ruleset.errors.append(_fail(str(path), 0, "not a rule file: rule files end in .yaml"))
                continue
            rule, errors = load_rule_file(path, root, lists_for(path.parent))
            ruleset.errors.extend(errors)
            if rule:
                ruleset.rules[rule.id] = rule
    return ruleset
