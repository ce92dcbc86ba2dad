"""brent_root returns the same float as scipy.optimize.brentq, which it replaces."""

from __future__ import annotations

import math
import subprocess
import sys
from collections.abc import Callable

import numpy as np
import pytest
from scipy import optimize

from alliance_widgets.science.roots import brent_root
from alliance_widgets.science.simulate_model import Measurement, calibrate_measurement
from alliance_widgets.science.simulate_params import DEFAULT_PARAMS

FUNCTIONS: list[tuple[str, Callable[[float], float], float, float]] = [
    ("sqrt 2", lambda x: x * x - 2.0, 0.0, 2.0),
    ("cos", math.cos, 0.0, 3.0),
    ("steep cubic", lambda x: (x - 0.3) ** 3 * 1e6 + (x - 0.3), -5.0, 5.0),
    ("flat near root", lambda x: math.exp(-1.0 / max(x, 1e-300) ** 2) - 1e-3, 0.05, 3.0),
    ("reversed bracket", lambda x: math.tanh(x - 0.7), 4.0, -1.0),
    ("root near 0", lambda x: x - 1e-14, -1.0, 1.0),
    ("kinked", lambda x: abs(x - 0.2) ** 0.5 * math.copysign(1.0, x - 0.2), -1.0, 1.5),
    ("big numbers", lambda x: 1e8 * (x - 12345.678), 0.0, 1e6),
]


@pytest.mark.parametrize(("name", "f", "low", "high"), FUNCTIONS, ids=[f[0] for f in FUNCTIONS])
@pytest.mark.parametrize("xtol", [2e-12, 1e-12, 1e-6, 1e-2])
def test_brent_root_is_scipy_brentq_bit_for_bit(
    name: str, f: Callable[[float], float], low: float, high: float, xtol: float
) -> None:
    assert brent_root(f, low, high, xtol=xtol) == optimize.brentq(f, low, high, xtol=xtol)


def test_random_cubics_match_scipy_brentq() -> None:
    rng = np.random.default_rng(11)
    for _ in range(300):
        r1, r2, r3 = sorted(rng.uniform(-3, 3, 3))
        scale = 10 ** rng.uniform(-4, 4)

        def f(x: float, r1: float = r1, r2: float = r2, r3: float = r3, s: float = scale) -> float:
            return s * (x - r1) * (x - r2) * (x - r3)

        low = r1 + (r2 - r1) * rng.uniform(0.05, 0.95)
        high = r3 + rng.uniform(0.01, 2.0)
        if f(low) * f(high) >= 0:
            continue
        assert brent_root(f, low, high, xtol=1e-12) == optimize.brentq(f, low, high, xtol=1e-12)


def _latent_icc_scipy(m: Measurement, icc: float) -> float:
    target = icc * m.early_var
    return float(optimize.brentq(lambda r: m.between_cov(r) - target, 0.0, 0.999, xtol=1e-12))


@pytest.mark.parametrize("rupture_rate", [0.0, 0.25, 0.6])
@pytest.mark.parametrize("icc", [0.01, 0.05, 0.06, 0.15, 0.3])
def test_the_generators_latent_icc_is_unchanged(rupture_rate: float, icc: float) -> None:
    """simulate_model._latent_icc's root, for stored calibrations: same bits as before."""
    from alliance_widgets.science.simulate_model import _latent_icc

    p = DEFAULT_PARAMS
    m = calibrate_measurement(
        p["item_alpha"], p["r_goals_tasks"], p["r_bond_others"], rupture_rate, p["repair_rate"]
    )
    assert _latent_icc(m, icc) == _latent_icc_scipy(m, icc)


def test_roots_at_the_ends_are_returned_exactly() -> None:
    assert brent_root(lambda x: x, 0.0, 1.0) == 0.0
    assert brent_root(lambda x: x - 1.0, 0.0, 1.0) == 1.0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"f": lambda x: x - 5.0, "low": 0.0, "high": 1.0}, "opposite signs"),
        ({"f": lambda x: math.nan, "low": 0.0, "high": 1.0}, "opposite signs"),
        ({"f": lambda x: x, "low": -1.0, "high": 1.0, "xtol": 0.0}, "xtol must be"),
        ({"f": lambda x: x, "low": -1.0, "high": 1.0, "rtol": 1e-17}, "rtol must be"),
        ({"f": lambda x: x, "low": -1.0, "high": 1.0, "maxiter": 0}, "maxiter must be"),
    ],
)
def test_bad_input_names_the_parameter(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        brent_root(**kwargs)


def test_no_convergence_raises() -> None:
    with pytest.raises(RuntimeError, match="did not converge in 2 iterations"):
        brent_root(lambda x: x**3 - 0.123, -10.0, 10.0, maxiter=2)


def test_the_generator_does_not_import_scipy_optimize() -> None:
    """Simulating a study at stored calibrations leaves scipy.optimize out of the process."""
    code = (
        "import sys\n"
        "from alliance_widgets.science.generator import simulate\n"
        "simulate(n_therapists=4, clients_per_therapist=5, seed=1)\n"
        "print('scipy.optimize' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False", done.stderr
