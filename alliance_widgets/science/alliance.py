"""WAI-SR structure and scoring: bond, goals and tasks from twelve 1–5 item responses.

The Working Alliance Inventory – Short Revised (Hatcher & Gillaspy 2006) has 12 items
answered 1 (seldom) to 5 (always), four per subscale; the scoring keys come from
``literature.WAI_SR_KEYS``. The kit never reproduces item wording (it is copyrighted).

Scores are **means** on the 1–5 metric (a subscale sum 4–20 is 4 × the mean), so a
subscale with a missing item stays comparable. The ``alliance`` composite is the mean of
the three subscale means, which weights bond, goals and tasks equally (with no missing
items it equals the mean of all twelve items).

Examples
--------
>>> import pandas as pd
>>> from alliance_widgets.science import score_wai_sr, WAI_SR_SUBSCALES
>>> WAI_SR_SUBSCALES["bond"]
(3, 5, 7, 9)
>>> wide = pd.DataFrame([[4] * 12, [5, 5, 3, 4, 3, 4, 3, 4, 3, 5, 4, 5]],
...                     columns=[f"item_{i}" for i in range(1, 13)])
>>> score_wai_sr(wide)
   bond  goals  tasks  alliance
0   4.0    4.0    4.0      4.00
1   3.0    4.0    5.0      4.00
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from alliance_widgets.literature import GEN_EARLY_SESSIONS, WAI_SR_KEYS, WAI_SR_SCALE
from alliance_widgets.science.validation import check_int

__all__ = [
    "WAI_SR_ITEMS",
    "WAI_SR_SUBSCALES",
    "early_alliance_parts",
    "percentile_in",
    "score_wai_sr",
]

#: Subscale name -> the WAI-SR item numbers that score it (Hatcher & Gillaspy 2006).
WAI_SR_SUBSCALES: dict[str, tuple[int, ...]] = {
    name: tuple(WAI_SR_KEYS.value[name]) for name in ("bond", "goals", "tasks")
}
#: The item numbers, 1..12.
WAI_SR_ITEMS: tuple[int, ...] = tuple(sorted(i for v in WAI_SR_SUBSCALES.values() for i in v))

_LOW, _HIGH = WAI_SR_SCALE.value
_ID_COLUMNS = ("client_id", "session")


def _wide_items(items: Any) -> pd.DataFrame:
    """Return a DataFrame with integer columns 1..12 and a meaningful index."""
    if isinstance(items, np.ndarray):
        if items.ndim != 2 or items.shape[1] != len(WAI_SR_ITEMS):
            raise ValueError(
                f"items as an array must have 12 columns (one per WAI-SR item); got shape "
                f"{items.shape}."
            )
        return pd.DataFrame(items, columns=list(WAI_SR_ITEMS))
    if not isinstance(items, pd.DataFrame):
        raise TypeError(
            "items must be a DataFrame (long form: client_id, [session], item, response; or "
            f"wide form: item_1..item_12) or a 2-D array; got {type(items).__name__}."
        )
    if {"item", "response"} <= set(items.columns):
        return _pivot_long(items)
    rename: dict[Any, int] = {}
    for col in items.columns:
        if isinstance(col, str) and col.startswith("item_") and col[5:].isdigit():
            rename[col] = int(col[5:])
        elif isinstance(col, (int, np.integer)) and not isinstance(col, bool):
            rename[col] = int(col)
    missing = [i for i in WAI_SR_ITEMS if i not in rename.values()]
    if missing:
        raise ValueError(
            "items is missing WAI-SR item columns "
            + ", ".join(f"item_{i}" for i in missing)
            + "; wide form needs item_1..item_12 (or columns 1..12), long form needs "
            "columns item and response."
        )
    ids = [c for c in _ID_COLUMNS if c in items.columns]
    _check_keys(items, ids)
    frame = items.set_index(ids) if ids else items
    if ids and frame.index.duplicated().any():
        first = _plain(frame.index[frame.index.duplicated()][0])
        raise ValueError(
            f"items has more than one row for {'/'.join(ids)} {first!r}; keep one row per "
            "respondent (add a session column if these are different sessions)."
        )
    return frame[list(rename)].rename(columns=rename)[list(WAI_SR_ITEMS)]


def _pivot_long(items: pd.DataFrame) -> pd.DataFrame:
    if "client_id" not in items.columns:
        raise ValueError("items in long form needs a client_id column beside item and response.")
    keys = [c for c in _ID_COLUMNS if c in items.columns]
    _check_keys(items, keys)
    item = pd.to_numeric(items["item"], errors="coerce")
    bad = ~item.isin(WAI_SR_ITEMS)
    if bad.any():
        rows = list(items.index[bad][:5])
        raise ValueError(
            f"items column 'item' must hold WAI-SR item numbers 1–12; rows {rows} hold "
            f"{list(items.loc[bad, 'item'][:5])}."
        )
    frame = items.assign(item=item.astype(int))
    dup = frame.duplicated([*keys, "item"], keep=False)
    if dup.any():
        rows = list(frame.index[dup][:5])
        raise ValueError(
            f"items has more than one response for the same {'/'.join(keys)} and item "
            f"(rows {rows}); keep one response per item."
        )
    wide = frame.set_index([*keys, "item"])["response"].unstack("item")  # noqa: PD010
    return wide.reindex(columns=list(WAI_SR_ITEMS))


def _check_keys(items: pd.DataFrame, keys: list[str]) -> None:
    for key in keys:
        gap = items[key].isna()
        if gap.any():
            raise ValueError(
                f"items column {key!r} is missing in {int(gap.sum())} row(s) (first: row "
                f"{_plain(items.index[gap][0])!r}); every response needs its {key}."
            )


def _plain(x: Any) -> Any:
    """Python scalars (and tuples of them) print without numpy's ``np.int64(...)``."""
    if isinstance(x, tuple):
        return tuple(_plain(v) for v in x)
    return x.item() if isinstance(x, np.generic) else x


def _check_range(wide: pd.DataFrame) -> pd.DataFrame:
    values = wide.apply(pd.to_numeric, errors="coerce").astype(float)
    not_number = values.isna() & wide.notna()
    # True/False would pass as 1/0; they are answers to some other question, not ratings.
    for col in wide.columns:
        kind = wide[col].dtype
        if pd.api.types.is_bool_dtype(kind) or pd.api.types.is_object_dtype(kind):
            flags = wide[col].map(lambda v: isinstance(v, (bool, np.bool_)))
            not_number[col] |= flags.to_numpy(dtype=bool)
    arr = values.to_numpy()
    off = (~np.isnan(arr)) & ((arr < _LOW) | (arr > _HIGH) | (arr != np.round(arr)))
    bad = not_number.to_numpy() | off
    if bad.any():
        r, c = np.nonzero(bad)
        raw = wide.to_numpy()
        shown = [
            f"{_plain(wide.index[i])!r} item {wide.columns[j]}: {_plain(raw[i, j])!r}"
            for i, j in zip(r[:5], c[:5], strict=True)
        ]
        more = f" (and {len(r) - 5} more)" if len(r) > 5 else ""
        raise ValueError(
            f"items must be whole numbers from {_LOW} to {_HIGH} (WAI-SR scale) or missing; "
            f"got {'; '.join(shown)}{more}."
        )
    return values


def score_wai_sr(items: Any, *, min_answered: int = 3) -> pd.DataFrame:
    """Score WAI-SR responses into bond, goals, tasks and the alliance composite.

    Parameters
    ----------
    items : DataFrame or 2-D array
        Either **long form**, one row per answer, with columns ``client_id``, optionally
        ``session``, ``item`` (1–12) and ``response`` (1–5); or **wide form**, one row per
        respondent, with columns ``item_1`` … ``item_12`` (or integer columns 1 … 12) and
        optionally ``client_id``/``session`` columns, which become the index. A 2-D array
        needs 12 columns in item order.
    min_answered : int, default 3
        The missing-item rule: a subscale is the mean of its answered items when at least
        ``min_answered`` of its 4 items are answered, otherwise missing (NaN). The
        ``alliance`` composite is missing whenever any subscale is, so it always weighs
        bond, goals and tasks equally. A respondent who answered nothing therefore
        scores NaN throughout: that is the rule's result, kept on purpose so that the
        row count still matches the input.

    Returns
    -------
    pandas.DataFrame
        Indexed by respondent (``client_id``, and ``session`` when given), with columns
        ``bond``, ``goals``, ``tasks`` and ``alliance``, all on the 1–5 metric.

    Raises
    ------
    ValueError
        No rows; a response outside 1–5, not a whole number, True/False or text (the
        message lists the rows and values); missing item columns; a missing
        ``client_id``/``session``; or two answers to one item.
    TypeError
        ``items`` neither a DataFrame nor a 2-D array.

    Examples
    --------
    >>> import pandas as pd
    >>> long = pd.DataFrame({"client_id": ["a"] * 12, "item": range(1, 13),
    ...                      "response": [5, 5, 4, 3, 4, 3, 4, 3, 4, 5, 3, 5]})
    >>> score_wai_sr(long)
               bond  goals  tasks  alliance
    client_id
    a           4.0    3.0    5.0       4.0
    >>> float(score_wai_sr(long.iloc[1:]).loc["a", "tasks"])  # item 1 missing: mean of 3 answered
    5.0
    >>> score_wai_sr(long.assign(response=long.response.replace(3, 6)))
    Traceback (most recent call last):
    ...
    ValueError: items must be whole numbers from 1 to 5 (WAI-SR scale) or missing; got 'a' ...
    """
    min_answered = check_int("min_answered", min_answered, minimum=1, maximum=4)
    wide = _wide_items(items)
    if wide.empty:
        raise ValueError("items holds no responses; there is nothing to score.")
    values = _check_range(wide)
    out = pd.DataFrame(index=values.index)
    for name, keys in WAI_SR_SUBSCALES.items():
        block = values[list(keys)]
        answered = block.notna().sum(axis=1)
        out[name] = block.mean(axis=1).where(answered >= min_answered)
    out["alliance"] = out[list(WAI_SR_SUBSCALES)].mean(axis=1, skipna=False)
    out.columns.name = None
    return out


def early_alliance_parts(clients: pd.DataFrame, sessions: pd.DataFrame) -> pd.DataFrame:
    """Each client's early bond, goals and tasks, and the early alliance composite.

    The early sessions are the first ``literature.GEN_EARLY_SESSIONS`` (the window over
    which a study's ``early_alliance`` is averaged); the composite is the clients table's
    ``early_alliance``. Clients missing from either table are left out.

    Parameters
    ----------
    clients : DataFrame
        ``client_id`` and ``early_alliance``, one row per client.
    sessions : DataFrame
        ``client_id``, ``session`` and the subscale columns, one row per session.

    Returns
    -------
    pandas.DataFrame
        ``bond``, ``goals``, ``tasks``, ``composite``, one row per client.

    Examples
    --------
    >>> clients = pd.DataFrame({"client_id": ["a"], "early_alliance": [3.5]})
    >>> sessions = pd.DataFrame({"client_id": ["a"] * 2, "session": [1, 2],
    ...                          "bond": [3.0, 4.0], "goals": [3.0, 3.0], "tasks": [4.0, 4.0]})
    >>> early_alliance_parts(clients, sessions)
       bond  goals  tasks  composite
    0   3.5    3.0    4.0        3.5
    """
    early = sessions[sessions["session"] <= int(GEN_EARLY_SESSIONS.value)]
    parts = early.groupby("client_id", observed=True)[list(WAI_SR_SUBSCALES)].mean()
    composite = clients.set_index("client_id")["early_alliance"]
    return parts.join(composite.rename("composite"), how="inner").reset_index(drop=True)


def percentile_in(reference: Any, score: float) -> float:
    """Percentile (0–100) of ``score`` among ``reference`` scores; ties count half.

    Parameters
    ----------
    reference : array-like of float
        The scores to compare with (e.g. a clinic's early alliance composites).
    score : float
        The score to place.

    Examples
    --------
    >>> percentile_in([1.0, 2.0, 3.0, 4.0], 3.0)
    62.5
    """
    # Imported here: the module loads scipy.special, which nothing else in alliance.py needs.
    from alliance_widgets.science.distributions import percentile_of_score

    return percentile_of_score(np.asarray(reference, dtype=float), score)
