"""Packages whose public names load on first use: importing the package costs nothing, so a
command or the window's start-up pays only for the parts it touches."""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module
from typing import Any


def lazy_names(package: str, parts: dict[str, tuple[str, ...]]) -> Callable[[str], Any]:
    """A module `__getattr__` for `package`: each name in `parts[part]` is loaded from the
    sub-module `package.part` when first asked for, and kept in the package from then on."""
    where = {name: part for part, names in parts.items() for name in names}

    def __getattr__(name: str) -> Any:
        part = where.get(name)
        if part is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{part}"), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
