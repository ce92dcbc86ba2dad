"""``alliance-kit datasets build|verify``: remake the shipped datasets, or check them.

``build [NAME ...]`` regenerates each dataset from its spec in
:mod:`alliance_widgets.datasets.specs`, writing into a temporary folder beside the
target and then swapping each dataset folder into place with renames: an interrupted
build leaves the old files or the new ones, never half of each. It also writes the
folder's ``README.md``, an index made from the specs.

``verify [NAME ...]`` checks, for every dataset, (1) each table's size and sha256 against
its ``datapackage.json`` and (2) that a fresh build in a temporary folder gives the same
bytes for every file; it prints ``OK`` or what differs and the command that fixes it,
and exits 1 on any mismatch.

The kit version that built a dataset is recorded in ``provenance.kit_version``. A version
bump alone does not make ``verify`` fail: that one field is set aside when the fresh
``datapackage.json`` is compared, so ``verify`` fails only when the *data* (or its
description) would change. Rebuild after a release to refresh the recorded version.

Examples
--------
>>> main(["verify", "clinic"])  # doctest: +ELLIPSIS
OK   clinic: ...
0
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from alliance_widgets.datasets import CHECKOUT_DATASETS, dataset_root
from alliance_widgets.datasets.schema import table_schema
from alliance_widgets.datasets.specs import SPECS, SYNTHETIC_STATEMENT, DatasetSpec, spec

__all__ = ["build", "build_dataset", "main", "verify"]

_PACKAGE_FILE = "datapackage.json"
_INDEX = "README.md"
_FLOAT_FORMAT = "%.4f"
_LICENSE = {
    "name": "CC0-1.0",
    "title": "Creative Commons Zero v1.0 Universal",
    "path": "https://creativecommons.org/publicdomain/zero/1.0/",
}


def _csv_bytes(df: Any) -> bytes:
    buf = io.StringIO()
    df.to_csv(buf, index=False, lineterminator="\n", float_format=_FLOAT_FORMAT)
    return buf.getvalue().encode("utf-8")


def _json_bytes(obj: Any) -> bytes:
    return (json.dumps(obj, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _readme(s: DatasetSpec, resources: list[dict[str, Any]]) -> bytes:
    lines = [f"# {s.name}: {s.title}", "", f"**{SYNTHETIC_STATEMENT}**", "", s.description, ""]
    lines += ["| file | rows | columns |", "|---|---|---|"]
    lines += [
        f"| `{r['path']}` | {r['x_rows']} | {len(r['schema']['fields'])} |" for r in resources
    ]
    lines += [
        "",
        "Types, units and ranges of every column: `datapackage.json`, or in Python "
        f'`alliance_widgets.codebook("{s.name}")`; load with '
        f'`alliance_widgets.load_dataset("{s.name}")`.',
        f"Remake: `alliance-kit datasets build {s.name}`; check: `alliance-kit datasets verify`.",
        "",
    ]
    return "\n".join(lines).encode("utf-8")


def build_dataset(s: DatasetSpec, folder: Path) -> None:
    """Write dataset ``s`` (CSV tables, ``datapackage.json``, ``README.md``) into ``folder``.

    Raises
    ------
    RuntimeError
        If the generator's columns no longer match the schema (the codebook would lie).
    """
    from alliance_widgets import __version__

    frames, params, key = dataset_tables(s)
    folder.mkdir(parents=True)
    resources = []
    for table in s.tables:
        df = frames[table]
        schema = table_schema(table, params, s.tables, studies=bool(key))
        names = [f["name"] for f in schema["fields"]]
        if names != list(df.columns):
            raise RuntimeError(
                f"{s.name}/{table}: generator columns {list(df.columns)} differ from the "
                f"schema's {names}; update alliance_widgets/datasets/schema.py."
            )
        data = _csv_bytes(df)
        (folder / f"{table}.csv").write_bytes(data)
        resources.append(
            {
                "name": table,
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(data),
                "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
                "x_rows": len(df),
                "schema": schema,
            }
        )
    descriptor = {
        "profile": "tabular-data-package",
        "name": s.name,
        "title": s.title,
        "description": f"{s.description} {SYNTHETIC_STATEMENT}",
        "synthetic": True,
        "keywords": ["therapeutic alliance", "synthetic data", "teaching"],
        "licenses": [_LICENSE],
        "sources": [{"title": "alliance_widgets.science.simulate (synthetic generator)"}],
        "provenance": {
            "generator": "alliance_widgets.science.simulate.simulate",
            "kit_version": __version__,
            "seed": params["seed"],
            "parameters": params,
            "command": f"alliance-kit datasets build {s.name}",
            **({"studies": key} if key else {}),
            "note": "kit_version is the version that built the files; verify ignores it.",
        },
        "resources": resources,
    }
    (folder / _PACKAGE_FILE).write_bytes(_json_bytes(descriptor))
    (folder / "README.md").write_bytes(_readme(s, resources))


def dataset_tables(
    s: DatasetSpec,
) -> tuple[dict[str, pd.DataFrame], dict[str, Any], dict[str, dict[str, Any]]]:
    """The tables of dataset ``s`` as the generator makes them, its parameters and, for a
    dataset of several studies, which world and seed each study letter stands for.

    With several studies every table starts with a ``study`` column and the therapist and
    client identifiers carry the study's letter (``A-T01``, ``A-C0001``), so they stay
    unique across the studies.
    """
    from alliance_widgets.science.generator import simulate

    frames: dict[str, list[pd.DataFrame]] = {t: [] for t in s.tables}
    key: dict[str, dict[str, Any]] = {}
    params: dict[str, Any] = {}
    for letter, kwargs in s.studies().items():
        study = simulate(**kwargs)
        params = {k: v for k, v in study.params.items() if k != "items"}
        for table in s.tables:
            df = getattr(study, table)
            if letter:
                df = df.copy()
                for col in ("therapist_id", "client_id"):
                    if col in df:
                        df[col] = (letter + "-" + df[col].astype(str)).astype("category")
                df.insert(0, "study", pd.Categorical([letter] * len(df)))
            frames[table].append(df)
        if letter:
            key[letter] = {"causal_model": kwargs["causal_model"], "seed": kwargs["seed"]}
    if key:
        params = {k: v for k, v in params.items() if k not in ("causal_model", "seed")}
        params["seed"] = s.params["seed"]
    joined = {t: _concat(dfs) for t, dfs in frames.items()}
    return joined, params, key


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    if len(frames) == 1:
        return frames[0]
    out = pd.concat(frames, ignore_index=True)
    for col in ("study", "therapist_id", "client_id", "subscale"):
        if col in out:
            # categories in order of appearance, as the generator orders its own
            out[col] = pd.Categorical(out[col], categories=pd.unique(out[col].astype(str)))
    return out


def _index() -> bytes:
    """The top-level README.md of the datasets folder, made from the specs alone."""
    lines = ["# The kit's datasets", "", f"**{SYNTHETIC_STATEMENT}**", ""]
    lines += ["| name | title | tables |", "|---|---|---|"]
    lines += [
        f"| [`{n}`]({n}/README.md) | {SPECS[n].title} | {', '.join(SPECS[n].tables)} |"
        for n in sorted(SPECS)
    ]
    lines += [
        "",
        'Load one with `alliance_widgets.load_dataset("clinic")`; its codebook with '
        '`alliance_widgets.codebook("clinic")`. Licence: CC0-1.0.',
        "Every file is made by `alliance-kit datasets build` from the specs in "
        "`alliance_widgets/datasets/specs.py`; `alliance-kit datasets verify` checks "
        "the checksums and that a fresh build gives the same bytes.",
        "",
    ]
    return "\n".join(lines).encode("utf-8")


def build(names: Sequence[str], root: Path) -> None:
    """Rebuild datasets ``names`` (all when empty) into ``root``, each swapped in whole."""
    chosen = [spec(n) for n in names] if names else list(SPECS.values())
    root.mkdir(parents=True, exist_ok=True)
    # The staging folder lives inside root so that the final renames stay on one
    # filesystem (atomic); its name starts with a dot and holds no datapackage.json.
    with tempfile.TemporaryDirectory(prefix=".build-", dir=root) as tmp:
        stage = Path(tmp)
        for s in chosen:
            build_dataset(s, stage / "new" / s.name)
        (stage / "old").mkdir()
        for s in chosen:
            target = root / s.name
            if target.exists():
                os.replace(target, stage / "old" / s.name)
            os.replace(stage / "new" / s.name, target)
        (stage / _INDEX).write_bytes(_index())
        os.replace(stage / _INDEX, root / _INDEX)


def _normalised(data: bytes) -> Any:
    desc = json.loads(data)
    desc.get("provenance", {}).pop("kit_version", None)
    return desc


def _check_hashes(folder: Path) -> list[str]:
    problems = []
    try:
        desc = json.loads((folder / _PACKAGE_FILE).read_bytes())
    except (OSError, ValueError) as err:
        return [f"cannot read {_PACKAGE_FILE}: {err}"]
    for r in desc.get("resources", []):
        path = folder / r["path"]
        if not path.is_file():
            problems.append(f"{r['path']} is missing")
            continue
        data = path.read_bytes()
        digest = "sha256:" + hashlib.sha256(data).hexdigest()
        if len(data) != r.get("bytes"):
            problems.append(
                f"{r['path']} has {len(data)} bytes; datapackage.json says {r.get('bytes')}"
            )
        if digest != r.get("hash"):
            problems.append(f"{r['path']} sha256 differs from datapackage.json")
    return problems


def _compare(shipped: Path, fresh: Path) -> list[str]:
    problems = []
    have = {p.name for p in shipped.iterdir()} if shipped.is_dir() else set()
    want = {p.name for p in fresh.iterdir()}
    problems += [f"{n} is missing" for n in sorted(want - have)]
    problems += [f"{n} is not made by the build" for n in sorted(have - want)]
    for n in sorted(want & have):
        a, b = (shipped / n).read_bytes(), (fresh / n).read_bytes()
        same = _normalised(a) == _normalised(b) if n == _PACKAGE_FILE else a == b
        if not same:
            problems.append(f"{n} differs from a fresh build")
    return problems


def _extra_folders(root: Path) -> list[str]:
    if not root.is_dir():
        return []
    found = (p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    return sorted(n for n in found if n not in SPECS)


def verify(names: Sequence[str], root: Path) -> int:
    """Check datasets ``names`` (all when empty) in ``root``; print a line each; 0 if all OK."""
    chosen = [spec(n) for n in names] if names else list(SPECS.values())
    failed = 0
    with tempfile.TemporaryDirectory(prefix="alliance-verify-") as tmp:
        for s in chosen:
            folder, fresh = root / s.name, Path(tmp) / s.name
            problems = _check_hashes(folder) if folder.is_dir() else ["the folder is missing"]
            build_dataset(s, fresh)
            if folder.is_dir():
                problems += [p for p in _compare(folder, fresh) if p not in problems]
            if problems:
                failed += 1
                print(f"FAIL {s.name}: " + "; ".join(problems))
                print(f"     fix: alliance-kit datasets build {s.name}")
            else:
                size = sum(p.stat().st_size for p in folder.iterdir())
                print(f"OK   {s.name}: {len(s.tables)} table(s), {size:,} bytes, as built")
    index = root / _INDEX
    if not names and (not index.is_file() or index.read_bytes() != _index()):
        failed += 1
        print(f"FAIL {_INDEX}: the index of datasets differs from a fresh build")
        print("     fix: alliance-kit datasets build")
    for n in [] if names else _extra_folders(root):
        failed += 1
        print(f"FAIL {n}: no spec in alliance_widgets/datasets/specs.py; remove the folder")
    return 1 if failed else 0


def _default_root(action: str) -> Path:
    checkout = CHECKOUT_DATASETS
    if action == "build":
        if not (checkout.parent / "pyproject.toml").is_file():
            raise ValueError(
                "build writes into a checkout's datasets/ folder and none was found next to "
                f"this package ({checkout.parent}); pass --root DIR."
            )
        return checkout
    found = dataset_root()
    return found if isinstance(found, Path) else checkout


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``alliance-kit datasets``; return the exit code (0 OK, 1 mismatch, 2 usage)."""
    parser = argparse.ArgumentParser(
        prog="alliance-kit datasets",
        description="Regenerate ('build') or check ('verify') the shipped datasets.",
    )
    parser.add_argument("action", choices=["build", "verify"])
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"default all: {', '.join(SPECS)}")
    parser.add_argument("--root", type=Path, help="the datasets folder (default: the kit's)")
    args = parser.parse_args(list(argv or []))
    try:
        root = args.root or _default_root(args.action)
        if args.action == "verify":
            return verify(args.names, root)
        build(args.names, root)
    except ValueError as err:
        parser.error(str(err))
    print(f"built {', '.join(args.names) or 'every dataset'} in {root}")
    return 0
