"""What goes into each HTML page's context: the language switcher and hreflang links."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from sphinx_ext import langtags, links
from sphinx_ext.collector import records
from sphinx_ext.config import Settings
from sphinx_ext.i18n import _

SWITCHER_TEMPLATE = "ainotes/languages.html"


def set_base_url(app: Sphinx, config: Config) -> None:
    """``config-inited``: the canonical URL of this language's pages, from the pattern."""
    if config.ainotes_base_url and not config.html_baseurl:
        settings = Settings.of(config, Path(app.srcdir))
        config.html_baseurl = settings.root_url(settings.language) or ""


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``html-page-context``: the switcher's data, and hreflang links in the head."""
    settings = Settings.of(app.config, Path(app.srcdir))
    context["ainotes_switcher"] = _switcher(app, settings, pagename)
    sidebars = context.get("sidebars")
    if app.config.ainotes_switcher and isinstance(sidebars, list):
        _add_switcher(sidebars)
    tags = hreflang_tags(app, settings, pagename)
    if tags:
        context["metatags"] = context.get("metatags", "") + "\n" + "\n".join(tags)


def _switcher(app: Sphinx, settings: Settings, pagename: str) -> dict[str, Any]:
    items = []
    for code in settings.languages:
        items.append(
            {
                "code": code,
                "tag": langtags.to_bcp47(code),
                "name": langtags.autonym(code),
                "dir": langtags.direction(code),
                "url": links.relative(app.builder, settings, pagename, code),
                "current": code == settings.language,
            }
        )
    return {"label": _("Languages"), "items": items}


def _add_switcher(sidebars: list[str]) -> None:
    """Put the switcher under the search box, unless the site placed it itself."""
    if SWITCHER_TEMPLATE in sidebars:
        return
    after = sidebars.index("sidebar/search.html") + 1 if "sidebar/search.html" in sidebars else 0
    sidebars.insert(after, SWITCHER_TEMPLATE)


def hreflang_tags(app: Sphinx, settings: Settings, pagename: str) -> list[str]:
    """``<link rel="alternate" hreflang>`` for each language the page exists in.

    Needs absolute URLs, so nothing without ``ainotes_base_url``.
    """
    record = records(app.env).get(pagename)
    if record is None or not settings.base_url:
        return []
    tags = []
    for code in record.languages():
        url = links.absolute(app.builder, settings, pagename, code)
        tags.append(_alternate(langtags.to_bcp47(code), url))
    original = record.language or settings.languages[0]
    tags.append(_alternate("x-default", links.absolute(app.builder, settings, pagename, original)))
    return tags


def _alternate(hreflang: str, url: str | None) -> str:
    return f'<link rel="alternate" hreflang="{escape(hreflang)}" href="{escape(url or "")}" />'
