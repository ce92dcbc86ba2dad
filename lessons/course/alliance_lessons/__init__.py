"""The course's own exercise checks: one module per lesson, beside the lessons they serve.

This package is course content, not kit API (DESIGN.md, principle 11): the vignettes,
options and "Exercise 2.1" checks of lessons 00–09. It is built on the kit's reusable
machinery in :mod:`alliance_widgets.exercises` (:class:`Feedback`, the generic ``check_*``
primitives); the kit itself never imports this package. It is installed with the kit
(``pyproject.toml`` maps ``lessons/course/alliance_lessons`` into the wheel and the
editable install), so a lesson writes ``import alliance_lessons as ex``.

Rules for lesson authors
------------------------
* ``lessonNN.py`` holds the checks of lesson NN, one ``check_*`` function per exercise;
* the first parameter is the learner's answer; ``None`` gives "not answered yet" and a
  hint, never an exception;
* expected values are computed from :mod:`alliance_widgets.literature` or the science
  layer (or from the data the learner was given, passed as a parameter), never typed in;
* name the exercise (``name="Exercise 4.1"``), give a ``hint`` that helps without giving
  the answer away, and a doctest with one correct and one wrong answer;
* add each public check to ``_EXPORTS`` below, in your lesson's block only.

Examples
--------
>>> import alliance_lessons as ex
>>> ex.check_scale_points(None).status
'not answered yet'
"""

from __future__ import annotations

from alliance_widgets._lazy import lazy_exports

# name -> lesson module that defines it. Each lesson author edits only their lesson's block.
_EXPORTS: dict[str, str] = {
    # lesson00.py … lesson04.py (lessons infrastructure engineer)
    "check_scale_points": "lesson00",
    "check_not_a_component": "lesson00",
    "check_doctor_verdict": "lesson00",
    "check_scenarios": "lesson01",
    "check_wai_sr_ranges": "lesson01",
    "check_subscale_mean": "lesson01",
    "check_strongest_pair": "lesson01",
    "check_lambert_evidence": "lesson02",
    "check_alliance_share": "lesson02",
    "check_lambert_comparison": "lesson02",
    "check_pie_statements": "lesson02",
    "check_count": "lesson03",
    "check_client_means": "lesson03",
    "check_improvement_points": "lesson03",
    "check_above_cutoff": "lesson03",
    "check_weak_alliance_recovered": "lesson03",
    "check_besd_gap": "lesson04",
    "check_misquote": "lesson04",
    "check_power_share": "lesson04",
    "check_causation": "lesson04",
    "check_data_correlation": "lesson04",
    "check_disattenuated_r": "lesson04",
    # lesson05.py … lesson08.py (second lessons engineer)
    "RUPTURE_VIGNETTES": "lesson05",
    "check_rupture_kinds": "lesson05",
    "check_rupture_sessions": "lesson05",
    "check_repair_share": "lesson05",
    "REPAIR_EXPLANATIONS": "lesson05",
    "REPAIR_OPENINGS": "lesson05",
    "check_repair_explanations": "lesson05",
    "check_repair_evidence": "lesson05",
    "check_repair_opening": "lesson05",
    "ICC_MEANING_OPTIONS": "lesson06",
    "BALDWIN_OPTIONS": "lesson06",
    "check_icc_from_variances": "lesson06",
    "check_icc_meaning": "lesson06",
    "check_within_centring": "lesson06",
    "check_baldwin_finding": "lesson06",
    "check_larger_slope": "lesson06",
    "check_change_categories": "lesson07",
    "check_reliable_change_threshold": "lesson07",
    "check_signal": "lesson07",
    "check_effect_in_points": "lesson07",
    "check_recovered_share": "lesson07",
    "check_capstone_r": "lesson08",
    "check_capstone_subgroup_r": "lesson08",
    "check_capstone_ci": "lesson08",
    "check_capstone_in_interval": "lesson08",
    "check_capstone_icc": "lesson08",
    "check_capstone_writeup": "lesson08",
    "WRITEUP_RUBRIC": "lesson08",
    "capstone_model_writeup": "lesson08",
    "capstone_prediction_interval": "lesson08",
    "literature_tau": "lesson08",
    # lesson09.py (issue 13: does the alliance cause change?)
    "WORLD_WORDS": "lesson09",
    "SAME_R_OPTIONS": "lesson09",
    "CAUSAL_RUBRIC": "lesson09",
    "lagged_verdict": "lesson09",
    "world_options": "lesson09",
    "rater_options": "lesson09",
    "causal_model_note": "lesson09",
    "check_same_r_everywhere": "lesson09",
    "check_mystery_r": "lesson09",
    "check_study_worlds": "lesson09",
    "check_completer_r": "lesson09",
    "check_rater_agreement": "lesson09",
    "check_causal_note": "lesson09",
}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
