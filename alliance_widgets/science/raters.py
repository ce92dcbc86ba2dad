"""Therapist and observer ratings of the same sessions, with published agreement.

The generator's ``alliance`` is the client's WAI-SR. Asked for more ``raters``, it adds
``alliance_therapist`` and ``alliance_observer`` (1–5 metric, two decimals): each is the
client's rating, standardised, times the published agreement ``r`` plus independent
noise, so the two correlate about ``r`` over sessions (less where the 1–5 range clips).
The agreements are the child–therapist (.32) and child–observer (.43) correlations of
Roest et al.'s youth meta-analysis (``lit.RATER_AGREEMENT``): the kit found no adult
figure it could verify. Therapists rate lower than clients (by the d of .35 the same
meta-analysis reports for children), and a fifth of a therapist's disagreement is a
constant tilt of that therapist (``lit.GEN_CAUSAL_WORLDS``): some rate every client
higher. Only the client's experience drives change in the generator's worlds, so other
raters' alliance predicts outcome less: "whose rating?" changes the answer.

Examples
--------
>>> import numpy as np
>>> a = np.random.default_rng(0).normal(4, 0.5, (50, 4))
>>> cols = other_raters({"seed": 1, "raters": ("client", "therapist")}, a,
...                     np.repeat(np.arange(5), 10), np.ones((50, 4), bool))
>>> sorted(cols), cols["alliance_therapist"].shape
(['alliance_therapist'], (200,))
"""

from __future__ import annotations

from typing import Any

import numpy as np

from alliance_widgets import literature as lit

__all__ = ["RATER_COLUMNS", "other_raters"]

#: The session column of each rater other than the client.
RATER_COLUMNS = {"therapist": "alliance_therapist", "observer": "alliance_observer"}
_AGREE = lit.RATER_AGREEMENT.value
_AGREEMENT = {"therapist": _AGREE["child–therapist"], "observer": _AGREE["child–observer"]}
_LOWER_D = {
    "therapist": lit.RATER_AGREEMENT.extra["rated_higher_than_therapist_d"]["child"],
    "observer": 0.0,
}
_TILT = float(lit.GEN_CAUSAL_WORLDS.value["rater_therapist_share"])
_LOW, _HIGH = lit.WAI_SR_SCALE.value
# A stream of its own, so that asking for more raters leaves every other column as it was.
_STREAM = 0x7261


def other_raters(
    p: dict[str, Any], alliance: np.ndarray, ther: np.ndarray, attended: np.ndarray
) -> dict[str, np.ndarray]:
    """Columns of the raters in ``p["raters"]`` other than the client, per attended session.

    ``alliance`` is the client's rating ``(clients, sessions)``; ``ther`` each client's
    therapist; ``attended`` which sessions happened.
    """
    raters = [r for r in p["raters"] if r != "client"]
    if not raters:
        return {}
    rng = np.random.default_rng([p["seed"], _STREAM])
    client = alliance[attended]
    mean, sd = client.mean(), client.std()
    z = (client - mean) / sd
    therapist_of = np.broadcast_to(ther[:, None], alliance.shape)[attended]
    out = {}
    for rater in raters:
        r = _AGREEMENT[rater]
        own = rng.standard_normal(z.shape)
        if rater == "therapist":
            tilt = rng.standard_normal(int(ther.max()) + 1)[therapist_of]
            own = np.sqrt(_TILT) * tilt + np.sqrt(1 - _TILT) * own
        rating = mean + sd * (r * z + np.sqrt(1 - r**2) * own - _LOWER_D[rater])
        out[RATER_COLUMNS[rater]] = np.clip(np.round(rating, 2), _LOW, _HIGH)
    return out
