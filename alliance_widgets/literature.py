"""Every published figure the kit teaches, written down once, with its source.

Nothing else in the kit writes a published number: the generator's defaults, the
charts, the readouts and the lessons all read them from here.  Each figure says
how far it was checked: ``"confirmed"`` (read in an abstract, the publisher's
page or a secondary source quoting it), ``"as commonly reported"`` (not checked
against the source: lessons must say so), ``"derived"`` (arithmetic on other
figures) or ``"kit assumption"`` (a calibration choice of this kit, not a
published result).

Examples
--------
>>> from alliance_widgets import literature as lit
>>> lit.ALLIANCE_OUTCOME_R_2018.value
0.278
>>> lit.ALLIANCE_OUTCOME_R_2018.cite()
'Flückiger, Del Re, Wampold & Horvath (2018)'
>>> round(lit.ALLIANCE_OUTCOME_R_2018.value ** 2, 3)
0.077
>>> sorted(lit.LAMBERT_1992_SHARES.value.items())[0]
('expectancy', 15.0)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

__all__ = [
    "NO_IDENTIFIER_KINDS",
    "Figure",
    "Source",
    "all_figures",
    "all_sources",
    "figure",
    "references",
    "valid_doi",
    "valid_isbn",
]

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
    >>> BORDIN_1979.cite()
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
    >>> OQ45_RELIABLE_CHANGE.describe()
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
        raise RuntimeError(f"figure {key!r} is defined twice in literature.py")
    _REGISTRY[key] = f
    return f


def figure(key: str) -> Figure:
    """Look a figure up by its key.

    Examples
    --------
    >>> figure("oq45_clinical_cutoff").value
    63.5
    """
    try:
        return _REGISTRY[key]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise KeyError(f"no figure {key!r} in literature.py; known keys: {known}") from None


def all_figures() -> tuple[Figure, ...]:
    """Every figure, in the order this module defines them."""
    return tuple(_REGISTRY.values())


def all_sources() -> tuple[Source, ...]:
    """Every source this module defines, in order, whether a figure cites it or code does.

    Examples
    --------
    >>> BORDIN_1979 in all_sources() and CRONBACH_1951 in all_sources()
    True
    """
    return tuple(_SOURCES)


def references(*figures: Figure) -> list[str]:
    """Full references for the given figures (all figures if none), sorted, unique.

    Examples
    --------
    >>> references(BORDIN_COMPONENTS)[0][:27]
    'Bordin, E. S. (1979). The g'
    """
    chosen = figures or all_figures()
    refs = {s.reference() for f in chosen for s in f.sources}
    return sorted(refs)


# --------------------------------------------------------------------------- sources
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


BORDIN_1979 = _src(
    "Bordin, E. S.",
    1979,
    "The generalizability of the psychoanalytic concept of the working alliance",
    "Psychotherapy: Theory, Research and Practice, 16(3), 252–260",
    doi="10.1037/h0085885",
    checked="reference list of Hatcher, Lindqvist & Falkenström (2019) on the Taylor & Francis "
    "page, a Dove Press reference list and reference lists in public repositories "
    "(find_string), via search, 2026-12",
)
HORVATH_GREENBERG_1989 = _src(
    "Horvath, A. O.; Greenberg, L. S.",
    1989,
    "Development and validation of the Working Alliance Inventory",
    "Journal of Counseling Psychology, 36(2), 223–233",
    doi="10.1037/0022-0167.36.2.223",
    checked="reference lists in public repositories (find_string): seven files give this DOI with "
    "this title, via search, 2026-12",
)
TRACEY_KOKOTOVIC_1989 = _src(
    "Tracey, T. J.; Kokotovic, A. M.",
    1989,
    "Factor structure of the Working Alliance Inventory",
    "Psychological Assessment, 1(3), 207–210",
    checked="Arizona State University Elsevier Pure record (authors, title, issue 3, pages "
    "207–210, Sep 1989, abstract), via search, 2026-12; DOI NOT FOUND in any record "
    "reached",
)
HATCHER_GILLASPY_2006 = _src(
    "Hatcher, R. L.; Gillaspy, J. A.",
    2006,
    "Development and validation of a revised short version of the Working Alliance Inventory",
    "Psychotherapy Research, 16(1), 12–25",
    doi="10.1080/10503300500352500",
    checked="reference lists in public repositories (find_string) (one cites the publisher's "
    "Crossref deposit), via search, 2026-12",
)
MUNDER_2010 = _src(
    "Munder, T.; Wilmers, F.; Leonhart, R.; Linster, H. W.; Barth, J.",
    2010,
    "Working Alliance Inventory-Short Revised (WAI-SR): psychometric properties",
    "Clinical Psychology & Psychotherapy, 17, 231–239",
    doi="10.1002/cpp.658",
    checked="reference lists in public repositories (find_string) (DOI with author and year), via "
    "search, 2026-12; volume and pages not re-read",
)
CRITS_CHRISTOPH_2011 = _src(
    "Crits-Christoph, P.; Gibbons, M. B. C.; Hamilton, J.; Ring-Kurtz, S.; Gallop, R.",
    2011,
    "The dependability of alliance assessments: the alliance-outcome correlation is larger "
    "than you might think",
    "Journal of Consulting and Clinical Psychology, 79(3), 267–278",
    doi="10.1037/a0023668",
    checked="PubMed record PMID 21639607 (mirror), ERIC record EJ927412 and the Taylor & Francis "
    "reference list of the 2020 relational-perspective paper, via search, 2026-12",
)
LAMBERT_1992 = _src(
    "Lambert, M. J.",
    1992,
    "Psychotherapy outcome research: implications for integrative and eclectic therapists",
    "In J. C. Norcross & M. R. Goldfried (Eds.), Handbook of Psychotherapy Integration "
    "(pp. 94–129). Basic Books",
    kind="chapter",
    checked="the 2nd edition's copyright page (Oxford, 2005) says the first edition was published "
    "in 1992 by Basic Books, via search, 2026-12; ISBN of the 1992 edition NOT FOUND",
)
ASAY_LAMBERT_1999 = _src(
    "Asay, T. P.; Lambert, M. J.",
    1999,
    "The empirical case for the common factors in therapy: quantitative findings",
    "In M. A. Hubble, B. L. Duncan & S. D. Miller (Eds.), The Heart and Soul of Change. APA",
    kind="chapter",
    isbn="155798557X",
    checked="ISBN of The Heart and Soul of Change (APA, 1999) as given on a psychology wiki page, "
    "via search, 2026-12; checksum valid",
)
WAMPOLD_2001 = _src(
    "Wampold, B. E.",
    2001,
    "The Great Psychotherapy Debate: Models, Methods, and Findings",
    "Lawrence Erlbaum",
    kind="book",
    checked="library catalogue record (AUT Koha: xiii, 263 pages, contents) and a book review, "
    "via search, 2026-12; ISBN NOT FOUND",
)
WAMPOLD_IMEL_2015 = _src(
    "Wampold, B. E.; Imel, Z. E.",
    2015,
    "The Great Psychotherapy Debate: The Evidence for What Makes Psychotherapy Work (2nd ed.)",
    "Routledge",
    kind="book",
    doi="10.4324/9780203582015",
    checked="Taylor & Francis eBook page (book DOI, chapter list) and the book's copyright page "
    "(Routledge, 2015), via search, 2026-12",
)
BALDWIN_IMEL_2013 = _src(
    "Baldwin, S. A.; Imel, Z. E.",
    2013,
    "Therapist effects: findings and methods",
    "In M. J. Lambert (Ed.), Bergin and Garfield's Handbook of Psychotherapy and Behavior "
    "Change (6th ed.). Wiley",
    kind="chapter",
    isbn="9781118415924",
    checked="ebook ISBN in the address of the 6th edition's preface page (Lambert, editor), via "
    "search, 2026-12; checksum valid",
)
WAMPOLD_2015 = _src(
    "Wampold, B. E.",
    2015,
    "How important are the common factors in psychotherapy? An update",
    "World Psychiatry, 14(3), 270–277",
    doi="10.1002/wps.20238",
    checked="reference lists in public repositories (find_string): ten files give this DOI with "
    "this title, via search, 2026-12",
)
NORCROSS_2011 = _src(
    "Norcross, J. C. (Ed.)",
    2011,
    "Psychotherapy Relationships That Work: Evidence-Based Responsiveness (2nd ed.)",
    "Oxford University Press",
    kind="book",
    doi="10.1093/acprof:oso/9780199737208.001.0001",
    isbn="9780199737208",
    checked="Oxford Scholarship Online record (print ISBN-13, DOI, chapter list), via search, "
    "2026-12",
)
HORVATH_SYMONDS_1991 = _src(
    "Horvath, A. O.; Symonds, B. D.",
    1991,
    "Relation between working alliance and outcome in psychotherapy: a meta-analysis",
    "Journal of Counseling Psychology, 38(2), 139–149",
    doi="10.1037/0022-0167.38.2.139",
    checked="reference lists in public repositories (find_string), one a DOI-resolution table "
    "listing Horvath, Adam O.; Symonds, B. Dianne, via search, 2026-12",
)
MARTIN_2000 = _src(
    "Martin, D. J.; Garske, J. P.; Davis, M. K.",
    2000,
    "Relation of the therapeutic alliance with outcome and other variables: a meta-analytic review",
    "Journal of Consulting and Clinical Psychology, 68(3), 438–450",
    doi="10.1037/0022-006X.68.3.438",
    checked="a public reference list (find_string) and the abstract (79 studies, 58 published and "
    "21 unpublished) in a flipbook, via search, 2026-12",
)
HORVATH_BEDI_2002 = _src(
    "Horvath, A. O.; Bedi, R. P.",
    2002,
    "The alliance",
    "In J. C. Norcross (Ed.), Psychotherapy Relationships That Work: Therapist Contributions and "
    "Responsiveness to Patients. Oxford University Press",
    kind="chapter",
    isbn="0195143469",
    checked="ISBN-10 of the 2002 book in its Amazon UK product address (hardcover, 5 Sep 2002), "
    "via search, 2026-12; checksum valid",
)
HORVATH_2011 = _src(
    "Horvath, A. O.; Del Re, A. C.; Flückiger, C.; Symonds, D.",
    2011,
    "Alliance in individual psychotherapy",
    "Psychotherapy, 48(1), 9–16",
    doi="10.1037/a0022186",
    checked="the article's first page (Psychotherapy 2011, Vol. 48, No. 1, 9–16, DOI) on Scribd "
    "and its abstract on ResearchGate, via search, 2026-12",
)
FLUCKIGER_2018 = _src(
    "Flückiger, C.; Del Re, A. C.; Wampold, B. E.; Horvath, A. O.",
    2018,
    "The alliance in adult psychotherapy: a meta-analytic synthesis",
    "Psychotherapy, 55, 316–340",
    doi="10.1037/pst0000172",
    checked="the Online First article (DOI, abstract) on docslib, via search, 2026-12",
)
FLUCKIGER_2020_ADJUSTED = _src(
    "Flückiger, C.; Del Re, A. C.; Wlodasch, D.; Horvath, A. O.; Solomonov, N.; Wampold, B. E.",
    2020,
    "Assessing the alliance–outcome association adjusted for patient characteristics and "
    "treatment processes: a meta-analytic summary of direct comparisons",
    "Journal of Counseling Psychology, 67(6), 706–711",
    doi="10.1037/cou0000424",
    year_suffix="a",
    checked="Ovid journal page (authors, 67(6), 706–711, DOI) and the PsycInfo abstract on "
    "lausr.org, via search, 2026-12",
)
FLUCKIGER_2020_RECIPROCAL = _src(
    "Flückiger, C.; Rubel, J.; Del Re, A. C.; Horvath, A. O.; Wampold, B. E.; "
    "Crits-Christoph, P.; Atzil-Slonim, D.; Compare, A.; Falkenström, F.; Ekeblad, A.; "
    "Errázuriz, P.; Fisher, H.; Hoffart, A.; Huppert, J. D.; Kivity, Y.; Kumar, M.; Lutz, W.; "
    "Muran, J. C.; Strunk, D. R.; Tasca, G. A.; Vîslă, A.; Voderholzer, U.; Webb, C. A.; "
    "Xu, H.; Zilcha-Mano, S.; Barber, J. P.",
    2020,
    "The reciprocal relationship between alliance and early treatment symptoms: a two-stage "
    "individual participant data meta-analysis",
    "Journal of Consulting and Clinical Psychology, 88(9), 829–843",
    doi="10.1037/ccp0000594",
    year_suffix="b",
    checked="Swiss National Science Foundation P3 record (88(9), 829–843, DOI) and Mount Sinai "
    "research-portal RIS record (all 26 authors), via search, 2026-12",
)
BALDWIN_2007 = _src(
    "Baldwin, S. A.; Wampold, B. E.; Imel, Z. E.",
    2007,
    "Untangling the alliance-outcome correlation: exploring the relative importance of "
    "therapist and patient variability in the alliance",
    "Journal of Consulting and Clinical Psychology, 75(6), 842–852",
    doi="10.1037/0022-006X.75.6.842",
    checked="Taylor & Francis reference lists (two articles), via search, 2026-12",
)
DEL_RE_2012 = _src(
    "Del Re, A. C.; Flückiger, C.; Horvath, A. O.; Symonds, D.; Wampold, B. E.",
    2012,
    "Therapist effects in the therapeutic alliance-outcome relationship: a restricted-maximum "
    "likelihood meta-analysis",
    "Clinical Psychology Review, 32, 642–649",
    doi="10.1016/j.cpr.2012.07.002",
    checked="Taylor & Francis reference list of the 2020 relational-perspective paper, via "
    "search, 2026-12",
)
# The authors of this paper could not be read in any record the search tool reached (the
# publisher page and the DiVA record list four Linköping University affiliations but hide
# the names), so it is cited by title, as APA cites an authorless work, until they are.
RELATIONAL_PERSPECTIVE_2020 = _src(
    "",
    2020,
    "A relational perspective on the association between working alliance and treatment outcome",
    "Psychotherapy Research, 30(1), 13–22 (published online 2018)",
    doi="10.1080/10503307.2018.1516306",
    checked="Taylor & Francis article page (title, pages 13–22, online 31 Aug 2018, DOI) and "
    "DiVA record lnu diva2:1548646 (2020, vol. 30, no. 1, pp. 13–22), via search, 2026-12; "
    "authors not verified",
)
SAFRAN_MURAN_2000 = _src(
    "Safran, J. D.; Muran, J. C.",
    2000,
    "Negotiating the Therapeutic Alliance: A Relational Treatment Guide",
    "Guilford Press",
    kind="book",
    isbn="9781572305120",
    checked="Guilford Press book page (hardcover, January 11, 2000), via search, 2026-12",
)
SAFRAN_MURAN_2006 = _src(
    "Safran, J. D.; Muran, J. C.",
    2006,
    "Has the concept of the therapeutic alliance outlived its usefulness?",
    "Psychotherapy: Theory, Research, Practice, Training, 43(3), 286–291",
    doi="10.1037/0033-3204.43.3.286",
    checked="Semantic Scholar record (DOI, abstract) and an alljournals abstract record, via "
    "search, 2026-12",
)
SAFRAN_2011 = _src(
    "Safran, J. D.; Muran, J. C.; Eubanks-Carter, C.",
    2011,
    "Repairing alliance ruptures",
    "Psychotherapy, 48, 80–87",
    doi="10.1037/a0022140",
    checked="a public reference table (find_string), via search, 2026-12",
)
EUBANKS_2018 = _src(
    "Eubanks, C. F.; Muran, J. C.; Safran, J. D.",
    2018,
    "Alliance rupture repair: a meta-analysis",
    "Psychotherapy, 55, 508–519",
    doi="10.1037/pst0000185",
    checked="reference lists in public repositories (find_string), one marking it checked against "
    "Crossref, via search, 2026-12",
)
STEVENS_2007 = _src(
    "Stevens, C. L.; Muran, J. C.; Safran, J. D.; Gorman, B. S.; Winston, A.",
    2007,
    "Levels and patterns of the therapeutic alliance in brief psychotherapy",
    "American Journal of Psychotherapy, 61(2), 109–129",
    doi="10.1176/appi.psychotherapy.2007.61.2.109",
    checked="Psychiatry Online article page (pages 109–129, PubMed 17760317, authors, abstract), "
    "via search, 2026-12",
)
LAMBERT_2004 = _src(
    "Lambert, M. J.; Morton, J. J.; Hatfield, D.; Harmon, C.; Hamilton, S.; "
    "Reid, R. C.; Shimokawa, K.; Christopherson, C.; Burlingame, G. M.",
    2004,
    "Administration and Scoring Manual for the OQ-45.2 (Outcome Questionnaire)",
    "American Professional Credentialing Services",
    kind="manual",
    checked="the manual's title pages (revised January 2004; authors; publisher) in a copy on "
    "Scribd, via search, 2026-12; a test publisher's manual with no ISBN",
)
BECKSTEAD_2003 = _src(
    "Beckstead, D. J.; Hatch, A. L.; Lambert, M. J.; Eggett, D. L.; Goates, M. K.; "
    "Vermeersch, D. A.",
    2003,
    "Clinical significance of the Outcome Questionnaire (OQ-45.2)",
    "The Behavior Analyst Today, 4(1), 86–97",
    checked="BioMedSearch and Questia records (authors, vol. 4, issue 1, ISSN 1539-4352, "
    "abstract), via search, 2026-12; DOI NOT FOUND",
)
OQ_ANALYST = _src(
    "OQ Measures",
    2004,
    "OQ-Analyst: feedback reports and progress signals",
    "Software documentation",
    kind="software",
    checked="not a publication: the signal colours are as commonly reported; the OQ-Analyst's "
    "rules are proprietary (see EXPECTED_RECOVERY_CURVE)",
)
DE_JONG_2021 = _src(
    "de Jong, K.; Conijn, J. M.; Gallagher, R. A. V.; Reshetnikova, A. S.; Heij, M.; Lutz, M. C.",
    2021,
    "Using progress feedback to improve outcomes and reduce drop-out, treatment duration, "
    "and deterioration: a multilevel meta-analysis",
    "Clinical Psychology Review, 85, 102002",
    doi="10.1016/j.cpr.2021.102002",
    checked="X-MOL and Peeref records (DOI, authors, abstract) and the Erasmus University Pure "
    "record, via search, 2026-12",
)
BARKHAM_2023 = _src(
    "Barkham, M.; de Jong, K.; Delgadillo, J.; Lutz, W.",
    2023,
    "Routine outcome monitoring (ROM) and feedback: research review and recommendations",
    "Psychotherapy Research, 33, 841–855",
    doi="10.1080/10503307.2023.2181114",
    checked="Taylor & Francis article page (pages 841–855, abstract), via search, 2026-12",
)
OSTERGARD_2020 = _src(
    "Østergård, O. K.; Randa, H.; Hougaard, E.",
    2020,
    "The effect of using the Partners for Change Outcome Management System as feedback tool "
    "in psychotherapy: a systematic review and meta-analysis",
    "Psychotherapy Research, 30(2), 195–212 (published online 2018)",
    doi="10.1080/10503307.2018.1517949",
    checked="Aalborg University VBN record (authors, PY 2020, abstract), Taylor & Francis "
    "reference page (pages 195–212, online 13 Sep 2018) and the article's cover page on "
    "docslib (DOI), via search, 2026-12",
)
SHIMOKAWA_2010 = _src(
    "Shimokawa, K.; Lambert, M. J.; Smart, D. W.",
    2010,
    "Enhancing treatment outcome of patients at risk of treatment failure: meta-analytic and "
    "mega-analytic review of a psychotherapy quality assurance system",
    "Journal of Consulting and Clinical Psychology, 78(3), 298–311",
    checked="PubMed record PMID 20515206 (authors, title, 78(3), 298–311), via search, "
    "2026-12; DOI not yet seen",
    doi="10.1037/a0019247",
)
LAMBERT_WHIPPLE_KLEINSTAUBER_2018 = _src(
    "Lambert, M. J.; Whipple, J. L.; Kleinstäuber, M.",
    2018,
    "Collecting and delivering progress feedback: a meta-analysis of routine outcome monitoring",
    "Psychotherapy, 55(4), 520–537",
    doi="10.1037/pst0000167",
    checked="Drug and Alcohol Findings Effectiveness Bank entry (authors, 55(4), 520–537) and "
    "Utah State University DigitalCommons abstract, via search, 2026-12; DOI seen in a "
    "public reference list (find_string), not on a publisher page",
)
MILLER_2003 = _src(
    "Miller, S. D.; Duncan, B. L.; Brown, J.; Sparks, J. A.; Claud, D. A.",
    2003,
    "The Outcome Rating Scale: a preliminary study of the reliability, validity, and "
    "feasibility of a brief visual analog measure",
    "Journal of Brief Therapy, 2(2), 91–100",
    checked="the article's first page (Journal of Brief Therapy 2(2), Spring/Summer 2003, "
    "Springer Publishing) on SlideShare and Scribd, via search, 2026-12; DOI NOT FOUND",
)
DUNCAN_2003 = _src(
    "Duncan, B. L.; Miller, S. D.; Sparks, J. A.; Claud, D. A.; Reynolds, L. R.; Brown, J.; "
    "Johnson, L. D.",
    2003,
    "The Session Rating Scale: preliminary psychometric properties of a 'working' alliance measure",
    "Journal of Brief Therapy, 3(1), 3–12",
    checked="the article's first page (Journal of Brief Therapy 3(1), Fall/Winter 2003, Springer "
    "Publishing) on docslib and ResearchGate, via search, 2026-12; DOI NOT FOUND",
)
JACOBSON_TRUAX_1991 = _src(
    "Jacobson, N. S.; Truax, P.",
    1991,
    "Clinical significance: a statistical approach to defining meaningful change in "
    "psychotherapy research",
    "Journal of Consulting and Clinical Psychology, 59(1), 12–19",
    doi="10.1037/0022-006X.59.1.12",
    checked="reference lists in public repositories (find_string): ten files, among them R "
    "package documentation, via search, 2026-12",
)
EYSENCK_1952 = _src(
    "Eysenck, H. J.",
    1952,
    "The effects of psychotherapy: an evaluation",
    "Journal of Consulting Psychology, 16(5), 319–324",
    doi="10.1037/h0063633",
    checked="a public reference list (find_string), via search, 2026-12",
)
MCNEILLY_HOWARD_1991 = _src(
    "McNeilly, C. L.; Howard, K. I.",
    1991,
    "The effects of psychotherapy: a reevaluation based on dosage",
    "Psychotherapy Research, 1, 74–78",
    checked="no record of this article was reached, via search, 2026-12; DOI NOT FOUND",
)
ROSENZWEIG_1936 = _src(
    "Rosenzweig, S.",
    1936,
    "Some implicit common factors in diverse methods of psychotherapy",
    "American Journal of Orthopsychiatry, 6(3), 412–415",
    doi="10.1111/j.1939-0025.1936.tb05248.x",
    checked="a public reference list (find_string), via search, 2026-12",
)
ROGERS_1957 = _src(
    "Rogers, C. R.",
    1957,
    "The necessary and sufficient conditions of therapeutic personality change",
    "Journal of Consulting Psychology, 21(2), 95–103",
    doi="10.1037/h0045357",
    checked="reference lists in public repositories (find_string): ten files, via search, 2026-12",
)
NORCROSS_LAMBERT_2018 = _src(
    "Norcross, J. C.; Lambert, M. J.",
    2018,
    "Psychotherapy relationships that work III",
    "Psychotherapy, 55(4), 303–315",
    doi="10.1037/pst0000193",
    checked="reference lists in public repositories (find_string): two files, via search, 2026-12",
)
ROSENTHAL_RUBIN_1982 = _src(
    "Rosenthal, R.; Rubin, D. B.",
    1982,
    "A simple, general purpose display of magnitude of experimental effect",
    "Journal of Educational Psychology, 74(2), 166–169",
    doi="10.1037/0022-0663.74.2.166",
    checked="a public reference list (find_string), via search, 2026-12",
)
CRONBACH_1951 = _src(
    "Cronbach, L. J.",
    1951,
    "Coefficient alpha and the internal structure of tests",
    "Psychometrika, 16(3), 297–334",
    doi="10.1007/BF02310555",
    checked="reference lists in public repositories (find_string): ten files, via search, 2026-12",
)
MCDONALD_1999 = _src(
    "McDonald, R. P.",
    1999,
    "Test Theory: A Unified Treatment",
    "Lawrence Erlbaum",
    kind="book",
    checked="publisher listing on Perlego (title, 498 pages) and many reference lists, via "
    "search, 2026-12; ISBN NOT FOUND",
)
TOLIN_2010 = _src(
    "Tolin, D. F.",
    2010,
    "Is cognitive–behavioral therapy more effective than other therapies? A meta-analytic review",
    "Clinical Psychology Review, 30(6), 710–720",
    checked="The article's first page (Clinical Psychology Review 30 (2010) 710–720, "
    "abstract) on SlideShare and dokumen.tips, via search, 2026-12; DOI not yet seen",
)
BELL_MARCUS_GOODLAD_2013 = _src(
    # Initials not given in the records read; surnames as PubMed's comment lists them.
    "Bell; Marcus; Goodlad",
    2013,
    "Are the parts as good as the whole? A meta-analysis of component treatment studies",
    "Journal of Consulting and Clinical Psychology, 81(4), 722–736",
    doi="10.1037/a0033004",
    checked="PubMed record PMID 23688145 (title, 81(4), 722–736, DOI, abstract) and the "
    "PubMed record of the 2015 comment on 'Bell, Marcus, and Goodlad (2013)', via search, "
    "2026-12; initials not verified",
)

# --------------------------------------------------------------------------- Bordin
BORDIN_COMPONENTS = _fig(
    "bordin_components",
    "Bordin's three components of the working alliance",
    {
        "bond": "the personal attachment between client and therapist: trust, respect, care",
        "goals": "agreement on what therapy aims at",
        "tasks": "agreement on the in-session activities that get there",
    },
    "",
    BORDIN_1979,
    "confirmed",
    note="Confirmed from secondary sources. Bordin held that the strength of the alliance, "
    "more than its kind, drives change.",
)

# --------------------------------------------------------------------------- measures
WAI_ITEMS = _fig(
    "wai_items", "WAI length", 36, "items (7-point scale)", HORVATH_GREENBERG_1989, "confirmed"
)
WAI_S_ITEMS = _fig(
    "wai_s_items", "WAI-S length", 12, "items (7-point scale)", TRACEY_KOKOTOVIC_1989, "confirmed"
)
WAI_SR_ITEMS = _fig(
    "wai_sr_items", "WAI-SR length", 12, "items", HATCHER_GILLASPY_2006, "confirmed"
)
WAI_SR_SCALE = _fig(
    "wai_sr_scale",
    "WAI-SR response scale",
    (1, 5),
    "(1 seldom … 5 always)",
    HATCHER_GILLASPY_2006,
    "confirmed",
    note="Total 12–60; each 4-item subscale 4–20. The WAI and WAI-S use 7 points.",
)
WAI_SR_KEYS = _fig(
    "wai_sr_keys",
    "WAI-SR scoring keys (item numbers)",
    {"goals": (4, 6, 8, 11), "tasks": (1, 2, 10, 12), "bond": (3, 5, 7, 9)},
    "",
    HATCHER_GILLASPY_2006,
    "confirmed",
    note="Confirmed from secondary sources only. Item wording is copyrighted: the kit "
    "reproduces the structure, never the wording.",
)
WAI_SR_ALPHA_TOTAL = _fig(
    "wai_sr_alpha_total",
    "WAI-SR Cronbach's alpha, total score",
    (0.90, 0.93),
    "",
    (HATCHER_GILLASPY_2006, MUNDER_2010),
    "as commonly reported",
)
WAI_SR_ALPHA_SUBSCALE = _fig(
    "wai_sr_alpha_subscale",
    "WAI-SR Cronbach's alpha, subscales",
    (0.80, 0.90),
    "",
    (HATCHER_GILLASPY_2006, MUNDER_2010),
    "as commonly reported",
)
WAI_SR_R_GOALS_TASKS = _fig(
    "wai_sr_r_goals_tasks",
    "WAI-SR goals–tasks subscale correlation",
    (0.80, 0.90),
    "",
    (HATCHER_GILLASPY_2006, MUNDER_2010),
    "as commonly reported",
)
WAI_SR_R_BOND_OTHERS = _fig(
    "wai_sr_r_bond_others",
    "WAI-SR bond with goals or tasks, subscale correlation",
    (0.60, 0.75),
    "",
    (HATCHER_GILLASPY_2006, MUNDER_2010),
    "as commonly reported",
)
WAI_SR_ITEM_MEAN = _fig(
    "wai_sr_item_mean",
    "WAI-SR item mean in outpatient samples",
    (3.7, 4.1),
    "scale points (SD ≈ 0.6–0.8, skewed toward the ceiling)",
    (HATCHER_GILLASPY_2006, MUNDER_2010),
    "kit assumption",
    note="A calibration guess from several samples, not one published figure.",
    extra={"sd": (0.6, 0.8)},
)
ALLIANCE_GENERALIZABILITY = _fig(
    "alliance_generalizability",
    "Generalizability of one session's alliance rating",
    0.77,
    "",
    CRITS_CHRISTOPH_2011,
    "confirmed",
    note="At least 2 sessions give .80; at least 4 give .90 or more. Early alliance is "
    "usually measured at sessions 3–5 (common practice).",
    extra={"sessions_for_080": 2, "sessions_for_090": 4},
)

# --------------------------------------------------------------------------- variance models
LAMBERT_1992_SHARES = _fig(
    "lambert_1992_shares",
    "Lambert's four factors of outcome variance",
    {"extratherapeutic": 40.0, "relationship": 30.0, "expectancy": 15.0, "technique": 15.0},
    "% of improvement",
    (LAMBERT_1992, ASAY_LAMBERT_1999),
    "as commonly reported",
    note="A judgement from a narrative review, not a meta-analysis; often misattributed; "
    "the shares are not additive in reality.",
)
THERAPY_TOTAL_EFFECT = _fig(
    "therapy_total_effect",
    "Variance in outcome explained by receiving psychotherapy",
    13.0,
    "% (d ≈ 0.80)",
    (WAMPOLD_2001, WAMPOLD_IMEL_2015),
    "confirmed",
    note="The 13 % is confirmed from a secondary source; d ≈ 0.80 as commonly reported.",
    extra={"d": 0.80},
)
TREATMENT_DIFFERENCES = _fig(
    "treatment_differences",
    "Variance in outcome due to differences between treatments",
    (0.0, 1.0),
    "%",
    WAMPOLD_IMEL_2015,
    "as commonly reported",
)
TREATMENT_DIFFERENCES_CRITIQUES = _fig(
    "treatment_differences_critiques",
    "Findings that dispute 'no differences between treatments'",
    {
        "Tolin 2010": "CBT superior to psychodynamic therapy (not to interpersonal or "
        "supportive therapy) at post-treatment and follow-up; 26 studies, N = 1,981",
        "Bell, Marcus & Goodlad 2013": "an added specific component gave d = 0.14 at the end "
        "of treatment and d = 0.28 at follow-up on targeted problems; dismantling studies "
        "showed no difference; k = 66",
    },
    "",
    (TOLIN_2010, BELL_MARCUS_GOODLAD_2013),
    "confirmed",
    note="Two sides of the dodo-bird debate: Wampold & Imel read the comparisons as "
    "treatments not differing (TREATMENT_DIFFERENCES); these meta-analyses found some "
    "differences. Confirmed from the abstracts. A comment on Bell et al. (Flückiger, Del Re "
    "& Wampold 2015) found the follow-up 'sleeper effect' not statistically supported.",
    extra={"bell_additive_d": {"end": 0.14, "follow-up": 0.28}, "tolin_n": 1981},
)
THERAPIST_EFFECTS = _fig(
    "therapist_effects",
    "Variance in outcome between therapists",
    5.0,
    "% (≈ 3 % in trials, ≈ 7 % in naturalistic settings)",
    BALDWIN_IMEL_2013,
    "as commonly reported",
    extra={"trials": 3.0, "naturalistic": 7.0},
)
WAMPOLD_2015_D = _fig(
    "wampold_2015_d",
    "Effect sizes (Cohen's d) of common and specific factors",
    {
        "alliance": 0.57,
        "empathy": 0.63,
        "expectations": 0.24,
        "cultural adaptation": 0.32,
        "therapist": 0.55,
        "specific ingredients": 0.01,
        "adherence": 0.04,
        "competence": 0.14,
    },
    "d",
    WAMPOLD_2015,
    "as commonly reported",
    note="The paper is confirmed; the d values are as commonly reported.",
)
NORCROSS_2011_R = _fig(
    "norcross_2011_r",
    "2011 relationship-element correlations behind the web's '% of variance' list",
    {
        "goal consensus": 0.34,
        "empathy": 0.30,
        "alliance": 0.275,
        "positive regard": 0.27,
        "congruence": 0.24,
    },
    "r",
    NORCROSS_2011,
    "derived",
    note="The list 'goal consensus 11.5 %, empathy 9 %, alliance 7.5 %, positive regard 6.3 %, "
    "congruence 5.7 %' is these r values squared (and .27² is 7.3, not 6.3). Goal consensus "
    "r = .34 is confirmed.",
    extra={
        "quoted_percent": {
            "goal consensus": 11.5,
            "empathy": 9.0,
            "alliance": 7.5,
            "positive regard": 6.3,
            "congruence": 5.7,
            "therapist": 5.0,
        }
    },
)

# --------------------------------------------------------------------------- alliance-outcome
ALLIANCE_OUTCOME_R_1991 = _fig(
    "alliance_outcome_r_1991",
    "Alliance–outcome correlation, first meta-analysis",
    0.26,
    "r",
    HORVATH_SYMONDS_1991,
    "confirmed",
    k=24,
    note="24 studies (26 in later listings).",
)
ALLIANCE_OUTCOME_R_2000 = _fig(
    "alliance_outcome_r_2000",
    "Alliance–outcome correlation",
    0.22,
    "r",
    MARTIN_2000,
    "confirmed",
    k=79,
)
ALLIANCE_OUTCOME_R_2002 = _fig(
    "alliance_outcome_r_2002",
    "Alliance–outcome correlation",
    0.21,
    "r",
    HORVATH_BEDI_2002,
    "confirmed",
    k=100,
)
ALLIANCE_OUTCOME_R_2011 = _fig(
    "alliance_outcome_r_2011",
    "Alliance–outcome correlation",
    0.275,
    "r",
    HORVATH_2011,
    "confirmed",
    ci=(0.25, 0.30),
    k=190,
    n=14000,
    note="190 sources, more than 14,000 patients.",
)
ALLIANCE_OUTCOME_R_2018 = _fig(
    "alliance_outcome_r_2018",
    "Alliance–outcome correlation",
    0.278,
    "r",
    FLUCKIGER_2018,
    "confirmed",
    ci=(0.256, 0.299),
    k=295,
    n=30000,
    note="295 studies, more than 30,000 patients; d = .579; heterogeneous (I² ≈ 50–60 %, "
    "as commonly reported).",
    extra={"d": 0.579, "i2": (50.0, 60.0)},
)
ALLIANCE_OUTCOME_META_ANALYSES = (
    ALLIANCE_OUTCOME_R_1991,
    ALLIANCE_OUTCOME_R_2000,
    ALLIANCE_OUTCOME_R_2002,
    ALLIANCE_OUTCOME_R_2011,
    ALLIANCE_OUTCOME_R_2018,
)
ALLIANCE_OUTCOME_R_ADJUSTED_2020 = _fig(
    "alliance_outcome_r_adjusted_2020",
    "Alliance–outcome correlation adjusted for intake characteristics and simultaneous processes",
    (0.23, 0.31),
    "r",
    FLUCKIGER_2020_ADJUSTED,
    "confirmed",
    k=60,
    n=6061,
    note="125 effect sizes in 60 samples (6,061 participants). Adjusted for intake "
    "characteristics (k = 35), for simultaneous processes such as therapist adherence or "
    "competence (k = 13), or for both (k = 24); the correlations stayed moderate, r = .23 to "
    ".31, with or without adjustment. Not adjusted for early symptom change: that question is "
    "FLUCKIGER_2020_RECIPROCAL's. Confirmed from the abstract.",
    extra={"effect_sizes": 125, "k_by_adjustment": {"intake": 35, "process": 13, "both": 24}},
)
ALLIANCE_SYMPTOMS_RECIPROCAL_2020 = _fig(
    "alliance_symptoms_reciprocal_2020",
    "Alliance and symptoms predict each other session by session in early therapy",
    True,
    "",
    FLUCKIGER_2020_RECIPROCAL,
    "confirmed",
    k=17,
    n=5350,
    note="Two-stage individual participant data meta-analysis of 17 studies from 9 countries "
    "(5,350 participants), sessions 1–7: significant reciprocal lagged within-patient effects "
    "of alliance on next-session symptoms and of symptoms on next-session alliance; early "
    "alliance also predicted posttreatment outcome. Confirmed from the abstract.",
)
ALLIANCE_OUTCOME_R_DEPENDABLE_2011 = _fig(
    "alliance_outcome_r_dependable_2011",
    "Outcome variance explained by the alliance, one session vs several averaged",
    {"session 3 alone": 4.7, "sessions 3–9 averaged": 14.7},
    "% of outcome variance",
    CRITS_CHRISTOPH_2011,
    "confirmed",
    n=45,
    note="45 patients and 9 therapists in psychotherapy for depression, alliance rated every "
    "session: one session's alliance explained 4.7 % of outcome variance, the mean of "
    "sessions 3–9 14.7 %, because averaging removes session-to-session error (attenuation). "
    "Confirmed from the ERIC and PubMed abstracts. The r values in extra are derived (square "
    "roots), not reported figures.",
    extra={"r_derived": {"session 3 alone": 0.22, "sessions 3–9 averaged": 0.38}},
)
ALLIANCE_OUTCOME_HETEROGENEITY_2018 = _fig(
    "alliance_outcome_heterogeneity_2018",
    "Heterogeneity of the 2018 alliance–outcome meta-analysis",
    {"negative effect sizes": 2.0},
    "% of the 295 effect sizes",
    FLUCKIGER_2018,
    "confirmed",
    k=295,
    note="The abstract reports that the effect sizes were heterogeneous and that 2 % of the "
    "295 indicated negative correlations (confirmed). An I² of about 50–60 % is as commonly "
    "reported: no record read gave I² or a prediction interval, so lessons must say so "
    "(extra['i2_as_commonly_reported']).",
    extra={"i2_as_commonly_reported": (50.0, 60.0)},
)

# --------------------------------------------------------------------------- whose alliance
BALDWIN_2007_DESIGN = _fig(
    "baldwin_2007_design",
    "Baldwin, Wampold & Imel (2007) sample",
    {"patients": 331, "therapists": 80, "mean caseload": 4.1},
    "",
    BALDWIN_2007,
    "confirmed",
    note="Patient-rated alliance, adjusted for baseline. Therapist (between) variability in "
    "the alliance predicted outcome; patient (within-therapist) variability did not.",
)
RATIO_MODERATES_R = _fig(
    "ratio_moderates_r",
    "The patient-to-therapist ratio moderates the alliance–outcome r",
    True,
    "",
    DEL_RE_2012,
    "confirmed",
)
WITHIN_THERAPIST_COUNTER = _fig(
    "within_therapist_counter",
    "Within-therapist alliance variation predicted outcome better",
    True,
    "",
    RELATIONAL_PERSPECTIVE_2020,
    "confirmed",
    note="Confirmed from the abstract; a counter-finding to Baldwin et al. (2007). A large "
    "primary-care sample, patient and therapist alliance ratings at session 3, a "
    "one-with-many design: within-therapist variation in the alliance was the better "
    "predictor of outcome.",
)
ALLIANCE_ICC_THERAPISTS = _fig(
    "alliance_icc_therapists",
    "Share of alliance variance between therapists (ICC)",
    (0.03, 0.10),
    "",
    (BALDWIN_2007, DEL_RE_2012),
    "as commonly reported",
)

# --------------------------------------------------------------------------- ruptures
RUPTURE_DEFINITION = _fig(
    "rupture_definition",
    "Alliance rupture",
    "a tension or breakdown in the collaborative relationship",
    "",
    (SAFRAN_MURAN_2006, SAFRAN_2011),
    "confirmed",
)
RUPTURE_KINDS = _fig(
    "rupture_kinds",
    "Kinds of rupture",
    {
        "withdrawal": "moving away: deferring, avoiding, intellectualising",
        "confrontation": "moving against: complaints, hostility, pressure",
    },
    "",
    SAFRAN_MURAN_2000,
    "as commonly reported",
)
REPAIR_OUTCOME_R_2011 = _fig(
    "repair_outcome_r_2011",
    "Rupture repair–outcome correlation",
    0.24,
    "r",
    SAFRAN_2011,
    "confirmed",
    ci=(0.09, 0.39),
    k=3,
    n=148,
)
REPAIR_OUTCOME_R_2018 = _fig(
    "repair_outcome_r_2018",
    "Rupture repair–outcome correlation",
    0.29,
    "r",
    EUBANKS_2018,
    "as commonly reported",
    k=11,
    note="The paper is confirmed; r = .29, d = .62, k = 11 as commonly reported.",
    extra={"d": 0.62},
)
RUPTURE_FREQUENCY = _fig(
    "rupture_frequency",
    "Share of sessions in which patients report a rupture",
    (0.20, 0.40),
    "",
    EUBANKS_2018,
    "as commonly reported",
    note="Observers code more ruptures than patients report.",
)
STEVENS_2007_PATTERNS = _fig(
    "stevens_2007_patterns",
    "Alliance trajectories with the WAI rated every session",
    {"cases": 44, "v_shaped_percent": 50, "linear_percent": 66},
    "",
    STEVENS_2007,
    "confirmed",
    note="V-shaped rupture–repair sequences in 50 % of cases, linear trends in 66 %; a "
    "higher alliance level went with a better outcome.",
)

# --------------------------------------------------------------------------- outcome measures
OQ45_RANGE = _fig(
    "oq45_range",
    "OQ-45.2 total score range",
    (0, 180),
    "points (45 items scored 0–4; higher = more distress)",
    LAMBERT_2004,
    "confirmed",
    note="Subscales: symptom distress, interpersonal relations, social role.",
)
OQ45_ALPHA = _fig(
    "oq45_alpha", "OQ-45.2 internal consistency", 0.93, "alpha", LAMBERT_2004, "confirmed"
)
OQ45_RETEST = _fig(
    "oq45_retest", "OQ-45.2 test–retest reliability", 0.84, "r", LAMBERT_2004, "confirmed"
)
OQ45_RELIABLE_CHANGE = _fig(
    "oq45_reliable_change", "OQ-45.2 reliable change", 14, "points", LAMBERT_2004, "confirmed"
)
OQ45_CLINICAL_CUTOFF = _fig(
    "oq45_clinical_cutoff",
    "OQ-45.2 clinical cutoff",
    63.5,
    "points (64 and above dysfunctional, 63 and below functional)",
    (LAMBERT_2004, BECKSTEAD_2003),
    "confirmed",
)
OQ_SIGNALS = _fig(
    "oq_signals",
    "OQ feedback signals",
    {
        "white": "functioning in the normal range",
        "green": "adequate progress",
        "yellow": "less progress than expected",
        "red": "not on track: at risk of treatment failure",
    },
    "",
    OQ_ANALYST,
    "as commonly reported",
)
FEEDBACK_EFFECT_2021 = _fig(
    "feedback_effect_2021",
    "Effect of progress feedback on outcome",
    0.15,
    "d",
    DE_JONG_2021,
    "confirmed",
    ci=(0.10, 0.20),
    k=58,
    n=21699,
    note="Not-on-track clients: d = 0.17.",
    extra={"not_on_track_d": 0.17},
)
FEEDBACK_CST_2023 = _fig(
    "feedback_cst_2023",
    "Feedback with clinical support tools, not-on-track clients",
    (0.36, 0.53),
    "g",
    BARKHAM_2023,
    "confirmed",
)
PCOMS_EFFECT = _fig(
    "pcoms_effect",
    "PCOMS feedback effect",
    0.27,
    "g",
    OSTERGARD_2020,
    "confirmed",
    k=18,
    n=2910,
    note="18 studies (14 RCTs), 2,910 participants; heterogeneity substantial. No effect in "
    "psychiatric settings (g = 0.10, p = .144); a positive effect in counseling settings "
    "(g = 0.45), where almost all studies had a positive researcher allegiance and used the "
    "ORS as the only outcome measure, so that result may be biased. Confirmed from the "
    "abstract (Aalborg University VBN record).",
    extra={"psychiatric_g": 0.10, "counseling_g": 0.45},
)
FEEDBACK_EFFECT_2010 = _fig(
    "feedback_effect_2010",
    "OQ feedback for patients at risk of treatment failure",
    "effective, especially for signal-alarm (not-on-track) patients",
    "",
    SHIMOKAWA_2010,
    "confirmed",
    n=6151,
    note="Meta- and mega-analysis of six OQ-45 feedback studies (N = 6,151) at a university "
    "counseling center and a hospital outpatient setting. Three forms of feedback "
    "intervention enhanced outcome, especially for signal-alarm patients; two of them "
    "(clinical support tools, and progress feedback given to therapists) also helped prevent "
    "treatment failure. Confirmed from the PubMed abstract; its effect sizes were cut off in "
    "the record read, so none is given here.",
)
FEEDBACK_EFFECT_2018 = _fig(
    "feedback_effect_2018",
    "Routine outcome monitoring (PCOMS and OQ System) versus treatment as usual",
    "small to moderate effects; two-thirds of 24 studies favoured feedback",
    "",
    LAMBERT_WHIPPLE_KLEINSTAUBER_2018,
    "confirmed",
    k=24,
    note="24 studies: two-thirds found ROM-assisted psychotherapy superior to treatment as "
    "usual by the same practitioners; mean standardized effects small to moderate. For "
    "clients predicted to have a poor outcome, feedback reduced deterioration and nearly "
    "doubled clinically significant or reliable change. Confirmed from the abstract; the "
    "effect sizes themselves were not in the records read.",
)
ORS_FIGURES = _fig(
    "ors_figures",
    "Outcome Rating Scale",
    {"lines": 4, "max total": 40, "adult cutoff": 25, "reliable change": 5},
    "",
    MILLER_2003,
    "confirmed",
    note="Confirmed from secondary sources.",
)
SRS_CUTOFF = _fig(
    "srs_cutoff",
    "Session Rating Scale: alliance concern below",
    36,
    "points of 40",
    DUNCAN_2003,
    "confirmed",
    note="Confirmed from secondary sources.",
)

# --------------------------------------------------------------------------- history
EYSENCK_1952_BASELINE = _fig(
    "eysenck_1952_baseline",
    "Eysenck's 'spontaneous' improvement baseline",
    72,
    "% improved without therapy (claimed)",
    EYSENCK_1952,
    "confirmed",
    note="He claimed therapy did no better; his baseline was flawed.",
)
MCNEILLY_HOWARD_1991_DOSE = _fig(
    "mcneilly_howard_1991_dose",
    "Improved by 8 weeks",
    {"treated": 50, "untreated": 2},
    "%",
    MCNEILLY_HOWARD_1991,
    "confirmed",
)
DODO_BIRD = _fig(
    "dodo_bird",
    "Common factors and the 'Dodo bird verdict'",
    "all have won and all must have prizes",
    "",
    ROSENZWEIG_1936,
    "as commonly reported",
    note="The origin is confirmed; the quotation is as commonly reported.",
)
ROGERS_CONDITIONS = _fig(
    "rogers_conditions",
    "Therapist attitudes among Rogers' six conditions",
    ("empathy", "congruence", "unconditional positive regard"),
    "",
    ROGERS_1957,
    "as commonly reported",
)
TASK_FORCE_2018 = _fig(
    "task_force_2018",
    "2018 task force verdicts on relationship elements",
    {
        "demonstrably effective": (
            "alliance",
            "collaboration",
            "goal consensus",
            "group cohesion",
            "empathy",
            "positive regard",
            "collecting client feedback",
        ),
        "probably effective": (
            "congruence",
            "real relationship",
            "emotional expression",
            "expectations",
            "credibility",
            "managing countertransference",
            "repairing ruptures",
        ),
        "promising": ("self-disclosure and immediacy",),
    },
    "",
    NORCROSS_LAMBERT_2018,
    "as commonly reported",
    note="16 meta-analyses; 9 elements demonstrably effective, 7 probably effective, "
    "1 promising (confirmed). Which element is in which group is as commonly reported.",
    extra={"meta_analyses": 16, "counts": {"demonstrably": 9, "probably": 7, "promising": 1}},
)
ELEMENT_R_2018 = _fig(
    "element_r_2018",
    "2018 relationship-element effect sizes",
    {
        # The task force's alliance figure is Flückiger et al.'s meta-analysis: one value,
        # written once, with its own source above.
        "alliance": ALLIANCE_OUTCOME_R_2018.value,
        "goal consensus": 0.24,
        "collaboration": 0.29,
        "empathy": 0.28,
        "positive regard": 0.28,
        "congruence": 0.23,
        "rupture repair": 0.29,
        "real relationship": 0.37,
        "group cohesion": 0.26,
    },
    "r",
    NORCROSS_LAMBERT_2018,
    "as commonly reported",
    note="Confirmed: alliance, goal consensus [.19, .28], collaboration [.24, .34], empathy "
    "[.23, .33]. As commonly reported: positive regard, congruence, rupture repair, real "
    "relationship, group cohesion.",
    extra={
        "confirmed": ("alliance", "goal consensus", "collaboration", "empathy"),
        "ci": {
            "goal consensus": (0.19, 0.28),
            "collaboration": (0.24, 0.34),
            "empathy": (0.23, 0.33),
            "alliance": (0.256, 0.299),
        },
    },
)

# --------------------------------------------------------------------------- methods
JACOBSON_TRUAX_CRITERION = _fig(
    "jacobson_truax_criterion",
    "Reliable change criterion |RCI|",
    1.96,
    "",
    JACOBSON_TRUAX_1991,
    "confirmed",
    note="SE = s1·√(1 − rxx); Sdiff = √(2·SE²); RCI = (x2 − x1)/Sdiff. Cutoffs: a = Mdys − "
    "2·SDdys; b = Mfunc + 2·SDfunc; c = (SDfunc·Mdys + SDdys·Mfunc)/(SDfunc + SDdys). "
    "Recovered = reliable change and crossing the cutoff.",
)

# --------------------------------------------------------------------------- kit assumptions
# Calibration choices of this kit (status "kit assumption"), kept here so that every number
# a lesson may print has one home.  Sections belong to the module that uses them.

# ---- kit assumptions: generator (science/simulate.py)
_GENERATOR = _src(
    "alliance_widgets developers",
    2026,
    "Calibration choices of the synthetic study generator",
    "alliance_widgets/science/simulate_model.py",
    kind="kit",
    checked="not a publication: this kit's own calibration choices, documented in its code",
)
GEN_DESIGN = _fig(
    "gen_design",
    "Generator default study design",
    {"n_therapists": 20, "clients_per_therapist": 10, "n_sessions": 12, "dropout_rate": 0.08},
    "(dropout: chance of leaving after each session from session 3 on)",
    _GENERATOR,
    "kit assumption",
    note="A modest outpatient clinic: 20 therapists with 10 clients each, up to 12 sessions.",
)
GEN_EARLY_SESSIONS = _fig(
    "gen_early_sessions",
    "Sessions averaged into the early alliance",
    3,
    "sessions (every simulated client attends at least these)",
    CRITS_CHRISTOPH_2011,
    "kit assumption",
    note="Early alliance is the mean alliance of sessions 1–3: averaging several sessions "
    "makes the rating dependable (Crits-Christoph et al. 2011).",
)
GEN_ITEM_ALPHA = _fig(
    "gen_item_alpha",
    "Generator default Cronbach's alpha of the 12 WAI-SR items",
    0.92,
    "",
    (HATCHER_GILLASPY_2006, MUNDER_2010),
    "kit assumption",
    note="A value inside the commonly reported .90–.93.",
)
GEN_SUBSCALE_R = _fig(
    "gen_subscale_r",
    "Generator default WAI-SR subscale correlations",
    {"goals_tasks": 0.82, "bond_others": 0.65},
    "r",
    (HATCHER_GILLASPY_2006, MUNDER_2010),
    "kit assumption",
    note="Values inside the commonly reported ranges (.80–.90 and .60–.75) that 12 items "
    "with alpha .92 can reach together: higher subscale correlations need more reliable "
    "subscales, hence a higher total alpha.",
)
GEN_ALLIANCE_ICC = _fig(
    "gen_alliance_icc",
    "Generator default share of early-alliance variance between therapists",
    0.06,
    "ICC",
    (BALDWIN_2007, DEL_RE_2012),
    "kit assumption",
    note="A value inside the commonly reported .03–.10.",
)
GEN_RUPTURE_RATE = _fig(
    "gen_rupture_rate",
    "Generator default share of sessions with a client-reported rupture",
    0.25,
    "per session",
    EUBANKS_2018,
    "kit assumption",
    note="A value inside the commonly reported 20–40 %.",
)
GEN_REPAIR_RATE = _fig(
    "gen_repair_rate",
    "Generator default share of ruptures that are repaired",
    0.70,
    "per rupture",
    _GENERATOR,
    "kit assumption",
    note="No published base rate; chosen so that V-shaped sequences are common "
    "(Stevens et al. 2007 saw them in half of their cases).",
)
GEN_BETWEEN_WITHIN_RATIO = _fig(
    "gen_between_within_ratio",
    "Generator default weight of a therapist's part of the alliance relative to a client's",
    2.0,
    "",
    (BALDWIN_2007, _GENERATOR),
    "kit assumption",
    note="Baldwin et al. (2007) found the therapist part predicts outcome and the patient "
    "part hardly; with a between-therapist share of alliance of a few percent the overall "
    "r of .278 cannot come from therapists alone, so by default the therapist's part of the "
    "latent alliance carries twice the weight of the client's own part.",
)
GEN_OQ_LEVELS = _fig(
    "gen_oq_levels",
    "Generator default OQ-45 intake and improvement",
    {"intake_mean": 80.0, "intake_sd": 17.0, "improvement_mean": 15.0, "improvement_sd": 16.0},
    "OQ-45 points",
    (LAMBERT_2004, _GENERATOR),
    "kit assumption",
    note="Outpatients start well above the clinical cutoff; the average client improves by "
    "about one reliable-change step, with a wide spread (some deteriorate).",
)
GEN_SESSION_DYNAMICS = _fig(
    "gen_session_dynamics",
    "Generator session-to-session dynamics",
    {
        "alliance_rise": 0.4,
        "rise_sessions": 3.0,
        "occasion_sd": 0.45,
        "rupture_dip": 1.2,
        "unrepaired_carryover": 0.5,
        "outcome_noise_sd": 5.0,
        "outcome_time_constant": 4.0,
    },
    "SD of latent alliance; OQ-45 points; sessions",
    (STEVENS_2007, CRITS_CHRISTOPH_2011, _GENERATOR),
    "kit assumption",
    note="Alliance rises gently (about 0.4 SD over the first sessions), wobbles from session "
    "to session (so one session's rating is far from perfectly dependable), dips by 1.2 SD "
    "in a rupture session and, if not repaired, stays half as low the next session. Outcome "
    "moves from intake toward the final score on a negatively accelerated curve.",
)
GEN_ITEM_METRIC = _fig(
    "gen_item_metric",
    "Generator WAI-SR item response metric",
    {"centre": 4.05, "spread": 0.85},
    "scale points (before rounding to 1–5)",
    (HATCHER_GILLASPY_2006, MUNDER_2010),
    "kit assumption",
    note="Continuous responses centred near 4 and rounded to 1–5 pile up at 5, giving item "
    "means near 3.9 skewed toward the ceiling.",
)


# ---- kit assumptions: science toolkit (science/outcome.py, science/feedback.py, ...)
RUPTURE_DETECTION = _fig(
    "rupture_detection",
    "Kit rule for finding ruptures in session-by-session alliance ratings",
    {"threshold": 0.5, "window": 3, "repair_within": 3, "tolerance": 0.1},
    "WAI-SR scale points (threshold, tolerance) and sessions (window, repair_within)",
    (SAFRAN_MURAN_2006, STEVENS_2007, EUBANKS_2018),
    "kit assumption",
    note="An operational rule for teaching, not a published criterion: a fall of at least "
    "half a scale point below the mean of the previous 3 sessions starts a rupture; a "
    "return to within 0.1 points of that level within 3 sessions repairs it (the V shape).",
)
EXPECTED_RECOVERY_CURVE = _fig(
    "expected_recovery_curve",
    "Kit expected-recovery curve for OQ-45-like scores",
    {"floor": 45.0, "rate": 0.06, "yellow_margin": 0.5, "red_margin": 1.0},
    "floor in OQ-45 points; rate per session; margins in units of the reliable change",
    (LAMBERT_2004, OQ_ANALYST),
    "kit assumption",
    note="The OQ-Analyst's expected-recovery curves and signal rules are proprietary. The kit "
    "uses an exponential decay from the intake score toward a floor, expected(t) = floor + "
    "(intake − floor)·exp(−rate·(t − 1)); a score worse than expected by more than half a "
    "reliable change is yellow, by more than one reliable change (or a reliable "
    "deterioration from intake) red.",
)


# ---- kit assumptions: explorers part B (widgets/ruptures.py, therapist_effects.py, feedback.py)
_EXPLORERS = _src(
    "alliance_widgets developers",
    2026,
    "Teaching scenarios of the kit's explorers",
    "alliance_widgets/widgets",
    kind="kit",
    checked="not a publication: this kit's own teaching scenarios, documented in its code",
)
FEEDBACK_COURSES = _fig(
    "feedback_courses",
    "Example client courses in the feedback explorer",
    {
        "on track": {"share": ((0.0, 1.0), (1.0, 1.0)), "worse": ((0.0, 0.0), (1.0, 0.0))},
        "not on track": {"share": ((0.0, 0.0), (1.0, 0.2)), "worse": ((0.0, 0.0), (1.0, 0.0))},
        "deteriorating": {"share": ((0.0, 0.0), (1.0, 0.0)), "worse": ((0.0, 0.0), (1.0, 1.5))},
        "recovers late": {
            "share": ((0.0, 0.0), (0.55, 0.1), (1.0, 1.6)),
            "worse": ((0.0, 0.0), (0.3, 0.4), (0.55, 0.4), (1.0, 0.0)),
        },
    },
    "waypoints (fraction of the course, value)",
    (LAMBERT_2004, _EXPLORERS),
    "kit assumption",
    note="Idealised courses for teaching, not data. At session t of T, with u = (t − 1)/(T − 1), "
    "a course scores intake + share(u)·(expected(t) − intake) + worse(u)·reliable change, "
    "share and worse joining the waypoints by straight lines, plus session-to-session "
    "noise of SD noise_sd points (none at intake).",
    extra={"noise_sd": 3.0},
)
