"""Entry point: `seller-composer` with no arguments opens the window, with a command runs the CLI."""
from __future__ import annotations

import sys


def gui_main(argv: list[str] | None = None) -> int:
    # Imported here so the command line never loads Qt.
    from composer.ui.app import run_app

    return run_app(sys.argv[1:] if argv is None else argv)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ("gui", "window"):
        return gui_main(args[1:])
    from composer.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
