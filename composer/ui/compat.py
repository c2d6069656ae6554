"""Work around defects of the installed Qt binding that would otherwise crash the window."""
from __future__ import annotations

import ctypes
import sys

_guarded = False


def guard_none_refcount() -> bool:
    """Keep None, True and False alive under PySide6 builds that drop references to them.

    PySide6-Essentials 6.12.0 (abi3) on CPython 3.11 returns None from void methods (and True or
    False from some bool paths) without taking a reference. Each call lowers None's reference
    count by one, and after a few thousand calls (minutes of typing) CPython aborts with
    "none_dealloc: deallocating None". From Python 3.12 on these objects are immortal and nothing
    happens. When the loss is detected we give them a reference count they cannot exhaust; they
    are never freed, so an over-count is harmless.
    """
    global _guarded
    if _guarded or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return _guarded
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(64):
        probe.setObjectName("probe")
    if before - sys.getrefcount(None) >= 32:
        # The same builds lose references to True and False too (less often, e.g. in QTest), so
        # all three singletons get the cushion.
        for singleton in (None, True, False):
            _give_references(singleton)
        _guarded = True
    return _guarded


def _give_references(singleton) -> None:
    # ob_refcnt is the first field of every object in release builds of CPython 3.11.
    ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
