"""Sphinx extension for AI-generated notes published in several languages.

It reads each note's front matter (``generated``, ``translated``, ``lang``,
``model``...), measures how far each page is translated, and shows readers a
provenance label and a translation notice in their language.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.typing import ExtensionMetadata

from sphinx_ext import (
    audio,
    config,
    html,
    i18n,
    interrupted,
    langtags,
    listing_html,
    listings,
    myst_speedup,
    notices,
    workflow,
)
from sphinx_ext.collector import NotesDomain, catalogs_created
from sphinx_ext.localizing import AfterLocale
from sphinx_ext.reading import ReadNote

__version__ = "0.1.0"

PACKAGE_DIR = Path(__file__).resolve().parent

Visit = Callable[..., None]


def _add_paths(app: Sphinx, conf: Config) -> None:
    # New lists: appending would change the defaults Sphinx shares between apps.
    conf.html_static_path = [*conf.html_static_path, str(PACKAGE_DIR / "static")]
    conf.templates_path = [*conf.templates_path, str(PACKAGE_DIR / "templates")]


def _learn_languages(app: Sphinx) -> None:
    settings = config.Settings.of(app.config, app.srcdir)
    langtags.learn(settings.languages, settings.language)


def _skip(translator: object, node: object) -> None:
    raise nodes.SkipNode


def _add_html_only_node(app: Sphinx, node: type[nodes.Element], visit: Visit) -> None:
    """A node that only HTML can show (a player, a bar); other writers leave it out."""
    skip = (_skip, None)
    app.add_node(node, html=(visit, None), latex=skip, text=skip, man=skip, texinfo=skip)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.setup_extension("myst_parser")
    myst_speedup.install()  # translated pages build much faster; same output
    config.register(app)
    app.connect("config-inited", config.check)
    app.connect("config-inited", _add_paths)
    app.connect("config-inited", html.set_base_url)
    app.add_message_catalog(i18n.CATALOG, i18n.LOCALE_DIR)
    # CLDR answers are kept as strings, Babel's data let go before it adds to the peak
    app.connect("builder-inited", _learn_languages)
    app.connect("env-updated", langtags.release_cldr)

    # read time: front matter, catalogs and Sphinx's count, into the records
    app.add_domain(NotesDomain)
    app.add_transform(ReadNote)
    app.add_transform(AfterLocale)
    app.connect("env-get-outdated", catalogs_created)
    app.connect("env-check-consistency", workflow.check_orphan_catalogs)
    app.connect("build-finished", workflow.write_manifest)

    # write time: label, notice and player, in the build language
    app.add_node(notices.provenance_label, html=(notices.visit_label, notices.depart_label))
    app.add_node(notices.translation_notice, html=(notices.visit_notice, notices.depart_notice))
    _add_html_only_node(app, audio.audio_player, audio.visit_player)
    app.connect("doctree-resolved", notices.add_notices)

    # listings, kept fresh on incremental builds
    app.add_directive("notes", listings.NotesDirective)
    app.add_directive("translation-status", listings.StatusDirective)
    app.add_node(listings.notes_listing)
    app.add_node(listings.status_listing)
    _add_html_only_node(app, listings.status_bar, listings.visit_bar)
    _add_html_only_node(app, listing_html.rendered_listing, listing_html.visit_rendered)
    app.connect("env-before-read-docs", listings.before_read)
    app.connect("env-get-outdated", listings.removed)
    app.connect("env-updated", listings.listings_to_write)
    app.connect("doctree-resolved", listings.fill)

    # the page around the content: switcher, hreflang, JSON-LD, meta
    app.connect("html-page-context", html.page_context)
    app.add_css_file("ainotes.css")
    app.add_js_file("ainotes.js", loading_method="defer")

    # a build killed while writing is redone in full
    app.connect("env-get-outdated", interrupted.redo_all)
    app.connect("env-updated", interrupted.writing)
    app.connect("build-finished", interrupted.done)

    return {
        "version": __version__,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
