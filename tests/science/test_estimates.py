"""The shared Estimate result type."""

from __future__ import annotations

import dataclasses

import pytest

from alliance_widgets.science import Estimate


def test_str_and_format() -> None:
    e = Estimate(0.2781, 0.2562, 0.2994, label="r", n=100)
    assert str(e) == "r = 0.28, 95% CI [0.26, 0.30]"
    assert e.format("alliance–outcome r", 3) == "alliance–outcome r = 0.278, 95% CI [0.256, 0.299]"
    assert Estimate(1, 0, 2, level=0.9).format() == "estimate = 1.00, 90% CI [0.00, 2.00]"
    assert Estimate(1, 0, 2, level=0.995).format().endswith("99.5% CI [0.00, 2.00]")


def test_frozen_and_dict() -> None:
    e = Estimate(0.5, 0.4, 0.6, method="m", n=10, label="x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.value = 1.0
    assert e.as_dict() == {
        "value": 0.5,
        "low": 0.4,
        "high": 0.6,
        "level": 0.95,
        "method": "m",
        "n": 10,
        "label": "x",
    }
    assert e.width == pytest.approx(0.2)
    assert e.contains(0.45) and not e.contains(0.7)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"value": float("nan"), "low": 0, "high": 1}, "value must be a finite number"),
        ({"value": 0.5, "low": float("-inf"), "high": 1}, "low must be a finite number; got -inf"),
        ({"value": 0.5, "low": 0, "high": float("inf")}, "high must be a finite number; got inf"),
        ({"value": 0.5, "low": 0.6, "high": 0.4}, "low ≤ high"),
        ({"value": 0.5, "low": 0.4, "high": 0.6, "level": 1.0}, "level"),
        ({"value": "a", "low": 0.4, "high": 0.6}, "value must be a finite number; got 'a'"),
    ],
)
def test_bad_values(kwargs: dict, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        Estimate(**kwargs)
