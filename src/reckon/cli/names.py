"""``reckon names``: compare names across scripts and show their matching keys."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Annotated

import typer

from reckon.cli.app import app
from reckon.errors import InputError

names_app = typer.Typer(
    help="Compare person names across scripts and show their keys.", no_args_is_help=True
)
app.add_typer(names_app, name="names")


@names_app.command("compare")
def compare(
    a: Annotated[str | None, typer.Argument(help="First name, in any script.")] = None,
    b: Annotated[str | None, typer.Argument(help="Second name, in any script.")] = None,
    pairs: Annotated[
        Path | None,
        typer.Option("--pairs", help="CSV with columns a,b; writes a,b,score to standard output."),
    ] = None,
) -> None:
    """Score how alike two names are (or every pair in a CSV file)."""
    from reckon.names import THRESHOLD, name_keys, name_similarity, score_keys

    if pairs is not None:
        rows = _read_pairs(pairs)
        scores = score_keys([name_keys(r[0]) for r in rows], [name_keys(r[1]) for r in rows])
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["a", "b", "score"])
        for (x, y), score in zip(rows, scores, strict=True):
            writer.writerow([x, y, f"{score:.4f}"])
        return
    if a is None or b is None:
        raise InputError(
            "Give two names, or --pairs FILE.csv.",
            hint="Example: reckon names compare 'علی کاظمی' 'Ali Kazemi'",
        )
    score = name_similarity(a, b)
    verdict = "same name" if score >= THRESHOLD else "different names"
    typer.echo(f"score\t{score:.4f}\t({verdict} at threshold {THRESHOLD})")
    for label, name in (("a", a), ("b", b)):
        keys = name_keys(name)
        typer.echo(
            f"{label}\t{name}\tlatin={keys.latin}\tphonetic={keys.phonetic}\tskeleton={keys.skeleton}"
        )


def _read_pairs(path: Path) -> list[tuple[str, str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames is None or not {"a", "b"} <= set(reader.fieldnames):
                raise InputError(
                    f"{path} needs a header with columns a and b.",
                    hint="Add the line 'a,b' at the top.",
                )
            return [(row["a"] or "", row["b"] or "") for row in reader]
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror}.", hint="Check the path.") from exc


@names_app.command("key")
def key(name: Annotated[str, typer.Argument(help="A name, in any script.")]) -> None:
    """Show a name's normalised form, transliteration, parse and matching keys."""
    from reckon.names import name_keys, normalize, parse_name, transliterate

    keys = name_keys(name)
    parsed = parse_name(name)
    typer.echo(f"normalised\t{normalize(name)}")
    typer.echo(f"script\t{keys.script}")
    typer.echo(f"latin\t{transliterate(name) if keys.script != 'latin' else keys.latin}")
    typer.echo(f"usual spelling\t{keys.latin}")
    typer.echo(f"phonetic\t{keys.phonetic}")
    typer.echo(f"skeleton\t{keys.skeleton}")
    typer.echo(f"tokens\t{' '.join(keys.tokens)}")
    typer.echo(f"honorifics\t{' '.join(keys.honorifics) or '-'}")
    typer.echo(
        f"parsed\tgiven={parsed.given!r} surname={parsed.surname!r} "
        f"({parsed.order}, confidence {parsed.confidence:.2f})"
    )
