"""The kit's science: scoring, reliability, effect sizes, change, multilevel effects, simulation.

Pure numpy / pandas / scipy / statsmodels. This layer never imports ipywidgets, altair or
IPython (a test enforces it), so everything here runs in a plain script or a batch job.
Names load on first use, which keeps ``import alliance_widgets`` fast.

Examples
--------
>>> from alliance_widgets import science
>>> round(science.r_to_r2(0.278), 3)
0.077
"""

from __future__ import annotations

from alliance_widgets._lazy import lazy_exports

# name -> submodule that defines it
_EXPORTS: dict[str, str] = {
    # generator.py: the study generator (parameters in simulate_params.py)
    "simulate": "generator",
    "Study": "generator",
    "DEFAULT_PARAMS": "simulate_params",
    # causal_worlds.py / lagged.py: who drives whom, and the analysis that can tell
    "CAUSAL_MODELS": "causal_worlds",
    "LaggedTruth": "causal_calibration",
    "within_client_lagged": "lagged",
    "LaggedEffects": "lagged",
    # simulate_implied.py: what the generator implies for one alliance score
    "implied_outcome": "simulate_implied",
    "ImpliedOutcome": "simulate_implied",
    # alliance.py: WAI-SR structure and scoring
    "score_wai_sr": "alliance",
    "WAI_SR_SUBSCALES": "alliance",
    "WAI_SR_ITEMS": "alliance",
    "early_alliance_parts": "alliance",
    "percentile_in": "alliance",
    # reliability.py
    "cronbach_alpha": "reliability",
    "mcdonald_omega": "reliability",
    # estimates.py: the result type shared by estimators
    "Estimate": "estimates",
    # effects.py
    "correlation_ci": "effects",
    "r_to_r2": "effects",
    "r_to_d": "effects",
    "d_to_r": "effects",
    "binomial_effect_size_display": "besd",
    "besd_sentence": "besd",
    "r_interval": "effects",
    # outcome.py, cutoffs.py: Jacobson & Truax
    "reliable_change_index": "outcome",
    "clinical_cutoffs": "cutoffs",
    "classify_change": "outcome",
    "reliable_change_threshold": "outcome",
    "ClinicalCutoffs": "cutoffs",
    "CHANGE_CATEGORIES": "outcome",
    # feedback.py: expected recovery and signals
    "expected_trajectory": "feedback",
    "feedback_signals": "feedback",
    "SIGNALS": "feedback",
    # icc.py, multilevel.py
    "therapist_icc": "icc",
    "between_within_effects": "multilevel",
    "multilevel_summary": "multilevel",
    "anova_icc": "icc",
    # variance.py
    "lambert_shares": "variance",
    "empirical_estimates": "variance",
    "variance_explained": "variance",
    "decompose_improvement": "variance",
    # ruptures.py
    "detect_ruptures": "ruptures",
    "detect_ruptures_by_client": "ruptures",
    # repair.py: rupture episodes, repair by client and by group
    "rupture_episodes": "repair",
    "repair_share_by_client": "repair",
    "improvement_by_repair": "repair",
    # feedback_courses.py: example OQ-45 courses, the feedback effect in points
    "preset_course": "feedback_courses",
    "illustrate_feedback": "feedback_courses",
    # shares.py
    "rebalance": "shares",
}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
