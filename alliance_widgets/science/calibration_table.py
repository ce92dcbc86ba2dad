"""Stored measurement calibrations for the rupture and repair rates a learner can pick.

:func:`~alliance_widgets.science.simulate_model.calibrate_measurement` fits the item
model to a 120,000-client pilot and integrates the early alliance in closed form: about
0.5 s for each new ``(rupture_rate, repair_rate)``, exact to the last bit, which is what
keeps the shipped datasets byte-identical. Too slow for a slider (RuptureRepairExplorer's
rupture rate, repair rate: 0.05 steps). So the results for the default item targets on
that grid (13 x 21 points) are computed once and stored in ``calibration_table.json``;
the stored floats are the computed ones (JSON keeps every bit of a double), so a lookup
returns exactly what the computation would.

A value within 1e-9 of a grid point uses that point (a browser slider sends 0.35 as
0.35000000000000003). The table also records a fingerprint of everything the calibration
reads (the generator's constants, the pilot's size and seed); on a mismatch it is
ignored, and ``tests/test_kernel_weight.py`` recomputes entries to catch a change in the
code itself. Regenerate with ``python -m alliance_widgets.science.calibration_table``
(a few minutes).

Examples
--------
>>> from alliance_widgets.science.simulate_params import DEFAULT_PARAMS as P
>>> key = (P["item_alpha"], P["r_goals_tasks"], P["r_bond_others"], 0.35000000000000003, 0.7)
>>> stored_calibration(key) is not None, stored_calibration((*key[:3], 0.333, 0.7))
(True, None)
"""

from __future__ import annotations

import hashlib
import json
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["GRID_REPAIR", "GRID_RUPTURE", "TABLE_PATH", "fingerprint", "stored_calibration"]

TABLE_PATH = Path(__file__).resolve().with_name("calibration_table.json")
#: RuptureRepairExplorer's sliders: min, max and step 0.05 (widgets/ruptures.py).
GRID_RUPTURE = tuple(round(0.05 * i, 2) for i in range(13))
GRID_REPAIR = tuple(round(0.05 * i, 2) for i in range(21))
_TOLERANCE = 1e-9

Key = tuple[float, float, float, float, float]


def fingerprint() -> str:
    """Hash of every constant the calibration reads (a stored table is valid for one)."""
    from alliance_widgets.science import simulate_model as sm

    parts = {
        "dyn": sm._DYN,
        "metric": sm._METRIC,
        "early_sessions": sm.EARLY_SESSIONS,
        "keys": {k: list(v) for k, v in sm._KEYS.items()},
        "scale": [sm._LOW, sm._HIGH],
        "pilot": [sm._PILOT_CLIENTS, sm._PILOT_SEED, sm._QUADRATURE_NODES],
    }
    text = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@lru_cache(maxsize=1)
def _table() -> dict[Key, tuple[Any, ...]]:
    if not TABLE_PATH.is_file():
        return {}
    stored = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
    if stored.get("fingerprint") != fingerprint():
        return {}
    return {tuple(key): tuple(value) for key, value in stored["entries"]}


def _snap(value: float, grid: tuple[float, ...]) -> float | None:
    for point in grid:
        if abs(value - point) <= _TOLERANCE:
            return point
    return None


def stored_calibration(key: Key) -> tuple[Any, ...] | None:
    """The stored ``Measurement`` fields for ``key`` (targets, rupture, repair), or None."""
    table = _table()
    if not table:
        return None
    rupture, repair = _snap(key[3], GRID_RUPTURE), _snap(key[4], GRID_REPAIR)
    if rupture is None or repair is None:
        return None
    return table.get((key[0], key[1], key[2], rupture, repair))


def build_table() -> dict[str, Any]:
    """Compute every grid point (the slow, exact calibration) and return the table."""
    from alliance_widgets.science.simulate_model import _calibrate_exact
    from alliance_widgets.science.simulate_params import DEFAULT_PARAMS as P

    targets = (P["item_alpha"], P["r_goals_tasks"], P["r_bond_others"])
    entries = []
    for rupture in GRID_RUPTURE:
        for repair in GRID_REPAIR:
            m = _calibrate_exact(*targets, rupture, repair)
            values = [m.sd_unique, m.sd_shared, m.sd_item, m.scale, m.early_mean, m.early_var]
            entries.append([[*targets, rupture, repair], [*values, list(m.hermite)]])
            print(f"rupture {rupture:.2f} repair {repair:.2f}", file=sys.stderr, flush=True)
    return {"fingerprint": fingerprint(), "entries": entries}


def main() -> int:
    """Write ``calibration_table.json`` beside this module."""
    table = build_table()
    TABLE_PATH.write_text(json.dumps(table, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {len(table['entries'])} calibrations to {TABLE_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
