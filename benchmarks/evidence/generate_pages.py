"""Generate N memorial-style HTML pages (seeded): article text amid navigation, sidebar, footer.

Usage: python benchmarks/evidence/generate_pages.py OUT_DIR [--count 1000] [--seed 1367] [--size news|short]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

GIVEN = [
    "Ali",
    "Reza",
    "Hossein",
    "Mehdi",
    "Nasser",
    "Fatemeh",
    "Leila",
    "Maryam",
    "Behrouz",
    "Kaveh",
]
SURNAMES = ["Ahmadi", "Karimi", "Hosseini", "Rahimi", "Ghasemi", "Tehrani", "Moradi", "Jafari"]
PRISONS = ["Evin", "Gohardasht", "Vakilabad", "Adelabad", "Dastgerd", "Lakan"]
CITIES = ["Tehran", "Karaj", "Mashhad", "Shiraz", "Isfahan", "Rasht", "Tabriz"]
WORDS = [
    "family",
    "visit",
    "prison",
    "guard",
    "cell",
    "corridor",
    "letter",
    "news",
    "court",
    "release",
    "transfer",
    "question",
    "relative",
    "mother",
    "brother",
    "sister",
    "morning",
    "evening",
    "summer",
    "week",
    "month",
    "year",
    "record",
    "name",
    "list",
    "memory",
    "grave",
    "cemetery",
    "gate",
    "belongings",
    "answer",
    "silence",
    "witness",
    "account",
    "report",
]


def _sentence(rng: random.Random) -> str:
    person = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(10, 22)))
    return (
        f"{person} was held at {rng.choice(PRISONS)} prison near {rng.choice(CITIES)} and "
        f"the {words}."
    )


def _links(rng: random.Random, count: int, prefix: str) -> str:
    return "".join(
        f'<li class="menu-item"><a class="menu-link" href="/{prefix}/{rng.randint(1, 99999)}" '
        f'data-track="nav-{i}">{" ".join(rng.choice(WORDS).title() for _ in range(rng.randint(1, 3)))}</a></li>'
        for i in range(count)
    )


def page(rng: random.Random, number: int, size: str = "news") -> str:
    """One page; ``news`` pages carry the markup of a real news site, ``short`` ones little."""
    title = f"Remembering {rng.choice(GIVEN)} {rng.choice(SURNAMES)} ({number})"
    paragraphs = "\n".join(
        f"<p>{' '.join(_sentence(rng) for _ in range(rng.randint(3, 6)))}</p>"
        for _ in range(rng.randint(6, 14))
    )
    if size == "short":
        nav = _links(rng, 12, "section")
        sidebar = _links(rng, 8, "story")
        scripts = "<script>window.analytics = [];</script>"
        related = comments = ""
    else:
        nav = _links(rng, 160, "section")  # a mega-menu
        sidebar = "".join(
            f'<li><a href="/story/{rng.randint(1, 9999)}"><img src="/img/{rng.randint(1, 9999)}.jpg" '
            f'alt="" loading="lazy" width="120" height="80"><span>{_sentence(rng)[:90]}</span></a></li>'
            for _ in range(20)
        )
        config = ",".join(
            f'"slot{i}":{{"size":[300,250],"id":"{rng.getrandbits(64):x}"}}' for i in range(60)
        )
        scripts = (
            f"<script>window.adConfig = {{{config}}};</script>"
            + "".join(
                f"<script>(function(){{var s{i}=document.createElement('script');s{i}.src='/js/"
                f"{rng.getrandbits(48):x}.js';s{i}.async=true;document.head.appendChild(s{i});}})();</script>"
                for i in range(25)
            )
            + "<style>"
            + "".join(
                f".c{i}{{margin:{i % 7}px;padding:{i % 5}px;color:#{rng.getrandbits(24):06x}}}"
                for i in range(400)
            )
            + "</style>"
        )
        related = (
            "<section class='related'><h2>Related</h2>"
            + "".join(
                f"<div class='teaser'><h3><a href='/story/{rng.randint(1, 9999)}'>{_sentence(rng)[:70]}</a></h3>"
                f"<p>{_sentence(rng)}</p></div>"
                for _ in range(12)
            )
            + "</section>"
        )
        comments = (
            "<section id='comments'><h2>Comments</h2>"
            + "".join(
                f"<div class='comment'><b>reader{rng.randint(1, 999)}</b><p>{_sentence(rng)}</p></div>"
                for _ in range(10)
            )
            + "</section>"
        )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="author" content="Memorial Desk"><meta name="date" content="2019-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}">
<link rel="stylesheet" href="/static/site.css">{scripts}</head>
<body><div class="cookie-banner">We use cookies. <button>Accept</button></div>
<header><div class="logo">Memorial Example</div><nav><ul>{nav}</ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">By the Memorial Desk</p>
{paragraphs}
</article>
{related}{comments}
<aside><h2>Most read</h2><ul>{sidebar}</ul></aside></main>
<footer><p>Copyright Memorial Example. All rights reserved.</p>
<ul>{_links(rng, 40 if size == "news" else 2, "about")}</ul>
<p>Exit mobile version</p></footer></body></html>
"""


def generate(out: Path, count: int = 1000, seed: int = 1367, size: str = "news") -> list[Path]:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = out / f"page-{number:04d}.html"
        path.write_text(page(rng, number, size), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1367)
    parser.add_argument("--size", choices=["news", "short"], default="news")
    args = parser.parse_args()
    generate(args.out, args.count, args.seed, args.size)


if __name__ == "__main__":
    main()
