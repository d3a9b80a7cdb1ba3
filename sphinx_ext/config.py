"""The extension's config values, and a typed view of them for one build."""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from sphinx.application import Sphinx
from sphinx.config import Config

from sphinx_ext import langtags
from sphinx_ext.diagnostics import Subtype, in_file, warn

#: name, default, rebuild, types, help (the README's config table follows this)
Rebuild = Literal["env", "html"]
CONFIG_VALUES: tuple[tuple[str, object, Rebuild, tuple[type, ...], str], ...] = (
    (
        "ainotes_languages",
        [],
        "env",
        (list, tuple),
        "The site's languages, in Sphinx's codes; the first is the default. "
        "Empty: the source language and the build language.",
    ),
    (
        "ainotes_source_language",
        "en",
        "env",
        (str,),
        "The language of pages whose front matter has no `lang`.",
    ),
    (
        "ainotes_ai_translated",
        True,
        "env",
        (bool,),
        "Whether a catalog without an `X-AI-Translated` header was translated by AI.",
    ),
    (
        "ainotes_integrity",
        "reject",
        "env",
        (str,),
        "What to do with a translation that changes links, code, HTML, math, substitutions "
        'or script: "reject" shows the original and counts it untranslated, "warn" only warns.',
    ),
    (
        "ainotes_switcher",
        True,
        "html",
        (bool,),
        "Put the language switcher in the sidebar (under the search box) on every page.",
    ),
    (
        "ainotes_notes_in_toctree",
        True,
        "env",
        (bool,),
        "Notes are listed in a toctree, and so in furo's sidebar on every page. False: notes "
        "need no toctree (the notes index links them), so that a site of thousands of notes "
        "does not carry every note on every page.",
    ),
    (
        "ainotes_audio_dir",
        "audio",
        "env",
        (str,),
        "Where a note's recordings are, relative to the source directory: "
        "`<dir>/<docname>.<language>.mp3` (or .ogg, .opus, .m4a, .wav, .webm).",
    ),
    (
        "ainotes_base_url",
        "",
        "html",
        (str,),
        "Absolute URL of a language's root with a `{lang}` placeholder (Sphinx's code, "
        "zh_CN; or `{tag}`, zh-CN; or `{slug}`, zh-cn), e.g. "
        "`https://example.org/notes/{lang}/`. Enables hreflang and absolute links.",
    ),
)


def register(app: Sphinx) -> None:
    for name, default, rebuild, types, description in CONFIG_VALUES:
        app.add_config_value(name, default, rebuild, types, description=description)


def check(app: Sphinx, config: Config) -> None:
    """``config-inited``: values of the right type that still cannot work."""
    conf_py = in_file(Path(app.confdir, "conf.py"), 1)
    if config.ainotes_integrity not in ("reject", "warn"):
        warn(
            f"ainotes_integrity is {config.ainotes_integrity!r}; use 'reject' or 'warn' "
            "('reject' is used)",
            Subtype.CONFIG,
            conf_py,
        )
    base_url = config.ainotes_base_url
    if base_url and not any(placeholder in base_url for placeholder in PLACEHOLDERS):
        warn(
            f"ainotes_base_url {base_url!r} has no '{{lang}}'; every language "
            "would get the same URL. Write it like 'https://example.org/notes/{lang}/'",
            Subtype.CONFIG,
            conf_py,
        )
    for code in config.ainotes_languages:
        if langtags.normalize(str(code)) is None:
            warn(
                f"ainotes_languages has {code!r}, which is not a language code Babel knows; "
                "use Sphinx's codes such as 'en', 'de', 'zh_CN'",
                Subtype.CONFIG,
                conf_py,
            )


@dataclass(frozen=True, slots=True)
class Settings:
    """What one build needs to know of the site's languages."""

    languages: tuple[str, ...]  # the site's languages, the build language among them
    language: str  # this build's, as spelled in ``languages``
    source_language: str
    ai_translated: bool
    reject_mismatches: bool  # ainotes_integrity == "reject"
    base_url: str
    locale_dirs: tuple[Path, ...]

    @classmethod
    def of(cls, config: Config, srcdir: str | os.PathLike[str]) -> Settings:
        # Asked for several times per page: made once per set of values.
        return _settings(
            tuple(config.ainotes_languages),
            config.language or "en",
            config.ainotes_source_language,
            config.ainotes_ai_translated,
            config.ainotes_integrity != "warn",
            config.ainotes_base_url,
            os.fspath(srcdir),
            tuple(config.locale_dirs),
        )

    def site_language(self, tag: str | None) -> str | None:
        """The site language (Sphinx's code) a page's ``lang`` is written in."""
        return langtags.match(tag or self.source_language, self.languages)

    def root_url(self, code: str) -> str | None:
        """The absolute URL of a language's root, when a base URL is configured."""
        return base_url_for(self.base_url, code) if self.base_url else None

    def root_link(self, code: str) -> str:
        """The way from this language's root to another's: ``../de/``, or an absolute URL."""
        if not self.base_url:
            return f"../{code}/"
        here = urlsplit(base_url_for(self.base_url, self.language))
        there = urlsplit(base_url_for(self.base_url, code))
        if (here.scheme, here.netloc) != (there.scheme, there.netloc):  # {lang}.example.org
            return there.geturl()
        link = posixpath.relpath(there.path, here.path)
        return link.rstrip("/") + "/"


@lru_cache(maxsize=16)
def _settings(
    configured: tuple[str, ...],
    build_language: str,
    source_language: str,
    ai_translated: bool,
    reject_mismatches: bool,
    base_url: str,
    srcdir: str,
    locale_dirs: tuple[str, ...],
) -> Settings:
    languages = list(configured) or [source_language]
    language = langtags.match(build_language, languages)
    if language is None:
        language = build_language
        languages.append(language)
    return Settings(
        tuple(languages),
        language,
        source_language,
        ai_translated,
        reject_mismatches,
        base_url,
        tuple(Path(srcdir, locale_dir) for locale_dir in locale_dirs),
    )


#: The placeholders ``ainotes_base_url`` may use for a language.
PLACEHOLDERS = ("{lang}", "{tag}", "{slug}")


def base_url_for(pattern: str, code: str) -> str:
    """``{lang}``: Sphinx's code (zh_CN); ``{tag}``: BCP 47 (zh-CN); ``{slug}``: zh-cn."""
    tag = langtags.to_bcp47(code)
    return pattern.format(lang=code, tag=tag, slug=tag.lower())
