from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from reckon.errors import InputError
from reckon.evidence import Locker, SourceFacts, add_paths, roots, source_text, verify
from reckon.evidence import sources as sources_module
from reckon.store.schema import acquisitions, sources, text_artifacts
from reckon.store.users import acting_user


def _count(locker: Locker, table: object) -> int:
    with locker.workspace.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())  # type: ignore[arg-type]


def test_add_a_folder_extracts_text_and_keeps_metadata(locker: Locker, files: Path) -> None:
    facts = SourceFacts(
        publisher="Example Memorial",
        published="2024-03",
        affiliation="Example Memorial",
        reliability="b",
        reliability_reason="long record of accurate reporting",
    )
    results = add_paths(locker, [files], facts)
    assert [r.ok for r in results] == [True, True, True]
    by_name = {Path(r.shown).name: r for r in results}
    assert by_name["page.html"].media_type == "text/html"
    assert by_name["notes.md"].media_type == "text/markdown"
    assert by_name["list.csv"].media_type == "text/csv"
    with locker.writing() as (conn, user):
        page = source_text(locker, conn, user, by_name["page.html"].source_id or 0)
        notes = source_text(locker, conn, user, by_name["notes.md"].source_id or 0)
        row = (
            conn.execute(select(sources).where(sources.c.id == by_name["page.html"].source_id))
            .mappings()
            .one()
        )
    assert page is not None
    assert notes is not None
    assert "visiting hall" in page.text
    assert "Subscribe" not in page.text
    assert "About us" not in page.text
    assert page.info["title"] == "Night at Gohardasht"
    assert notes.text == "# Notes\nFirst line\nsecond line\n"
    assert row["reliability"] == "B"
    assert row["affiliation"] == "Example Memorial"
    assert verify(locker).ok


def test_same_bytes_twice_keep_one_copy_and_two_acquisitions(
    locker: Locker, files: Path, tmp_path: Path
) -> None:
    first = add_paths(locker, [files / "page.html"], SourceFacts(publisher="A"))
    copy = tmp_path / "mirror.html"
    copy.write_bytes((files / "page.html").read_bytes())
    again = add_paths(locker, [copy], SourceFacts(publisher="B", url="https://mirror.example/p"))
    assert again[0].ok
    assert not again[0].new
    assert again[0].source_id == first[0].source_id
    assert _count(locker, sources) == 1
    assert _count(locker, acquisitions) == 2
    assert len(list(locker.blobs)) == 1  # the page; its text is kept in the store
    assert verify(locker).ok


def test_media_type_comes_from_content_not_the_suffix(locker: Locker, tmp_path: Path) -> None:
    disguised = tmp_path / "report.txt"
    disguised.write_bytes(b"%PDF-1.4\n%broken on purpose\n")
    result = add_paths(locker, [disguised])[0]
    assert result.ok
    assert result.media_type == "application/pdf"
    # A PDF whose parser fails is still preserved; the failure is recorded, not raised.
    assert result.text_status == "failed"
    with locker.reading() as (conn, _user):
        error = conn.execute(select(sources.c.text_error)).scalar_one()
    assert "parser failed" in error


def test_hostile_inputs_are_refused_with_a_message_and_the_rest_is_added(
    locker: Locker, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a-empty.txt").write_bytes(b"")
    (folder / "b-good.txt").write_text("kept", encoding="utf-8")
    os.symlink("/etc/hostname", folder / "c-link")
    (folder / "d-evil\u202egnp.exe").write_text("bidi", encoding="utf-8")
    os.mkfifo(folder / "e-fifo")
    results = add_paths(locker, [folder])
    errors = {Path(r.shown).name: r.error for r in results}
    assert "empty" in (errors["a-empty.txt"] or "")
    assert errors["b-good.txt"] is None
    assert "outside" in (errors["c-link"] or "")
    assert errors["d-evil\\u202egnp.exe"] is None  # kept, with its name escaped
    assert "not a regular file" in (errors["e-fifo"] or "")
    evil = next(r for r in results if "evil" in r.shown)
    assert any("bidi" in w for w in evil.warnings)
    with locker.reading() as (conn, _user):
        names = set(conn.execute(select(sources.c.original_name)).scalars())
    assert names == {"b-good.txt", "d-evil\\u202egnp.exe"}


def test_size_limit_and_bad_facts(locker: Locker, tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 2000)
    locker.workspace.settings = locker.workspace.settings.with_overrides(max_source_bytes=1000)
    result = add_paths(locker, [big])[0]
    assert "over the limit" in (result.error or "")
    with pytest.raises(InputError, match="grade"):
        add_paths(locker, [big], SourceFacts(reliability="G"))
    with pytest.raises(InputError, match="date"):
        add_paths(locker, [big], SourceFacts(published="March 1988"))
    assert list(locker.blobs) == []


def test_a_failing_file_leaves_earlier_files_and_nothing_of_itself(
    locker: Locker, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "three"
    folder.mkdir()
    for name in ("1.txt", "2.txt", "3.txt"):
        (folder / name).write_text(f"file {name}", encoding="utf-8")
    real = sources_module.text_row

    def failing(locker: Locker, source_id: int, extraction: Any, *args: Any) -> Any:
        if extraction.text == "file 2.txt":
            raise InputError("simulated failure while writing file 2")
        return real(locker, source_id, extraction, *args)

    # The three files are written as one run; its failure rolls all of it back
    # and they are added again one at a time.
    monkeypatch.setattr(sources_module, "text_row", failing)
    results = add_paths(locker, [folder])
    assert [r.ok for r in results] == [True, False, True]
    assert _count(locker, sources) == 2
    assert _count(locker, text_artifacts) == 2
    # Plain text is its own text artifact: one blob each for files 1 and 3, nothing of file 2.
    import hashlib

    expected = {hashlib.sha256(f"file {n}".encode()).hexdigest() for n in ("1.txt", "3.txt")}
    assert set(locker.blobs) == expected
    assert verify(locker).ok


def test_derived_from_links_make_chains(locker: Locker, tmp_path: Path) -> None:
    (tmp_path / "release.txt").write_text("Press release", encoding="utf-8")
    (tmp_path / "article.txt").write_text("Newspaper quoting the press release", encoding="utf-8")
    (tmp_path / "blog.txt").write_text("Blog quoting the newspaper", encoding="utf-8")
    release = add_paths(locker, [tmp_path / "release.txt"])[0].source_id
    article = add_paths(
        locker, [tmp_path / "article.txt"], SourceFacts(derived_from=(str(release),))
    )[0].source_id
    blog = add_paths(locker, [tmp_path / "blog.txt"], SourceFacts(derived_from=(str(article),)))[
        0
    ].source_id
    assert blog is not None
    assert release is not None
    with locker.reading() as (conn, _user):
        assert roots(conn, blog) == {release}
        assert roots(conn, release) == {release}
    with locker.writing() as (conn, user):
        assert acting_user(conn, "tester").id == user.id
    assert verify(locker).ok


def test_audio_is_kept_opaque_with_technical_metadata(locker: Locker, tmp_path: Path) -> None:
    import wave

    path = tmp_path / "interview.wav"
    with wave.open(str(path), "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(8000)
        audio.writeframes(b"\0\0" * 16000)
    result = add_paths(locker, [path])[0]
    assert result.ok
    assert result.media_type == "audio/wav"
    assert result.text_status == "none"
    with locker.reading() as (conn, _):
        technical = conn.execute(select(sources.c.technical)).scalar_one()
    assert technical["seconds"] == 2.0
    assert technical["channels"] == 1


def test_many_new_files_are_written_with_one_insert_a_table(locker: Locker, tmp_path: Path) -> None:
    from sqlalchemy import event

    folder = tmp_path / "pages"
    folder.mkdir()
    for n in range(20):
        (folder / f"{n:02d}.txt").write_text(f"statement number {n}", encoding="utf-8")
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]).split("(")[0].strip().upper())

    engine = locker.workspace.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        results = add_paths(locker, [folder], SourceFacts(reliability="C"))
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert all(r.ok for r in results)
    inserts = [s for s in statements if s.startswith("INSERT INTO")]
    for table in ("SOURCES", "ACQUISITIONS", "SOURCE_GRADES", "TEXT_ARTIFACTS", "CUSTODY_ENTRIES"):
        assert sum(1 for s in inserts if s.split()[2].strip('"') == table) == 1, (table, inserts)
    assert _count(locker, sources) == 20
    with locker.reading() as (conn, _user):
        from reckon.evidence.history import custody_log

        log = custody_log(conn, limit=0)
    # the same entries, in the same order, as one file at a time would write
    assert [line.entry.action for line in log.lines[:4]] == [
        "acquired",
        "metadata-changed",
        "acquired",
        "text-extracted",
    ]
    assert [line.entry.object_type for line in log.lines[4:8]] == [
        "source",
        "grade",
        "acquisition",
        "text",
    ]
    assert verify(locker).ok
