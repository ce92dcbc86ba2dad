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
``data_checks.py``
    Data-aware helpers: :func:`check_proportion` (a share, not a percentage),
    :func:`require_columns`, :func:`numeric_columns`.

The checks of each lesson (vignettes, options, "Exercise 2.1") are course content and
live beside the lessons, in ``lessons/course/alliance_lessons`` (installed as the package
``alliance_lessons``). The kit never imports them; the old names
``alliance_widgets.exercises.check_scale_points`` and the like still resolve, with a
:class:`DeprecationWarning` naming the new home, until the next minor release.

Examples
--------
>>> from alliance_widgets.exercises import check_number
>>> check_number(None, 2.0, name="Exercise 0.1").status
'not answered yet'
>>> check_number(2, 2.0, name="Exercise 0.1").ok
True
"""

from __future__ import annotations

import importlib
import warnings
from typing import Any

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
    # data_checks.py
    "check_proportion": "data_checks",
    "numeric_columns": "data_checks",
    "require_columns": "data_checks",
}

__all__ = sorted(_EXPORTS)

_lazy_getattr, __dir__ = lazy_exports(__name__, _EXPORTS, globals())

# Lesson checks that lived here until they moved beside the lessons (alliance_lessons);
# checks the issue-12 rewrite removed are not forwarded (they exist nowhere now).
# Looked up by name at run time, so the library holds no import of course content.
_MOVED_TO_LESSONS = frozenset(
    {
        "check_scale_points",
        "check_not_a_component",
        "check_doctor_verdict",
        "check_scenarios",
        "check_wai_sr_ranges",
        "check_subscale_mean",
        "check_strongest_pair",
        "check_lambert_evidence",
        "check_alliance_share",
        "check_pie_statements",
        "check_count",
        "check_client_means",
        "check_above_cutoff",
        "check_misquote",
        "check_causation",
        "check_data_correlation",
        "RUPTURE_VIGNETTES",
        "check_rupture_kinds",
        "check_rupture_sessions",
        "check_repair_share",
        "check_repair_evidence",
        "ICC_MEANING_OPTIONS",
        "BALDWIN_OPTIONS",
        "check_icc_from_variances",
        "check_icc_meaning",
        "check_within_centring",
        "check_baldwin_finding",
        "check_larger_slope",
        "check_change_categories",
        "check_reliable_change_threshold",
        "check_signal",
        "check_recovered_share",
        "check_capstone_r",
        "check_capstone_ci",
        "check_capstone_in_interval",
        "check_capstone_icc",
        "check_capstone_writeup",
    }
)


def __getattr__(name: str) -> Any:
    """Resolve a lazily exported name; forward a moved lesson check with a warning."""
    if name in _MOVED_TO_LESSONS:
        warnings.warn(
            f"alliance_widgets.exercises.{name} moved to alliance_lessons.{name} (the course's "
            "own checks live beside the lessons); import it from there.",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module("alliance_lessons"), name)
    return _lazy_getattr(name)
