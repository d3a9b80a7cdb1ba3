"""Language tags: BCP 47 in front matter, Sphinx's codes (``zh_CN``) in config.

Both spellings are compared through Babel's CLDR data, so ``zh-Hant``
matches ``zh_TW`` and ``en`` matches ``en-US``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import babel.core
import babel.localedata
from babel import Locale, UnknownLocaleError
from babel.core import get_global

# language[-script][-region][-variant...], with "_" accepted for Sphinx's codes
_TAG = re.compile(
    r"^(?P<lang>[a-z]{2,3})"
    r"(?:[-_](?P<script>[a-z]{4}))?"
    r"(?:[-_](?P<region>[a-z]{2}|\d{3}))?"
    r"(?P<variants>(?:[-_](?:[a-z0-9]{5,8}|\d[a-z0-9]{3}))*)$",
    re.IGNORECASE,
)


@cache  # a few tags, asked for many times on every page
def normalize(tag: str) -> str | None:
    """Return ``tag`` in canonical BCP 47 form (``zh-Hant-TW``), or None if invalid.

    Valid means well-formed and a language CLDR knows.
    """
    match = _TAG.match(tag.strip())
    if not match:
        return None
    lang, script, region = match["lang"].lower(), match["script"], match["region"]
    try:
        Locale(lang)
    except (UnknownLocaleError, ValueError):
        return None
    parts = [lang]
    if script:
        parts.append(script.title())
    if region:
        parts.append(region.upper())
    parts += [v.lower() for v in match["variants"].replace("_", "-").split("-") if v]
    return "-".join(parts)


def to_bcp47(code: str) -> str:
    """Sphinx's ``zh_CN`` as the ``zh-CN`` that HTML's ``lang`` and hreflang want."""
    return normalize(code) or code.replace("_", "-")


@cache
def _lang_script(tag: str) -> tuple[str, str]:
    """The language and (explicit or likely) script of a tag, e.g. zh-TW -> (zh, Hant)."""
    match = _TAG.match(tag)
    if not match:
        return tag.lower(), ""
    lang, script, region = match["lang"].lower(), match["script"], match["region"]
    if script:
        return lang, script.title()
    likely = get_global("likely_subtags")
    keys = [f"{lang}_{region.upper()}", lang] if region else [lang]
    for key in keys:
        if key in likely:
            parts = likely[key].split("_")
            return lang, parts[1] if len(parts) > 2 else ""
    return lang, ""


def script_of(tag: str) -> str:
    """The ISO 15924 script a language is (likely) written in: ``ja`` -> ``Jpan``."""
    return _lang_script(tag)[1]


def same_language(a: str, b: str) -> bool:
    """Whether two tags name the same written language (language and script)."""
    return _lang_script(a) == _lang_script(b)


def match(tag: str, codes: list[str] | tuple[str, ...]) -> str | None:
    """The first of ``codes`` (Sphinx's spelling) that writes the language ``tag``."""
    for code in codes:
        if same_language(tag, code):
            return code
    return None


def locale_of(code: str) -> Locale | None:
    """Babel's locale for a tag or a Sphinx code; None when CLDR does not know it.

    Not cached: a Locale holds its CLDR data, which ``release_cldr`` lets go.
    """
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


@cache
def autonym(code: str) -> str:
    """A language's name in itself: "Deutsch", "English", "中文 (简体, 中国)"."""
    locale = locale_of(code)
    name = locale.get_display_name(locale) if locale else None
    return (name[:1].upper() + name[1:]) if name else code


@cache
def name_in(code: str, reader: str) -> str:
    """A language's name in the reader's language: ``name_in("en", "de") == "Englisch"``."""
    locale, reader_locale = locale_of(code), locale_of(reader)
    name = locale.get_display_name(reader_locale or "en") if locale else None
    return name or code


@cache
def direction(code: str) -> str:
    """``rtl`` for Arabic, Hebrew, Persian..., else ``ltr``."""
    locale = locale_of(code)
    return "rtl" if locale and locale.character_order == "right-to-left" else "ltr"


def learn(codes: Iterable[str], reader: str) -> None:
    """Look up what pages ask of these languages, then let Babel's data go."""
    for code in codes:  # each answer is cached
        autonym(code)
        direction(code)
        script_of(code)
        name_in(code, reader)
    release_cldr()


def release_cldr(*_event_args: object) -> None:
    """Drop the CLDR data Babel keeps for the life of the process.

    Kept, English and German add 8 MiB to the peak of a 500-note build
    (187 against 179 MiB), more than all the extension's own data. The
    answers above are cached as strings; dropped before pages are read or
    written, the memory is reused by them. Babel reloads a file when asked.
    """
    babel.core._global_data = None
    for cache_name in ("_cache", "_dict_cache"):  # private; gone in a later Babel: no harm
        getattr(babel.localedata, cache_name, {}).clear()
