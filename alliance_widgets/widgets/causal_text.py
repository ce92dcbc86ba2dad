"""The words of :class:`~alliance_widgets.widgets.causal.CausalExplorer`: options and readout.

The explorer's options (analyses, samples, raters) with the labels its controls show, the
panels each analysis draws, and the readout's sentences, built from a
:class:`~alliance_widgets.widgets.causal_fits.WorldsAnalysis`. Every number is written
with ``charts.numbers.fixed`` (two decimals), as the chart's labels are, so the readout
and the chart say the same and read the same on every machine.

Examples
--------
>>> [p.key for p in PANELS["lagged"]]
['alliance_to_change', 'change_to_alliance']
>>> clearly(0.2, 0.5), clearly(-0.3, 0.4), clearly(-0.5, -0.1)
('clearly above 0', 'not clearly different from 0', 'clearly below 0')
"""

from __future__ import annotations

from typing import NamedTuple

from alliance_widgets import literature as lit
from alliance_widgets.charts.causal import world_label
from alliance_widgets.charts.numbers import fixed
from alliance_widgets.widgets.causal_fits import (
    CASELOAD,
    RATER_COLUMNS,
    SAMPLES,
    Lagged,
    WorldsAnalysis,
)

__all__ = [
    "ANALYSES",
    "PANELS",
    "RATER_LABELS",
    "SAMPLE_LABELS",
    "Panel",
    "analysis_lines",
    "busy_text",
    "clearly",
    "design_line",
]

#: The analyses, as the control and the chart's text alternative name them.
ANALYSES: dict[str, str] = {
    "cross_sectional": "End-of-therapy correlation (cross-sectional)",
    "lagged": "Session by session, within each client (lagged)",
}
SAMPLE_LABELS: dict[str, str] = dict(
    zip(SAMPLES, ("Everyone", "Completers only (attended every session)"), strict=True)
)
RATER_LABELS: dict[str, str] = {r: r.capitalize() for r in RATER_COLUMNS}
_DECIMALS = 2


class Panel(NamedTuple):
    """One number an analysis shows: its field, its heading and unit, its true value."""

    key: str  # "r" or a field of WorldFit
    title: str
    truth_index: int  # position in WorldsAnalysis.truths (-1: no known truth)
    short: str  # how a sentence names it


PANELS: dict[str, tuple[Panel, ...]] = {
    "cross_sectional": (
        Panel("r", "End-of-therapy r: early alliance (sessions 1–3) with improvement", -1, "r"),
    ),
    # The headings stay short enough for one line above a panel; axes_note gives the
    # units in full.
    "lagged": (
        Panel(
            "alliance_to_change",
            "Alliance → next change (OQ-45 points per WAI-SR point above usual)",
            0,
            "alliance → next change",
        ),
        Panel(
            "change_to_alliance",
            "Change → next alliance (WAI-SR points per 10 OQ-45 points of change)",
            1,
            "change → next alliance",
        ),
    ),
}


def _ci(value: float, low: float, high: float) -> str:
    d = _DECIMALS
    return f"{fixed(value, d)} [{fixed(low, d)}, {fixed(high, d)}]"


def clearly(low: float, high: float) -> str:
    """Where a 95 % interval puts an effect relative to 0."""
    if low > 0:
        return "clearly above 0"
    return "clearly below 0" if high < 0 else "not clearly different from 0"


def busy_text(n_clients: int, seed: int, n_worlds: int) -> str:
    """What the readout says while the worlds are simulated.

    Examples
    --------
    >>> busy_text(2000, 7, 4)[:60]
    'Working: simulating 4 worlds of 2,000 clients each (seed 7) '
    """
    return (
        f"Working: simulating {n_worlds} worlds of {n_clients:,} clients each (seed {seed}) "
        "and fitting every analysis; this takes a few seconds …"
    )


def design_line(*, n_clients: int, seed: int, dropout_alliance: float, n_worlds: int) -> str:
    """The readout's first line: the simulated design.

    Examples
    --------
    >>> design_line(n_clients=2000, seed=7, dropout_alliance=0.0, n_worlds=4)[:48]
    '4 simulated worlds of 2,000 clients each (200 th'
    """
    dropout = (
        "dropout at random (unrelated to the alliance)"
        if dropout_alliance == 0
        else f"clients leave more often after a weaker alliance "
        f"(strength {fixed(dropout_alliance, 2)}; 0.65 is about Sharf et al.'s size)"
    )
    return (
        f"{n_worlds} simulated worlds of {n_clients:,} clients each "
        f"({n_clients // CASELOAD:,} therapists with {CASELOAD} clients each; seed {seed}); "
        f"{dropout}."
    )


def _r_line(worlds: WorldsAnalysis, sample: str, rater: str) -> str:
    fits = [worlds.fit(w, sample, rater).r for w in worlds.worlds]
    parts = [
        f"{world_label(w)} {_ci(r.value, r.low, r.high)}"
        for w, r in zip(worlds.worlds, fits, strict=True)
    ]
    overlap = max(r.low for r in fits) <= min(r.high for r in fits)
    verdict = (
        "their intervals overlap, so this number cannot tell the worlds apart"
        if overlap
        else "here their intervals do not all overlap"
    )
    return (
        "End-of-therapy r (early alliance with improvement): "
        + "; ".join(parts)
        + (f" — {verdict}.")
    )


def _lagged_line(worlds: WorldsAnalysis, world: str, sample: str, rater: str) -> str:
    fit = worlds.fit(world, sample, rater)
    parts = []
    for panel in PANELS["lagged"]:
        est: Lagged = getattr(fit, panel.key)
        truth = worlds.truths[world][panel.truth_index]
        parts.append(
            f"{panel.short} {_ci(est.value, est.low, est.high)} "
            f"({clearly(est.low, est.high)}; true {fixed(truth, _DECIMALS)})"
        )
    whose = (
        ""
        if rater == "client"
        else f" The true values are for the client's own rating; the {rater}'s ratings "
        "agree with it only in part, so their estimates can differ from them."
    )
    return (
        f"Session by session within each client, in your world ({world_label(world)}): "
        + "; ".join(parts)
        + f". Units: OQ-45 points per WAI-SR point, and WAI-SR points per 10 OQ-45 points; "
        f"{fit.n_pairs:,} pairs of sessions." + whose
    )


def _separation_line(worlds: WorldsAnalysis, sample: str, rater: str) -> str:
    parts = []
    for panel in PANELS["lagged"]:
        clear = [
            world_label(w)
            for w in worlds.worlds
            if getattr(worlds.fit(w, sample, rater), panel.key).low > 0
        ]
        parts.append(f"{panel.short}: {', '.join(clear) if clear else 'no world'}")
    return "Worlds with a lagged effect clearly above 0 — " + "; ".join(parts) + "."


def _sample_line(worlds: WorldsAnalysis, world: str, rater: str, dropout_alliance: float) -> str:
    some, every = worlds.fit(world, "completers", rater), worlds.fit(world, "everyone", rater)
    compared = [f"r {fixed(some.r.value, _DECIMALS)} vs {fixed(every.r.value, _DECIMALS)}"]
    for panel in PANELS["lagged"]:
        a, b = getattr(some, panel.key), getattr(every, panel.key)
        compared.append(f"{panel.short} {fixed(a.value, _DECIMALS)} vs {fixed(b.value, _DECIMALS)}")
    why = (
        "Dropout here does not depend on the alliance, so completers differ from everyone "
        "only by chance."
        if dropout_alliance == 0
        else "Clients whose alliance dipped left more often, so completers are a selected "
        "group: their numbers describe those who stayed, not everyone who started. In "
        f"published studies too: {lit.ALLIANCE_DROPOUT_2010.describe()}."
    )
    return (
        f"Completers only ({some.n_clients:,} clients) vs everyone ({every.n_clients:,}) in "
        f"your world: " + "; ".join(compared) + f". {why}"
    )


def analysis_lines(
    worlds: WorldsAnalysis,
    *,
    world: str,
    analysis: str,
    sample: str,
    rater: str,
    dropout_alliance: float,
) -> list[str]:
    """The readout's findings for the chosen analysis, sample and rater."""
    lines = [_r_line(worlds, sample, rater)]
    if analysis == "lagged":
        lines.append(_lagged_line(worlds, world, sample, rater))
        lines.append(_separation_line(worlds, sample, rater))
    else:
        lines.append(
            "Switch the analysis to session by session (lagged, within each client) to see "
            "whether the worlds come apart."
        )
    if sample == "completers":
        lines.append(_sample_line(worlds, world, rater, dropout_alliance))
    if rater != "client":
        lines.append(
            f"Whose rating: here the {rater}'s, not the client's. Raters agree only in part. "
            f"{lit.RATER_AGREEMENT.describe()}."
        )
    return lines
