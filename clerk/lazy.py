"""A package's names loaded on first use (PEP 562), so importing one light module of a package
does not import every heavy one beside it.

A package's `__init__` lists where each of its names lives and imports them for the type
checker only::

    if TYPE_CHECKING:
        from clerk.store.db import Store
    __getattr__ = lazy_names(__name__, {"Store": "clerk.store.db"})

`from clerk.store import Store` then imports `clerk.store.db` at that moment, and
`import clerk.store.peek` imports no SQLAlchemy. Used where a start must show its first window
before the heavy modules are in (issue 6): `clerk.store`, `printing`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lazy_names(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """The module `__getattr__` of `package` that loads each name from its home module.

    Args:
        package: the package's `__name__`.
        homes: each public name and the module that defines it.

    Returns:
        The function to assign to the package's `__getattr__`; a name it loads becomes a plain
        attribute of the package, so it is looked up once.
    """

    def load(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(home), name)
        setattr(sys.modules[package], name, value)
        return value

    return load
