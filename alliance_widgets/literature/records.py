"""Record types of the literature: sources, figures, and the registry that holds them.

A :class:`Source` is a bibliographic record (with its DOI or ISBN and a note of where
that was checked); a :class:`Figure` is one published (or derived, or assumed) number
with its sources and status.  The figures themselves live in the ``figures_*`` modules
and the kit's own calibration choices in :mod:`.assumptions`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

Status = Literal["confirmed", "as commonly reported", "derived", "kit assumption"]
Kind = Literal["article", "book", "chapter", "manual", "software", "kit"]


_DOI = re.compile(r"10\.\d{4,9}/\S+")

#: Kinds of record that carry neither DOI nor ISBN, and why that is allowed.
NO_IDENTIFIER_KINDS: Mapping[str, str] = MappingProxyType(
    {
        "software": "a program's documentation is not a publication; its figures are marked "
        "as commonly reported",
        "kit": "this kit's own calibration choices, documented in its code, not a publication",
        "manual": "a test publisher's scoring manual, distributed with the test; no ISBN was "
        "found on its title pages",
    }
)


def valid_doi(doi: str) -> bool:
    """Whether ``doi`` has the syntax of a DOI (``10.<registrant>/<suffix>``).

    Examples
    --------
    >>> valid_doi("10.1037/cou0000424"), valid_doi("doi:10.1037/x"), valid_doi("10.12/x")
    (True, False, False)
    """
    return _DOI.fullmatch(doi) is not None


def valid_isbn(isbn: str) -> bool:
    """Whether ``isbn`` is an ISBN-10 or ISBN-13 with a correct check digit.

    Hyphens are ignored; an ISBN-10 may end in ``X`` (ten).

    Examples
    --------
    >>> valid_isbn("978-0-19-973720-8"), valid_isbn("155798557X"), valid_isbn("0195143468")
    (True, True, False)
    """
    digits = isbn.replace("-", "")
    if len(digits) == 10 and digits[:9].isdigit() and (digits[9].isdigit() or digits[9] in "Xx"):
        values = [int(c) for c in digits[:9]] + [10 if digits[9] in "Xx" else int(digits[9])]
        return sum((10 - i) * v for i, v in enumerate(values)) % 11 == 0
    if len(digits) == 13 and digits.isdigit():
        return sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(digits)) % 10 == 0
    return False


@dataclass(frozen=True)
class Source:
    """A bibliographic source.

    Examples
    --------
    >>> from alliance_widgets import literature as lit
    >>> lit.BORDIN_1979.cite()
    'Bordin (1979)'
    """

    authors: tuple[str, ...]
    year: int
    title: str
    venue: str
    kind: Kind = "article"
    doi: str = ""
    isbn: str = ""
    checked: str = ""
    # APA's "2020a"/"2020b" when one first author has two works in a year.
    year_suffix: str = ""

    def __post_init__(self) -> None:
        if self.doi and not valid_doi(self.doi):
            raise ValueError(f"doi {self.doi!r} of {self.title!r} is not 10.<registrant>/<suffix>")
        if self.isbn and not valid_isbn(self.isbn):
            raise ValueError(
                f"isbn {self.isbn!r} of {self.title!r} has no valid ISBN-10/13 check digit"
            )

    def cite(self) -> str:
        """Return an in-text citation in APA style: ``"A, B & C (2018)"``.

        A source whose authors could not be verified is cited, as APA cites an
        authorless work, by the first words of its title.
        """
        if not self.authors:
            words = self.title.split()
            short = " ".join(words[:4]) + ("…" if len(words) > 4 else "")
            return f'"{short}" ({self.year}{self.year_suffix})'
        # In-text citations name surnames only: "Horvath, A. O." -> "Horvath".
        names = [a.split(",")[0] for a in self.authors]
        if len(names) == 1:
            who = names[0]
        elif len(names) > 5:
            who = f"{names[0]} et al."
        else:
            who = ", ".join(names[:-1]) + " & " + names[-1]
        return f"{who} ({self.year}{self.year_suffix})"

    def reference(self) -> str:
        """Return a one-line reference: authors, year, title, venue, DOI or ISBN."""
        who = ", ".join(self.authors) if self.authors else "[authors not verified]"
        ref = f"{who} ({self.year}{self.year_suffix}). {self.title}. {self.venue}."
        if self.doi:
            ref += f" https://doi.org/{self.doi}"
        elif self.isbn:
            ref += f" ISBN {self.isbn}"
        return ref


@dataclass(frozen=True)
class Figure:
    """One published (or derived, or assumed) figure with its provenance.

    ``value`` is a number, a ``(low, high)`` range or a mapping of names to numbers;
    ``ci`` is a 95 % interval where the source gives one.

    Examples
    --------
    >>> from alliance_widgets import literature as lit
    >>> lit.OQ45_RELIABLE_CHANGE.describe()
    'OQ-45.2 reliable change: 14 points (Lambert et al. (2004); confirmed)'
    """

    key: str
    label: str
    value: Any
    unit: str
    sources: tuple[Source, ...]
    status: Status
    note: str = ""
    ci: tuple[float, float] | None = None
    k: int | None = None
    n: int | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def cite(self) -> str:
        """Return the in-text citation(s) for this figure."""
        return "; ".join(s.cite() for s in self.sources)

    def describe(self) -> str:
        """Return ``"label: value unit (citation; status)"`` for readouts and lessons."""
        value = self.value
        if _is_range(value):
            shown = f"{_fmt(value[0])}–{_fmt(value[1])}"
        elif isinstance(value, tuple):
            shown = ", ".join(_fmt(v) for v in value)
        elif isinstance(value, Mapping):
            shown = ", ".join(f"{k} {_fmt(v)}" for k, v in value.items())
        else:
            shown = _fmt(value)
        if self.unit in _STATISTICS:
            # "r = 0.278" reads as a statistic; "0.278 r" does not.
            shown = f"{self.unit} = {shown}"
        elif self.unit:
            shown = f"{shown} {self.unit}"
        if self.ci is not None:
            shown += f" [{_fmt(self.ci[0])}, {_fmt(self.ci[1])}]"
        return f"{self.label}: {shown} ({self.cite()}; {self.status})"


_STATISTICS = ("r", "d", "g", "alpha")


def _is_range(value: Any) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
    )


def _fmt(x: Any) -> str:
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return str(x)


_REGISTRY: dict[str, Figure] = {}
_SOURCES: list[Source] = []


def _fig(
    key: str,
    label: str,
    value: Any,
    unit: str,
    sources: Source | tuple[Source, ...],
    status: Status,
    **kw: Any,
) -> Figure:
    if isinstance(value, dict):
        value = MappingProxyType(dict(value))
    srcs = sources if isinstance(sources, tuple) else (sources,)
    f = Figure(key, label, value, unit, srcs, status, **kw)
    if key in _REGISTRY:  # pragma: no cover - a guard for editors of this file
        raise RuntimeError(f"figure {key!r} is defined twice in the literature package")
    _REGISTRY[key] = f
    return f


def figure(key: str) -> Figure:
    """Look a figure up by its key.

    Examples
    --------
    >>> import alliance_widgets.literature  # registers every figure
    >>> figure("oq45_clinical_cutoff").value
    63.5
    """
    try:
        return _REGISTRY[key]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise KeyError(f"no figure {key!r} in the literature; known keys: {known}") from None


def all_figures() -> tuple[Figure, ...]:
    """Every figure, in the order this module defines them."""
    return tuple(_REGISTRY.values())


def published_figures() -> tuple[Figure, ...]:
    """Every figure that is not one of the kit's own assumptions.

    Examples
    --------
    >>> from alliance_widgets import literature as lit
    >>> lit.GEN_DESIGN in published_figures(), lit.BORDIN_COMPONENTS in published_figures()
    (False, True)
    """
    return tuple(f for f in all_figures() if f.status != "kit assumption")


def kit_assumptions() -> tuple[Figure, ...]:
    """Every calibration choice, rule or preset of the kit itself (see ``assumptions``).

    Examples
    --------
    >>> from alliance_widgets import literature as lit
    >>> lit.RUPTURE_DETECTION in kit_assumptions()
    True
    """
    return tuple(f for f in all_figures() if f.status == "kit assumption")


def all_sources() -> tuple[Source, ...]:
    """Every source this module defines, in order, whether a figure cites it or code does.

    Examples
    --------
    >>> from alliance_widgets import literature as lit
    >>> lit.BORDIN_1979 in all_sources() and lit.CRONBACH_1951 in all_sources()
    True
    """
    return tuple(_SOURCES)


def references(*figures: Figure) -> list[str]:
    """Full references for the given figures (all figures if none), sorted, unique.

    Examples
    --------
    >>> from alliance_widgets import literature as lit
    >>> references(lit.BORDIN_COMPONENTS)[0][:27]
    'Bordin, E. S. (1979). The g'
    """
    chosen = figures or all_figures()
    refs = {s.reference() for f in chosen for s in f.sources}
    return sorted(refs)


def _src(
    authors: str,
    year: int,
    title: str,
    venue: str,
    *,
    kind: Kind = "article",
    doi: str = "",
    isbn: str = "",
    checked: str = "",
    year_suffix: str = "",
) -> Source:
    names = tuple(a.strip() for a in authors.split(";") if a.strip())
    source = Source(
        names,
        year,
        title,
        venue,
        kind=kind,
        doi=doi,
        isbn=isbn,
        checked=checked,
        year_suffix=year_suffix,
    )
    _SOURCES.append(source)
    return source
