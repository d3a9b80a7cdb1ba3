"""What goes into each HTML page's context: switcher, hreflang links, JSON-LD, ai-provenance."""

from __future__ import annotations

import json
from html import escape
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from sphinx_ext import langtags, links
from sphinx_ext.collector import NoteRecord, records, title_of
from sphinx_ext.config import Settings
from sphinx_ext.i18n import _
from sphinx_ext.metadata import MAX_TITLE
from sphinx_ext.notices import is_ai_translated, state_of
from sphinx_ext.translation import State

SWITCHER_TEMPLATE = "ainotes/languages.html"


def set_base_url(app: Sphinx, config: Config) -> None:
    """``config-inited``: the canonical URL of this language's pages, from the pattern."""
    if config.ainotes_base_url and not config.html_baseurl:
        settings = Settings.of(config, app.srcdir)
        config.html_baseurl = settings.root_url(settings.language) or ""


def page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: object
) -> None:
    """``html-page-context``: the switcher's data, and hreflang links in the head."""
    settings = Settings.of(app.config, app.srcdir)
    context["ainotes_switcher"] = _switcher(app, settings, pagename)
    sidebars = context.get("sidebars")
    if app.config.ainotes_switcher and isinstance(sidebars, list):
        _add_switcher(sidebars)
    tags = hreflang_tags(app, settings, pagename) + provenance_tags(app, settings, pagename)
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


#: IPTC's term for media made by a model trained on sampled content (generative AI).
TRAINED_ALGORITHMIC_MEDIA = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
#: The <meta> tag a crawler can read without parsing JSON-LD.
META_NAME = "ai-provenance"


def json_for_script(data: object) -> str:
    """JSON that cannot end its ``<script>`` element or open a comment inside it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text


def provenance_tags(app: Sphinx, settings: Settings, pagename: str) -> list[str]:
    """The machine-readable AI labels of a note: JSON-LD and one ``<meta>`` tag."""
    record = records(app.env).get(pagename)
    if record is None or not (record.meta.is_note or record.meta.ai_generated):
        return []
    headline = (title_of(app.env, pagename) or pagename)[:MAX_TITLE]
    data = article(app, settings, pagename, record, headline)
    return [
        f'<meta name="{META_NAME}" content="{escape(meta_content(settings, record))}" />',
        f'<script type="application/ld+json">{json_for_script(data)}</script>',
    ]


def _url(app: Sphinx, settings: Settings, pagename: str, code: str) -> str:
    """Absolute when the site's URL is known, else relative to this page."""
    absolute = links.absolute(app.builder, settings, pagename, code)
    return absolute or links.relative(app.builder, settings, pagename, code)


def article(
    app: Sphinx, settings: Settings, pagename: str, record: NoteRecord, headline: str
) -> dict[str, Any]:
    """The schema.org Article for a note as shown in this build's language."""
    language = settings.language
    meta = record.meta
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "@id": _url(app, settings, pagename, language),
        "headline": headline,
        "inLanguage": langtags.to_bcp47(language),
    }
    if meta.date:
        data["dateCreated"] = meta.date.isoformat()
    if meta.ai_generated or is_ai_translated(record, language):
        data["digitalSourceType"] = TRAINED_ALGORITHMIC_MEDIA
    if meta.model:
        data["creator"] = {"@type": "SoftwareApplication", "name": meta.model}
    state = state_of(record, language)
    if state is State.ORIGINAL:
        translations = [
            _work(app, settings, pagename, code)
            for code, translation in record.translations.items()
            if translation.exists
        ]
        if translations:
            data["workTranslation"] = translations
    elif record.language is not None and state is not State.UNTRANSLATED:
        data["translationOfWork"] = _work(app, settings, pagename, record.language)
    return data


def _work(app: Sphinx, settings: Settings, pagename: str, code: str) -> dict[str, str]:
    return {
        "@type": "Article",
        "@id": _url(app, settings, pagename, code),
        "inLanguage": langtags.to_bcp47(code),
    }


def meta_content(settings: Settings, record: NoteRecord) -> str:
    """``generated=yes; translated=no; model=openai/gpt-5; language=de; original-language=en``."""
    language = settings.language
    fields = [
        ("generated", "yes" if record.meta.ai_generated else "no"),
        ("translated", "yes" if is_ai_translated(record, language) else "no"),
    ]
    if record.meta.model:
        fields.append(("model", " ".join(record.meta.model.replace(";", ",").split())))
    fields.append(("language", langtags.to_bcp47(language)))
    source = record.language or record.meta.lang
    if source:
        fields.append(("original-language", langtags.to_bcp47(source)))
    return "; ".join(f"{key}={value}" for key, value in fields)
