"""Evidence packages: exported, checked with no workspace, and tampering caught."""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reckon.errors import InputError, PermissionDenied
from reckon.evidence import Locker, SourceFacts, add_paths, verify
from reckon.evidence.package import export_sources, verify_package


def _rewrite(package: Path, name: str, data: bytes) -> None:
    with zipfile.ZipFile(package) as source:
        items = {n: source.read(n) for n in source.namelist()}
    items[name] = data
    with zipfile.ZipFile(package, "w") as out:
        for n, d in items.items():
            out.writestr(n, d)


def test_export_and_verify_a_package(locker: Locker, files: Path, tmp_path: Path) -> None:
    results = add_paths(
        locker, [files], SourceFacts(publisher="Example", reliability="B", reliability_reason="r")
    )
    package = tmp_path / "out.zip"
    manifest = export_sources(locker, [str(r.source_id) for r in results], package)
    assert manifest["sources"] == [1, 2, 3]
    report = verify_package(package)
    assert report.ok, report.problems
    assert report.sources == [1, 2, 3]
    assert verify(locker).ok  # the "exported" entries do not disturb the workspace
    # Tampering: the text of source 1 in the package.
    with zipfile.ZipFile(package) as archive:
        name = next(n for n in archive.namelist() if n.startswith("sources/1/text-"))
        text = archive.read(name)
    _rewrite(package, name, text.replace(b"e", b"3", 1))
    problems = [(p.subject, p.kind) for p in verify_package(package).problems]
    assert (name, "altered") in problems


def test_confidential_sources_need_an_explicit_choice(locker: Locker, tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("testimony", encoding="utf-8")
    source = add_paths(locker, [tmp_path / "t.txt"], SourceFacts(confidential=True))[0].source_id
    with pytest.raises(PermissionDenied, match="confidential"):
        export_sources(locker, [str(source)], tmp_path / "p.zip")
    assert not (tmp_path / "p.zip").exists()
    export_sources(locker, [str(source)], tmp_path / "p.zip", include_confidential=True)
    assert verify_package(tmp_path / "p.zip").ok
    assert verify(locker).ok


def test_not_a_package(tmp_path: Path) -> None:
    (tmp_path / "x.zip").write_bytes(b"not a zip")
    with pytest.raises(InputError, match="not a readable ZIP"):
        verify_package(tmp_path / "x.zip")


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    contents=st.lists(
        st.binary(min_size=1, max_size=300) | st.text(min_size=1, max_size=200).map(str.encode),
        min_size=1,
        max_size=4,
    )
)
def test_random_files_round_trip_through_a_package(locker: Locker, contents: list[bytes]) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        for number, data in enumerate(contents):
            (folder / f"f{number}.bin").write_bytes(data)
        results = add_paths(locker, [folder])
        assert all(r.ok for r in results), [r.error for r in results]
        package = folder / "package.zip"
        export_sources(locker, [str(r.source_id) for r in results], package)
        report = verify_package(package)
        assert report.ok, report.problems
        with zipfile.ZipFile(package) as archive:
            originals = {archive.read(f"sources/{r.source_id}/original") for r in results}
        assert originals == set(contents)
        assert verify(locker).ok
    finally:
        shutil.rmtree(folder)
