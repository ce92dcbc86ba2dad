"""Frictionless table schemas for the generator's three tables: types, units, ranges.

:func:`table_schema` describes each column of ``sessions``, ``clients`` and ``items``
as :func:`alliance_widgets.simulate` makes them, with constraints computed from the
parameters (the most sessions, the factor names) and the scale ranges from
:mod:`alliance_widgets.literature`. The builder refuses to write a table whose columns
differ from its schema, so the codebook cannot drift from the data.

Examples
--------
>>> s = table_schema("sessions", {"n_sessions": 12, "variance_model": "empirical"})
>>> s["primaryKey"], s["fields"][2]["constraints"]
(['client_id', 'session'], {'required': True, 'minimum': 1, 'maximum': 12})
"""

from __future__ import annotations

from typing import Any

from alliance_widgets import literature as lit

__all__ = ["table_schema"]

_OQ_LOW, _OQ_HIGH = lit.OQ45_RANGE.value
_WAI_LOW, _WAI_HIGH = lit.WAI_SR_SCALE.value
_N_ITEMS = int(lit.WAI_SR_ITEMS.value)
_EARLY = int(lit.GEN_EARLY_SESSIONS.value)
_OQ_UNIT = "OQ-45 points (higher = more distress)"
_WAI_UNIT = "WAI-SR item-mean points (1 seldom … 5 always)"


def _f(name: str, kind: str, description: str, unit: str | None = None, **c: Any) -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "type": kind, "description": description}
    if unit is not None:
        field["unit"] = unit
    field["constraints"] = {"required": c.pop("required", True), **c}
    if kind == "boolean":
        # pandas writes True/False; saying so lets any Frictionless reader parse them.
        field["trueValues"], field["falseValues"] = ["True"], ["False"]
    return field


def _ids() -> list[dict[str, Any]]:
    return [
        _f("therapist_id", "string", "Therapist identifier (T01, T02, …).", pattern="T[0-9]+"),
        _f("client_id", "string", "Client identifier, unique in the dataset.", pattern="C[0-9]+"),
    ]


def _wai(name: str, what: str) -> dict[str, Any]:
    return _f(name, "number", what, _WAI_UNIT, minimum=_WAI_LOW, maximum=_WAI_HIGH)


def _sessions(p: dict[str, Any]) -> list[dict[str, Any]]:
    n_max = int(p["n_sessions"])
    return [
        *_ids(),
        _f("session", "integer", "Session number, from 1.", minimum=1, maximum=n_max),
        _wai("bond", "WAI-SR bond subscale: mean of its 4 items this session."),
        _wai("goals", "WAI-SR goals subscale: mean of its 4 items this session."),
        _wai("tasks", "WAI-SR tasks subscale: mean of its 4 items this session."),
        _wai("alliance", "WAI-SR composite: mean of all 12 items this session."),
        _f(
            "outcome",
            "integer",
            "OQ-45-like total score at this session.",
            _OQ_UNIT,
            minimum=_OQ_LOW,
            maximum=_OQ_HIGH,
        ),
        _f("rupture", "boolean", "Whether an alliance rupture (a dip) occurred this session."),
        _f(
            "repaired",
            "boolean",
            "Whether the rupture was repaired (alliance back up: a V shape); empty when "
            "there was no rupture.",
            required=False,
        ),
    ]


def _clients(p: dict[str, Any]) -> list[dict[str, Any]]:
    n_max = int(p["n_sessions"])
    oq = {"minimum": _OQ_LOW, "maximum": _OQ_HIGH}
    fields = [
        *_ids(),
        _f(
            "n_sessions", "integer", "Sessions attended.", "sessions", minimum=_EARLY, maximum=n_max
        ),
        _f("intake_outcome", "integer", "OQ-45-like score before session 1.", _OQ_UNIT, **oq),
        _f("final_outcome", "integer", "OQ-45-like score at the last session.", _OQ_UNIT, **oq),
        _f(
            "improvement",
            "integer",
            "intake_outcome - final_outcome (positive = better).",
            "OQ-45 points",
            minimum=_OQ_LOW - _OQ_HIGH,
            maximum=_OQ_HIGH - _OQ_LOW,
        ),
        _wai("early_alliance", f"Mean alliance of sessions 1–{_EARLY}."),
        _f(
            "change_category",
            "string",
            "Jacobson & Truax category from intake to final outcome (OQ-45 reliable change "
            "and clinical cutoff).",
            enum=["recovered", "improved", "unchanged", "deteriorated"],
        ),
    ]
    # Ordered best to worst, as classify_change returns it (Frictionless v2's term).
    fields[-1]["categoriesOrdered"] = True
    model = p["variance_model"]
    if isinstance(model, dict):
        for name, share in model.items():
            fields.append(
                _f(
                    name,
                    "number",
                    f"Additive contribution of the '{name}' factor ({share:g} % of improvement "
                    "variance) to improvement, before rounding to whole points.",
                    "OQ-45 points",
                )
            )
    return fields


def _items(p: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        _ids()[1],
        _f("session", "integer", "Session number.", minimum=1, maximum=int(p["n_sessions"])),
        _f("item", "integer", "WAI-SR item number.", minimum=1, maximum=_N_ITEMS),
        _f("subscale", "string", "The item's subscale.", enum=["bond", "goals", "tasks"]),
        _f(
            "response",
            "integer",
            "The client's response to the item.",
            "WAI-SR points (1 seldom … 5 always)",
            minimum=_WAI_LOW,
            maximum=_WAI_HIGH,
        ),
    ]


_KEYS = {
    "sessions": ["client_id", "session"],
    "clients": ["client_id"],
    "items": ["client_id", "session", "item"],
}


def table_schema(
    table: str, params: dict[str, Any], tables: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The Frictionless table schema of ``table`` made with generator ``params``.

    Parameters
    ----------
    table : {"sessions", "clients", "items"}
        Which table.
    params : dict
        The resolved generator parameters (``Study.params``).
    tables : tuple of str
        The dataset's other tables: a foreign key to ``clients`` is declared when it ships.

    Returns
    -------
    dict
        ``fields``, ``missingValues``, ``primaryKey`` and possibly ``foreignKeys``.

    Examples
    --------
    >>> table_schema("items", {"n_sessions": 3}, ("items", "clients"))["foreignKeys"][0]
    {'fields': 'client_id', 'reference': {'resource': 'clients', 'fields': 'client_id'}}
    """
    builders = {"sessions": _sessions, "clients": _clients, "items": _items}
    if table not in builders:
        raise ValueError(f"table must be one of {sorted(builders)}; got {table!r}.")
    schema: dict[str, Any] = {
        "fields": builders[table](params),
        "missingValues": [""],
        "primaryKey": _KEYS[table],
    }
    if table != "clients" and "clients" in tables:
        ref = {"resource": "clients", "fields": "client_id"}
        schema["foreignKeys"] = [{"fields": "client_id", "reference": ref}]
    return schema
