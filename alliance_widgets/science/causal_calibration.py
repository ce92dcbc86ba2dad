"""Calibrate the causal worlds so that the cross-sectional r is the same in all of them.

In the worlds where the alliance follows symptom change (``change_drives_alliance``,
``reciprocal``) the early alliance–improvement r comes partly or wholly from that
feedback, which has no closed form through the rounded WAI-SR items. A fixed-seed pilot
of the exact generator code (40,000 clients, no dropout linked to the alliance)
measures r, and bisection finds:

- ``change_drives_alliance``: ``gamma``, the rise of the scored alliance (WAI-SR points)
  per OQ-45 point the client was better than expected at the session before, with no
  client-level link;
- ``reciprocal``: the client-level link (as the r it alone would give), with half the
  one-directional ``gamma`` and half the alliance's session effect.

Both session-level effects act on observed scores (the scored WAI-SR mean, the OQ-45
total), so the worlds' true lagged effects (:class:`LaggedTruth`) are the structural
coefficients themselves, in the units of
:func:`~alliance_widgets.science.within_client_lagged`: ``alliance_to_change`` and
``10 * gamma``.

The pilots take 5–15 s, so their results at the default settings are stored in
``causal_calibration.json`` with a fingerprint of the code and assumptions they read;
regenerate with ``python -m alliance_widgets.science.causal_calibration`` (a test fails
while the stored table is stale).

Examples
--------
>>> from alliance_widgets.science.simulate_params import resolve_params
>>> t = lagged_truth(resolve_params({"causal_model": "common_cause"}))
>>> t.alliance_to_change, t.change_to_alliance
(0.0, 0.0)
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from alliance_widgets import literature as lit
from alliance_widgets.science.causal_worlds import world_for
from alliance_widgets.science.simulate_model import EARLY_SESSIONS, Model, build_model

__all__ = ["LaggedTruth", "feedback_setup", "fingerprint", "lagged_truth", "write_store"]

_LOW, _HIGH = lit.WAI_SR_SCALE.value
_PILOT_CLIENTS = 40_000
_PILOT_SEED = 20_200_829
# Parameters that change neither the world's structure nor its calibration.
_FREE = ("seed", "n_therapists", "dropout_alliance", "raters", "items")


@dataclass(frozen=True)
class LaggedTruth:
    """A world's true within-client lagged effects, in the estimator's units.

    Attributes
    ----------
    alliance_to_change : float
        OQ-45 points of improvement by the next session per WAI-SR point of alliance
        above the client's own level.
    change_to_alliance : float
        WAI-SR points of alliance at the next session per 10 OQ-45 points of improvement
        since the last one.
    """

    alliance_to_change: float
    change_to_alliance: float


def _key(p: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple(sorted((k, v) for k, v in p.items() if k not in _FREE))


def _pilot_params(p: dict[str, Any]) -> dict[str, Any]:
    per = p["clients_per_therapist"]
    return {
        **p,
        "n_therapists": -(-_PILOT_CLIENTS // per),
        "seed": _PILOT_SEED,
        "dropout_alliance": 0.0,
        "items": True,
    }


def _pilot(p: dict[str, Any], model: Model, gamma: float) -> tuple[float, np.ndarray]:
    from alliance_widgets.science.generator_draws import draw_study, rating

    d = draw_study(p, model, gamma)
    alliance = rating(d.responses, d.follow)
    early = alliance[:, :EARLY_SESSIONS].mean(axis=1)
    final = d.outcome[np.arange(len(d.n_sess)), d.n_sess - 1]
    r = float(np.corrcoef(early, d.intake - final)[0, 1])
    return r, alliance


def _bisect(f: Any, low: float, high: float, steps: int = 16) -> float:
    for _ in range(steps):
        mid = 0.5 * (low + high)
        if f(mid) < 0:
            low = mid
        else:
            high = mid
    return 0.5 * (low + high)


def _linked(p: dict[str, Any], r: float) -> Model:
    return build_model({**p, "alliance_outcome_r": r})


@lru_cache(maxsize=16)
def _setup(key: tuple[tuple[str, Any], ...]) -> tuple[float, float]:
    stored = _stored().get(_entry_name(key))
    if stored is not None:
        return stored["gamma"], stored["link"]
    p = _pilot_params(dict(key))
    target = p["alliance_outcome_r"]
    if p["causal_model"] == "reciprocal":
        one_way = _setup(_key({**p, "causal_model": "change_drives_alliance"}))[0]
        share = world_for("reciprocal").follows_change
        link = _bisect(
            lambda r: _pilot(p, _linked(p, r), share * one_way)[0] - target, -0.5, target
        )
        return share * one_way, link
    unlinked = _linked(p, 0.0)
    hi = 0.2
    if target <= 0 or _pilot(p, unlinked, hi)[0] < target:
        raise ValueError(
            f"causal_model={p['causal_model']!r} makes the alliance follow improvement, "
            f"which cannot give alliance_outcome_r={target!r} with these settings; use a "
            "positive r below about .5."
        )
    return _bisect(lambda g: _pilot(p, unlinked, g)[0] - target, 0.0, hi), 0.0


def feedback_setup(p: dict[str, Any]) -> tuple[float, Model]:
    """``(gamma, model)`` for ``p``'s world: the alliance's rise per OQ-45 point of
    improvement and the generator model with the world's client-level link.
    """
    world = world_for(p["causal_model"])
    if not world.feedback:
        return 0.0, build_model(p)
    gamma, link = _setup(_key(p))
    return gamma, _linked(p, link)


def lagged_truth(p: dict[str, Any]) -> LaggedTruth:
    """The true lagged effects of ``p``'s world (see the module docstring)."""
    from alliance_widgets.science.generator_draws import session_effect

    world = world_for(p["causal_model"])
    if not world.feedback:
        return LaggedTruth(session_effect(p), 0.0)
    gamma, _ = feedback_setup(p)
    return LaggedTruth(session_effect(p), 10 * gamma * _unclipped(_key(p), gamma))


@lru_cache(maxsize=16)
def _unclipped(key: tuple[tuple[str, Any], ...], gamma: float) -> float:
    stored = _stored().get(_entry_name(key))
    if stored is not None and stored["gamma"] == gamma:
        return float(stored["unclipped"])
    return _measure_unclipped(key, gamma)


def _measure_unclipped(key: tuple[tuple[str, Any], ...], gamma: float) -> float:
    """Share of the predicted ratings (sessions 2 to last) not held at 1 or 5 by the scale.

    A rating at the ceiling cannot rise further, so the effect a regression of observed
    ratings finds is ``gamma`` times this share (the average derivative of the scored
    rating; by Stein's lemma what least squares estimates for a near-normal predictor).
    """
    from alliance_widgets.science.generator_draws import draw_study

    p = _pilot_params(dict(key))
    _, model = feedback_setup(p)
    d = draw_study(p, model, gamma)
    raw = d.responses.mean(axis=2) + d.follow
    t = np.arange(raw.shape[1])
    used = (t[None, :] >= 1) & (t[None, :] < d.n_sess[:, None])
    return float(((raw[used] > _LOW) & (raw[used] < _HIGH)).mean())


# ---- the stored pilots: computed once for the default settings, shipped with the kit
_STORE = Path(__file__).resolve().with_name("causal_calibration.json")
_SOURCES = ("causal_calibration.py", "causal_worlds.py", "generator_draws.py", "simulate_model.py")


def _entry_name(key: tuple[tuple[str, Any], ...]) -> str:
    return json.dumps([list(kv) for kv in key], default=str)


def fingerprint() -> str:
    """Hash of what the pilots read: the generator's code and its kit assumptions.

    A stored result whose fingerprint differs is ignored (and recomputed), so a change to
    the generator can never be answered by an old calibration.
    """
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in _SOURCES:
        digest.update((here / name).read_bytes())
    for figure in (lit.GEN_SESSION_DYNAMICS, lit.GEN_ITEM_METRIC, lit.GEN_CAUSAL_WORLDS):
        digest.update(json.dumps(dict(figure.value), sort_keys=True).encode())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _stored() -> dict[str, dict[str, float]]:
    try:
        table = json.loads(_STORE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return table["entries"] if table.get("fingerprint") == fingerprint() else {}


def write_store() -> dict[str, Any]:
    """Run the pilots for each feedback world at the defaults and store the results."""
    from alliance_widgets.science.simulate_params import resolve_params

    _stored.cache_clear()
    entries = {}
    for world in ("change_drives_alliance", "reciprocal"):
        key = _key(resolve_params({"causal_model": world}))
        name = _entry_name(key)
        _setup.cache_clear()
        gamma, link = _setup(key)
        entries[name] = {"gamma": gamma, "link": link, "unclipped": _measure_unclipped(key, gamma)}
    table = {"fingerprint": fingerprint(), "entries": entries}
    _STORE.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
    _stored.cache_clear()
    return table


if __name__ == "__main__":  # python -m alliance_widgets.science.causal_calibration
    print(json.dumps(write_store(), indent=1))
