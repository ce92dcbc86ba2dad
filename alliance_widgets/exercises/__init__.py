"""Exercise checks with immediate, specific feedback for the lessons.

A learner writes an answer (``answer = None  # your answer here``), runs the check cell and
reads at once whether it is correct, partly correct, not yet right or not answered yet,
what is right, what is wrong, and a hint. Every check returns a
:class:`~alliance_widgets.exercises.feedback.Feedback`, which displays itself as Markdown in
a notebook and as the same words in plain text (what nbval compares in CI).

Layout and protocol (for lesson authors)
----------------------------------------
``feedback.py``
    :class:`Feedback`, the four statuses and :func:`combine` (merge part-answers).
``generic.py``
    Primitives: :func:`check_number`, :func:`check_numbers`, :func:`check_choice`,
    :func:`check_choices`, :func:`check_bool`, :func:`check_dataframe_columns`,
    :func:`check_key_ideas`.
``lessonNN.py`` (``lesson00.py`` … ``lesson08.py``)
    The checks of lesson NN, one ``check_*`` function per exercise, built on the
    primitives. Rules:

    * the first parameter is the learner's answer; ``None`` gives "not answered yet" and a
      hint, never an exception;
    * expected values are computed from :mod:`alliance_widgets.literature` or the science
      layer (or from the data the learner was given, passed as a parameter), never typed
      in as numbers;
    * name the exercise (``name="Exercise 4.1"``) so the feedback says which it is; give
      a ``hint`` that helps without giving the answer away, ``why_wrong`` / ``mistakes``
      for the misconceptions a wrong answer reveals, and ``scope`` when the check tests
      only part of the answer;
    * add each public check to ``_EXPORTS`` below, in your lesson's block only, so lessons
      can write ``from alliance_widgets.exercises import check_misquote``;
    * give each check a doctest that shows one correct and one wrong answer.

Examples
--------
>>> from alliance_widgets.exercises import check_number
>>> check_number(None, 2.0, name="Exercise 0.1").status
'not answered yet'
>>> check_number(2, 2.0, name="Exercise 0.1").ok
True
"""

from __future__ import annotations

from alliance_widgets._lazy import lazy_exports

# name -> submodule that defines it. Each lesson author edits only their lesson's block.
_EXPORTS: dict[str, str] = {
    # feedback.py
    "Feedback": "feedback",
    "combine": "feedback",
    "CORRECT": "feedback",
    "PARTLY": "feedback",
    "INCORRECT": "feedback",
    "UNANSWERED": "feedback",
    # generic.py
    "check_number": "generic",
    "check_numbers": "generic",
    "check_choice": "generic",
    "check_choices": "generic",
    "check_bool": "generic",
    "check_dataframe_columns": "generic",
    "check_key_ideas": "generic",
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
    "check_repair_variance": "lesson05",
    "check_repair_evidence": "lesson05",
    "check_repair_statement": "lesson05",
    "ICC_MEANING_OPTIONS": "lesson06",
    "BALDWIN_OPTIONS": "lesson06",
    "check_icc_from_variances": "lesson06",
    "check_icc_meaning": "lesson06",
    "check_within_centring": "lesson06",
    "check_baldwin_finding": "lesson06",
    "check_larger_slope": "lesson06",
    "FEEDBACK_EFFECT_OPTIONS": "lesson07",
    "check_change_categories": "lesson07",
    "check_reliable_change_threshold": "lesson07",
    "check_signal": "lesson07",
    "check_feedback_effect": "lesson07",
    "check_recovered_share": "lesson07",
    "check_capstone_r": "lesson08",
    "check_capstone_variance": "lesson08",
    "check_capstone_ci": "lesson08",
    "check_capstone_in_interval": "lesson08",
    "check_capstone_icc": "lesson08",
    "check_capstone_writeup": "lesson08",
}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
