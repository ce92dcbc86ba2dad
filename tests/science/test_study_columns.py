"""The study's columns are written once (science/columns.py) and every reader agrees."""

from __future__ import annotations

import pytest

from alliance_widgets import literature as lit
from alliance_widgets.datasets.schema import table_schema
from alliance_widgets.science.columns import STUDY_COLUMNS
from alliance_widgets.science.generator import simulate


@pytest.mark.parametrize("variance_model", ["empirical", "lambert"])
def test_the_generator_makes_exactly_the_listed_columns_in_order(variance_model: str) -> None:
    study = simulate(seed=4, n_therapists=3, clients_per_therapist=2, variance_model=variance_model)
    factors = list(lit.LAMBERT_1992_SHARES.value) if variance_model == "lambert" else []
    assert list(study.sessions.columns) == list(STUDY_COLUMNS["sessions"])
    assert list(study.clients.columns) == [*STUDY_COLUMNS["clients"], *factors]
    assert study.items is not None
    assert list(study.items.columns) == list(STUDY_COLUMNS["items"])


@pytest.mark.parametrize("table", ["sessions", "clients", "items"])
def test_the_codebook_reads_names_and_descriptions_from_the_one_list(table: str) -> None:
    study = simulate(seed=4, n_therapists=3, clients_per_therapist=2)
    fields = table_schema(table, study.params)["fields"]
    assert {f["name"]: f["description"] for f in fields} == dict(STUDY_COLUMNS[table])
