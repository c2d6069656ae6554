"""Accuracy of the checker on the labelled corpora: how many bad messages it blocks, how many good ones it blocks.

Run: python benchmarks/accuracy.py [--json] [--show-misses] [--only SUBSTRING ...] [FILE ...]

Reads every tests/corpus*/**/*.yaml: tests/corpus/<lang>/*.yaml (language = folder name) and
tests/corpus_exam/<lang>.yaml (language = file stem). Each file is a YAML list of
{id, label: good|bad, reason, text, ...}. A message counts as blocked when any finding has severity "error",
except message-level findings (scope "message") of category "critical-notice".

This is a measurement, not a test: it asserts nothing and always exits 0 unless a file cannot be read.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from composer import check_text  # noqa: E402

LANGS = {"en", "de", "fr", "it", "es", "ja"}


def corpus_files() -> list[Path]:
    files = []
    for corpus in sorted((ROOT / "tests").glob("corpus*")):
        if corpus.is_dir():
            files.extend(sorted(corpus.rglob("*.yaml")))
    return files


def language_of(path: Path) -> str:
    if path.parent.name in LANGS:
        return path.parent.name
    if path.stem in LANGS:
        return path.stem
    # fall back: the folder name, else the file stem
    return path.parent.name if path.parent.name not in ("corpus", "corpus_exam") else path.stem


def is_blocking(finding) -> bool:
    if getattr(finding, "severity", None) != "error":
        return False
    if getattr(finding, "scope", None) == "message" and getattr(finding, "category", None) == "critical-notice":
        return False
    return True


def describe(finding) -> str:
    rule = getattr(finding, "rule", None) or getattr(finding, "id", "?")
    parts = [f"{getattr(finding, 'severity', '?')} {rule}"]
    category = getattr(finding, "category", None)
    if category:
        parts.append(f"[{category}]")
    scope = getattr(finding, "scope", None)
    if scope:
        parts.append(f"({scope})")
    message = getattr(finding, "message", None)
    if message:
        parts.append(f"- {message}")
    return " ".join(parts)


def load_messages(path: Path) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if isinstance(data, dict):  # tolerate {messages: [...]} style files
        for key in ("messages", "cases", "items"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            data = []
    return [m for m in data if isinstance(m, dict) and "text" in m and m.get("label") in ("good", "bad")]


def measure(path: Path, lang: str | None = None) -> tuple[dict, list[tuple[dict, list]]]:
    lang = lang or language_of(path)
    counts = {"bad_blocked": 0, "bad_total": 0, "good_blocked": 0, "good_total": 0}
    misses = []
    for message in load_messages(path):
        report = check_text(message["text"], reason=message.get("reason"), locale=lang)
        findings = list(getattr(report, "findings", []) or [])
        blocked = any(is_blocking(f) for f in findings)
        label = message["label"]
        counts[f"{label}_total"] += 1
        if blocked:
            counts[f"{label}_blocked"] += 1
        if (label == "bad") != blocked:
            misses.append((message, findings))
    return counts, misses


def pct(n: int, total: int) -> str:
    return f"{100.0 * n / total:.1f}%" if total else "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print one JSON object {file: counts}")
    parser.add_argument("--show-misses", action="store_true", help="list misclassified ids with their findings")
    parser.add_argument("--only", nargs="*", default=[], help="only files whose path contains one of these")
    parser.add_argument("files", nargs="*", type=Path, help="measure these corpus files instead of tests/corpus*")
    parser.add_argument("--lang", choices=sorted(LANGS), help="language of the files (default: from the folder or file name)")
    args = parser.parse_args(argv)

    results: dict[str, dict] = {}
    all_misses: dict[str, list] = {}
    for path in [p.resolve() for p in args.files] or corpus_files():
        rel = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
        if args.only and not any(s in rel for s in args.only):
            continue
        if not args.lang and language_of(path) not in LANGS:
            parser.error(f"{path}: cannot tell the language from the path; add --lang")
        counts, misses = measure(path, args.lang)
        results[rel] = counts
        all_misses[rel] = misses

    if args.json:
        print(json.dumps(results, indent=2, sort_keys=True))
    else:
        width = max((len(k) for k in results), default=10)
        for rel, c in results.items():
            print(
                f"{rel:<{width}}  bad blocked {c['bad_blocked']:>3}/{c['bad_total']:<3} ({pct(c['bad_blocked'], c['bad_total']):>6})"
                f"  good blocked {c['good_blocked']:>3}/{c['good_total']:<3} ({pct(c['good_blocked'], c['good_total']):>6})"
            )
    if args.show_misses:
        out = sys.stderr if args.json else sys.stdout
        for rel, misses in all_misses.items():
            if not misses:
                continue
            print(f"\n== {rel}", file=out)
            for message, findings in misses:
                kind = "bad not blocked" if message["label"] == "bad" else "good blocked"
                extra = f" ({message.get('violation')})" if message.get("violation") else ""
                print(f"  {message.get('id')}: {kind}{extra}", file=out)
                for f in findings:
                    print(f"      {describe(f)}", file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
