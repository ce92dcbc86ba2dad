"""The columns of a simulated study's three tables, in order, each with what it holds.

Written once here and read by the generator's tests (every table has exactly these
columns, in this order), by ``datasets/schema.py`` (the codebook's descriptions) and
by :class:`~alliance_widgets.science.generator.Study`'s documentation. In a factor mode
(``variance_model`` a dict of shares) the clients table adds one column per factor after
these (:func:`factor_description`).

Examples
--------
>>> list(STUDY_COLUMNS["items"])
['client_id', 'session', 'item', 'subscale', 'response']
>>> STUDY_COLUMNS["clients"]["improvement"]
'intake_outcome - final_outcome (positive = better).'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from alliance_widgets.literature import GEN_EARLY_SESSIONS

__all__ = ["RATER_COLUMNS", "STUDY_COLUMNS", "factor_description"]

_EARLY = int(GEN_EARLY_SESSIONS.value)
_IDS = {
    "therapist_id": "Therapist identifier (T01, T02, …).",
    "client_id": "Client identifier, unique in the dataset.",
}

#: table -> column -> description, in the order the generator makes them.
STUDY_COLUMNS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "sessions": MappingProxyType(
            {
                **_IDS,
                "session": "Session number, from 1.",
                "bond": "WAI-SR bond subscale: mean of its 4 items this session.",
                "goals": "WAI-SR goals subscale: mean of its 4 items this session.",
                "tasks": "WAI-SR tasks subscale: mean of its 4 items this session.",
                "alliance": "WAI-SR composite: mean of all 12 items this session.",
                "outcome": "OQ-45-like total score at this session.",
                "rupture": "Whether an alliance rupture (a dip) occurred this session.",
                "repaired": "Whether the rupture was repaired (alliance back up: a V shape); "
                "empty when there was no rupture.",
            }
        ),
        "clients": MappingProxyType(
            {
                **_IDS,
                "n_sessions": "Sessions attended.",
                "intake_outcome": "OQ-45-like score before session 1.",
                "final_outcome": "OQ-45-like score at the last session.",
                "improvement": "intake_outcome - final_outcome (positive = better).",
                "early_alliance": f"Mean alliance of sessions 1–{_EARLY}.",
                "change_category": "Jacobson & Truax category from intake to final outcome "
                "(OQ-45 reliable change and clinical cutoff).",
                "completed": "Whether the client attended every offered session (no dropout).",
            }
        ),
        "items": MappingProxyType(
            {
                "client_id": _IDS["client_id"],
                "session": "Session number.",
                "item": "WAI-SR item number.",
                "subscale": "The item's subscale.",
                "response": "The client's response to the item.",
            }
        ),
    }
)


#: Session columns added when ``simulate(raters=...)`` asks for more than the client.
RATER_COLUMNS: Mapping[str, str] = MappingProxyType(
    {
        "alliance_therapist": "The therapist's alliance rating of this session (1–5 metric).",
        "alliance_observer": "An observer's alliance rating of this session (1–5 metric).",
    }
)


def factor_description(name: str, share: float) -> str:
    """What a factor column of the clients table holds (factor modes only).

    Examples
    --------
    >>> factor_description("relationship", 30)
    "Additive contribution of the 'relationship' factor (30 % of improvement variance) to improvement, before rounding to whole points."
    """  # noqa: E501
    return (
        f"Additive contribution of the '{name}' factor ({share:g} % of improvement "
        "variance) to improvement, before rounding to whole points."
    )
