"""Stop MyST from building docutils' settings for a document it throws away.

MyST's renderer sets itself up with ``options.get("document",
make_document())``: the default is evaluated even when a document is given,
and ``make_document`` builds docutils' default settings from scratch (an
``OptionParser`` over every option). That costs about 1 ms per parse, and a
translated page is parsed once per message: Sphinx's Locale transform
parses each msgstr on its own. Reusing the settings made the German build
of a 200-note site 40 % faster, with byte-identical HTML (see the README's
Performance section).
"""

from __future__ import annotations

import copy
import inspect

from docutils import nodes
from docutils.frontend import Values, get_default_settings
from docutils.parsers import Parser
from docutils.parsers.rst import Parser as RSTParser
from docutils.utils import new_document
from myst_parser.mdit_to_docutils import base

_original = base.make_document
_settings: dict[type[Parser], Values] = {}  # docutils' defaults, by parser class


def make_document(
    source_path: str = "notset", parser_cls: type[Parser] = RSTParser
) -> nodes.document:
    """MyST's ``make_document``, the default settings built once per parser class."""
    if parser_cls not in _settings:
        _settings[parser_cls] = get_default_settings(parser_cls)
    # A copy: a caller may change its document's settings.
    return new_document(source_path, settings=copy.copy(_settings[parser_cls]))


def install() -> None:
    """Replace MyST's ``make_document``; a MyST that changed its signature is left alone."""
    expected = inspect.signature(make_document).parameters.keys()
    if inspect.signature(_original).parameters.keys() == expected:
        base.make_document = make_document
