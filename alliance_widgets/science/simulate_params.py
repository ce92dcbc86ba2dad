"""The generator's parameters: defaults from ``literature.py``, checks and normalisation.

:func:`resolve_params` turns what a caller passed to :func:`~alliance_widgets.simulate`
into a complete, checked dictionary. Parameters whose meaning depends on the variance
model (``alliance_outcome_r``, ``therapist_icc_outcome``) default to ``None``: in
``"empirical"`` mode ``None`` becomes the literature default; in a factor mode
(``"lambert"`` or a mapping of shares) they follow from the shares and must stay ``None``.

Examples
--------
>>> p = resolve_params({})
>>> p["alliance_outcome_r"], p["therapist_icc_outcome"], p["variance_model"]
(0.278, 0.05, 'empirical')
>>> resolve_params({"variance_model": "lambert"})["variance_model"]["relationship"]
30.0
>>> resolve_params({"n_therapist": 5})
Traceback (most recent call last):
...
TypeError: simulate() got an unknown keyword 'n_therapist' (did you mean 'n_therapists'?). ...
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from alliance_widgets import literature as lit
from alliance_widgets.science.causal_worlds import check_causal
from alliance_widgets.science.validation import (
    check_choice,
    check_int,
    check_keywords,
    check_real,
    check_shares,
)

__all__ = [
    "ALLIANCE_FACTOR_NAMES",
    "DEFAULT_PARAMS",
    "DEFAULT_SEED",
    "part_seed",
    "resolve_params",
]

#: The seed used when none is given, so that a class sees the same data on every screen.
DEFAULT_SEED = 2026

#: In a factor mode, a factor with one of these names is the one carried by the alliance.
ALLIANCE_FACTOR_NAMES = ("relationship", "alliance")

_DESIGN = lit.GEN_DESIGN.value
_OQ = lit.GEN_OQ_LEVELS.value

#: Every parameter of :func:`~alliance_widgets.simulate` with its default (empirical mode).
DEFAULT_PARAMS: dict[str, Any] = {
    "n_therapists": int(_DESIGN["n_therapists"]),
    "clients_per_therapist": int(_DESIGN["clients_per_therapist"]),
    "n_sessions": int(_DESIGN["n_sessions"]),
    "dropout_rate": float(_DESIGN["dropout_rate"]),
    "alliance_outcome_r": lit.ALLIANCE_OUTCOME_R_2018.value,
    "between_therapist_effect": None,
    "within_therapist_effect": None,
    "therapist_icc_outcome": lit.THERAPIST_EFFECTS.value / 100.0,
    "therapist_icc_alliance": lit.GEN_ALLIANCE_ICC.value,
    "item_alpha": lit.GEN_ITEM_ALPHA.value,
    "r_goals_tasks": lit.GEN_SUBSCALE_R.value["goals_tasks"],
    "r_bond_others": lit.GEN_SUBSCALE_R.value["bond_others"],
    "rupture_rate": lit.GEN_RUPTURE_RATE.value,
    "repair_rate": lit.GEN_REPAIR_RATE.value,
    "intake_mean": float(_OQ["intake_mean"]),
    "intake_sd": float(_OQ["intake_sd"]),
    "improvement_mean": float(_OQ["improvement_mean"]),
    "improvement_sd": float(_OQ["improvement_sd"]),
    "variance_model": "empirical",
    "causal_model": "alliance_drives_change",
    "dropout_alliance": 0.0,
    "raters": ("client",),
    "items": True,
    "seed": DEFAULT_SEED,
}

_FACTOR_ONLY_NONE = ("alliance_outcome_r", "therapist_icc_outcome")
_EFFECTS = ("between_therapist_effect", "within_therapist_effect")
_OQ_LOW, _OQ_HIGH = lit.OQ45_RANGE.value


def _variance_model(value: Any) -> str | dict[str, float]:
    if isinstance(value, Mapping):
        return check_shares("variance_model", value)
    if isinstance(value, str):
        choice = check_choice("variance_model", value, ["empirical", "lambert"])
        if choice == "lambert":
            return {k: float(v) for k, v in lit.LAMBERT_1992_SHARES.value.items()}
        return choice
    raise TypeError(
        "variance_model must be 'empirical', 'lambert' or a mapping of factor names to "
        f"shares summing to 100; got {value!r} ({type(value).__name__})."
    )


def _seed(value: Any) -> int:
    if value is None:
        import numpy as np

        # A fresh seed, recorded in Study.params so that the study can be remade.
        return int(np.random.SeedSequence().generate_state(1)[0])
    return check_int("seed", value, minimum=0)


def part_seed(seed: int, part: int) -> int:
    """The seed of part ``part`` of a study drawn in parts: ``seed`` itself for part 0.

    Each later part gets a seed derived from (``seed``, ``part``) by NumPy's
    ``SeedSequence``, so parts are independent of each other and of other seeds' parts.

    Examples
    --------
    >>> part_seed(2026, 0)
    2026
    >>> part_seed(2026, 1) == part_seed(2026, 1) != part_seed(2027, 1)
    True
    """
    seed = check_int("seed", seed, minimum=0)
    part = check_int("part", part, minimum=0)
    if part == 0:
        return seed
    import numpy as np

    return int(np.random.SeedSequence((seed, part)).generate_state(1)[0])


def resolve_params(given: Mapping[str, Any]) -> dict[str, Any]:
    """Check ``given`` and return every generator parameter, defaults filled in.

    Parameters
    ----------
    given : mapping
        Keyword arguments as passed to :func:`~alliance_widgets.simulate`.

    Returns
    -------
    dict
        One entry per key of :data:`DEFAULT_PARAMS`. ``variance_model`` is ``"empirical"``
        or a dict of factor shares (``"lambert"`` is expanded to its shares). The seed is
        an ``int`` (drawn afresh when ``seed=None``).

    Raises
    ------
    TypeError
        An unknown keyword, or a value of the wrong kind.
    ValueError
        A value outside what is allowed, naming the parameter and the allowed range.

    Examples
    --------
    >>> resolve_params({"therapist_icc_outcome": 1.0})
    Traceback (most recent call last):
    ...
    ValueError: therapist_icc_outcome must be a number in [0, 1); got 1.0.
    """
    check_keywords("simulate", given, DEFAULT_PARAMS)
    p: dict[str, Any] = {**DEFAULT_PARAMS, **given}
    model = _variance_model(p["variance_model"])
    p["variance_model"] = model
    factor_mode = isinstance(model, dict)
    for name in _FACTOR_ONLY_NONE:
        if name not in given:
            p[name] = None if factor_mode else DEFAULT_PARAMS[name]
    if factor_mode:
        for name in (*_FACTOR_ONLY_NONE, *_EFFECTS):
            if p[name] is not None:
                raise ValueError(
                    f"{name} follows from the factor shares when variance_model is a set of "
                    f"shares ({model!r}); leave it out (None); got {p[name]!r}."
                )

    p["n_therapists"] = check_int("n_therapists", p["n_therapists"])
    p["clients_per_therapist"] = check_int(
        "clients_per_therapist", p["clients_per_therapist"], minimum=2
    )
    early = int(lit.GEN_EARLY_SESSIONS.value)
    p["n_sessions"] = check_int("n_sessions", p["n_sessions"], minimum=early)
    p["dropout_rate"] = check_real("dropout_rate", p["dropout_rate"], low=0, high=1, high_open=True)
    if p["alliance_outcome_r"] is not None:
        p["alliance_outcome_r"] = check_real(
            "alliance_outcome_r",
            p["alliance_outcome_r"],
            low=-1,
            high=1,
            low_open=True,
            high_open=True,
        )
    for name in _EFFECTS:
        if p[name] is not None:
            p[name] = check_real(name, p[name])
    if p["therapist_icc_outcome"] is not None:
        p["therapist_icc_outcome"] = check_real(
            "therapist_icc_outcome", p["therapist_icc_outcome"], low=0, high=1, high_open=True
        )
    p["therapist_icc_alliance"] = check_real(
        "therapist_icc_alliance", p["therapist_icc_alliance"], low=0, high=1, high_open=True
    )
    p["item_alpha"] = check_real(
        "item_alpha", p["item_alpha"], low=0, high=1, low_open=True, high_open=True
    )
    p["r_goals_tasks"] = check_real(
        "r_goals_tasks", p["r_goals_tasks"], low=0, high=1, low_open=True, high_open=True
    )
    p["r_bond_others"] = check_real(
        "r_bond_others", p["r_bond_others"], low=0, high=p["r_goals_tasks"], low_open=True
    )
    p["rupture_rate"] = check_real("rupture_rate", p["rupture_rate"], low=0, high=1)
    p["repair_rate"] = check_real("repair_rate", p["repair_rate"], low=0, high=1)
    p["intake_mean"] = check_real("intake_mean", p["intake_mean"], low=_OQ_LOW, high=_OQ_HIGH)
    p["intake_sd"] = check_real("intake_sd", p["intake_sd"], low=0)
    p["improvement_mean"] = check_real(
        "improvement_mean", p["improvement_mean"], low=-_OQ_HIGH, high=_OQ_HIGH
    )
    p["improvement_sd"] = check_real("improvement_sd", p["improvement_sd"], low=0, low_open=True)
    if not isinstance(p["items"], bool):
        raise TypeError(f"items must be True or False; got {p['items']!r}.")
    p["seed"] = _seed(p["seed"])
    check_causal(p, factor_mode, items_given="items" in given)
    if not factor_mode and all(p[n] is not None for n in ("alliance_outcome_r", *_EFFECTS)):
        raise ValueError(
            "alliance_outcome_r, between_therapist_effect and within_therapist_effect cannot "
            "all be set: any two fix the third. Set alliance_outcome_r=None to let the two "
            f"effects imply it; got alliance_outcome_r={p['alliance_outcome_r']!r}, "
            f"between_therapist_effect={p['between_therapist_effect']!r}, "
            f"within_therapist_effect={p['within_therapist_effect']!r}."
        )
    if not factor_mode and p["alliance_outcome_r"] is None and any(p[n] is None for n in _EFFECTS):
        raise ValueError(
            "alliance_outcome_r=None needs both between_therapist_effect and "
            "within_therapist_effect; got "
            f"between_therapist_effect={p['between_therapist_effect']!r}, "
            f"within_therapist_effect={p['within_therapist_effect']!r}."
        )
    if (
        p["therapist_icc_alliance"] == 0
        and not factor_mode
        and None not in (p["between_therapist_effect"], p["within_therapist_effect"])
        and not math.isclose(p["between_therapist_effect"], p["within_therapist_effect"])
    ):
        raise ValueError(
            "with therapist_icc_alliance=0 therapists do not differ in alliance, so the "
            "between-therapist effect equals the within-therapist effect; got "
            f"between_therapist_effect={p['between_therapist_effect']!r} and "
            f"within_therapist_effect={p['within_therapist_effect']!r}."
        )
    return p
