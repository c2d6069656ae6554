"""A tiny base so each detector is a namespace of OPTIONS and build(options) -> find(doc, reason)."""
from __future__ import annotations

from types import SimpleNamespace


def detector(options: tuple[str, ...]):
    """Decorate a build(options) function into a detector module-like object."""

    def wrap(build):
        return SimpleNamespace(OPTIONS=options, build=build, __doc__=build.__doc__)

    return wrap


def option_list(options: dict, key: str, default=()) -> list[str]:
    value = options.get(key, list(default))
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"option '{key}' must be a list of strings")
    return value
