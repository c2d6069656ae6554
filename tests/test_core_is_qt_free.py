"""The core never imports Qt: importing every core module in a fresh interpreter leaves PySide6 unloaded."""
from __future__ import annotations

import pkgutil
import subprocess
import sys

import composer


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(composer.__path__, "composer."):
        if not info.name.startswith("composer.ui"):
            names.append(info.name)
    return names


def test_core_modules_do_not_load_pyside6():
    modules = core_modules()
    assert "composer.checker" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "from composer import check_text\n"
        "check_text('Visit www.example.com and leave 5 stars')\n"
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
