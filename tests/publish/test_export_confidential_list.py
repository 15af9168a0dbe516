"""The public export cites a list whose preserved source is confidential only as such.

A list's name is typed by whoever imported it ("family-network-secret") and may
say where it came from; the person pages already cite such a list as "a
confidential source", and so does the export's ``lists`` column.
"""

from __future__ import annotations

from pathlib import Path

from reckon.evidence import Locker
from reckon.evidence.sources import SourceFacts, add_bytes
from reckon.link.imports import import_list
from reckon.publish import records
from reckon.publish.export.public import CONFIDENTIAL_LIST
from reckon.search.sync import reindex
from reckon.store import users
from reckon.workspace import init_workspace

from .linked import link_run
from .test_public_outputs import _export, _web

PASSPHRASE = "export test passphrase"
DATA = "no,name,prison,executed\n1,Shahrzad Varjavand,Evin,1988-08-10\n"
MAPPING = {"no": "record_id", "name": "full_name", "prison": "prison", "executed": "death_date"}


def test_a_confidential_list_is_named_in_no_public_output(
    tmp_path: Path, store_env: dict[str, str]
) -> None:
    ws = init_workspace(tmp_path / "ws", "tester", {**store_env, "RECKON_PASSPHRASE": PASSPHRASE})
    ws.settings = ws.settings.with_overrides(passphrase=PASSPHRASE)
    try:
        path = tmp_path / "secret.csv"
        path.write_text(DATA, encoding="utf-8")
        facts = SourceFacts(title="A list from a family network", confidential=True)
        source = add_bytes(Locker.open(ws), DATA.encode(), "secret.csv", facts)
        with ws.engine.begin() as conn:
            admin = users.acting_user(conn, "tester")
            name = "family-network-secret"
            import_list(conn, admin, path, name, MAPPING, source=str(source.source_id))
            link_run(conn, admin, [])
            reindex(conn)
            assert records.publish_many(conn, admin, "person", ["P1"])
        exported = _export(ws, tmp_path / "out")
        assert "Varjavand" in exported["persons.csv"]
        assert CONFIDENTIAL_LIST in exported["persons.jsonl"]
        assert not [f for f, text in exported.items() if "secret" in text or "network" in text]
        with _web(ws) as client:
            for url in ("/api/persons/P1", "/person/P1", "/places/evin-prison"):
                answer = client.get(url)
                assert answer.status_code == 200
                assert "secret" not in answer.text
                assert "network" not in answer.text
    finally:
        ws.close()
