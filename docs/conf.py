"""Sphinx configuration of the notes site.

The site's languages are listed once, in ``ainotes_languages``; the Makefile
reads them from here. Each language is built separately, with
``-D language=<code>``, into ``build/html/<code>/``.
"""

import os

project = "AI Notes"
author = "The AI Notes authors"
copyright = "2025, The AI Notes authors"

extensions = ["sphinx_ext"]

# The language of the sources; a build for another language passes -D language=...
# Read the Docs builds one project per language and says which in READTHEDOCS_LANGUAGE.
_rtd_language = os.environ.get("READTHEDOCS_LANGUAGE", "")
_lang, _, _region = (_rtd_language or "en").partition("-")  # Read the Docs says "zh-cn"
language = f"{_lang}_{_region.upper()}" if _region else _lang
ainotes_languages = ["en", "de"]
ainotes_source_language = "en"

# Where each language's root is published, for hreflang and JSON-LD; "{lang}" is
# replaced by the language. Read the Docs gives the current language's canonical
# URL; elsewhere set NOTES_BASE_URL (e.g. https://user.github.io/notes/{lang}/).
# With neither, no absolute URLs are emitted.
_rtd_url = os.environ.get("READTHEDOCS_CANONICAL_URL", "")
if _rtd_url and _rtd_language:
    # Read the Docs spells languages in URLs like "zh-cn": the {slug} placeholder
    ainotes_base_url = _rtd_url.replace(f"/{_rtd_language}/", "/{slug}/", 1)
else:
    ainotes_base_url = os.environ.get("NOTES_BASE_URL", "")

# One catalog per page, so that editing one .po re-reads one page.
locale_dirs = ["locale/"]
gettext_compact = False

# The front matter's title is the page's title (and its translatable H1).
myst_title_to_header = True

# Publish the notes word for word: no "..." -> „...“ or ' -> ’ rewriting.
smartquotes = False

exclude_patterns = ["_build", "locale", "README.md"]

html_theme = "furo"
html_title = "AI Notes"
html_static_path = ["_static"]
html_last_updated_fmt = None
