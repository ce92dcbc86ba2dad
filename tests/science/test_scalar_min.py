"""brent_minimum returns the same floats as scipy's bounded minimize_scalar it replaces."""

from __future__ import annotations

import math
import subprocess
import sys
from collections.abc import Callable

import numpy as np
import pytest
from scipy import optimize

from alliance_widgets.science.scalar_min import brent_minimum


def _scipy(
    f: Callable[[float], float], low: float, high: float, xatol: float
) -> tuple[float, float]:
    res = optimize.minimize_scalar(
        f, bounds=(low, high), method="bounded", options={"xatol": xatol}
    )
    return float(res.x), float(res.fun)


@pytest.mark.parametrize("xatol", [1e-10, 1e-5, 1e-2])
def test_random_functions_match_scipy_bit_for_bit(xatol: float) -> None:
    rng = np.random.default_rng(3)
    for _ in range(400):
        c, s, kind = rng.uniform(-2, 3), 10 ** rng.uniform(-3, 3), int(rng.integers(0, 3))

        def f(x: float, c: float = c, s: float = s, kind: int = kind) -> float:
            if kind == 0:
                return s * (x - c) ** 2
            if kind == 1:
                return s * math.cosh(x - c) + 0.1 * math.sin(5 * x)
            return -s * math.exp(-((x - c) ** 2)) + 0.01 * x**4

        assert brent_minimum(f, -1.0, 2.0, xatol=xatol) == _scipy(f, -1.0, 2.0, xatol)


def test_the_reml_fit_is_unchanged() -> None:
    """The kit's REML fit gives the same ICC with either search."""
    from alliance_widgets.science.generator import simulate
    from alliance_widgets.science.reml import _RHO_MAX, RandomIntercept

    clients = simulate(n_therapists=12, clients_per_therapist=8, items=False, seed=5).clients
    y = clients["improvement"].to_numpy(float)
    model = RandomIntercept(y, np.ones((len(y), 1)), clients["therapist_id"].to_numpy())
    fit = model.fit()
    x, fx = _scipy(lambda r: -model.loglik(r), 0.0, _RHO_MAX, 1e-10)
    assert fit.rho in (x, 0.0) and (fit.rho == 0.0 or fit.loglik == -fx)


def test_a_minimum_at_an_end_is_approached() -> None:
    x, _ = brent_minimum(lambda x: x, 0.0, 1.0, xatol=1e-9)
    assert 0.0 < x < 1e-8


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"low": 1.0, "high": 0.0}, "low must be below high"),
        ({"low": 0.0, "high": 1.0, "xatol": 0}, "xatol must be"),
        ({"low": 0.0, "high": 1.0, "maxfun": 0}, "maxfun must be"),
    ],
)
def test_bad_input_names_the_parameter(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        brent_minimum(math.cos, **kwargs)


def test_too_few_evaluations_raise() -> None:
    with pytest.raises(RuntimeError, match="did not converge in 3 evaluations"):
        brent_minimum(lambda x: (x - 0.123) ** 2, 0.0, 1.0, xatol=1e-12, maxfun=3)


def test_fitting_a_therapist_icc_does_not_import_scipy_optimize() -> None:
    code = (
        "import sys\n"
        "from alliance_widgets.science.generator import simulate\n"
        "from alliance_widgets.science import therapist_icc\n"
        "c = simulate(n_therapists=10, clients_per_therapist=6, items=False, seed=2).clients\n"
        "therapist_icc(c, outcome='improvement')\n"
        "print('scipy.optimize' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False", done.stderr
