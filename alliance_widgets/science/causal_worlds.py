"""Four causal worlds for the generator: who drives whom, session by session.

Every world makes the same tables with the same cross-sectional alliance–outcome r
(early alliance with improvement, ≈ .278 at the defaults), so a cross-sectional analysis
cannot tell them apart. They differ in what happens from one session to the next.
Timing: session ``t``'s OQ-45 ``outcome`` is taken before the session, its WAI-SR
``alliance`` after it, so ``outcome[t] → alliance[t] → outcome[t+1] → …``.

``"alliance_drives_change"`` (the default)
    The client's alliance level drives total improvement (the calibrated link of
    :mod:`~alliance_widgets.science.simulate_model`), and each session's alliance nudges
    the change that follows it: a session rated ``d`` WAI-SR points above the rating the
    client's level and subscale parts lead one to expect is followed by
    ``alliance_to_change * d`` OQ-45 points more improvement by the next session. The
    nudge lasts one session (it moves the next score, not the course), so the final score
    moves only by the last session's share and every calibration target still holds.
``"change_drives_alliance"``
    Improvement owes nothing to the alliance; the alliance follows improvement: the scored
    alliance after session ``t`` rises by ``gamma`` WAI-SR points per OQ-45 point the
    client improved since the last session beyond the expected course. ``gamma`` is set
    by a pilot so that the cross-sectional r is the default world's (early improvers rate
    the alliance higher early on).
``"common_cause"``
    A stable client characteristic raises both the alliance level and improvement (the
    same client-level link as the default, read as a common cause); nothing passes from
    one session's alliance to the next change or back. Byte for byte the generator's
    earlier default.
``"reciprocal"``
    Both session-level effects at ``reciprocal_share`` of their one-directional size,
    plus the client-level link scaled by the pilot so that the cross-sectional r holds.

See ``docs/causal_worlds.md`` for why the worlds are built this way.

Examples
--------
>>> CAUSAL_MODELS[0], world_for("common_cause").alliance_to_change
('alliance_drives_change', 0.0)
>>> world_for("reciprocal").feedback
True
"""

from __future__ import annotations

from dataclasses import dataclass

from alliance_widgets import literature as lit
from alliance_widgets.science.validation import check_choice, check_real

__all__ = ["CAUSAL_MODELS", "RATERS", "World", "check_causal", "world_for"]

CAUSAL_MODELS = (
    "alliance_drives_change",
    "change_drives_alliance",
    "common_cause",
    "reciprocal",
)
#: Who can rate the alliance; ``alliance`` is always the client's.
RATERS = ("client", "therapist", "observer")
_WORLDS = lit.GEN_CAUSAL_WORLDS.value


@dataclass(frozen=True)
class World:
    """The structural choices of one causal world (see the module docstring).

    Attributes
    ----------
    name : str
        One of :data:`CAUSAL_MODELS`.
    alliance_to_change : float
        OQ-45 points of improvement by the next session per WAI-SR point of (client-rated)
        alliance above the client's own level.
    follows_change : float
        Share of the change-drives-alliance world's ``gamma`` this world uses (0, ½ or 1).
    client_link : bool
        Whether the alliance level is linked to total improvement at the client level.
    """

    name: str
    alliance_to_change: float
    follows_change: float
    client_link: bool

    @property
    def feedback(self) -> bool:
        """Whether the alliance depends on symptoms (then sessions are made one by one)."""
        return self.follows_change > 0


def world_for(name: str) -> World:
    """The :class:`World` called ``name`` (already checked to be in CAUSAL_MODELS).

    Examples
    --------
    >>> world_for("change_drives_alliance").client_link
    False
    """
    beta = float(_WORLDS["alliance_to_change"])
    share = float(_WORLDS["reciprocal_share"])
    return {
        "alliance_drives_change": World(name, beta, 0.0, True),
        "change_drives_alliance": World(name, 0.0, 1.0, False),
        "common_cause": World(name, 0.0, 0.0, True),
        "reciprocal": World(name, share * beta, share, True),
    }[name]


def check_causal(p: dict, factor_mode: bool, items_given: bool = False) -> None:
    """Check and normalise ``causal_model``, ``dropout_alliance`` and ``raters`` in ``p``.

    Examples
    --------
    >>> p = {"causal_model": "reciprocal", "dropout_alliance": 0, "raters": ["therapist"],
    ...      "dropout_rate": 0.08, "alliance_outcome_r": 0.278,
    ...      "between_therapist_effect": None, "within_therapist_effect": None, "items": True}
    >>> check_causal(p, False); p["raters"], p["dropout_alliance"], p["items"]
    (('client', 'therapist'), 0.0, False)
    >>> check_causal({**p, "causal_model": "reciprocal", "dropout_alliance": 1.0,
    ...               "dropout_rate": 0.0}, False)
    Traceback (most recent call last):
    ...
    ValueError: dropout_alliance=1.0 needs some dropout to act on; got dropout_rate=0.0. ...
    """
    p["causal_model"] = check_choice("causal_model", p["causal_model"], CAUSAL_MODELS)
    p["dropout_alliance"] = check_real("dropout_alliance", p["dropout_alliance"], low=0, high=5)
    if p["dropout_alliance"] > 0 and p["dropout_rate"] == 0:
        raise ValueError(
            f"dropout_alliance={p['dropout_alliance']!r} needs some dropout to act on; got "
            "dropout_rate=0.0. Set dropout_rate above 0 (e.g. 0.08) or dropout_alliance=0."
        )
    raters = p["raters"]
    if isinstance(raters, str) or not all(isinstance(r, str) for r in raters):
        raise TypeError(
            f"raters must be a list or tuple of rater names from {RATERS}; got {raters!r}."
        )
    for r in raters:
        check_choice("raters", r, RATERS)
    p["raters"] = tuple(r for r in RATERS if r == "client" or r in raters)
    if p["causal_model"] == CAUSAL_MODELS[0]:
        return
    if factor_mode:
        raise ValueError(
            f"causal_model={p['causal_model']!r} needs variance_model='empirical': the "
            "factor shares describe total improvement only, not who drives whom. Use "
            "causal_model='alliance_drives_change' with a factor model."
        )
    if world_for(p["causal_model"]).feedback:
        if p["items"] and items_given:
            raise ValueError(
                f"causal_model={p['causal_model']!r} moves the scored alliance with the "
                "client's symptoms, which no set of 1-5 item answers reproduces, so there is "
                "no item table; leave items out (or items=False)."
            )
        p["items"] = False
    if p["causal_model"] in ("change_drives_alliance", "reciprocal") and (
        p["between_therapist_effect"] is not None or p["within_therapist_effect"] is not None
    ):
        raise ValueError(
            f"causal_model={p['causal_model']!r} sets the alliance's link to improvement "
            "itself (the alliance follows change); give alliance_outcome_r only, not "
            f"between_therapist_effect={p['between_therapist_effect']!r} or "
            f"within_therapist_effect={p['within_therapist_effect']!r}."
        )
