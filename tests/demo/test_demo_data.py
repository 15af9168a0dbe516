"""The bundled demo data is complete, consistent with its manifest, and reproducible."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from reckon.demo.data import generate_lists
from reckon.demo.run import data_dir

DATA = data_dir()
KINDS = {"testimony", "news", "ngo_report", "family_account", "list"}
IMPORT_FIELDS = {
    "full_name",
    "given_name",
    "surname",
    "father_name",
    "sex",
    "birth_year",
    "city",
    "prison",
    "death_date",
    "death_calendar",
    "affiliation",
}


def _manifest() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "sources.json").read_text(encoding="utf-8"))
    return data


def _rows(path: Path, encoding: str = "utf-8") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as f:
        return list(csv.DictReader(f))


def _lists() -> list[dict[str, Any]]:
    return [s for s in _manifest()["sources"] if s["kind"] == "list"]


def test_manifest_names_only_files_that_exist() -> None:
    manifest = _manifest()
    ids = [s["id"] for s in manifest["sources"]]
    assert len(ids) == len(set(ids))
    for source in manifest["sources"]:
        assert (DATA / source["file"]).is_file(), source["file"]
        assert source["kind"] in KINDS
        assert source["reliability"]["grade"] in set("ABCDEF")
        assert set(source["derived_from"]) <= set(ids)
        if source["kind"] == "testimony":
            assert source["confidential"] is True
        if source["url"] is not None:
            assert ".example/" in source["url"]
    for name in (*manifest["ground_truth"].values(), manifest["published_estimates"]):
        assert (DATA / name).is_file(), name
    # Every document in the folder is in the manifest.
    listed = {s["file"] for s in manifest["sources"]}
    on_disk = {p.relative_to(DATA).as_posix() for p in (DATA / "documents").iterdir()}
    assert on_disk <= listed


@pytest.mark.parametrize("source", _lists(), ids=lambda s: s["id"])
def test_lists_parse_with_the_documented_columns(source: dict[str, Any]) -> None:
    spec = source["list"]
    path = DATA / source["file"]
    if spec["encoding"] == "utf-8-sig":
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = _rows(path, spec["encoding"])
    assert rows
    assert list(rows[0]) == spec["columns"]
    assert all(None not in row and len(row) == len(spec["columns"]) for row in rows)
    assert set(spec["map"]) <= set(spec["columns"])
    assert set(spec["map"].values()) <= IMPORT_FIELDS
    assert spec["calendar"] in {"gregorian", "jalali"}
    mapped = {spec["record_id_column"], *spec["map"], *spec["unmapped"]} - {None}
    assert mapped == set(spec["columns"])


def test_truth_covers_every_list_row_and_names_real_persons() -> None:
    persons = {row["person_id"] for row in _rows(DATA / "persons.csv")}
    truth = _rows(DATA / "truth.csv")
    rows_per_list = Counter(row["list"] for row in truth)
    for source in _lists():
        spec = source["list"]
        rows = _rows(DATA / source["file"], spec["encoding"])
        assert rows_per_list[spec["name"]] == len(rows)
        mine = [t for t in truth if t["list"] == spec["name"]]
        assert [int(t["row"]) for t in mine] == list(range(1, len(rows) + 1))
        id_column = spec["record_id_column"]
        if id_column:
            assert [t["record_id"] for t in mine] == [r[id_column] for r in rows]
    assert set(rows_per_list) == {s["list"]["name"] for s in _lists()}
    assert {t["person_id"] for t in truth} <= persons


def test_the_derived_list_copies_only_persons_of_its_origin() -> None:
    truth = _rows(DATA / "truth.csv")
    on = {
        name: {t["person_id"] for t in truth if t["list"] == name}
        for name in {t["list"] for t in truth}
    }
    assert on["exile_tribune"] <= on["nff_opposition"]


def test_generator_is_deterministic(tmp_path: Path) -> None:
    written = generate_lists.write(tmp_path)
    assert written
    for path in written:
        committed = DATA / path.relative_to(tmp_path)
        assert path.read_bytes() == committed.read_bytes(), (
            f"{committed.name} is stale: regenerate it"
        )


def test_no_real_victim_or_witness_is_named() -> None:
    for path in DATA.rglob("*"):
        if path.is_file() and path.suffix in {".csv", ".md", ".html", ".json"}:
            text = path.read_text(encoding="utf-8-sig").lower()
            for name in generate_lists.FORBIDDEN_NAMES:
                assert name not in text, (path.name, name)


def test_solar_hijri_conversion_matches_known_dates() -> None:
    assert generate_lists.to_jalali(dt.date(1988, 7, 30)) == (1367, 5, 8)
    assert generate_lists.to_jalali(dt.date(1988, 3, 21)) == (1367, 1, 1)
    assert generate_lists.to_jalali(dt.date(1988, 9, 23)) == (1367, 7, 1)
    with pytest.raises(ValueError, match="outside"):
        generate_lists.to_jalali(dt.date(1989, 3, 21))


def test_documents_name_the_persons_the_manifest_says() -> None:
    persons = {row["person_id"] for row in _rows(DATA / "persons.csv")}
    documents = [s for s in _manifest()["sources"] if s["kind"] != "list"]
    assert all(s.get("persons_named") for s in documents)
    for source in documents:
        text = " ".join((DATA / source["file"]).read_text(encoding="utf-8").split())
        for named in source["persons_named"]:
            assert named["text"] in text, (source["id"], named["text"])
            assert named["person_id"] is None or named["person_id"] in persons
            # An unresolved name must say why.
            assert named["person_id"] is not None or named.get("note")
