"""MyST's own Markdown parser, configured like the site, and Sphinx's message form."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser


@cache
def parser(extensions: frozenset[str] = frozenset(), *, inline: bool = True) -> MarkdownIt:
    """markdown-it as MyST sets it up for a site with these ``myst_enable_extensions``.

    Without ``inline``, paragraphs are not parsed into their parts: twice as
    fast, for when only the blocks matter.
    """
    config = MdParserConfig(enable_extensions=set(extensions))
    md = create_md_parser(config, RendererHTML)
    return md if inline else md.disable("inline")


def site_extensions(conf: dict[str, object]) -> frozenset[str]:
    value = conf.get("myst_enable_extensions") or ()
    return frozenset(str(name) for name in value) if isinstance(value, Iterable) else frozenset()


_TRAILING_BACKSLASH = re.compile(r"[ \t]*\\[ \t]*$")


def message_form(source: str) -> str:
    """A block's Markdown as Sphinx extracts it into a message.

    The same cleaning as Sphinx's gettext builder: a line-ending backslash
    (a hard break) is dropped, lines are joined with spaces. Applied to the
    translation too, so a msgstr reads like its msgid.
    """
    if "\\" in source:
        source = "\n".join(_TRAILING_BACKSLASH.sub("", line) for line in source.split("\n"))
    return source.replace("\n", " ").strip()
