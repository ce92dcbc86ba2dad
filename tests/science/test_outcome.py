"""Jacobson & Truax (1991) reliable and clinically significant change."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from alliance_widgets import literature as lit
from alliance_widgets.science import (
    CHANGE_CATEGORIES,
    ClinicalCutoffs,
    classify_change,
    clinical_cutoffs,
    reliable_change_index,
    reliable_change_threshold,
)


def test_rci_by_hand() -> None:
    # SE = 7.5·√(1 − .84) = 3.0; Sdiff = √(2·9) = 4.2426; RCI = −12 / 4.2426
    rci = reliable_change_index(70, 58, sd_pre=7.5, reliability=0.84)
    assert rci == pytest.approx(-12 / math.sqrt(18))


def test_rci_keeps_the_container() -> None:
    pre = pd.Series([80.0, 70.0], index=["a", "b"])
    post = pd.Series([60.0, 75.0], index=["a", "b"])
    out = reliable_change_index(pre, post, sd_pre=10, reliability=0.8)
    assert isinstance(out, pd.Series) and list(out.index) == ["a", "b"]
    arr = reliable_change_index(np.array([80.0]), np.array([60.0]), sd_pre=10, reliability=0.8)
    assert isinstance(arr, np.ndarray)


def test_threshold_reproduces_a_published_style_figure() -> None:
    # With the OQ-45's retest reliability (.84) an SD of about 15.8 gives 1.96·Sdiff ≈ 17.5;
    # the check is the algebra: threshold / Sdiff is the criterion 1.96.
    sd, rxx = 15.8, lit.OQ45_RETEST.value
    s_diff = math.sqrt(2) * sd * math.sqrt(1 - rxx)
    assert reliable_change_threshold(sd_pre=sd, reliability=rxx) == pytest.approx(
        lit.JACOBSON_TRUAX_CRITERION.value * s_diff
    )
    # a change of exactly the threshold has |RCI| = 1.96
    t = reliable_change_threshold(sd_pre=sd, reliability=rxx)
    assert abs(reliable_change_index(90, 90 - t, sd_pre=sd, reliability=rxx)) == pytest.approx(1.96)


@pytest.mark.parametrize(
    ("kwargs", "exc", "match"),
    [
        ({"sd_pre": 0, "reliability": 0.8}, ValueError, "sd_pre must be"),
        ({"sd_pre": 10, "reliability": 1.0}, ValueError, "reliability must be"),
        ({"sd_pre": 10, "reliability": -0.1}, ValueError, "reliability must be"),
        ({"sd_pre": "10", "reliability": 0.8}, TypeError, "sd_pre must be"),
    ],
)
def test_rci_bad_parameters(kwargs: dict, exc: type, match: str) -> None:
    with pytest.raises(exc, match=match):
        reliable_change_index(80, 60, **kwargs)


def test_rci_shape_mismatch() -> None:
    with pytest.raises(ValueError, match="same shape"):
        reliable_change_index([1, 2], [1, 2, 3], sd_pre=10, reliability=0.8)


def test_cutoffs_by_hand() -> None:
    cut = clinical_cutoffs(mean_dys=83, sd_dys=18, mean_func=45, sd_func=19)
    assert isinstance(cut, ClinicalCutoffs)
    assert cut.a == pytest.approx(83 - 36)
    assert cut.b == pytest.approx(45 + 38)
    assert cut.c == pytest.approx((19 * 83 + 18 * 45) / 37)
    # equal SDs: c is the midpoint
    assert clinical_cutoffs(80, 10, 40, 10).c == pytest.approx(60)


def test_cutoffs_mirror_for_higher_is_better() -> None:
    # ORS-like scale: dysfunctional mean low
    cut = clinical_cutoffs(mean_dys=19, sd_dys=5, mean_func=30, sd_func=5)
    assert cut == pytest.approx((29.0, 20.0, 24.5))


def test_classify_defaults_are_the_oq45_figures() -> None:
    assert lit.OQ45_RELIABLE_CHANGE.value == 14
    # 14 points exactly is reliable; 13 is not
    assert classify_change(80, 66) == "improved"
    assert classify_change(80, 67) == "unchanged"
    # crossing the 63.5 cutoff: 64 is dysfunctional, 63 functional
    assert classify_change(78, 63) == "recovered"
    assert classify_change(78, 64) == "improved"
    assert classify_change(60, 46) == "improved"  # started functional: cannot recover
    assert classify_change(50, 64) == "deteriorated"
    assert classify_change(50, 63) == "unchanged"


def test_classify_arrays_series_and_nan() -> None:
    pre = pd.Series([85.0, 85.0, 60.0, np.nan, 70.0], index=list("abcde"))
    post = pd.Series([60.0, 80.0, 80.0, 50.0, np.nan], index=list("abcde"))
    out = classify_change(pre, post)
    assert isinstance(out.dtype, pd.CategoricalDtype) and out.cat.ordered
    assert list(out.cat.categories) == list(CHANGE_CATEGORIES)
    assert out.iloc[:3].tolist() == ["recovered", "unchanged", "deteriorated"]
    assert out.isna().tolist() == [False, False, False, True, True]
    assert list(out.index) == list("abcde")
    arr = classify_change(np.array([90.0, 90.0]), np.array([70.0, 50.0]))
    assert arr.tolist() == ["improved", "recovered"]


def test_classify_higher_is_better() -> None:
    kw = {"reliable_change": 5, "cutoff": 25, "lower_is_better": False}
    assert classify_change(20, 26, **kw) == "recovered"
    assert classify_change(26, 32, **kw) == "improved"
    assert classify_change(30, 24, **kw) == "deteriorated"
    assert classify_change(20, 24, **kw) == "unchanged"


def test_classify_rejects_missing_scalars_and_bad_options() -> None:
    with pytest.raises(ValueError, match="post is missing"):
        classify_change(80, float("nan"))
    with pytest.raises(ValueError, match="reliable_change must be"):
        classify_change(80, 60, reliable_change=0)
    with pytest.raises(TypeError, match="lower_is_better must be True or False"):
        classify_change(80, 60, lower_is_better="yes")
    with pytest.raises(TypeError, match="pre must be"):
        classify_change("eighty", 60)
    with pytest.raises(ValueError, match="infinite"):
        classify_change([80, np.inf], [60, 60])


def test_classify_empty_arrays_give_an_empty_series() -> None:
    out = classify_change([], [])
    assert isinstance(out, pd.Series) and len(out) == 0


def test_classification_agrees_with_the_rci_on_a_grid() -> None:
    """Reliable improvement by points and by |RCI| ≥ 1.96 agree when the threshold is the same."""
    sd, rxx = 10.0, 0.8
    thr = reliable_change_threshold(sd_pre=sd, reliability=rxx)
    rng = np.random.default_rng(0)
    pre = rng.uniform(40, 120, 500)
    post = pre + rng.normal(0, 15, 500)
    cats = classify_change(pre, post, reliable_change=thr, cutoff=63.0)
    rci = reliable_change_index(pre, post, sd_pre=sd, reliability=rxx)
    better = np.asarray(cats.isin(["recovered", "improved"]))
    np.testing.assert_array_equal(better, rci <= -1.96 + 1e-12)
    np.testing.assert_array_equal(np.asarray(cats == "deteriorated"), rci >= 1.96 - 1e-12)


def test_two_series_are_matched_by_label_not_position() -> None:
    # The same clients in another order: each client's own pre and post are compared.
    pre = pd.Series([85.0, 60.0], index=["ana", "ben"])
    post = pd.Series([60.0, 85.0], index=["ben", "ana"])
    out = classify_change(pre, post)
    assert out.tolist() == ["unchanged", "unchanged"] and list(out.index) == ["ana", "ben"]
    rci = reliable_change_index(pre, post, sd_pre=10, reliability=0.8)
    np.testing.assert_allclose(rci.to_numpy(), [0.0, 0.0])
    with pytest.raises(ValueError, match=r"different labels \(only in pre: \['ana'\]"):
        classify_change(pre, post.rename({"ana": "cai"}))
    # one Series and one list pair by position and keep the Series' labels
    mixed = classify_change([85.0, 60.0], pd.Series([60.0, 80.0], index=["x", "y"]))
    assert list(mixed.index) == ["x", "y"] and mixed.tolist() == ["recovered", "deteriorated"]
