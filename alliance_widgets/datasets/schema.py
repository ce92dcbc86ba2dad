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
from alliance_widgets.science.columns import RATER_COLUMNS as _R
from alliance_widgets.science.columns import STUDY_COLUMNS, factor_description
from alliance_widgets.science.raters import RATER_COLUMNS

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
        _f("therapist_id", "string", _IDS["therapist_id"], pattern="T[0-9]+"),
        _f("client_id", "string", _IDS["client_id"], pattern="C[0-9]+"),
    ]


def _wai(name: str, what: str) -> dict[str, Any]:
    return _f(name, "number", what, _WAI_UNIT, minimum=_WAI_LOW, maximum=_WAI_HIGH)


_IDS = STUDY_COLUMNS["sessions"]
_STUDY = (
    "Which study (A, B, …) the row belongs to; each study was made in its own causal "
    "world (see provenance.studies in datapackage.json)."
)
_S, _C, _I = (STUDY_COLUMNS[t] for t in ("sessions", "clients", "items"))


def _sessions(p: dict[str, Any]) -> list[dict[str, Any]]:
    n_max = int(p["n_sessions"])
    return [
        *_ids(),
        _f("session", "integer", _S["session"], minimum=1, maximum=n_max),
        _wai("bond", _S["bond"]),
        _wai("goals", _S["goals"]),
        _wai("tasks", _S["tasks"]),
        _wai("alliance", _S["alliance"]),
        _f(
            "outcome",
            "integer",
            _S["outcome"],
            _OQ_UNIT,
            minimum=_OQ_LOW,
            maximum=_OQ_HIGH,
        ),
        _f("rupture", "boolean", _S["rupture"]),
        _f(
            "repaired",
            "boolean",
            _S["repaired"],
            required=False,
        ),
        *(
            _wai(RATER_COLUMNS[rater], _R[RATER_COLUMNS[rater]])
            for rater in p.get("raters", ("client",))
            if rater != "client"
        ),
    ]


def _clients(p: dict[str, Any]) -> list[dict[str, Any]]:
    n_max = int(p["n_sessions"])
    oq = {"minimum": _OQ_LOW, "maximum": _OQ_HIGH}
    fields = [
        *_ids(),
        _f("n_sessions", "integer", _C["n_sessions"], "sessions", minimum=_EARLY, maximum=n_max),
        _f("intake_outcome", "integer", _C["intake_outcome"], _OQ_UNIT, **oq),
        _f("final_outcome", "integer", _C["final_outcome"], _OQ_UNIT, **oq),
        _f(
            "improvement",
            "integer",
            _C["improvement"],
            "OQ-45 points",
            minimum=_OQ_LOW - _OQ_HIGH,
            maximum=_OQ_HIGH - _OQ_LOW,
        ),
        _wai("early_alliance", _C["early_alliance"]),
        _f(
            "change_category",
            "string",
            _C["change_category"],
            enum=["recovered", "improved", "unchanged", "deteriorated"],
        ),
    ]
    # Ordered best to worst, as classify_change returns it (Frictionless v2's term).
    fields[-1]["categoriesOrdered"] = True
    fields.append(_f("completed", "boolean", _C["completed"]))
    model = p["variance_model"]
    if isinstance(model, dict):
        for name, share in model.items():
            fields.append(
                _f(
                    name,
                    "number",
                    factor_description(name, share),
                    "OQ-45 points",
                )
            )
    return fields


def _items(p: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        _ids()[1],
        _f("session", "integer", _I["session"], minimum=1, maximum=int(p["n_sessions"])),
        _f("item", "integer", _I["item"], minimum=1, maximum=_N_ITEMS),
        _f("subscale", "string", _I["subscale"], enum=["bond", "goals", "tasks"]),
        _f(
            "response",
            "integer",
            _I["response"],
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
    table: str, params: dict[str, Any], tables: tuple[str, ...] = (), *, studies: bool = False
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
    studies : bool
        Whether the dataset holds several studies (a leading ``study`` column).

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
    fields = builders[table](params)
    if studies:
        for field in fields:
            if field["name"] in ("therapist_id", "client_id"):
                # the study's letter keeps identifiers unique across the studies
                field["constraints"]["pattern"] = "[A-Z]-" + field["constraints"]["pattern"]
        fields = [_f("study", "string", _STUDY, pattern="[A-Z]"), *fields]
    schema: dict[str, Any] = {
        "fields": fields,
        "missingValues": [""],
        "primaryKey": _KEYS[table],
    }
    if table != "clients" and "clients" in tables:
        ref = {"resource": "clients", "fields": "client_id"}
        schema["foreignKeys"] = [{"fields": "client_id", "reference": ref}]
    return schema
