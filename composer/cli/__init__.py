"""The command line: `seller-composer COMMAND ...`; `main(argv) -> int` is the whole interface."""
from __future__ import annotations

import argparse
import importlib
import sys

# One module per command in composer/cli/, each with `register(subparsers)`; the parser it
# returns carries `func(args) -> int` as a default.
COMMANDS = ("check", "rules", "reasons", "render")

EXIT_OK, EXIT_BLOCKED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 on usage errors already; keep its text
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="seller-composer", description="Compose and check messages to Amazon buyers.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        importlib.import_module(f"composer.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.func(args)
    except BrokenPipeError:
        return EXIT_OK
