"""`seller-composer rules validate|list`: report every problem in rule folders."""
from __future__ import annotations

import json
import sys
from pathlib import Path

EXIT_OK, EXIT_USAGE = 0, 2


def register(sub) -> None:
    parser = sub.add_parser("rules", help="validate or list rules")
    actions = parser.add_subparsers(dest="rules_action", metavar="ACTION")
    validate = actions.add_parser("validate", help="load rule folders strictly and report every problem")
    validate.add_argument("dirs", nargs="*", type=Path, metavar="DIR", help="rule folders (default: the shipped rules)")
    validate.add_argument("--examples", action="store_true", help="also run every rule's examples")
    validate.set_defaults(func=run_validate)
    listing = actions.add_parser("list", help="list the rules in effect")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(func=run_list)
    parser.set_defaults(func=lambda args: (parser.print_help(sys.stderr), EXIT_USAGE)[1])


def example_failures(rule) -> list[str]:
    """Every example of a rule that does not behave as labelled ('' means all good)."""
    from composer.checker import language_of, run_rules
    from composer.document import Document

    reason = rule.applies_to[0] if rule.applies_to else None
    language = language_of(rule.locale) or "en"
    problems = []
    examples = rule.examples or {}
    if not examples.get("bad") or not examples.get("good"):
        problems.append("needs at least one 'bad' and one 'good' example")
    for label in ("bad", "good"):
        for text in examples.get(label, []):
            hits = run_rules(Document(text), [rule], reason, language)
            if label == "bad" and not hits:
                problems.append(f"bad example not flagged: {text!r}")
            if label == "good" and hits:
                problems.append(f"good example flagged ({hits[0].message}): {text!r}")
    return problems


def run_validate(args) -> int:
    from composer.loader import load_rules
    from composer.resources import rules_dir

    dirs = args.dirs or [rules_dir()]
    ruleset = load_rules(*dirs)
    problems = [str(e) for e in ruleset.errors]
    if args.examples:
        for rule in ruleset:
            problems.extend(f"{rule.path}:1: {p}" for p in example_failures(rule))
    for problem in problems:
        print(problem)
    print(f"{len(ruleset)} rules loaded, {len(problems)} problem(s)", file=sys.stderr)
    return EXIT_USAGE if problems else EXIT_OK


def run_list(args) -> int:
    from composer.checker import default_rules

    ruleset = default_rules()
    rows = [
        {
            "id": r.id,
            "kind": r.kind,
            "severity": r.severity,
            "category": r.category,
            "locale": r.locale,
            "applies_to": list(r.applies_to),
            "evidence": r.evidence,
        }
        for r in ruleset
    ]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for row in rows:
            print(f"{row['id']:<45} {row['severity']:<10} {row['category']:<20} {row['evidence']}")
    return EXIT_OK
