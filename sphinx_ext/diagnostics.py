"""The extension's warnings: one type, a subtype per kind of problem.

Each subtype can be silenced in ``conf.py``, e.g.
``suppress_warnings = ["ainotes.catalog"]``.
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

from sphinx.util import logging

WARNING_TYPE = "ainotes"

logger = logging.getLogger("sphinx_ext")


class Subtype(StrEnum):
    FRONT_MATTER = "front_matter"  # a front-matter value has the wrong type or form
    LANGUAGE = "language"  # a page's lang is not one of the site's languages
    CATALOG = "catalog"  # a .po cannot be read as written, or has no page
    INTEGRITY = "integrity"  # a translation changed links, code, markup or script
    AUDIO = "audio"  # audio: true, but no file
    CONFIG = "config"  # an ainotes_* value the extension cannot use


#: A docname and line, or a file's path (``path`` or ``path:line``) outside the documents.
Location = str | tuple[str | None, int | None]


def warn(message: str, subtype: Subtype, location: Location) -> None:
    logger.warning(message, type=WARNING_TYPE, subtype=subtype.value, location=location)


def in_file(path: str | Path, line: int | None = None) -> str:
    """A line in a file that is not a document, such as a catalog (the first by default).

    Sphinx takes a location without a line for a docname, so there is always one.
    """
    return f"{path}:{line or 1}"


def key_line(source: str | Path, key: str) -> int | None:
    """The line of ``key:`` in a file's front matter, for a warning's location."""
    try:
        lines = Path(source).read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    if not lines or lines[0].strip() != "---":
        return None
    pattern = re.compile(rf"^\s*['\"]?{re.escape(key)}['\"]?\s*:")
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            break
        if pattern.match(line):
            return number
    return None
