"""Read time: a page's front matter, before Sphinx translates the page.

The transform runs just before Sphinx's ``Locale`` transform (priority 20):
- it marks the front-matter fields not translatable, so Sphinx's
  ``translation_progress`` counts the page's text only (MyST renders the
  fields as nodes that are never extracted, yet would be counted untranslated);
- it parses the front matter into a :class:`NoteMeta`, once, and says what
  it could not use;
- it has the page's catalogs counted (:mod:`localizing`) and its recordings
  found (:mod:`audio`).

The result rides on the document to :class:`NotesDomain`, which stores it.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinx_ext import audio, localizing
from sphinx_ext.collector import PENDING, NoteRecord
from sphinx_ext.config import Settings
from sphinx_ext.diagnostics import Subtype, key_line, warn
from sphinx_ext.metadata import NoteMeta, parse_front_matter, yaml_problem


def front_matter(document: nodes.document) -> nodes.field_list | None:
    """The field list docutils' DocInfo transform will turn into metadata, if any."""
    index = document.first_child_not_matching_class(nodes.PreBibliographic)  # type: ignore[arg-type]
    if index is not None and isinstance(document[index], nodes.field_list):
        return document[index]  # type: ignore[return-value]
    return None


class ReadNote(SphinxTransform):
    default_priority = 15  # before Locale (20) translates and TranslationProgressTotaliser counts

    def apply(self, **kwargs: object) -> None:
        field_list = front_matter(self.document)
        fields = self._front_matter_fields(field_list)
        meta = self._parse(fields)
        self._check_page(meta, fields)
        if meta.is_note and not self.config.ainotes_notes_in_toctree:
            self.env.metadata[self.env.docname]["orphan"] = True  # as `orphan:` would say
        settings = Settings.of(self.config, self.env.srcdir)
        language = settings.site_language(meta.lang)
        if meta.lang and language is None:
            warn(
                f"front matter 'lang' is {meta.lang!r}, which this site does not build "
                f"(ainotes_languages: {', '.join(settings.languages)}); "
                "add it there, or correct the tag",
                Subtype.LANGUAGE,
                self._where("lang"),
            )
        page = localizing.Page(self.env, self.document, settings, language, field_list)
        translations, watch = localizing.translations(page)
        recordings: dict[str, str] = {}
        if meta.audio:
            recordings, missing = audio.find(self.env, settings, lambda: self._where("audio"))
            watch += missing
        self.document[PENDING] = NoteRecord(meta, language, translations, tuple(watch), recordings)

    def _where(self, key: str | None = None) -> tuple[str, int | None]:
        line = key_line(self.document["source"], key) if key else 1
        return self.env.docname, line

    def _front_matter_fields(self, field_list: nodes.field_list | None) -> dict[str, str]:
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
        section = next(self.document.findall(nodes.section), None)
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
