"""The site an import writes into, as its ``conf.py`` and the command line describe it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sphinx_ext import langtags, site
from sphinx_ext.jekyll import markdown

NOTES_DIR = "notes"


@dataclass(frozen=True, slots=True)
class Options:
    src: Path
    docs: Path = Path("docs")
    languages: tuple[str, ...] = ()  # Sphinx's codes; empty: the site's
    source_language: str | None = None  # None: the site's ainotes_source_language
    dry_run: bool = False
    force: bool = False
    keep_mismatches: bool = False


class SiteError(ValueError):
    """The target site cannot take an import as it is configured."""


@dataclass(frozen=True, slots=True)
class Site:
    """What the import needs to know of the target site (its ``conf.py``)."""

    docs: Path
    languages: tuple[str, ...]
    source_language: str
    locale_dir: Path
    project: str
    extensions: frozenset[str]  # myst_enable_extensions
    reject_mismatches: bool = True  # ainotes_integrity: the build refuses what check() flags

    @classmethod
    def read(cls, options: Options) -> Site:
        conf = site.read_conf(options.docs)
        if conf.get("gettext_compact", True) is not False:
            raise SiteError(
                f"{options.docs}/conf.py must set gettext_compact = False: the import writes "
                "one catalog per note, locale/<lang>/LC_MESSAGES/notes/<slug>.po"
            )
        languages = options.languages or tuple(site.site_languages(conf))
        source = options.source_language or str(conf.get("ainotes_source_language") or "en")
        locale_dirs = conf.get("locale_dirs") or ["locales"]
        assert isinstance(locale_dirs, list | tuple)
        return cls(
            docs=options.docs,
            languages=tuple(languages),
            source_language=langtags.match(source, list(languages)) or source,
            locale_dir=options.docs / str(locale_dirs[0]),
            project=str(conf.get("project") or ""),
            extensions=markdown.site_extensions(conf),
            reject_mismatches=conf.get("ainotes_integrity", "reject") != "warn",
        )

    @property
    def targets(self) -> list[str]:
        return [code for code in self.languages if code != self.source_language]

    def catalog_path(self, language: str, slug: str) -> Path:
        return self.locale_dir / language / "LC_MESSAGES" / NOTES_DIR / f"{slug}.po"
