"""Lazy re-exports for the kit's packages: a name's module is imported on first use.

``import alliance_widgets`` must stay cheap (benchmarks/bench_import.py), so the science,
widgets and exercises packages list their public names and the submodule defining each,
and load that submodule only when a name is first looked up (PEP 562).

Examples
--------
>>> getattr_, dir_ = lazy_exports("json", {"JSONEncoder": "encoder"}, {})
>>> getattr_("JSONEncoder").__module__, "JSONEncoder" in dir_()
('json.encoder', True)
>>> lazy_exports("math", {"sqrt": "whatever"}, {})
Traceback (most recent call last):
...
ValueError: lazy_exports needs a package (a module with submodules); 'math' is a plain module.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports", "moved_names"]


def lazy_exports(
    package: str, exports: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return a package's ``__getattr__`` and ``__dir__`` for lazily loaded names.

    Parameters
    ----------
    package : str
        The package's ``__name__``.
    exports : mapping
        Public name -> submodule (relative to ``package``) that defines it.
    namespace : dict
        The package's ``globals()``: a loaded name is stored there, so later lookups are
        ordinary attribute access.

    Returns
    -------
    (__getattr__, __dir__)

    Raises
    ------
    ValueError
        If ``package`` is not a package (it has no ``__path__``).
    """
    module = importlib.import_module(package)
    if not hasattr(module, "__path__"):
        raise ValueError(
            f"lazy_exports needs a package (a module with submodules); {package!r} is a plain "
            "module."
        )
    public = sorted(exports)

    def load(name: str) -> Any:
        try:
            submodule = exports[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = getattr(importlib.import_module(f"{package}.{submodule}"), name)
        namespace[name] = value
        return value

    def listing() -> list[str]:
        return sorted(set(namespace) | set(public))

    return load, listing


def moved_names(
    module: str,
    moves: Mapping[str, str],
    fallback: Callable[[str], Any] | None = None,
) -> Callable[[str], Any]:
    """Return a module ``__getattr__`` that forwards moved names with a DeprecationWarning.

    The one way the kit keeps an old import path alive after a name moves to its home:
    the old path still works for a release, and says where the name lives now.

    Parameters
    ----------
    module : str
        The old module's ``__name__``.
    moves : mapping
        Old name -> the module that now defines it.
    fallback : callable, optional
        Called for any other name (e.g. a :func:`lazy_exports` ``__getattr__``).

    Examples
    --------
    >>> import warnings
    >>> getattr_ = moved_names("old.place", {"dumps": "json"})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     getattr_("dumps")([1])
    '[1]'
    >>> print(caught[0].message)
    old.place.dumps moved to json.dumps; import it from there.
    """

    def getattr_(name: str) -> Any:
        if name in moves:
            warnings.warn(
                f"{module}.{name} moved to {moves[name]}.{name}; import it from there.",
                DeprecationWarning,
                stacklevel=2,
            )
            return getattr(importlib.import_module(moves[name]), name)
        if fallback is not None:
            return fallback(name)
        raise AttributeError(f"module {module!r} has no attribute {name!r}")

    return getattr_
