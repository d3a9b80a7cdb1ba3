"""Find a Jekyll site's posts and group them into notes, one file per language.

A post is ``YYYY-MM-DD-<slug>[-<lang>].md``, anywhere under the source
folder (``_posts/en/...``, ``notes/...``). Its language is, in this order,
its front matter's ``lang``, a folder named after a language, or a
language suffix on the file name. Posts of the same date and slug are one
note. A file that cannot be read is a :class:`Problem`; the rest goes on.

A slug's last words can look like a language: ``just-do-it-en`` ends in
``it-en``, ``let-it-be-de`` in ``be-de``. A two-part suffix is only read
as one when CLDR knows its second part as a script (``zh-hant``), as a
territory where the language is official (``pt-br``), or as a territory
while the last part alone names no language (``ja-us``). When a post's
name can be read more than one way in its language (``ship-it-it``:
``ship`` or ``ship-it``; ``just-do-it`` with ``lang: it``), the slug
another post of that date has wins.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from babel import Locale
from babel.core import get_global

from sphinx_ext import langtags
from sphinx_ext.jekyll.frontmatter import FrontMatterError, Post, split

#: Folders that hold no posts: Jekyll's output and caches, tooling, drafts.
SKIPPED_DIRS = frozenset(
    {"_site", "_drafts", "_layouts", "_includes", "_sass", "node_modules", "vendor"}
)
SUFFIXES = (".md", ".markdown")
_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")
# Codes Jekyll blogs use that are not BCP 47 on their own.
_ALIASES = {"hant": "zh-Hant", "hans": "zh-Hans"}
_TAG_SHAPE = re.compile(r"^[a-z]{2,3}(?:[-_][a-z]{4})?(?:[-_](?:[a-z]{2}|\d{3}))?$", re.I)


@dataclass(frozen=True, slots=True)
class Problem:
    """A file that was not (or not wholly) imported, and why."""

    path: str
    message: str
    fatal: bool = True  # False: imported, with a remark

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class Source:
    """One post: one note in one language."""

    path: Path
    date: dt.date
    slug: str
    language: str  # BCP 47, e.g. "zh-Hant"
    post: Post
    # other readings of the file name in the same language: (slug, language), likeliest first
    other_readings: tuple[tuple[str, str], ...] = ()


@dataclass(slots=True)
class Note:
    """The posts that share a date and slug; ``slug`` names ``notes/<slug>.md``."""

    date: dt.date
    slug: str
    sources: list[Source] = field(default_factory=list)

    def in_language(self, code: str) -> list[Source]:
        """The posts written in a site language (Sphinx's code, e.g. ``zh_CN``)."""
        return [s for s in self.sources if langtags.match(s.language, [code])]


@dataclass(slots=True)
class Discovery:
    notes: list[Note]
    problems: list[Problem]
    ignored: int  # Markdown files that are not posts (no date in the name)


def language_tag(token: str | None) -> str | None:
    """A blog's language code as BCP 47: ``hant`` -> ``zh-Hant``; None if it is none."""
    if not token:
        return None
    token = token.strip()
    if token.lower() in _ALIASES:
        return _ALIASES[token.lower()]
    if not _TAG_SHAPE.match(token):
        return None
    return langtags.normalize(token)


def discover(src: Path) -> Discovery:
    """Every post under ``src``, grouped into notes sorted by date and slug."""
    sources: list[Source] = []
    problems: list[Problem] = []
    ignored = 0
    for path in _markdown_files(src):
        relative = path.relative_to(src)
        if not _NAME.match(path.stem):
            if "_posts" in relative.parts:
                problems.append(Problem(str(relative), "is not named YYYY-MM-DD-<slug>.md"))
            else:
                ignored += 1
            continue
        try:
            sources.append(_read(path, relative, problems))
        except (FrontMatterError, _NotAPost) as exc:
            problems.append(Problem(str(relative), str(exc)))
    notes = _group(sources, src, problems)
    return Discovery(notes, problems, ignored)


def _markdown_files(src: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(src):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        for name in sorted(files):
            if name.endswith(SUFFIXES) and not name.startswith("."):
                yield Path(root, name)


class _NotAPost(ValueError):
    pass


def _read(path: Path, relative: Path, problems: list[Problem]) -> Source:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _NotAPost(f"is not UTF-8 (byte {exc.start})") from None
    post = split(text.replace("\r\n", "\n"))
    match = _NAME.match(path.stem)
    assert match is not None
    try:
        date = dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise _NotAPost(
            f"has no valid date in its name ({match[1]}-{match[2]}-{match[3]})"
        ) from None
    (slug, language), *others = _readings(post, relative, match[4], problems)
    return Source(path, date, slug, language, post, tuple(others))


def _readings(
    post: Post, relative: Path, rest: str, problems: list[Problem]
) -> list[tuple[str, str]]:
    """The post's slug and language as its name and place say, the likeliest first."""
    declared = post.get("lang")
    from_front_matter = language_tag(declared)
    if declared and from_front_matter is None:
        problems.append(Problem(str(relative), f"front matter lang {declared!r} is no language"))
    from_folder = next(
        (tag for part in reversed(relative.parts[:-1]) if (tag := language_tag(part))), None
    )
    suffixes = _suffixes(rest)
    language = from_front_matter or from_folder or next((tag for _, tag in suffixes), None)
    if language is None:
        raise _NotAPost(
            "has no language: no lang in its front matter, no language folder, "
            "no -<lang> suffix in its name"
        )
    if from_front_matter and from_folder and not langtags.same_language(language, from_folder):
        problems.append(
            Problem(
                str(relative),
                f"front matter lang is {declared!r} but the folder says {from_folder!r}; "
                f"{declared!r} is used",
                fatal=False,
            )
        )
    known = from_front_matter or from_folder
    readings = [
        (rest[: -len(suffix) - 1], known or tag)
        for suffix, tag in suffixes
        if langtags.same_language(tag, language)
    ]
    if known or not readings:
        readings.append((rest, language))  # the name may carry no suffix: "just-do-it", lang it
    return readings


def _suffixes(rest: str) -> list[tuple[str, str]]:
    """The language suffixes a slug may end in, two-part first: ``regex-zh-hant`` -> zh-Hant."""
    parts = rest.split("-")
    found = []
    for width in (2, 1):
        if len(parts) > width:
            suffix = "-".join(parts[-width:])
            tag = language_tag(suffix)
            if tag is not None and (width == 1 or _two_part(parts[-2], parts[-1])):
                found.append((suffix, tag))
    return found


def _two_part(language: str, second: str) -> bool:
    """Whether ``<language>-<second>`` is a tag rather than two words of a slug."""
    if len(second) == 4:
        return second.title() in _scripts()
    region = second.upper()
    if region not in _territories():
        return False  # it-EN, am-EN, is-EN: no such place
    spoken = get_global("territory_languages").get(region, {})
    if any(
        code.split("_")[0] == language.lower() and info.get("official_status")
        for code, info in spoken.items()
    ):
        return True  # pt-BR, zh-TW, de-CH, fr-CA
    # "let-it-be-de", "just-do-it-de": Belarusian and Italian are no official languages of
    # Germany, and "de" names one on its own; "ja-us" has no such second reading
    return language_tag(second) is None


@cache
def _territories() -> frozenset[str]:
    return frozenset(Locale("en").territories)


@cache
def _scripts() -> frozenset[str]:
    return frozenset(Locale("en").scripts)


def _settled(sources: list[Source]) -> list[Source]:
    """Each post under the slug another post of its date has, if only another reading does."""
    named = Counter((source.date, source.slug) for source in sources)
    settled = []
    for source in sources:
        if named[(source.date, source.slug)] == 1:  # no other post has its likeliest slug
            shared = [(s, lang) for s, lang in source.other_readings if named[(source.date, s)]]
            if shared:
                source = replace(source, slug=shared[0][0], language=shared[0][1])
        settled.append(source)
    return settled


def _group(sources: list[Source], src: Path, problems: list[Problem]) -> list[Note]:
    by_key: dict[tuple[dt.date, str], Note] = {}
    for source in _settled(sources):
        key = (source.date, source.slug)
        by_key.setdefault(key, Note(source.date, source.slug)).sources.append(source)
    dates_of: dict[str, list[dt.date]] = defaultdict(list)
    for date, slug in sorted(by_key):
        dates_of[slug].append(date)
    for (date, slug), note in by_key.items():
        if dates_of[slug][0] != date:  # the first note keeps the slug, later ones get the date
            note.slug = f"{slug}-{date.isoformat()}"
            for source in note.sources:
                problems.append(
                    Problem(
                        str(source.path.relative_to(src)),
                        f"another note from {dates_of[slug][0]} is also called {slug!r}; "
                        f"this one becomes notes/{note.slug}",
                        fatal=False,
                    )
                )
    return [by_key[key] for key in sorted(by_key)]
