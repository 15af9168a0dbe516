"""The pieces of the public pages: conflicts between accounts, places in both scripts, citations."""

from __future__ import annotations

from reckon.publish.public.facts import Citation, PublicFact, conflict_groups, with_conflicts
from reckon.publish.public.gazetteer import known_place, place_ref
from reckon.publish.views import DateView, SourceView


def fact(
    key: str, kind: str, start: str | None, end: str | None = None, role: str = "victim"
) -> PublicFact:
    date = None if start is None else DateView(text=start, start=start, end=end or start)
    return PublicFact(key, kind, role, date, None, (), 1)


def test_two_execution_dates_that_cannot_overlap_conflict() -> None:
    facts = with_conflicts(
        [
            fact("a", "execution", "1988-08-10"),
            fact("b", "execution", "1988-09-05"),
            fact("c", "execution", "1988-08-01", "1988-08-31"),  # the month: agrees with a
            fact("d", "detention", "1981-01-01"),
        ]
    )
    by_key = {f.key: f.conflicts_with for f in facts}
    assert by_key == {"a": ("b",), "b": ("a", "c"), "c": ("b",), "d": ()}
    assert [[f.key for f in g] for g in conflict_groups(facts)] == [["c", "a", "b"]]
    assert [f.key for f in facts] == ["d", "c", "a", "b"]  # date order


def test_a_release_after_the_execution_conflicts_but_roles_do_not() -> None:
    facts = with_conflicts(
        [
            fact("x", "execution", "1988-08-10"),
            fact("r", "release", "1991-01-01"),
            fact("p", "execution", "1988-09-10", role="alleged_perpetrator"),
        ]
    )
    assert {f.key: f.conflicts_with for f in facts} == {"x": ("r",), "r": ("x",), "p": ()}


def test_every_spelling_of_a_prison_is_one_place_with_both_scripts() -> None:
    ids = {
        place_ref(name).id for name in ("گوهردشت", "Gohar Dasht", "Rajaei Shahr", "زندان گوهردشت")
    }
    assert ids == {"gohardasht-prison"}
    evin = known_place("اوین")
    assert evin is not None
    assert (evin.name, evin.persian, evin.kind) == ("Evin Prison", "زندان اوین", "prison")
    assert evin.label("fa") == "زندان اوین"
    assert known_place("Karun") == known_place("Karun Prison")  # lists leave out "Prison"
    unknown = place_ref("زندان ناشناخته", "prison")
    assert unknown.id.startswith("place-")
    assert unknown.persian == unknown.name == "زندان ناشناخته"
    assert place_ref("Nowhere Camp").id == "nowhere-camp"


def test_a_confidential_source_is_cited_only_as_such() -> None:
    source = SourceView(
        id="7", title="Testimony of a cellmate", sha256="0" * 64, reliability="B",
        confidential=True, publisher="Someone", url="https://example.org/x",
    )  # fmt: skip
    cited = Citation.of(source)
    assert cited == Citation(title="a confidential source", reliability="B", confidential=True)
