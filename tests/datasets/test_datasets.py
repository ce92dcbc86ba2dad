"""The shipped datasets: loading, codebooks, schemas honoured, and build/verify."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

import alliance_widgets
from alliance_widgets import codebook, list_datasets, load_dataset
from alliance_widgets.datasets import build as datasets_build
from alliance_widgets.datasets.build import dataset_tables
from alliance_widgets.datasets.specs import SPECS, SYNTHETIC_STATEMENT
from alliance_widgets.science import CAUSAL_MODELS
from alliance_widgets.science.generator import simulate

ROOT = Path(__file__).resolve().parents[2] / "datasets"
NAMES = sorted(SPECS)
PLOTTED = ("sessions", "clients")  # tables the charts draw row by row
MAX_PLOTTED_ROWS = 5000  # altair's default row limit (STACK.md)


def descriptor(name: str, root: Path = ROOT) -> dict[str, Any]:
    return dict(json.loads((root / name / "datapackage.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fresh") / "datasets"
    datasets_build.build([], root)
    return root


def test_list_datasets_is_sorted_and_matches_the_specs() -> None:
    assert list_datasets() == NAMES


@pytest.mark.parametrize("bad", ["clinik", "", 3, None])
def test_unknown_name_lists_the_known_ones(bad: Any) -> None:
    with pytest.raises(ValueError, match=r"name must be one of 'causal', .*'ruptures'; got "):
        load_dataset(bad)
    with pytest.raises(ValueError, match=repr(bad).replace("(", r"\(")):
        codebook(bad)


@pytest.mark.parametrize("name", NAMES)
def test_loaded_tables_equal_the_generator_output(name: str) -> None:
    data = load_dataset(name)
    made = dataset_tables(SPECS[name])[0]
    if not SPECS[name].worlds:
        # a one-study dataset is remade from its recorded parameters alone
        study = simulate(**{**data.params, "items": data.items is not None})
        made = {t: getattr(study, t) for t in made}
    assert set(data.tables) == set(SPECS[name].tables)
    for table in ("sessions", "clients", "items"):
        if table not in data.tables:
            assert getattr(data, table) is None
            continue
        loaded = getattr(data, table)
        assert loaded is data.tables[table]
        # dtypes exactly as simulate() gives them; floats stored with 4 decimals
        assert loaded.dtypes.to_dict() == made[table].dtypes.to_dict()
        assert_frame_equal(loaded, made[table], check_exact=False, atol=5.1e-5, rtol=0)


def test_dtypes_of_the_clinic() -> None:
    data = load_dataset("clinic")
    s, c = data.sessions, data.clients
    assert s is not None and c is not None
    assert isinstance(s["client_id"].dtype, pd.CategoricalDtype)
    assert isinstance(s["therapist_id"].dtype, pd.CategoricalDtype)
    assert s["repaired"].dtype == "boolean"
    assert s["rupture"].dtype == bool
    assert c["change_category"].cat.ordered
    assert c["change_category"].cat.categories[0] == "recovered"


def _check_constraints(df: pd.DataFrame, field: dict[str, Any]) -> None:
    col, cons = df[field["name"]], field.get("constraints", {})
    if cons.get("required"):
        assert not col.isna().any(), field["name"]
    values = col.dropna()
    if "minimum" in cons:
        assert (values >= cons["minimum"]).all(), field["name"]
    if "maximum" in cons:
        assert (values <= cons["maximum"]).all(), field["name"]
    if "enum" in cons:
        assert set(values.astype(str)) <= set(cons["enum"]), field["name"]
    if "pattern" in cons:
        assert values.astype(str).str.fullmatch(cons["pattern"]).all(), field["name"]


@pytest.mark.parametrize("name", NAMES)
def test_every_column_honours_its_schema(name: str) -> None:
    data = load_dataset(name)
    for resource in descriptor(name)["resources"]:
        df = data.tables[resource["name"]]
        schema = resource["schema"]
        assert [f["name"] for f in schema["fields"]] == list(df.columns)
        for field in schema["fields"]:
            _check_constraints(df, field)
            assert field["description"]
        assert not df.duplicated(schema["primaryKey"]).any()
        if resource["name"] != "clients" and "clients" in data.tables:
            assert set(df["client_id"]) <= set(data.tables["clients"]["client_id"])


@pytest.mark.parametrize("name", NAMES)
def test_descriptor_is_a_complete_tabular_data_package(name: str) -> None:
    d = descriptor(name)
    assert d["profile"] == "tabular-data-package"
    assert d["licenses"][0]["name"] == "CC0-1.0"
    assert SYNTHETIC_STATEMENT in d["description"]
    assert "not clinical data" in SYNTHETIC_STATEMENT
    assert SYNTHETIC_STATEMENT in (ROOT / name / "README.md").read_text(encoding="utf-8")
    prov = d["provenance"]
    assert prov["seed"] == SPECS[name].params["seed"] == prov["parameters"]["seed"]
    assert prov["kit_version"] == alliance_widgets.__version__
    for r in d["resources"]:
        data = (ROOT / name / r["path"]).read_bytes()
        assert (r["format"], r["mediatype"], r["encoding"]) == ("csv", "text/csv", "utf-8")
        assert r["bytes"] == len(data)
        assert r["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        assert b"\r" not in data


def test_codebook_has_a_row_per_column_with_units() -> None:
    cb = codebook("clinic")
    assert list(cb.columns) == ["table", "column", "type", "unit", "constraints", "description"]
    data = load_dataset("clinic")
    assert len(cb) == sum(df.shape[1] for df in data.tables.values())
    outcome = cb[(cb["table"] == "sessions") & (cb["column"] == "outcome")].iloc[0]
    assert "OQ-45" in outcome["unit"] and outcome["constraints"].startswith("0 to 180")
    repaired = cb[cb["column"] == "repaired"].iloc[0]
    assert repaired["constraints"] == "may be empty"


def test_plotted_tables_stay_under_altairs_row_limit_and_the_folder_is_small() -> None:
    for name in NAMES:
        for table, df in load_dataset(name).tables.items():
            # causal's sessions are analysed (lagged regressions), never drawn row by row
            if table in PLOTTED and (name, table) != ("causal", "sessions"):
                assert len(df) < MAX_PLOTTED_ROWS, (name, table, len(df))
    total = sum(p.stat().st_size for p in ROOT.rglob("*") if p.is_file())
    assert total < 3_000_000


def test_the_world_datasets_differ_only_in_variance_model() -> None:
    lam, emp = load_dataset("lambert_world").params, load_dataset("empirical_world").params
    differ = {k for k in lam if lam[k] != emp[k]}
    assert differ <= {"variance_model", "alliance_outcome_r", "therapist_icc_outcome"}
    assert isinstance(lam["variance_model"], dict) and emp["variance_model"] == "empirical"


def test_the_feedback_dataset_has_clients_off_track() -> None:
    from alliance_widgets.science.feedback import feedback_signals

    data = load_dataset("feedback")
    assert data.sessions is not None and data.clients is not None
    intake = data.clients.set_index("client_id")["intake_outcome"]
    off = 0
    for cid, g in data.sessions.groupby("client_id", observed=True):
        signals = feedback_signals(g.set_index("session")["outcome"], intake=intake[cid])
        off += bool(signals["signal"].isin(["yellow", "red"]).any())
    assert off >= 0.2 * len(data.clients)


def test_a_fresh_build_is_byte_identical(fresh: Path) -> None:
    shipped = sorted(p.relative_to(ROOT) for p in ROOT.rglob("*") if p.is_file())
    built = sorted(p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file())
    assert shipped == built
    for rel in shipped:
        assert (ROOT / rel).read_bytes() == (fresh / rel).read_bytes(), rel


def test_verify_passes_on_the_shipped_files(capsys: pytest.CaptureFixture[str]) -> None:
    assert datasets_build.main(["verify", "ruptures", "lambert_world", "--root", str(ROOT)]) == 0
    out = capsys.readouterr().out
    assert "OK   ruptures" in out and "OK   lambert_world" in out


def _copy(fresh: Path, tmp_path: Path) -> Path:
    root = tmp_path / "datasets"
    shutil.copytree(fresh, root)
    return root


def test_verify_catches_a_modified_file(
    fresh: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy(fresh, tmp_path)
    path = root / "ruptures" / "sessions.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",False,", ",True,", 1), encoding="utf-8")
    assert datasets_build.main(["verify", "ruptures", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert "FAIL ruptures" in out and "sessions.csv sha256 differs" in out
    assert "fix: alliance-kit datasets build ruptures" in out


def test_verify_catches_a_missing_table_and_an_unknown_folder(
    fresh: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy(fresh, tmp_path)
    (root / "lambert_world" / "clients.csv").unlink()
    (root / "stray").mkdir()
    assert datasets_build.verify([], root) == 1
    out = capsys.readouterr().out
    assert "clients.csv is missing" in out and "FAIL stray" in out and "OK   clinic" in out
    assert "FAIL README.md" not in out


def test_verify_catches_a_stale_index(
    fresh: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _copy(fresh, tmp_path)
    index = root / "README.md"
    index.write_text(index.read_text(encoding="utf-8") + "edited\n", encoding="utf-8")
    assert datasets_build.verify(["empirical_world"], root) == 0  # named: index not checked
    assert datasets_build.verify([], root) == 1
    assert "FAIL README.md" in capsys.readouterr().out


def test_a_version_bump_alone_does_not_fail_verify(
    fresh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _copy(fresh, tmp_path)
    monkeypatch.setattr(alliance_widgets, "__version__", "99.0.0")
    assert datasets_build.verify(["empirical_world"], root) == 0


def test_a_failed_build_leaves_the_old_files_whole(
    fresh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _copy(fresh, tmp_path)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    real = datasets_build.build_dataset

    def flaky(spec: Any, folder: Path) -> None:
        if spec.name == "lambert_world":
            raise RuntimeError("disk full")
        real(spec, folder)

    monkeypatch.setattr(datasets_build, "build_dataset", flaky)
    with pytest.raises(RuntimeError, match="disk full"):
        datasets_build.build(["empirical_world", "lambert_world"], root)
    after = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in root.iterdir() if p.is_dir()) == NAMES


def test_build_rejects_an_unknown_name(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        datasets_build.main(["build", "clinik", "--root", str(tmp_path)])
    assert not any(tmp_path.iterdir())


def test_the_causal_dataset_hides_four_worlds_that_a_lagged_analysis_tells_apart() -> None:
    from alliance_widgets.science import within_client_lagged

    data = load_dataset("causal")
    assert data.sessions is not None and data.clients is not None
    key = json.loads((ROOT / "causal" / "datapackage.json").read_text())["provenance"]["studies"]
    assert sorted(v["causal_model"] for v in key.values()) == sorted(CAUSAL_MODELS)
    assert "causal_model" not in data.params  # the world is not in the study's own params
    for letter, study in key.items():
        s = data.sessions[data.sessions["study"] == letter]
        est = within_client_lagged(s)
        z_ac = est.alliance_to_change / est.alliance_to_change_se
        z_ca = est.change_to_alliance / est.change_to_alliance_se
        world = study["causal_model"]
        assert (z_ac > 3) == (world in ("alliance_drives_change", "reciprocal")), (letter, z_ac)
        assert (z_ca > 3) == (world in ("change_drives_alliance", "reciprocal")), (letter, z_ca)
