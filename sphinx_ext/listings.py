"""The notes index and the translation status dashboard.

Both directives leave a placeholder; it is filled at ``doctree-resolved``
from the records in the environment, in the build language. When any page
was read or removed, ``env-updated`` puts the pages that list notes back
into the write set, so an added, removed or retitled note shows up without
a clean build, and editing one note re-reads that note only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from babel.dates import format_date
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator

from sphinx_ext import langtags, links
from sphinx_ext.collector import NoteRecord, NotesDomain, records, title_of
from sphinx_ext.config import Settings
from sphinx_ext.i18n import _
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
    settings = Settings.of(app.config, Path(app.srcdir))
    for node in placeholders:
        if isinstance(node, notes_listing):
            node.replace_self(_index(app, settings, docname, node))
        else:
            node.replace_self(_dashboard(app, settings, docname))


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


def _index(app: Sphinx, settings: Settings, fromdoc: str, node: notes_listing) -> nodes.Element:
    items = _select(app, settings, node)
    if not items:
        return nodes.paragraph("", _("No notes yet."), classes=["ainotes-index-empty"])
    # "no-search": a search finds the notes, not the listing that names them all
    listing = nodes.bullet_list(classes=["ainotes-index", "no-search"])
    for docname, record in items:
        listing += nodes.list_item("", _index_entry(app, settings, fromdoc, docname, record))
    return listing


def _index_entry(
    app: Sphinx, settings: Settings, fromdoc: str, docname: str, record: NoteRecord
) -> nodes.paragraph:
    language = settings.language
    uri = app.builder.get_relative_uri(fromdoc, docname)
    entry = nodes.paragraph()
    entry += nodes.reference("", _title(app.env, docname), internal=True, refuri=uri)
    if record.meta.date:
        locale = langtags.locale_of(language) or "en"  # a build language CLDR lacks
        text = format_date(record.meta.date, "medium", locale=locale)
        entry += [nodes.Text(" "), nodes.inline("", text, classes=["ainotes-index-date"])]
    label = label_text(
        record.meta.ai_generated, is_ai_translated(record, language), record.meta.model
    )
    entry += [nodes.Text(" "), nodes.inline("", label, classes=["ainotes-index-label"])]
    languages = nodes.inline(classes=["ainotes-index-languages"])
    for i, code in enumerate(record.languages()):
        if i:
            languages += nodes.Text(" · ")
        languages += nodes.inline("", langtags.autonym(code), classes=[lang_class(code)])
    entry += [nodes.Text(" "), languages]
    return entry


def _dashboard(app: Sphinx, settings: Settings, fromdoc: str) -> nodes.Element:
    notes = _notes(app.env)
    table = nodes.table(classes=["ainotes-status", "no-search"])
    group = nodes.tgroup(cols=len(settings.languages) + 1)
    table += group
    group += [nodes.colspec(colwidth=3)] + [nodes.colspec(colwidth=2) for _ in settings.languages]
    header = [nodes.paragraph("", _("Note"))] + [
        nodes.paragraph("", langtags.autonym(code), classes=[lang_class(code)])
        for code in settings.languages
    ]
    group += nodes.thead("", _row(header))
    body = nodes.tbody()
    for docname, record in sorted(notes, key=lambda item: _title(app.env, item[0]).casefold()):
        cells: list[nodes.Element] = [_note_cell(app, fromdoc, docname)]
        for code in settings.languages:
            cells.append(_status_cell(app, settings, fromdoc, docname, record, code))
        body += _row(cells)
    body += _row(_totals(notes, settings))
    group += body
    return table


def _row(cells: Sequence[nodes.Element]) -> nodes.row:
    return nodes.row("", *[nodes.entry("", cell) for cell in cells])


def _note_cell(app: Sphinx, fromdoc: str, docname: str) -> nodes.paragraph:
    uri = app.builder.get_relative_uri(fromdoc, docname)
    return nodes.paragraph("", "", nodes.reference("", _title(app.env, docname), refuri=uri))


def _counts(progress: Progress) -> str:
    return _("{translated} translated, {fuzzy} outdated, {untranslated} untranslated").format(
        translated=progress.translated, fuzzy=progress.fuzzy, untranslated=progress.untranslated
    )


def _status_cell(
    app: Sphinx, settings: Settings, fromdoc: str, docname: str, record: NoteRecord, code: str
) -> nodes.paragraph:
    cell = nodes.paragraph()
    if state_of(record, code) is State.ORIGINAL:
        text = _("Original")
    else:
        translation = record.translation(code)
        progress = translation.progress if translation else Progress()
        cell += status_bar(progress=progress)
        text = _counts(progress)
    uri = links.relative(app.builder, settings, docname, code, fromdoc=fromdoc)
    cell += nodes.reference("", text, refuri=uri, classes=["ainotes-status-link"])
    return cell


def _totals(notes: list[tuple[str, NoteRecord]], settings: Settings) -> list[nodes.Element]:
    cells: list[nodes.Element] = [nodes.paragraph("", _("All notes"), classes=["ainotes-total"])]
    for code in settings.languages:
        total = Progress()
        for _docname, record in notes:
            translation = record.translation(code)
            if translation is not None:
                total += translation.progress
        cell = nodes.paragraph()
        if total.total:
            cell += status_bar(progress=total)
            cell += nodes.Text(_counts(total))
        else:
            cell += nodes.Text("—")
        cells.append(cell)
    return cells


def visit_bar(translator: HTML5Translator, node: status_bar) -> None:
    progress: Progress = node["progress"]
    total = progress.total or 1
    parts = [
        ("translated", progress.translated),
        ("outdated", progress.fuzzy),
        ("untranslated", progress.untranslated),
    ]
    translator.body.append('<span class="ainotes-bar" aria-hidden="true">')
    for name, value in parts:
        if value:
            width = f"{100 * value / total:.1f}%"
            translator.body.append(
                f'<span class="ainotes-bar-{name}" style="width: {width}"></span>'
            )
    translator.body.append("</span>")
    raise nodes.SkipNode
