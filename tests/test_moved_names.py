"""Names that moved to their one home still import from the old path, with a warning."""

from __future__ import annotations

import importlib
import subprocess
import sys
import warnings

import pytest

MOVED = [
    # (old module, name, new module)
    (
        "alliance_widgets.widgets.ruptures",
        "repair_share_by_client",
        "alliance_widgets.science.repair",
    ),
    (
        "alliance_widgets.widgets.ruptures",
        "improvement_by_repair",
        "alliance_widgets.science.repair",
    ),
    (
        "alliance_widgets.widgets.feedback",
        "preset_course",
        "alliance_widgets.science.feedback_courses",
    ),
    (
        "alliance_widgets.widgets.feedback",
        "illustrate_feedback",
        "alliance_widgets.science.feedback_courses",
    ),
    ("alliance_widgets.widgets.lambert", "rebalance", "alliance_widgets.science.shares"),
    ("alliance_widgets.science.outcome", "clinical_cutoffs", "alliance_widgets.science.cutoffs"),
    ("alliance_widgets.science.outcome", "ClinicalCutoffs", "alliance_widgets.science.cutoffs"),
    ("alliance_widgets.science.effects", "besd_sentence", "alliance_widgets.science.besd"),
    (
        "alliance_widgets.science.effects",
        "binomial_effect_size_display",
        "alliance_widgets.science.besd",
    ),
    ("alliance_widgets.science.multilevel", "therapist_icc", "alliance_widgets.science.icc"),
    ("alliance_widgets.science.multilevel", "anova_icc", "alliance_widgets.science.icc"),
    ("alliance_widgets.widgets.base", "StateError", "alliance_widgets.widgets.base_state"),
    ("alliance_widgets.widgets.base", "linked", "alliance_widgets.widgets.base_state"),
    ("alliance_widgets.widgets.base", "check_real", "alliance_widgets.science.validation"),
    ("alliance_widgets.widgets.base", "records", "alliance_widgets.charts.common"),
    ("alliance_widgets.widgets.base", "DEFAULT_FRAME", "alliance_widgets.widgets.base_view"),
]


@pytest.mark.parametrize(("old", "name", "new"), MOVED)
def test_a_moved_name_still_imports_from_its_old_home_with_a_warning(old, name, new):
    with pytest.warns(DeprecationWarning, match=f"moved to {new}.{name}"):
        value = getattr(importlib.import_module(old), name)
    assert value is getattr(importlib.import_module(new), name)
    assert name not in getattr(importlib.import_module(old), "__all__", ())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        getattr(importlib.import_module(new), name)


def test_science_simulate_is_the_function_whatever_was_imported_first():
    # The module science/simulate.py used to replace the package attribute `simulate` (the
    # function) once anything imported it; now the generator is science/generator.py.
    code = (
        "import warnings\n"
        "warnings.simplefilter('error')\n"
        "import alliance_widgets.widgets.therapists, alliance_widgets.science.generator\n"
        "import alliance_widgets as aw\n"
        "from alliance_widgets import science\n"
        "assert science.simulate is aw.simulate, science.simulate\n"
        "print(science.simulate(seed=1, n_therapists=3, clients_per_therapist=2,"
        " items=False).clients.shape[0])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "6"


def test_the_old_simulate_module_path_warns_and_still_calls_the_generator():
    code = (
        "import warnings\n"
        "with warnings.catch_warnings(record=True) as w:\n"
        "    warnings.simplefilter('always')\n"
        "    from alliance_widgets.science.simulate import simulate, implied_outcome\n"
        "assert any('science.generator' in str(x.message) for x in w), w\n"
        "from alliance_widgets import science\n"
        "print(science.simulate(seed=1, n_therapists=3, clients_per_therapist=2,"
        " items=False).clients.shape[0], simulate.__module__)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["6", "alliance_widgets.science.generator"]
