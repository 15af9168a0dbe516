"""A case file as HTML: the page WeasyPrint turns into the PDF.

Right-to-left for Persian (``dir="rtl"``); hashes, identifiers and quotes in
the other direction are isolated (``<bdi>``, ``dir="auto"``) so that the
bidirectional algorithm cannot reorder them. Fonts are the machine's (Noto
Sans Arabic for Persian, DejaVu for Latin); nothing is fetched.
"""

from __future__ import annotations

from html import escape
from typing import Any

from reckon.publish.dossier.labels import digits, kind_label, labels
from reckon.publish.dossier.model import Dossier
from reckon.publish.views import ClaimView, DateView, SourceView

CSS = """
@page {
  size: A4; margin: 18mm 16mm 20mm 16mm;
  @bottom-center { content: string(banner) " · " counter(page) " / " counter(pages);
                   font-size: 7.5pt; color: #444; }
}
html { font-family: "DejaVu Sans", "Noto Sans Arabic", sans-serif; font-size: 9.5pt; }
html[lang="fa"] { font-family: "Noto Sans Arabic", "DejaVu Sans", sans-serif; }
.banner { string-set: banner content(); border: 1.5pt solid #a00; color: #a00; padding: 4pt 6pt;
          font-weight: bold; }
.banner.public { border-color: #060; color: #060; }
h1 { font-size: 16pt; margin: 0 0 6pt 0; }
h2 { font-size: 12pt; border-bottom: 0.5pt solid #888; margin-top: 14pt; }
h3 { font-size: 10pt; margin: 8pt 0 2pt 0; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
th, td { border: 0.4pt solid #bbb; padding: 2pt 4pt; vertical-align: top; text-align: start; }
th { background: #eee; }
blockquote { margin: 3pt 0; padding: 3pt 8pt; border-inline-start: 2pt solid #888;
             background: #f6f6f6; }
.hash { font-family: "DejaVu Sans Mono", monospace; font-size: 7.5pt; white-space: nowrap;
        direction: ltr; unicode-bidi: isolate; }
.claim { page-break-inside: avoid; margin-bottom: 6pt; }
.small { font-size: 8pt; color: #333; }
.alleged { font-style: italic; }
"""


def _e(value: Any) -> str:
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value)
    return escape("" if value is None else str(value))


def _values(value: Any) -> str:
    """One value or several, each isolated so that scripts and digits do not reorder."""
    items = value if isinstance(value, list | tuple) else [value]
    # First-strong isolates (U+2068 … U+2069): pango honours them where <bdi> is not enough.
    return " · ".join(f"<bdi>\u2068{_e(v)}\u2069</bdi>" for v in items)


def _hash(value: str) -> str:
    return f'<bdi class="hash" dir="ltr">{_e(value)}</bdi>'


def _date(date: DateView | None, lang: str) -> str:
    if date is None:
        return ""
    text = f"\u2068{_e(date.text)}\u2069"
    if date.start and date.end and date.start != date.end:
        text += (
            f' <span class="small">(<bdi dir="ltr">{_e(date.start)} – {_e(date.end)}</bdi>)</span>'
        )
    elif date.start:
        text += f' <span class="small">(<bdi dir="ltr">{_e(date.start)}</bdi>)</span>'
    return text


def _source_name(source: SourceView, t: dict[str, str]) -> str:
    title = t["confidential"] + f" {source.id}" if source.confidential else source.title
    return f"<bdi>\u2068{_e(title)}\u2069</bdi>"


def _person(name: str | None, ref: str | None, alleged: bool, t: dict[str, str]) -> str:
    if not name and not ref:
        return ""
    text = f"<bdi>{_e(name or ref)}</bdi>"
    if alleged:
        text += f' <span class="alleged">({_e(t["alleged"])})</span>'
    return text


def _who(claim: ClaimView, t: dict[str, str]) -> str:
    """The persons a claim names: its subject and, for a role claim, the alleged perpetrator."""
    who = _person(claim.subject_name, claim.subject_ref, False, t)
    perpetrator = _person(claim.perpetrator_name, claim.perpetrator_ref, True, t)
    return " · ".join(x for x in (perpetrator, who) if x)


def _title(dossier: Dossier, lang: str) -> str:
    """The name to head the file with: in Persian, the first spelling in Persian script."""
    if lang == "fa":
        for name in dossier.names:
            if any("\u0600" <= ch <= "\u06ff" for ch in name):
                return name
    return dossier.title


def _claim(claim: ClaimView, lang: str, t: dict[str, str]) -> str:
    supported = t["supported"].format(n=claim.supporting_sources, m=claim.independent_sources)
    rows = [
        (t["kind"], _e(kind_label(claim.kind, lang))),
        (t["person"], _who(claim, t)),
        (t["date"], _date(claim.date, lang)),
        (t["place"], _e(claim.place)),
        (t["according_to"], _source_name(claim.source, t)),
        (t["grade"], f'<bdi dir="ltr">{_e(claim.grade)}</bdi>'),
        (t["corroboration"], _e(digits(supported, lang))),
        (t["sha256"], _hash(claim.source.sha256)),
    ]
    if claim.accepted_by:
        rows.append((t["accepted_by"], _e(claim.accepted_by)))
    if claim.conflicts_with:
        ids = ", ".join(claim.conflicts_with)
        rows.append((t["conflicts"], f'{_e(t["conflicts_with"])} <bdi dir="ltr">{_e(ids)}</bdi>'))
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows if v)
    return (
        f'<div class="claim" id="claim-{_e(claim.id)}">'
        f'<h3>{_e(t["claim"])} <bdi dir="ltr">{_e(claim.id)}</bdi></h3>'
        f'<blockquote dir="auto">{_e(claim.quote)}</blockquote>'
        f"<table>{body}</table></div>"
    )


def _source(source: SourceView, lang: str, t: dict[str, str]) -> str:
    rows = [
        (t["source"], _source_name(source, t)),
        (t["reliability"], _e(source.reliability)),
        (t["sha256"], _hash(source.sha256)),
    ]
    if not source.confidential:
        rows += [
            ("", _e(" · ".join(x for x in (source.publisher, source.published, source.url) if x)))
        ]
    if source.derived_from:
        rows.append((t["derived_from"], _e(", ".join(source.derived_from))))
    head = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows if v)
    custody = "".join(
        f"<tr><td>{line.seq}</td><td><bdi dir='ltr'>{_e(line.at.strftime('%Y-%m-%d %H:%M:%S'))}"
        f"</bdi></td><td>{_e(line.action)}</td><td>{_e(line.by)}</td><td>{_e(line.object)}</td>"
        f"<td>{_hash(line.entry_hash)}</td></tr>"
        for line in source.custody
    )
    table = ""
    if custody:
        table = (
            f'<h3>{_e(t["custody"])}</h3><table class="small"><tr><th>#</th><th>UTC</th>'
            f"<th></th><th></th><th></th><th>hash</th></tr>{custody}</table>"
        )
    return f'<div class="claim"><table>{head}</table>{table}</div>'


def render_html(dossier: Dossier, lang: str = "en") -> str:
    """The case file as one self-contained HTML document."""
    t = labels(lang)
    direction = "rtl" if lang == "fa" else "ltr"
    banner_class = "banner public" if dossier.published else "banner"
    banner = t["published"] if dossier.published else t["for_investigators"]
    kind = t["person"] if dossier.kind == "person" else t["event"]
    parts = [
        f'<!DOCTYPE html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">',
        f"<title>{_e(t['case_file'])}: {_e(_title(dossier, lang))}</title><style>{CSS}</style></head><body>",
        f'<p class="{banner_class}">{_e(banner)}</p>',
        f"<h1>{_e(t['case_file'])} · {_e(kind)}: <bdi>{_e(_title(dossier, lang))}</bdi>",
    ]
    if dossier.alleged_perpetrator:
        parts.append(f' <span class="alleged">({_e(t["alleged"])})</span>')
    parts.append(f"</h1><p class='small'>{_e(t['statement'])}</p>")
    if dossier.names:
        names = "".join(f"<li><bdi>{_e(n)}</bdi></li>" for n in dossier.names)
        parts.append(f"<h2>{_e(t['names'])}</h2><ul>{names}</ul>")
    if dossier.fields:
        rows = "".join(
            f"<tr><th>{_e(k)}</th><td>{_values(v)}</td></tr>"
            for k, v in dossier.fields.items()
            if v not in (None, "", [], ())
        )
        parts.append(f"<h2>{_e(t['fields'])}</h2><table>{rows}</table>")
    if dossier.involvements:
        rows = "".join(
            f"<tr><td>{_person(i.person_name, i.person_ref, i.role == 'alleged_perpetrator', t)}"
            f"</td><td>{_e(kind_label(i.role, lang))}{' · ' + _e(i.degree) if i.degree else ''}</td>"
            f"<td>{_e(i.status or '')}"
            f"{' (' + _e(t['status_as_of']) + ' ' + _e(i.status_as_of) + ')' if i.status_as_of else ''}"
            f"</td></tr>"
            for i in dossier.involvements
        )
        parts.append(
            f"<h2>{_e(t['involvements'])}</h2><table><tr><th>{_e(t['person'])}</th>"
            f"<th>{_e(t['role'])}</th><th></th></tr>{rows}</table>"
        )
    if dossier.timeline:
        rows = "".join(
            f"<tr><td>{_date(c.date, lang)}</td><td>{_e(kind_label(c.kind, lang))}: "
            f"{_who(c, t)}</td><td>{_e(c.place)}</td>"
            f"<td>{_source_name(c.source, t)} <bdi dir='ltr'>{_e(c.grade)}</bdi></td></tr>"
            for c in dossier.timeline
        )
        parts.append(
            f"<h2>{_e(t['timeline'])}</h2><table><tr><th>{_e(t['date'])}</th>"
            f"<th>{_e(t['what'])}</th><th>{_e(t['place'])}</th>"
            f"<th>{_e(t['according_to'])}</th></tr>{rows}</table>"
        )
    parts.append(f"<h2>{_e(t['conflicts'])}</h2>")
    if dossier.conflicts:
        items = "".join(
            f"<li><bdi dir='ltr'>{_e(c.id)}</bdi> ({_e(kind_label(c.kind, lang))}, "
            f"{_source_name(c.source, t)}) {_e(t['conflicts_with'])} "
            f"<bdi dir='ltr'>{_e(', '.join(c.conflicts_with))}</bdi></li>"
            for c in dossier.conflicts
        )
        parts.append(f"<ul>{items}</ul>")
    else:
        parts.append(f"<p>{_e(t['no_conflicts'])}</p>")
    parts.append(f"<h2>{_e(t['claims'])}</h2>")
    parts += [_claim(c, lang, t) for c in dossier.claims]
    parts.append(f"<h2>{_e(t['sources'])}</h2>")
    parts += [_source(s, lang, t) for s in dossier.sources]
    footer = [
        f"{_e(t['generated'])} <bdi dir='ltr'>"
        f"{_e(dossier.generated_at.strftime('%Y-%m-%d %H:%M UTC'))}</bdi> "
        f"{_e(t['by'])} {_e(dossier.generated_by)}"
    ]
    if dossier.custody_head:
        footer.append(f"{_e(t['head'])}: {_hash(dossier.custody_head)}")
    if dossier.package_name:
        footer.append(f"{_e(t['package'])}: <bdi dir='ltr'>{_e(dossier.package_name)}</bdi>")
    parts.append("<hr><p class='small'>" + "<br>".join(footer) + "</p></body></html>")
    return "".join(parts)
