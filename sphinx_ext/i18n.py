"""The extension's own UI strings, translated from its catalog into the build language."""

from __future__ import annotations

from pathlib import Path

from sphinx.locale import get_translation, get_translator

CATALOG = "sphinx_ext"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_ = get_translation(CATALOG)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Sphinx's ``get_translation`` has no plurals; its translator has."""
    return get_translator(CATALOG).ngettext(singular, plural, n)
