"""The import, start to end: posts in, notes and catalogs out, and a report.

1. Discover the posts and group them into notes (:mod:`.discover`).
2. Make each note's source post a MyST page (:mod:`.myst`).
3. Extract every page's messages with one Sphinx gettext run (:mod:`.extract`).
4. For each other language: align the translation's blocks with the
   source's (:mod:`.align`), turn the pairs into checked msgstrs
   (:mod:`.messages`) and merge them into the page's catalog (:mod:`.catalog`).
5. Write what changed, atomically, unless it is a dry run.

Nothing is written before everything is computed, so a failure leaves the
site as it was.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from sphinx_ext import catalogs, langtags
from sphinx_ext.jekyll import (
    blocks,
    catalog,
    discover,
    extract,
    features,
    messages,
    myst,
)
from sphinx_ext.jekyll.align import align
from sphinx_ext.jekyll.discover import Note, Problem, Source
from sphinx_ext.jekyll.files import write_atomic
from sphinx_ext.jekyll.frontmatter import Post
from sphinx_ext.jekyll.report import LanguageReport, NoteReport, Report
from sphinx_ext.jekyll.target import NOTES_DIR, Options, Site
from sphinx_ext.translation import Accept, accept_all, count, faithful_in

#: A note's status when its page exists with other content and --force was not given.
EXISTS = "exists, not overwritten (--force replaces it)"

#: Called with the phase ("reading", "aligning"), notes done and notes in all.
Progress = Callable[[str, int, int], None]


@dataclass(slots=True)
class _Page:
    """A note's source, made a MyST page, and what will become of it."""

    note: Note
    source: Source
    text: str
    path: Path
    report: NoteReport
    write: bool  # new or changed, and allowed
    translations: dict[str, Source] = field(default_factory=dict)
    blocks: list[blocks.Block] = field(default_factory=list)
    outputs: list[tuple[Path, bytes]] = field(default_factory=list)


def run(options: Options, progress: Progress | None = None) -> Report:
    clock = _Clock()
    site_ = Site.read(options)
    found = discover.discover(options.src)
    report = Report(str(options.src), str(options.docs), options.dry_run)
    report.problems, report.ignored = found.problems, found.ignored
    report.other_languages = _other_languages(found.notes, site_)
    pages = [page for note in found.notes if (page := _page(note, site_, options, report))]
    ready = [page for page in pages if page.report.status != EXISTS]
    clock.lap("read")
    reading = partial(progress, "reading") if progress else None
    extraction = extract.extract({_docname(p): p.text for p in ready}, site_.docs, reading)
    clock.lap("extract")
    for done, page in enumerate(ready, start=1):
        page.report.warnings = extraction.warnings.get(_docname(page), [])
        page.blocks = blocks.parse(page.text, site_.extensions)
        occurrences = extraction.messages.get(_docname(page), [])
        for language in site_.targets:
            if language in page.translations:
                _translate(page, language, occurrences, site_, options, report)
            else:
                page.report.languages.append(_missing(page, language, occurrences, site_))
        if progress is not None:
            progress("aligning", done, len(ready))
    report.notes = [page.report for page in pages]
    clock.lap("align")
    if not options.dry_run:
        _write(ready)
    clock.lap("write")
    report.seconds = clock.laps
    return report


def _other_languages(notes: list[Note], site_: Site) -> dict[str, int]:
    """Posts in languages the site does not build, by language: not imported."""
    counts = Counter(
        source.language
        for note in notes
        for source in note.sources
        if not langtags.match(source.language, list(site_.languages))
    )
    return dict(sorted(counts.items()))


class _Clock:
    """Seconds per phase, for the report and the benchmark."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self.last, 3)
        self.last = now


def _docname(page: _Page) -> str:
    return f"{NOTES_DIR}/{page.note.slug}"


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _page(note: Note, site_: Site, options: Options, report: Report) -> _Page | None:
    """The note's source as a MyST page, or None (reported) if it has no single source."""
    source = _single(note, site_.source_language, options.src, report)
    if source is None:
        if not any(note.in_language(site_.source_language)):
            names = ", ".join(_relative(s.path, options.src) for s in note.sources)
            report.problems.append(
                Problem(names, f"no {site_.source_language} version to translate from; skipped")
            )
        return None
    post = source.post.with_date(note.date)
    changes = [] if post is source.post else [f"date {note.date} added from the file name"]
    text = _myst_page(post, site_, changes)
    path = site_.docs / NOTES_DIR / f"{note.slug}.md"
    status = _page_status(path, text, options)
    note_report = NoteReport(
        slug=note.slug,
        date=note.date.isoformat(),
        source=_relative(source.path, options.src),
        page=_relative(path, site_.docs),
        status=status,
        changes=changes,
    )
    if status == EXISTS:
        report.problems.append(Problem(note_report.source, f"{note_report.page} {EXISTS}"))
    page = _Page(note, source, text, path, note_report, write=status in ("written", "would write"))
    for language in site_.targets:
        translation = _single(note, language, options.src, report)
        if translation is not None:
            page.translations[language] = translation
    return page


def _single(note: Note, language: str, src: Path, report: Report) -> Source | None:
    """The note's one post in ``language``; two are reported and neither is used."""
    found = note.in_language(language)
    if len(found) > 1:
        names = ", ".join(_relative(s.path, src) for s in found)
        report.problems.append(
            Problem(names, f"{len(found)} {language} files for one note; none is used")
        )
        return None
    return found[0] if found else None


def _myst_page(post: Post, site_: Site, changes: list[str]) -> str:
    converted = _convert(post, site_)
    changes += converted.changes
    if converted.liquid:
        shown = ", ".join(f"line {line}: {tag}" for line, tag in converted.liquid[:5])
        more = f" and {len(converted.liquid) - 5} more" if len(converted.liquid) > 5 else ""
        changes.append(f"Liquid a person has to replace: {shown}{more}")
    return post.page(converted.body)


def _convert(post: Post, site_: Site) -> myst.Converted:
    return myst.convert(
        post.body,
        top_level=2 if post.get("title") else 1,
        escape_liquid="substitution" in site_.extensions,
        first_line=post.raw.count("\n") + 3,
        extensions=site_.extensions,
    )


def _page_status(path: Path, text: str, options: Options) -> str:
    if path.is_file():
        if path.read_bytes() == text.encode("utf-8"):
            return "unchanged"
        if not options.force:
            return EXISTS
    return "would write" if options.dry_run else "written"


def _translate(
    page: _Page,
    language: str,
    occurrences: list[extract.Occurrence],
    site_: Site,
    options: Options,
    report: Report,
) -> None:
    translation = page.translations[language]
    post = translation.post
    converted = _convert(post, site_)
    theirs = blocks.parse(post.page(converted.body), site_.extensions)
    alignment = align(page.blocks, theirs, language)
    titles = messages.Titles(page.source.post.get("title"), post.get("title"))
    found = messages.collect(
        occurrences,
        page.blocks,
        alignment,
        titles,
        language,
        keep_mismatches=options.keep_mismatches,
    )
    found.relocate(converted.post_line)
    path = site_.catalog_path(language, page.note.slug)
    lines: dict[str, list[int]] = {}
    for occurrence in occurrences:
        lines.setdefault(occurrence.msgid, []).append(occurrence.line)
    request = catalog.Request(
        language=language,
        page=page.report.page,
        messages=list(lines.items()),
        strings=found.strings,
        ai=post.flag("translated"),
        date=page.note.date,
        project=site_.project,
    )
    try:
        outcome = catalog.render(path, request, force=options.force)
    except catalog.CatalogError as exc:
        report.problems.append(Problem(_relative(path, site_.docs), str(exc)))
        return
    if outcome.changed:
        page.outputs.append((path, outcome.content))
    page.report.languages.append(
        _language_report(language, translation, path, site_, options, found, outcome)
    )


def _language_report(
    language: str,
    translation: Source,
    path: Path,
    site_: Site,
    options: Options,
    found: messages.Messages,
    outcome: catalog.Outcome,
) -> LanguageReport:
    translated, untranslated = _count(found.occurrences, outcome.catalog, language, site_)
    written = "would write" if options.dry_run else "written"
    status = written if outcome.changed else "unchanged"
    return LanguageReport(
        language=language,
        translation=_relative(translation.path, options.src),
        catalog=_relative(path, site_.docs),
        status=status,
        messages=len(found.occurrences),
        translated=translated,
        untranslated=untranslated,
        extra=found.extra,
        wrong_script=found.wrong_script,
        mismatched=found.mismatched,
        incomplete=found.incomplete,
        reordered=found.reordered,
        kept=outcome.kept,
        replaced=outcome.replaced,
        header_kept=outcome.header_kept,
    )


def _missing(
    page: _Page, language: str, occurrences: list[extract.Occurrence], site_: Site
) -> LanguageReport:
    """A language with no post for this note: counted, its catalog (if any) left alone."""
    path = site_.catalog_path(language, page.note.slug)
    existing = catalogs.load(path) if path.is_file() else None
    translated, _untranslated = _count(occurrences, existing, language, site_)
    return LanguageReport(
        language=language,
        translation="",
        catalog=_relative(path, site_.docs),
        status=f"no {language} post" + (", catalog left as it is" if existing else ""),
        messages=len(occurrences),
        translated=translated,
    )


def _count(
    occurrences: list[extract.Occurrence],
    po: catalogs.Catalog | None,
    language: str,
    site_: Site,
) -> tuple[int, list[messages.Passage]]:
    """The messages the build shows translated, and the passages it shows in the original.

    Counted as the site counts a page (:func:`sphinx_ext.translation.count`), so the
    report agrees with ``translation_progress``: a fuzzy msgstr is not shown, nor is
    one the build's integrity check refuses.
    """
    accept: Accept = accept_all
    if site_.reject_mismatches:  # the pairs checked while aligning are cached there
        accept = faithful_in(language, features.mismatches)
    translated = 0
    untranslated = []
    for occurrence in occurrences:
        progress = count([occurrence.msgid], po, accept)
        if progress.translated:
            translated += 1
            continue
        reason = (
            "fuzzy: shown in the original until someone reviews it"
            if progress.fuzzy
            else "refused by the build's integrity check"
            if progress.rejected
            else ""
        )
        untranslated.append(
            messages.Passage(occurrence.line, messages.first_words(occurrence.msgid), reason)
        )
    return translated, untranslated


def _write(pages: list[_Page]) -> None:
    for page in pages:
        if page.write:
            write_atomic(page.path, page.text.encode("utf-8"))
        for path, content in page.outputs:
            write_atomic(path, content)
