"""The kit's shipped datasets: list them, load them, read their codebooks.

Every dataset is a folder holding CSV tables and a Frictionless ``datapackage.json``
(types, units, ranges, provenance). They are all **synthetic — not clinical data**: made
by :func:`alliance_widgets.simulate` from a recorded seed, and remade byte for byte by
``alliance-kit datasets build``.

The files are found in the checkout's ``datasets/`` folder or, in a package installed
from a wheel, in ``alliance_widgets/_datasets`` (read with :mod:`importlib.resources`).

Examples
--------
>>> list_datasets()
['causal', 'clinic', 'empirical_world', 'feedback', 'lambert_world', 'ruptures']
>>> clinic = load_dataset("clinic")
>>> len(clinic.clients), clinic.params["seed"]
(200, 2026)
>>> clinic.sessions["repaired"].dtype
BooleanDtype
>>> codebook("clinic").query("column == 'outcome'")[["table", "unit"]].iloc[0].tolist()
['sessions', 'OQ-45 points (higher = more distress)']
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["Dataset", "codebook", "list_datasets", "load_dataset", "study_worlds"]

_PACKAGE_FILE = "datapackage.json"


@dataclass(frozen=True, eq=False)
class Dataset:
    """One loaded dataset: its tables, its description and the parameters that made it.

    Attributes
    ----------
    name, title, description : str
        From ``datapackage.json``.
    sessions, clients, items : DataFrame or None
        The tables as :func:`~alliance_widgets.simulate` returns them (ids and
        categories as categoricals, ``repaired`` nullable boolean), floats rounded to the
        4 decimals stored; ``None`` for a table the dataset does not ship.
    params : dict
        Every generator parameter, seed included: ``simulate(**params)`` remakes it.
    tables : dict
        Table name -> DataFrame, for every table shipped.
    """

    name: str
    title: str
    description: str
    sessions: pd.DataFrame | None
    clients: pd.DataFrame | None
    items: pd.DataFrame | None
    params: dict[str, Any]
    tables: dict[str, pd.DataFrame] = field(repr=False)

    def __repr__(self) -> str:
        shapes = ", ".join(f"{k}={len(v)} rows" for k, v in self.tables.items())
        return f"Dataset({self.name!r}, {shapes}, seed={self.params.get('seed')})"


#: Where a checkout keeps the shipped datasets (``alliance-kit datasets build`` writes there).
CHECKOUT_DATASETS = Path(__file__).resolve().parents[2] / "datasets"


def dataset_root(root: str | Path | Traversable | None = None) -> Traversable:
    """The folder the datasets are read from: ``root``, the installed copy, or a checkout's.

    Examples
    --------
    >>> dataset_root("somewhere")
    PosixPath('somewhere')
    """
    if root is not None:
        return Path(root) if isinstance(root, str) else root
    installed = resources.files("alliance_widgets") / "_datasets"
    if installed.is_dir():
        return installed
    checkout = CHECKOUT_DATASETS
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        "the kit's datasets were not found: neither alliance_widgets/_datasets (installed "
        f"from a wheel) nor {checkout} (a checkout) exists."
    )


def list_datasets(root: str | Path | None = None) -> list[str]:
    """Names of the available datasets, sorted.

    Parameters
    ----------
    root : path, optional
        A folder of datasets other than the kit's own (used by the build tools).

    Examples
    --------
    >>> "clinic" in list_datasets()
    True
    """
    base = dataset_root(root)
    return sorted(d.name for d in base.iterdir() if d.is_dir() and (d / _PACKAGE_FILE).is_file())


def _descriptor(name: Any, root: str | Path | None) -> tuple[Traversable, dict[str, Any]]:
    known = list_datasets(root)
    if not isinstance(name, str) or name not in known:
        listed = ", ".join(repr(k) for k in known)
        raise ValueError(f"name must be one of {listed}; got {name!r}.")
    folder = dataset_root(root) / name
    with (folder / _PACKAGE_FILE).open("r", encoding="utf-8") as fh:
        descriptor: dict[str, Any] = json.load(fh)
    return folder, descriptor


def _read_table(folder: Traversable, resource: dict[str, Any]) -> pd.DataFrame:
    fields = resource["schema"]["fields"]
    dtypes: dict[str, Any] = {}
    for f in fields:
        required = f.get("constraints", {}).get("required", False)
        dtypes[f["name"]] = {
            "integer": "int64" if required else "Int64",
            "number": "float64",
            "boolean": "bool" if required else "boolean",
        }.get(f["type"], "str")
    with (folder / resource["path"]).open("rb") as fh:
        df = pd.read_csv(fh, dtype=dtypes, keep_default_na=False, na_values=[""])
    for f in fields:
        if f["type"] == "string":
            # simulate() gives every text column as a categorical: the enum fixes the
            # order where there is one; zero-padded ids sort in the order generated.
            values = df[f["name"]]
            enum = f.get("constraints", {}).get("enum")
            categories = enum if enum is not None else sorted(values.dropna().unique())
            ordered = bool(f.get("categoriesOrdered", False))
            df[f["name"]] = pd.Categorical(values, categories=pd.Index(categories), ordered=ordered)
    return df


def load_dataset(name: str, *, root: str | Path | None = None) -> Dataset:
    """Load a shipped dataset by name.

    Parameters
    ----------
    name : str
        One of :func:`list_datasets`.
    root : path, optional
        A folder of datasets other than the kit's own.

    Returns
    -------
    Dataset

    Raises
    ------
    ValueError
        An unknown name; the message lists the known ones.

    Examples
    --------
    >>> world = load_dataset("lambert_world")
    >>> world.sessions is None, sorted(world.tables)
    (True, ['clients'])
    >>> load_dataset("clinik")
    Traceback (most recent call last):
    ...
    ValueError: name must be one of 'causal', 'clinic', ...; got 'clinik'.
    """
    folder, desc = _descriptor(name, root)
    tables = {r["name"]: _read_table(folder, r) for r in desc["resources"]}
    return Dataset(
        name=desc["name"],
        title=desc.get("title", ""),
        description=desc.get("description", ""),
        sessions=tables.get("sessions"),
        clients=tables.get("clients"),
        items=tables.get("items"),
        params=dict(desc.get("provenance", {}).get("parameters", {})),
        tables=tables,
    )


def _constraints(field_: dict[str, Any]) -> str:
    c = field_.get("constraints", {})
    parts = []
    if "minimum" in c and "maximum" in c:
        parts.append(f"{c['minimum']} to {c['maximum']}")
    elif "minimum" in c:
        parts.append(f"≥ {c['minimum']}")
    elif "maximum" in c:
        parts.append(f"≤ {c['maximum']}")
    if "enum" in c:
        parts.append("one of " + ", ".join(map(str, c["enum"])))
    if "pattern" in c:
        parts.append(f"matches {c['pattern']}")
    parts.append("required" if c.get("required") else "may be empty")
    return "; ".join(parts)


def codebook(name: str, *, root: str | Path | None = None) -> pd.DataFrame:
    """The codebook of a dataset: one row per column of each table.

    Parameters
    ----------
    name : str
        One of :func:`list_datasets`.
    root : path, optional
        A folder of datasets other than the kit's own.

    Returns
    -------
    DataFrame
        Columns ``table``, ``column``, ``type``, ``unit``, ``constraints``,
        ``description``, read from ``datapackage.json``.

    Examples
    --------
    >>> cb = codebook("ruptures")
    >>> list(cb.columns)
    ['table', 'column', 'type', 'unit', 'constraints', 'description']
    >>> cb.loc[cb["column"] == "session", "constraints"].iloc[0]
    '1 to 16; required'
    """
    _, desc = _descriptor(name, root)
    rows = [
        {
            "table": r["name"],
            "column": f["name"],
            "type": f["type"],
            "unit": f.get("unit", ""),
            "constraints": _constraints(f),
            "description": f.get("description", ""),
        }
        for r in desc["resources"]
        for f in r["schema"]["fields"]
    ]
    return pd.DataFrame(
        rows, columns=["table", "column", "type", "unit", "constraints", "description"]
    )


def study_worlds(name: str, *, root: str | Path | None = None) -> dict[str, str]:
    """Which causal world made each study of a dataset of several studies.

    The answer a lesson reveals after the learner has guessed (``causal`` holds studies
    A to D); an empty dict for a dataset of one study.

    Examples
    --------
    >>> sorted(study_worlds("causal")), study_worlds("clinic")
    (['A', 'B', 'C', 'D'], {})
    """
    _, desc = _descriptor(name, root)
    studies = desc.get("provenance", {}).get("studies", {})
    return {letter: v["causal_model"] for letter, v in studies.items()}
