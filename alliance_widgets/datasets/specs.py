"""The recorded specifications of the shipped datasets: one place, one entry per dataset.

Each :class:`DatasetSpec` names a dataset, says what it is for, and records the generator
parameters (seed included) that remake it with :func:`alliance_widgets.simulate`;
parameters left out take the generator's defaults, and the full resolved set is written
to the dataset's ``datapackage.json``. ``alliance-kit datasets build`` reads these specs
and nothing else, so changing a dataset means changing its entry here and rebuilding.

Examples
--------
>>> sorted(SPECS)
['causal', 'clinic', 'empirical_world', 'feedback', 'lambert_world', 'ruptures']
>>> SPECS["clinic"].tables
('sessions', 'clients', 'items')
>>> spec("clinc")
Traceback (most recent call last):
...
ValueError: dataset name must be one of 'causal', ... got 'clinc' (did you mean 'clinic'?).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from alliance_widgets import literature as lit
from alliance_widgets.science.simulate_params import DEFAULT_SEED

__all__ = ["SPECS", "TABLES", "DatasetSpec", "spec"]

#: Tables a dataset may hold, in the order they are written.
TABLES = ("sessions", "clients", "items")

#: Said in every datapackage.json and README: nobody should mistake these for patients.
SYNTHETIC_STATEMENT = (
    "Synthetic — not clinical data. Every row was made by the alliance_widgets generator "
    "from a recorded seed; no person, therapist or clinic is described."
)


@dataclass(frozen=True)
class DatasetSpec:
    """What one dataset is and how to remake it.

    Attributes
    ----------
    name : str
        Folder name and the name :func:`~alliance_widgets.load_dataset` takes.
    title : str
        A short human title.
    description : str
        One paragraph: the design and what a lesson uses it for.
    params : mapping
        Generator parameters that differ from the defaults, ``seed`` always included.
    tables : tuple of str
        Which of ``sessions``, ``clients``, ``items`` are written.
    worlds : tuple of str
        Empty for one study. Otherwise one study per causal world, labelled ``A``, ``B``, …
        in this order (a ``study`` column leads each table; which letter is which world
        is recorded in ``datapackage.json`` for the lesson that reveals it); study ``k``
        uses ``seed + k``.
    """

    name: str
    title: str
    description: str
    params: Mapping[str, Any] = field(default_factory=dict)
    tables: tuple[str, ...] = ("sessions", "clients")
    worlds: tuple[str, ...] = ()

    def studies(self) -> dict[str, dict[str, Any]]:
        """Keyword arguments for :func:`~alliance_widgets.simulate`, one set per study.

        Examples
        --------
        >>> {k: v["causal_model"] for k, v in SPECS["causal"].studies().items()}["A"]
        'change_drives_alliance'
        >>> list(SPECS["clinic"].studies())
        ['']
        """
        base = self.simulate_kwargs()
        if not self.worlds:
            return {"": base}
        return {
            chr(ord("A") + k): {**base, "causal_model": world, "seed": base["seed"] + k}
            for k, world in enumerate(self.worlds)
        }

    def simulate_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for :func:`~alliance_widgets.simulate` (items only if shipped).

        Examples
        --------
        >>> SPECS["lambert_world"].simulate_kwargs()["items"]
        False
        """
        return {**self.params, "items": "items" in self.tables}


def _spec(
    name: str,
    title: str,
    description: str,
    tables: tuple[str, ...],
    *,
    worlds: tuple[str, ...] = (),
    **params: Any,
) -> DatasetSpec:
    if "seed" not in params:
        raise ValueError(f"dataset spec {name!r} must record a seed; got params {params!r}.")
    unknown = set(tables) - set(TABLES)
    if unknown:
        raise ValueError(f"dataset spec {name!r}: tables must be among {TABLES}; got {tables}.")
    return DatasetSpec(name, title, description, MappingProxyType(params), tables, worlds)


# The two "world" datasets share design and seed so that a lesson can set them side by
# side: only the variance model differs.
_WORLD: dict[str, Any] = {"n_therapists": 30, "clients_per_therapist": 10, "seed": 2029}

_ALL = (
    _spec(
        "clinic",
        "A synthetic outpatient clinic",
        "The main teaching set: 20 therapists with 10 clients each, followed for up to 12 "
        "sessions. Each session has the WAI-SR subscales (bond, goals, tasks), the alliance "
        "composite, an OQ-45-like outcome and rupture/repair flags; each client has intake "
        "and final outcome, early alliance and a change category; the long items table holds "
        "every WAI-SR response. Generator defaults throughout.",
        ("sessions", "clients", "items"),
        seed=DEFAULT_SEED,
    ),
    _spec(
        "ruptures",
        "Ruptures and repair, session by session",
        "A rupture-and-repair study: 15 therapists with 10 clients each, up to 16 sessions, "
        "with ruptures in two sessions out of five and a lower repair rate than the clinic, "
        "so that repaired (V-shaped) and unrepaired dips are both common.",
        ("sessions", "clients"),
        n_therapists=15,
        clients_per_therapist=10,
        n_sessions=16,
        rupture_rate=0.4,
        repair_rate=0.55,
        seed=2027,
    ),
    _spec(
        "feedback",
        "Outcome trajectories for a feedback study",
        "OQ-45-like trajectories of 240 clients (20 therapists with 12 each) over up to 16 "
        "sessions with little dropout, and a wide spread of improvement, so that a good "
        "number of clients go off track against the expected-recovery curve and a "
        "feedback system has something to flag.",
        ("sessions", "clients"),
        n_therapists=20,
        clients_per_therapist=12,
        n_sessions=16,
        dropout_rate=0.05,
        improvement_mean=12.0,
        improvement_sd=24.0,
        seed=2028,
    ),
    _spec(
        "lambert_world",
        "A world built on Lambert's four factors",
        "300 clients (30 therapists with 10 each) whose improvement is the sum of Lambert's "
        "four factors with his conceptual shares; the clients table carries each factor's "
        "contribution. Same design and seed as empirical_world, for side-by-side contrast.",
        ("clients",),
        variance_model="lambert",
        **_WORLD,
    ),
    _spec(
        "empirical_world",
        "A world calibrated to meta-analytic estimates",
        "300 clients (30 therapists with 10 each) generated with the empirical defaults: the "
        "meta-analytic alliance–outcome correlation and therapist effect. Same design and "
        "seed as lambert_world, for side-by-side contrast.",
        ("clients",),
        variance_model="empirical",
        **_WORLD,
    ),
    _spec(
        "causal",
        "Four clinics, four causal worlds",
        "Four synthetic clinics (studies A to D), each 30 therapists with 10 clients followed "
        "for up to 12 sessions, made in four different causal worlds: the alliance drives "
        "change, change drives the alliance, a stable client characteristic drives both, or "
        "both drive each other. The early alliance–outcome r is about the same in all four; "
        "only a session-by-session (lagged, within-client) analysis tells them apart. Each "
        "session carries the client's, the therapist's and an observer's alliance rating; "
        "clients with a weaker alliance drop out more often (as Sharf et al. 2010 found). "
        "Which study is which world is recorded in datapackage.json; lesson 09 reveals it.",
        ("sessions", "clients"),
        worlds=("change_drives_alliance", "alliance_drives_change", "reciprocal", "common_cause"),
        n_therapists=30,
        raters=("therapist", "observer"),
        dropout_alliance=lit.GEN_CAUSAL_WORLDS.value["dropout_alliance_like_sharf"],
        seed=2030,
    ),
)

#: Every shipped dataset by name.
SPECS: Mapping[str, DatasetSpec] = MappingProxyType({s.name: s for s in _ALL})


def spec(name: str) -> DatasetSpec:
    """Return the spec called ``name``; a ValueError lists the known names otherwise."""
    from alliance_widgets.science.validation import check_choice

    return SPECS[check_choice("dataset name", name, sorted(SPECS))]
