"""Work around defects of the installed Qt binding that would otherwise crash the window."""
from __future__ import annotations

import ctypes
import sys

_guarded = False


def guard_none_refcount() -> bool:
    """Keep None alive under PySide6 builds that drop a reference to None on every void call.

    PySide6-Essentials 6.12.0 (abi3) on CPython 3.11 returns None from void methods without
    taking a reference. Each call lowers None's reference count by one, and after a few thousand
    calls (minutes of typing) CPython aborts with "none_dealloc: deallocating None". From Python
    3.12 on None is immortal and nothing happens. When the leak is detected we give None a
    reference count it cannot exhaust; None is never freed, so an over-count is harmless.
    """
    global _guarded
    if _guarded or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return _guarded
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(64):
        probe.setObjectName("probe")
    leaked = before - sys.getrefcount(None)
    if leaked >= 32:
        # ob_refcnt is the first field of every object in release builds of CPython 3.11.
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
        _guarded = True
    return _guarded
