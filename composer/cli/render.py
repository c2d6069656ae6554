"""`seller-composer render REASON --field NAME=VALUE ...`: render a reason's template and check it."""
from __future__ import annotations

import dataclasses
import json
import sys

EXIT_OK, EXIT_BLOCKED, EXIT_USAGE = 0, 1, 2
PROG = "seller-composer render"


def register(sub) -> None:
    parser = sub.add_parser("render", help="render a reason's template with field values and check it")
    parser.add_argument("reason", metavar="REASON", help="see `seller-composer reasons`")
    parser.add_argument("--field", action="append", default=[], metavar="NAME=VALUE", help="a field value (repeatable)")
    parser.add_argument("--example", action="store_true", help="start from the example values (--field overrides)")
    parser.add_argument("--locale", help="message language, e.g. en, en-GB, de (default: the buyer's or store's)")
    parser.add_argument("--format", choices=("text", "json", "spapi"), default="text")
    parser.add_argument(
        "--attachment", action="append", default=[], metavar="UPLOAD_ID:FILE_NAME",
        help="an uploaded attachment for --format spapi (repeatable)",
    )
    from composer.cli._context import add_context_arguments

    add_context_arguments(parser)
    parser.set_defaults(func=run)


def _usage(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return EXIT_USAGE


def parse_pairs(pairs: list[str]) -> tuple[dict[str, str], list[str]]:
    values, problems = {}, []
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            problems.append(f"--field {pair!r}: use NAME=VALUE")
        else:
            values[name.strip()] = value
    return values, problems


def _default_locale(args, context) -> str:
    if args.locale:
        return args.locale
    if context.buyer_locale:
        return context.buyer_locale
    if context.marketplace:
        from composer.marketplaces import get_marketplace

        return get_marketplace(context.marketplace).default_locale
    return "en"


def _print_findings(report) -> None:
    for f in report.findings:
        where = f" {report.text[f.start:f.end]!r}" if f.scope == "span" and f.end > f.start else ""
        print(f"{f.severity} {f.rule}{where}: {f.message}", file=sys.stderr)
        if f.fix_hint:
            print(f"    fix: {f.fix_hint}", file=sys.stderr)


def _spapi(args, rendered, raw: dict[str, str], context) -> int:
    from composer.fields import FieldError, parse_order_id
    from composer.marketplaces import for_locale
    from composer.spapi import spapi_request

    try:
        order_id = context.order_id or parse_order_id(raw.get("order_id", ""))
    except FieldError:
        return _usage("--format spapi needs the order id (--field order_id=... or --order-id)")
    market = context.marketplace or for_locale(rendered.requested_locale or rendered.locale).id
    attachments = []
    for item in args.attachment:
        upload_id, sep, file_name = item.partition(":")
        if not sep:
            return _usage(f"--attachment {item!r}: use UPLOAD_ID:FILE_NAME")
        attachments.append((upload_id, file_name))
    try:
        request = spapi_request(rendered.reason, rendered.text, order_id=order_id, marketplace_id=market,
                                attachments=attachments)
    except ValueError as error:
        return _usage(str(error))
    print(json.dumps(request, ensure_ascii=False, indent=2))
    return EXIT_OK


def run(args) -> int:
    from composer import check_text
    from composer.cli._context import context_from_args
    from composer.reasons import get_reason
    from composer.render import FieldErrors, example_values, render
    from composer.spapi import action_for

    try:
        reason = get_reason(args.reason)
        context = context_from_args(args)
    except (KeyError, ValueError) as error:
        return _usage(error.args[0])
    raw, problems = parse_pairs(args.field)
    if problems:
        for problem in problems:
            print(f"{PROG}: {problem}", file=sys.stderr)
        return EXIT_USAGE
    locale = _default_locale(args, context)
    if args.example:
        from composer.render import resolve_marketplace

        currency = resolve_marketplace(locale, context.marketplace).currency
        raw = {**example_values(reason.id, currency=currency), **raw}
    if args.format == "spapi":
        action = action_for(reason.id)
        if action is None or action.max_text is None:
            what = f"{reason.spapi_action} takes no text" if reason.spapi_action else "there is no SP-API action"
            return _usage(f"{reason.id} cannot be exported as an SP-API text message: {what}")
    try:
        rendered = render(reason.id, raw, locale=locale, marketplace=context.marketplace)
    except FieldErrors as error:
        for name, message in error.errors.items():
            print(f"{PROG}: field {name}: {message}", file=sys.stderr)
        return EXIT_USAGE
    except (KeyError, ValueError) as error:  # an unknown marketplace or locale
        return _usage(error.args[0] if error.args else str(error))
    if rendered.fell_back:
        print(f"{PROG}: note: no {rendered.requested_locale} template for {reason.id} yet; "
              f"rendered the {rendered.locale} one", file=sys.stderr)
    if context.order_id is None and "order_id" in raw and raw["order_id"].strip():
        from composer.fields import parse_order_id

        context = dataclasses.replace(context, order_id=parse_order_id(raw["order_id"]))
    report = check_text(rendered.text, reason=reason.id, locale=rendered.locale, context=context)
    code = EXIT_BLOCKED if report.verdict == "block" else EXIT_OK
    if args.format == "json":
        print(json.dumps({
            "reason": rendered.reason, "subject": rendered.subject, "text": rendered.text,
            "verdict": report.verdict, "findings": [f.to_dict() for f in report.findings],
        }, ensure_ascii=False, indent=2))
        return code
    _print_findings(report)
    if args.format == "spapi":
        if code != EXIT_OK:  # the export gate: a blocked text is never handed on
            print(f"{PROG}: blocked; fix the errors above before exporting", file=sys.stderr)
            return code
        return _spapi(args, rendered, raw, context)
    print(f"Subject: {rendered.subject}\n\n{rendered.text}")
    return code
