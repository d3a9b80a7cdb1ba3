"""What a listing shows, and the listing as HTML text for HTML builders.

A status table of 500 notes is 7,000 docutils nodes, held while the page
is written, when the build's memory is at its peak: 9 MiB, more than the
rest of the extension (``make bench``; by extrapolation 70 MiB at 4,000 notes). As text it
is one string. Other builders get the same rows as nodes (``listings``);
a test renders both through HTML and compares them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from sphinx_ext.i18n import _
from sphinx_ext.langtags import to_bcp47
from sphinx_ext.translation import Progress


@dataclass(frozen=True, slots=True)
class IndexEntry:
    uri: str
    title: str
    date: str | None  # in the build language
    label: str
    languages: tuple[tuple[str, str], ...]  # (Sphinx's code, autonym)


@dataclass(frozen=True, slots=True)
class StatusCell:
    text: str
    uri: str | None = None
    progress: Progress | None = None  # shown as a bar


@dataclass(frozen=True, slots=True)
class StatusTable:
    header: tuple[tuple[str, str], ...]  # (code, autonym) per language
    rows: tuple[tuple[str, str, tuple[StatusCell, ...]], ...]  # (uri, title, cells)
    totals: tuple[StatusCell, ...]


class rendered_listing(nodes.General, nodes.Element):
    """A listing already written as HTML (its ``html`` attribute)."""


def rendered(html: str) -> rendered_listing:
    # docutils' Element.copy() calls the class with its attributes, so the
    # node keeps Element's constructor; "no-search" as on the nodes
    return rendered_listing(html=html, classes=["no-search"])


def visit_rendered(translator: HTML5Translator, node: rendered_listing) -> None:
    translator.body.append(node["html"])
    raise nodes.SkipNode


def bar(progress: Progress) -> str:
    total = progress.total or 1
    parts = [
        ("translated", progress.translated),
        ("outdated", progress.fuzzy),
        ("untranslated", progress.untranslated),
    ]
    spans = "".join(
        f'<span class="ainotes-bar-{name}" style="width: {100 * value / total:.1f}%"></span>'
        for name, value in parts
        if value
    )
    return f'<span class="ainotes-bar" aria-hidden="true">{spans}</span>'


def index(entries: Sequence[IndexEntry]) -> str:
    # the markup docutils' HTML writer gives the nodes in listings._index_nodes
    out = ['<ul class="ainotes-index no-search simple">\n']
    for entry in entries:
        date = (
            f' <span class="ainotes-index-date">{escape(entry.date)}</span>' if entry.date else ""
        )
        languages = " · ".join(
            f'<span lang="{escape(to_bcp47(code))}">{escape(name)}</span>'
            for code, name in entry.languages
        )
        out.append(
            f'<li><p><a class="reference internal" href="{escape(entry.uri)}">'
            f"{escape(entry.title)}</a>{date}"
            f' <span class="ainotes-index-label">{escape(entry.label)}</span>'
            f' <span class="ainotes-index-languages">{languages}</span></p></li>\n'
        )
    out.append("</ul>\n")
    return "".join(out)


def status(table: StatusTable) -> str:
    # the markup docutils' HTML writer gives the nodes in listings._status_nodes
    head = "\n".join(
        f'<th class="head"><p lang="{escape(to_bcp47(code))}">{escape(name)}</p></th>'
        for code, name in table.header
    )
    out = [
        '<table class="ainotes-status no-search docutils align-default">\n<thead>\n'
        f'<tr class="row-odd"><th class="head"><p>{escape(_("Note"))}</p></th>\n{head}\n'
        "</tr>\n</thead>\n<tbody>\n"
    ]
    for number, (uri, title, cells) in enumerate(table.rows, start=2):
        note = f'<a class="reference external" href="{escape(uri)}">{escape(title)}</a>'
        out.append(_row(number, note, cells))
    total = escape(_("All notes"))
    out.append(_row(len(table.rows) + 2, total, table.totals, first_class="ainotes-total"))
    out.append("</tbody>\n</table>\n")
    return "".join(out)


def _row(number: int, first: str, cells: Sequence[StatusCell], first_class: str = "") -> str:
    parity = "even" if number % 2 == 0 else "odd"
    attribute = f' class="{first_class}"' if first_class else ""
    tds = [f"<td><p{attribute}>{first}</p></td>"]
    for cell in cells:
        text = escape(cell.text)
        if cell.uri is not None:
            href = escape(cell.uri)
            text = f'<a class="ainotes-status-link reference external" href="{href}">{text}</a>'
        tds.append(f"<td><p>{'' if cell.progress is None else bar(cell.progress)}{text}</p></td>")
    return f'<tr class="row-{parity}">' + "\n".join(tds) + "\n</tr>\n"
