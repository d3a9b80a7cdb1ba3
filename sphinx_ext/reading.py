"""Read time: a page's front matter and its catalogs, before Sphinx translates it.

The transform runs just before Sphinx's ``Locale`` transform (priority 20):
- it marks the front-matter fields not translatable, so Sphinx's
  ``translation_progress`` counts the page's text only (MyST renders the
  fields as nodes that are never extracted, yet would be counted untranslated);
- it parses the front matter into a :class:`NoteMeta`, once;
- it counts the page's messages against every site language's catalog.

The result rides on the document to :class:`NotesDomain`, which stores it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages

from sphinx_ext import catalogs, integrity
from sphinx_ext.collector import PENDING, NoteRecord
from sphinx_ext.config import Settings
from sphinx_ext.diagnostics import Subtype, in_file, key_line, warn
from sphinx_ext.metadata import NoteMeta, parse_front_matter, yaml_problem
from sphinx_ext.translation import Progress, Translation, accept_all, count

#: Nodes whose translation Locale should apply, checked after it ran.
EXPECTED = "ainotes_expected"
#: Recording formats browsers play, in the order a note's files are looked for.
AUDIO_SUFFIXES = (".mp3", ".ogg", ".opus", ".m4a", ".wav", ".webm")


def _relative(path: Path, srcdir: Path) -> str:
    return Path(os.path.relpath(path, srcdir)).as_posix()


def front_matter(document: nodes.document) -> nodes.field_list | None:
    """The field list docutils' DocInfo transform will turn into metadata, if any."""
    index = document.first_child_not_matching_class(nodes.PreBibliographic)  # type: ignore[arg-type]
    if index is not None and isinstance(document[index], nodes.field_list):
        return document[index]  # type: ignore[return-value]
    return None


class ReadNote(SphinxTransform):
    default_priority = 15  # before Locale (20) translates and TranslationProgressTotaliser counts

    def apply(self, **kwargs: object) -> None:
        fields = self._front_matter_fields()
        meta = self._parse(fields)
        self._check_page(meta, fields)
        settings = Settings.of(self.config, Path(self.env.srcdir))
        language = settings.site_language(meta.lang)
        if meta.lang and language is None:
            warn(
                f"front matter 'lang' is {meta.lang!r}, which this site does not build "
                f"(ainotes_languages: {', '.join(settings.languages)}); "
                "add it there, or correct the tag",
                Subtype.LANGUAGE,
                self._where("lang"),
            )
        translations, watch = self._translations(settings, language)
        audio = self._audio(meta, settings, watch) if meta.audio else {}
        self.document[PENDING] = NoteRecord(meta, language, translations, tuple(watch), audio)

    def _where(self, key: str | None = None) -> tuple[str, int | None]:
        line = key_line(self.document["source"], key) if key else 1
        return self.env.docname, line

    def _front_matter_fields(self) -> dict[str, str]:
        field_list = front_matter(self.document)
        if field_list is None:
            self._check_unreadable_front_matter()
            return {}
        for node in field_list.findall(nodes.Element):
            node["translatable"] = False
        fields = {}
        for field in field_list.findall(nodes.field):
            fields[field[0].astext()] = field[1].astext()
        return fields

    def _check_unreadable_front_matter(self) -> None:
        """MyST drops front matter it cannot read with a bare "Malformed YAML"; say where."""
        try:
            source = Path(self.document["source"]).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return
        if not source.strip():
            warn(
                "the page is empty: write the note, or delete the file",
                Subtype.FRONT_MATTER,
                (self.env.docname, 1),
            )
            return
        problem = yaml_problem(source)
        if problem is not None:
            message, line = problem
            warn(
                f"{message}; the page is built without it. Fix the YAML between the '---' lines",
                Subtype.FRONT_MATTER,
                (self.env.docname, line),
            )

    def _check_page(self, meta: NoteMeta, fields: dict[str, str]) -> None:
        if meta.is_note and "title" not in fields:
            warn(
                "the note has no title; add 'title:' to its front matter "
                "(the front matter's title is the page's heading)",
                Subtype.FRONT_MATTER,
                self._where(),
            )
        if "title" in fields:
            self._title_as_text()

    def _title_as_text(self) -> None:
        """HTML in a front-matter title is shown as text, never run (MyST would pass it on)."""
        section = self.document.next_node(nodes.section)
        if section is None or not section.children or not isinstance(section[0], nodes.title):
            return
        raw = list(section[0].findall(nodes.raw))
        for node in raw:
            node.replace_self(nodes.Text(node.astext()))
        if raw:
            warn(
                "front matter 'title' contains HTML; it is shown as text. "
                "Write the title as plain text",
                Subtype.FRONT_MATTER,
                self._where("title"),
            )

    def _parse(self, fields: dict[str, str]) -> NoteMeta:
        meta, problems = parse_front_matter(fields)
        for problem in problems:
            warn(
                f"{problem}; the value is ignored",
                Subtype.FRONT_MATTER,
                self._where(problem.key),
            )
        return meta

    def _translations(
        self, settings: Settings, language: str | None
    ) -> tuple[dict[str, Translation], list[str]]:
        """The page's state in each site language other than its own."""
        srcdir = Path(self.env.srcdir)
        domain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        messages = list(extract_messages(self.document))
        msgids = [msgid for _node, msgid in messages]
        translations: dict[str, Translation] = {}
        watch: list[str] = []
        for code in settings.languages:
            path = catalogs.find(list(settings.locale_dirs), code, domain)
            if code == settings.language:
                self._refuse_unwanted(messages, path, code == language, settings, domain)
            if code == language:
                continue
            if path is None:
                translations[code] = Translation(Progress(len(msgids)), ai=False)
                if settings.locale_dirs:
                    expected = catalogs.catalog_path(settings.locale_dirs[0], code, domain)
                    watch.append(_relative(expected, srcdir))
                continue
            catalog = catalogs.load(path)
            if code == settings.language:
                self._report(catalog, path)
                self._guard(messages, catalog, path, settings)
            else:
                self.env.note_dependency(path)  # Sphinx tracks the build language's .mo itself
            ai = catalog.ai_translated
            accept = _faithful_in(code) if settings.reject_mismatches else accept_all
            progress = count(msgids, catalog, accept)
            if code == settings.language and progress.fuzzy and not progress.translated:
                warn(
                    "catalog has only fuzzy entries for this page, so none is shown; "
                    "review them and remove their fuzzy flags",
                    Subtype.CATALOG,
                    in_file(path),
                )
            translations[code] = Translation(
                progress,
                ai=settings.ai_translated if ai is None else ai,
                catalog=_relative(path, srcdir),
            )
        return translations, watch

    def _refuse_unwanted(
        self,
        messages: list[tuple[nodes.Element, str]],
        path: Path | None,
        own_language: bool,
        settings: Settings,
        domain: str,
    ) -> None:
        """Keep Sphinx from applying a catalog the page must not get.

        A page is never translated into its own language, and a ``.mo``
        whose ``.po`` was deleted is stale (Sphinx would still apply it).
        """
        if path is not None and own_language:
            message = (
                "catalog is for the language the page is written in, so it is not used; "
                "delete it, or correct the page's 'lang'"
            )
        elif path is None:
            path = catalogs.stale_compiled(list(settings.locale_dirs), settings.language, domain)
            message = "compiled catalog has no .po any more, so it is not used; delete it"
        else:
            return
        if path is None:
            return
        warn(message, Subtype.CATALOG, in_file(path))
        for node, _msgid in messages:
            node["translatable"] = False

    def _audio(self, meta: NoteMeta, settings: Settings, watch: list[str]) -> dict[str, str]:
        """The note's recording in each language; Sphinx copies them to ``_downloads``."""
        srcdir = Path(self.env.srcdir)
        docname = self.env.docname
        found = {}
        for code in settings.languages:
            stem = Path(self.config.ainotes_audio_dir, f"{docname}.{code}")
            for suffix in AUDIO_SUFFIXES:
                path = stem.with_name(stem.name + suffix)
                if (srcdir / path).is_file():
                    found[code] = str(self.env.dlfiles.add_file(docname, path.as_posix()))
                    self.env.note_dependency(srcdir / path)
                    break
            else:
                watch += [stem.with_name(stem.name + s).as_posix() for s in AUDIO_SUFFIXES]
        if not found:
            expected = Path(self.config.ainotes_audio_dir, f"{docname}.<language>.mp3")
            warn(
                f"front matter says 'audio: true', but there is no recording at {expected}; "
                "add the file, or set 'audio: false'",
                Subtype.AUDIO,
                self._where("audio"),
            )
        return found

    def _report(self, catalog: catalogs.Catalog, path: Path) -> None:
        for problem in catalog.problems:
            warn(
                f"catalog {problem.message}; Sphinx uses what it can read of it. "
                "Fix the catalog there",
                Subtype.CATALOG,
                in_file(path, problem.lineno),
            )

    def _guard(
        self,
        messages: list[tuple[nodes.Element, str]],
        catalog: catalogs.Catalog,
        path: Path,
        settings: Settings,
    ) -> None:
        """Keep the original where a translation changed what must not change.

        A node marked not translatable is skipped by Locale; ``translated=False``
        makes Sphinx count it as untranslated.
        """
        expected = []
        for node, msgid in messages:
            msgstr = catalog.translation(msgid)
            if msgstr is None or msgstr == msgid:
                continue
            lineno = catalog.entries[msgid].lineno
            mismatches = integrity.check(msgid, msgstr, settings.language)
            if mismatches:
                outcome = (
                    "the original is shown"
                    if settings.reject_mismatches
                    else "it is used anyway (ainotes_integrity = 'warn')"
                )
                warn(
                    f"the translation of {_quote(msgid)} changes its "
                    f"{'; '.join(map(str, mismatches))}; {outcome}. Fix the msgstr",
                    Subtype.INTEGRITY,
                    in_file(path, lineno),
                )
                if settings.reject_mismatches:
                    node["translatable"] = False
                    node["translated"] = False
                    continue
            expected.append((node, msgid, msgstr, lineno))
        self.document[EXPECTED] = (str(path), expected)


def _quote(msgid: str) -> str:
    return repr(msgid if len(msgid) <= 60 else msgid[:57] + "...")


def _faithful_in(language: str) -> Callable[[str, str], bool]:
    def faithful(msgid: str, msgstr: str) -> bool:
        return msgstr == msgid or not integrity.check(msgid, msgstr, language)

    return faithful


class AfterLocale(SphinxTransform):
    """Between Sphinx's Locale transform and its count: correct the count, report what was lost.

    Locale translates a toctree's caption and an image's alt text but leaves
    both marked ``translated=False``, so Sphinx counts them untranslated; and
    it keeps the original, without a word, when a msgstr parses to another
    kind of block than the original's.
    """

    default_priority = 23  # after Locale (20), before TranslationProgressTotaliser (25)

    def apply(self, **kwargs: object) -> None:
        for node in self.document.findall(addnodes.toctree):
            if node.get("translated") is False and _toctree_translated(node):
                node["translated"] = True
        path, expected = self.document.attributes.pop(EXPECTED, (None, []))
        applied = {msgstr for _node, _msgid, msgstr, _line in expected}
        for image in self.document.findall(nodes.image):
            if image.get("translated") is False and image.get("alt") in applied:
                image["translated"] = True
        live = {id(node) for node in self.document.findall(nodes.Element)}
        for node, msgid, msgstr, lineno in expected:
            if node.get("translated") is not False or isinstance(node, addnodes.toctree):
                continue
            if id(node) not in live:  # replaced with its translated parent's content
                continue
            warn(
                f"the translation of {_quote(msgid)} is not used: it reads as "
                f"{integrity.block_kind(msgstr)}, where the original is "
                f"{_node_kind(node)}; the original is shown. Keep the msgstr's Markdown "
                "structure the same as the msgid's",
                Subtype.INTEGRITY,
                in_file(path, lineno),
            )


def _toctree_translated(node: addnodes.toctree) -> bool:
    originals = node.extract_original_messages()
    current = [title for title, _ in node["entries"] if title]
    if "rawcaption" in node:
        current.append(node["caption"])
    return bool(originals) and all(a != b for a, b in zip(originals, current, strict=False))


def _node_kind(node: nodes.Element) -> str:
    if isinstance(node, nodes.title):
        return "a heading"
    if isinstance(node, nodes.image):
        return "an image's alt text"
    return "a paragraph"
