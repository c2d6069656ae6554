"""`seller-composer check`: check files or stdin, print findings like a compiler, exit 0/1/2."""
from __future__ import annotations

import json
import sys
from bisect import bisect_right
from pathlib import Path

EXIT_OK, EXIT_BLOCKED, EXIT_USAGE = 0, 1, 2


def register(sub) -> None:
    parser = sub.add_parser("check", help="check message files (or - for standard input)")
    parser.add_argument("files", nargs="*", metavar="FILE", help="files to check; - or none reads standard input")
    parser.add_argument("--reason", help="the reason for writing (see `seller-composer reasons`)")
    parser.add_argument("--locale", help="message language, e.g. en, de-DE")
    parser.add_argument("--rules", action="append", type=Path, metavar="DIR", help="extra rules folder (repeatable)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    from composer.cli._context import add_context_arguments

    add_context_arguments(parser)
    parser.set_defaults(func=run)


def line_col(text: str, line_starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect_right(line_starts, offset)
    return line, offset - line_starts[line - 1] + 1


def line_starts_of(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def _read(name: str) -> str:
    if name == "-":
        data = sys.stdin.buffer.read()
    else:
        data = Path(name).read_bytes()
    # Offsets are into the text as read: UTF-8, undecodable bytes replaced rather than fatal.
    return data.decode("utf-8", errors="replace")


def finding_rows(report, text: str) -> list[dict]:
    starts = line_starts_of(text)
    rows = []
    for f in report.findings:
        line, column = line_col(text, starts, f.start)
        rows.append(
            {
                "rule": f.rule,
                "category": f.category,
                "severity": f.severity,
                "start": f.start,
                "end": f.end,
                "line": line,
                "column": column,
                "message": f.message,
                "fixes": [{"label": x.label, "start": x.start, "end": x.end, "replacement": x.replacement} for x in f.fixes],
            }
        )
    return rows


def run(args) -> int:
    from composer.checker import check, rules_from
    from composer.cli._context import context_from_args

    ruleset = rules_from(args.rules)
    if ruleset.errors:
        for error in ruleset.errors:
            print(f"rules: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        context = context_from_args(args)
    except ValueError as exc:  # a bad date or locale: say which
        print(f"seller-composer check: {exc}", file=sys.stderr)
        return EXIT_USAGE
    names = args.files or ["-"]
    blocked = False
    for name in names:
        try:
            text = _read(name)
        except OSError as exc:
            print(f"seller-composer check: cannot read {name}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_USAGE
        try:
            report = check(text, reason=args.reason, locale=args.locale, context=context, rules=ruleset)
        except KeyError as exc:
            print(f"seller-composer check: {exc.args[0] if exc.args else exc}", file=sys.stderr)
            return EXIT_USAGE
        blocked = blocked or report.verdict == "block"
        shown = "<stdin>" if name == "-" else name
        rows = finding_rows(report, text)
        if args.format == "json":
            print(json.dumps({"path": shown, "verdict": report.verdict, "findings": rows}, ensure_ascii=False))
        else:
            for row in rows:
                print(f"{shown}:{row['line']}:{row['column']}: {row['severity']} {row['rule']}: {row['message']}")
    return EXIT_BLOCKED if blocked else EXIT_OK
