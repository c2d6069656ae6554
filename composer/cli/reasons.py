"""`seller-composer reasons`: list the reasons a seller may write for, with their fields."""
from __future__ import annotations

import json
import sys

EXIT_OK, EXIT_USAGE = 0, 2

GROUP_TITLES = {
    "replies": "Replies",
    "critical": "Critical notices",
    "completing": "Completing the order",
    "after_delivery": "After delivery",
}


def register(sub) -> None:
    parser = sub.add_parser("reasons", help="list the reasons for writing, their limits and fields")
    parser.add_argument("reason", nargs="?", help="show one reason in detail")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(func=run)


def reason_json(reason) -> dict:
    """The documented JSON shape (others parse it; keep the keys)."""
    return {
        "id": reason.id,
        "title": reason.title,
        "description": reason.description,
        "proactive": reason.proactive,
        "critical": reason.critical,
        "spapi_action": reason.spapi_action,
        "max_length": reason.max_length,
        "fields": [
            {"name": f.name, "type": f.type, "required": f.required, "choices": list(f.choices)}
            for f in reason.fields
        ],
    }


def _flags(reason) -> str:
    flags = ["proactive" if reason.proactive else "reply"]
    if reason.critical:
        flags.append("critical")
    return ", ".join(flags)


def _summary_lines(reasons) -> list[str]:
    lines = []
    for group, title in GROUP_TITLES.items():
        members = [r for r in reasons if r.group == group]
        if not members:
            continue
        lines.append(f"{title}:")
        for r in members:
            api = r.spapi_action or "no SP-API action"
            limit = f", max {r.max_length} characters" if r.max_length else ""
            lines.append(f"  {r.id:<32} {r.title} [{_flags(r)}] ({api}{limit})")
        lines.append("")
    return lines


def _detail_lines(reason) -> list[str]:
    lines = [
        f"{reason.id}: {reason.title}",
        f"  {reason.description}",
        f"  {_flags(reason)}; timing: {reason.timing}",
        f"  SP-API: {reason.spapi_action or 'none'}"
        + (f", text up to {reason.max_length} characters" if reason.max_length else ""),
        f"  subject: {reason.subject}",
        "  fields:",
    ]
    for f in reason.fields:
        need = "required" if f.required else "optional"
        extra = f"; one of {', '.join(f.choices)}" if f.choices else ""
        example = f"; e.g. {f.example}" if f.example else ""
        lines.append(f"    {f.name} ({f.type}, {need}): {f.label}{extra}{example}")
    return lines


def run(args) -> int:
    from composer.reasons import all_reasons, get_reason

    try:
        reasons = [get_reason(args.reason)] if args.reason else all_reasons()
    except KeyError as error:
        print(f"seller-composer reasons: {error.args[0]}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        print(json.dumps([reason_json(r) for r in reasons], ensure_ascii=False, indent=2))
    elif args.reason:
        print("\n".join(_detail_lines(reasons[0])))
    else:
        print("\n".join(_summary_lines(reasons)).rstrip())
    return EXIT_OK
