"""Per-document records in the environment, kept right across ``-j N`` and incremental builds.

A :class:`~sphinx.domains.Domain` is the store: Sphinx pickles its data
with the environment, purges a document's entry before re-reading it
(``clear_doc``), merges the entries read in parallel processes
(``merge_domaindata``), and drops all of it when ``data_version`` changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment

from sphinx_ext.config import Settings
from sphinx_ext.metadata import NoteMeta
from sphinx_ext.translation import Translation

#: The document attribute that carries a record from the read transform to the domain.
PENDING = "ainotes_record"


@dataclass(frozen=True, slots=True)
class NoteRecord:
    """What the build knows about one page, in every site language."""

    meta: NoteMeta
    language: str | None  # the site language it is written in; None if not a site language
    translations: Mapping[str, Translation] = field(default_factory=dict)  # the other languages
    watch: tuple[str, ...] = ()  # files that do not exist yet; creating one re-reads the page
    audio: Mapping[str, str] = field(default_factory=dict)  # language -> file in _downloads/

    def translation(self, language: str) -> Translation | None:
        return self.translations.get(language)

    def languages(self) -> list[str]:
        """The site languages a reader finds this page in: its own, and any translated."""
        found = [self.language] if self.language else []
        return found + [code for code, t in self.translations.items() if t.exists]


class NotesDomain(Domain):
    name = "ainotes"
    label = "AI notes"
    data_version = 2
    # Sphinx deep-copies it. "listings": the pages with a notes index or dashboard.
    initial_data: ClassVar[dict[str, Any]] = {"records": {}, "listings": {}}

    @property
    def records(self) -> dict[str, NoteRecord]:
        records: dict[str, NoteRecord] = self.data["records"]
        return records

    @property
    def listings(self) -> dict[str, None]:  # a dict, not a set: pickles in a stable order
        listings: dict[str, None] = self.data["listings"]
        return listings

    def note_listing(self, docname: str) -> None:
        self.listings[docname] = None

    def clear_doc(self, docname: str) -> None:
        self.records.pop(docname, None)
        self.listings.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["records"]:
                self.records[docname] = otherdata["records"][docname]
            if docname in otherdata["listings"]:
                self.listings[docname] = None

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        record: NoteRecord | None = document.attributes.pop(PENDING, None)
        if record is None:
            return
        progress = document.get("translation_progress")
        language = Settings.of(env.config, env.srcdir).language
        current = record.translations.get(language)
        if progress is not None and current is not None:
            translations = dict(record.translations)
            translations[language] = current.with_sphinx_count(
                progress["total"], progress["translated"]
            )
            record = replace(record, translations=translations)
        self.records[docname] = record

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        return []


def title_of(env: BuildEnvironment, docname: str) -> str | None:
    """A page's title as text, in the build language."""
    title = env.titles.get(docname)
    return title.astext() if title is not None else None


def records(env: BuildEnvironment) -> dict[str, NoteRecord]:
    domain: NotesDomain = env.domains[NotesDomain.name]  # type: ignore[assignment]
    return domain.records


def catalogs_created(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> Iterable[str]:
    """``env-get-outdated``: re-read pages whose catalog appeared since they were read.

    Existing catalogs are dependencies already; a missing one cannot be.
    """
    return [
        docname
        for docname, record in records(env).items()
        if docname not in removed and any((Path(env.srcdir) / p).is_file() for p in record.watch)
    ]
