"""Read time: a page's catalogs in every site language, before Sphinx translates it.

For the build language this also guards what Sphinx's Locale transform
applies: a translation that fails the integrity check is kept out, and a
catalog the page must not get (its own language's, a stale ``.mo``) is
refused. After Locale, :class:`AfterLocale` corrects Sphinx's count where
it is wrong and reports translations Sphinx dropped without a word.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.util.i18n import docname_to_domain

from sphinx_ext import catalogs, integrity, translatable
from sphinx_ext.config import Settings
from sphinx_ext.diagnostics import Subtype, in_file, warn
from sphinx_ext.translation import Progress, Translation, accept_all, count

#: Nodes whose translation Locale should apply, checked after it ran.
EXPECTED = "ainotes_expected"

Messages = list[translatable.Message]


def relative(path: Path, srcdir: Path) -> str:
    return Path(os.path.relpath(path, srcdir)).as_posix()


@dataclass
class Page:
    """One page being read: where it is, what it says, what the site is."""

    env: BuildEnvironment
    document: nodes.document
    settings: Settings
    language: str | None  # the site language the page is written in
    front_matter: nodes.field_list | None  # marked not translatable already

    @property
    def domain(self) -> str:
        return docname_to_domain(self.env.docname, self.env.config.gettext_compact)


def translations(page: Page) -> tuple[dict[str, Translation], list[str]]:
    """The page's state in each site language other than its own, and catalogs to watch for."""
    settings, srcdir = page.settings, Path(page.env.srcdir)
    # the front matter has none: its fields are marked not translatable
    messages = translatable.messages(page.document, skip=page.front_matter)
    msgids = [msgid for _node, msgid in messages]
    found: dict[str, Translation] = {}
    watch: list[str] = []
    for code in settings.languages:
        path = catalogs.find(settings.locale_dirs, code, page.domain)
        if code == settings.language:
            _refuse_unwanted(page, messages, path, own_language=code == page.language)
        if code == page.language:
            continue
        if path is None:
            found[code] = Translation(Progress(len(msgids)), ai=False)
            if settings.locale_dirs:
                expected = catalogs.catalog_path(settings.locale_dirs[0], code, page.domain)
                watch.append(relative(expected, srcdir))
            continue
        found[code] = _translation(page, code, path, messages, msgids)
    return found, watch


def _translation(
    page: Page, code: str, path: Path, messages: Messages, msgids: list[str]
) -> Translation:
    settings = page.settings
    catalog = catalogs.load(path, lint=code == settings.language)  # only its problems are reported
    accept: Callable[[str, str], bool] = accept_all
    if code == settings.language:
        _report(catalog, path)
        refused = _guard(page, messages, catalog, path)
        if refused:  # the guard checked these already: count its verdict, not a second check

            def accept(msgid: str, msgstr: str) -> bool:
                return msgid not in refused

    else:
        # Counted as its catalog offers it: the integrity check runs in that
        # language's own build, which warns about what it refuses. Checking
        # here too cost 2 % of a build, for each other language.
        page.env.note_dependency(path)  # Sphinx tracks the build language's .mo itself
    progress = count(msgids, catalog, accept)
    if code == settings.language and progress.fuzzy and not progress.translated:
        warn(
            "catalog has only fuzzy entries for this page, so none is shown; "
            "review them and remove their fuzzy flags",
            Subtype.CATALOG,
            in_file(path),
        )
    ai = catalog.ai_translated
    return Translation(
        progress,
        ai=settings.ai_translated if ai is None else ai,
        catalog=relative(path, Path(page.env.srcdir)),
    )


def _refuse_unwanted(
    page: Page, messages: Messages, path: Path | None, *, own_language: bool
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
        settings = page.settings
        path = catalogs.stale_compiled(settings.locale_dirs, settings.language, page.domain)
        message = "compiled catalog has no .po any more, so it is not used; delete it"
    else:
        return
    if path is None:
        return
    warn(message, Subtype.CATALOG, in_file(path))
    for node, _msgid in messages:
        node["translatable"] = False


def _report(catalog: catalogs.Catalog, path: Path) -> None:
    for problem in catalog.problems:
        warn(
            f"catalog {problem.message}; Sphinx uses what it can read of it. Fix the catalog there",
            Subtype.CATALOG,
            in_file(path, problem.lineno),
        )


def _guard(page: Page, messages: Messages, catalog: catalogs.Catalog, path: Path) -> set[str]:
    """Keep the original where a translation changed what must not change; the msgids kept.

    A node marked not translatable is skipped by Locale; ``translated=False``
    makes Sphinx count it as untranslated.
    """
    reject = page.settings.reject_mismatches
    refused: set[str] = set()
    expected = []
    for node, msgid in messages:
        msgstr = catalog.translation(msgid)
        if msgstr is None or msgstr == msgid:
            continue
        lineno = catalog.line_of(msgid)
        mismatches = integrity.check(msgid, msgstr, page.settings.language)
        if mismatches:
            outcome = (
                "the original is shown"
                if reject
                else "it is used anyway (ainotes_integrity = 'warn')"
            )
            warn(
                f"the translation of {_quote(msgid)} changes its "
                f"{'; '.join(map(str, mismatches))}; {outcome}. Fix the msgstr",
                Subtype.INTEGRITY,
                in_file(path, lineno),
            )
            if reject:
                node["translatable"] = False
                node["translated"] = False
                refused.add(msgid)
                continue
        expected.append((node, msgid, msgstr, lineno))
    page.document[EXPECTED] = (str(path), expected)
    return refused


def _quote(msgid: str) -> str:
    return repr(msgid if len(msgid) <= 60 else msgid[:57] + "...")


class AfterLocale(SphinxTransform):
    """Between Sphinx's Locale transform and its count: correct the count, report what was lost.

    Locale translates a toctree's caption and an image's alt text but leaves
    both marked ``translated=False``, so Sphinx counts them untranslated; it
    keeps the original, without a word, when a msgstr parses to another kind
    of block than the original's; and the nodes it puts in still belong to the
    small document each msgstr was parsed into, which is then pickled with
    the page (a translated page's doctree grew tens of times larger).
    """

    default_priority = 23  # after Locale (20), before TranslationProgressTotaliser (25)

    def apply(self, **kwargs: object) -> None:
        if EXPECTED not in self.document:
            # No build-language catalog was guarded, so Locale had none to apply
            # (or applies nothing: those pages are marked not translatable).
            return
        path, expected = self.document.attributes.pop(EXPECTED)
        _adopt(self.document)
        for node in self.document.findall(addnodes.toctree):
            if node.get("translated") is False and _toctree_translated(node):
                node["translated"] = True
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


def _adopt(document: nodes.document) -> None:
    """Make every node belong to the page, not to the msgstr it was parsed from."""
    for node in document.findall():
        if getattr(node, "_document", None) not in (None, document):
            node.document = document


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
