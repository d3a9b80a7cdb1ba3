"""The notes index and the translation status dashboard.

Both directives leave a placeholder; it is filled at ``doctree-resolved``
from the records in the environment, in the build language: as HTML text
for HTML builders (``listing_html``), as nodes for the others. When any page
was read or removed, ``env-updated`` puts the pages that list notes back
into the write set, so an added, removed or retitled note shows up without
a clean build, and editing one note re-reads that note only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
from datetime import date
from typing import Any, ClassVar

from babel.dates import format_date
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator

from sphinx_ext import langtags, links, listing_html
from sphinx_ext.collector import NoteRecord, NotesDomain, records, title_of
from sphinx_ext.config import Settings
from sphinx_ext.i18n import _
from sphinx_ext.listing_html import IndexEntry, StatusCell, StatusTable
from sphinx_ext.notices import is_ai_translated, label_text, lang_class, state_of
from sphinx_ext.translation import Progress, State


class notes_listing(nodes.General, nodes.Element):  # docutils names nodes in lower case
    """Placeholder for the notes index; its options are its attributes."""


class status_listing(nodes.General, nodes.Element):
    """Placeholder for the translation status dashboard."""


class status_bar(nodes.General, nodes.Element):
    """A bar of translated, outdated and untranslated passages (HTML only)."""


def _choice(*values: str) -> Any:
    return lambda argument: directives.choice(argument, values)


class NotesDirective(SphinxDirective):
    """``{notes}``: every note, with its date, label and languages."""

    option_spec: ClassVar[dict[str, Any]] = {
        "sort": _choice("date", "title"),
        "type": directives.unchanged_required,
        "generated": _choice("yes", "no"),
        "language": directives.unchanged_required,
        "limit": directives.positive_int,
    }

    def run(self) -> list[nodes.Node]:
        _domain(self.env).note_listing(self.env.docname)
        node = notes_listing(**{key: str(value) for key, value in self.options.items()})
        self.set_source_info(node)
        return [node]


class StatusDirective(SphinxDirective):
    """``{translation-status}``: a table of every note's progress in every language."""

    def run(self) -> list[nodes.Node]:
        _domain(self.env).note_listing(self.env.docname)
        node = status_listing()
        self.set_source_info(node)
        return [node]


def _domain(env: BuildEnvironment) -> NotesDomain:
    return env.domains[NotesDomain.name]  # type: ignore[return-value]


# --- keeping listings fresh -------------------------------------------------


def before_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: remember the titles of the pages about to change."""
    data = _domain(env).data
    if docnames:
        data["refresh"] = True
        data["titles"] = {docname: title_of(env, docname) for docname in docnames}


def removed(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], gone: Set[str]
) -> Iterable[str]:
    """``env-get-outdated``: a removed note must leave the listings, and the navigation."""
    if gone:
        data = _domain(env).data
        data["refresh"] = True
        if gone & _in_toctrees(env):  # before Sphinx re-reads the page that listed it
            data["navigation_changed"] = True
    return []


def _in_toctrees(env: BuildEnvironment) -> set[str]:
    """Pages whose titles other pages show: in the sidebar, and as previous and next."""
    return set().union(*env.toctree_includes.values()) | {env.config.root_doc}


def listings_to_write(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: write the pages with listings again, without re-reading them.

    When a page in a toctree was added, removed or retitled, every page's sidebar
    navigation (furo's global table of contents) changes too, so every page is
    written. Notes outside toctrees (``ainotes_notes_in_toctree = False``) change
    the listings only.
    """
    data = _domain(env).data
    titles: dict[str, str | None] = data.pop("titles", {})
    navigation_changed = data.pop("navigation_changed", False)
    if not data.pop("refresh", False):
        return []
    in_toctrees = _in_toctrees(env)
    if navigation_changed or any(
        docname in in_toctrees and title_of(env, docname) != title
        for docname, title in titles.items()
    ):
        return sorted(env.found_docs)
    return sorted(_domain(env).listings)


# --- filling the placeholders ----------------------------------------------


_JOINING_BUILDERS = frozenset({"singlehtml", "latex", "texinfo", "man"})


def fill(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: replace placeholders with the current notes."""
    # Only pages with a listing need the walk, unless the builder joins every
    # page into one doctree (singlehtml, LaTeX...) and resolves it as the root.
    if docname not in _domain(app.env).listings and app.builder.name not in _JOINING_BUILDERS:
        return
    placeholders = list(doctree.findall(notes_listing)) + list(doctree.findall(status_listing))
    if not placeholders:
        return
    settings = Settings.of(app.config, app.srcdir)
    as_text = _as_text(app.builder)
    for node in placeholders:
        if isinstance(node, notes_listing):
            entries = _index(app, settings, docname, node)
            if not entries:
                empty = nodes.paragraph("", _("No notes yet."), classes=["ainotes-index-empty"])
                node.replace_self(empty)
            elif as_text:
                node.replace_self(listing_html.rendered(listing_html.index(entries)))
            else:
                node.replace_self(_index_nodes(entries))
        else:
            table = _dashboard(app, settings, docname)
            if as_text:
                node.replace_self(listing_html.rendered(listing_html.status(table)))
            else:
                node.replace_self(_status_nodes(table))
    langtags.release_cldr()  # the dates' locale data


def _as_text(builder: Builder) -> bool:
    return builder.format == "html"


def _notes(env: BuildEnvironment, type_: str = "note") -> list[tuple[str, NoteRecord]]:
    return [
        (docname, record)
        for docname, record in sorted(records(env).items())
        if (record.meta.is_note if type_ == "note" else type_ in ("*", record.meta.type))
    ]


def _title(env: BuildEnvironment, docname: str) -> str:
    return title_of(env, docname) or docname


def _select(app: Sphinx, settings: Settings, node: notes_listing) -> list[tuple[str, NoteRecord]]:
    found = _notes(app.env, node.get("type", "note"))
    if "generated" in node:
        wanted = node["generated"] == "yes"
        found = [(d, r) for d, r in found if r.meta.ai_generated is wanted]
    if "language" in node:
        code = langtags.match(node["language"], settings.languages) or node["language"]
        found = [(d, r) for d, r in found if code in r.languages()]
    if node.get("sort", "date") == "date":
        found.sort(key=lambda item: item[1].meta.date or date.min, reverse=True)
    else:
        found.sort(key=lambda item: _title(app.env, item[0]).casefold())
    if "limit" in node:
        found = found[: int(node["limit"])]
    return found


def _index(app: Sphinx, settings: Settings, fromdoc: str, node: notes_listing) -> list[IndexEntry]:
    locale = langtags.locale_of(settings.language) or "en"  # a build language CLDR lacks
    entries = []
    for docname, record in _select(app, settings, node):
        meta = record.meta
        translated = is_ai_translated(record, settings.language)
        entries.append(
            IndexEntry(
                uri=app.builder.get_relative_uri(fromdoc, docname),
                title=_title(app.env, docname),
                date=format_date(meta.date, "medium", locale=locale) if meta.date else None,
                label=label_text(meta.ai_generated, translated, meta.model),
                languages=tuple((code, langtags.autonym(code)) for code in record.languages()),
            )
        )
    return entries


def _dashboard(app: Sphinx, settings: Settings, fromdoc: str) -> StatusTable:
    notes = _notes(app.env)
    header = tuple((code, langtags.autonym(code)) for code in settings.languages)
    rows = []
    for docname, record in sorted(notes, key=lambda item: _title(app.env, item[0]).casefold()):
        uri = app.builder.get_relative_uri(fromdoc, docname)
        cells = tuple(
            _status_cell(app, settings, fromdoc, docname, record, code)
            for code in settings.languages
        )
        rows.append((uri, _title(app.env, docname), cells))
    return StatusTable(header, tuple(rows), _totals(notes, settings))


def _counts(progress: Progress) -> str:
    return _("{translated} translated, {fuzzy} outdated, {untranslated} untranslated").format(
        translated=progress.translated, fuzzy=progress.fuzzy, untranslated=progress.untranslated
    )


def _status_cell(
    app: Sphinx, settings: Settings, fromdoc: str, docname: str, record: NoteRecord, code: str
) -> StatusCell:
    uri = links.relative(app.builder, settings, docname, code, fromdoc=fromdoc)
    if state_of(record, code) is State.ORIGINAL:
        return StatusCell(_("Original"), uri)
    translation = record.translation(code)
    progress = translation.progress if translation else Progress()
    return StatusCell(_counts(progress), uri, progress)


def _totals(notes: list[tuple[str, NoteRecord]], settings: Settings) -> tuple[StatusCell, ...]:
    cells = []
    for code in settings.languages:
        total = Progress()
        for _docname, record in notes:
            translation = record.translation(code)
            if translation is not None:
                total += translation.progress
        cells.append(StatusCell(_counts(total), None, total) if total.total else StatusCell("—"))
    return tuple(cells)


# --- as nodes, for builders other than HTML ---------------------------------


def _index_nodes(entries: Sequence[IndexEntry]) -> nodes.bullet_list:
    # "no-search": a search finds the notes, not the listing that names them all
    listing = nodes.bullet_list(classes=["ainotes-index", "no-search"])
    for entry in entries:
        item = nodes.paragraph()
        item += nodes.reference("", entry.title, internal=True, refuri=entry.uri)
        if entry.date:
            item += [nodes.Text(" "), nodes.inline("", entry.date, classes=["ainotes-index-date"])]
        item += [nodes.Text(" "), nodes.inline("", entry.label, classes=["ainotes-index-label"])]
        languages = nodes.inline(classes=["ainotes-index-languages"])
        for i, (code, name) in enumerate(entry.languages):
            if i:
                languages += nodes.Text(" · ")
            languages += nodes.inline("", name, classes=[lang_class(code)])
        item += [nodes.Text(" "), languages]
        listing += nodes.list_item("", item)
    return listing


def _status_nodes(table: StatusTable) -> nodes.table:
    node = nodes.table(classes=["ainotes-status", "no-search"])
    group = nodes.tgroup(cols=len(table.header) + 1)
    node += group
    group += [nodes.colspec(colwidth=3)] + [nodes.colspec(colwidth=2) for _ in table.header]
    header = [nodes.paragraph("", _("Note"))] + [
        nodes.paragraph("", name, classes=[lang_class(code)]) for code, name in table.header
    ]
    group += nodes.thead("", _row(header))
    body = nodes.tbody()
    for uri, title, cells in table.rows:
        note = nodes.paragraph("", "", nodes.reference("", title, refuri=uri))
        body += _row([note, *(_cell_nodes(cell) for cell in cells)])
    total = nodes.paragraph("", _("All notes"), classes=["ainotes-total"])
    body += _row([total, *(_cell_nodes(cell) for cell in table.totals)])
    group += body
    return node


def _row(cells: Sequence[nodes.Element]) -> nodes.row:
    return nodes.row("", *[nodes.entry("", cell) for cell in cells])


def _cell_nodes(cell: StatusCell) -> nodes.paragraph:
    paragraph = nodes.paragraph()
    if cell.progress is not None:
        paragraph += status_bar(progress=cell.progress)
    if cell.uri is None:
        paragraph += nodes.Text(cell.text)
    else:
        link = nodes.reference("", cell.text, refuri=cell.uri, classes=["ainotes-status-link"])
        paragraph += link
    return paragraph


def visit_bar(translator: HTML5Translator, node: status_bar) -> None:
    translator.body.append(listing_html.bar(node["progress"]))
    raise nodes.SkipNode
