"""A page's translation state in one language, from its messages and catalog.

For the build language the counts are Sphinx's own
(``doctree['translation_progress']``); for the site's other languages,
which this build does not translate, they are counted the way Sphinx
would, from that language's catalog, without the integrity check that
language's own build runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from sphinx_ext import integrity
from sphinx_ext.catalogs import Catalog


class State(StrEnum):
    ORIGINAL = "original"  # shown in the language it was written in
    TRANSLATED = "translated"  # every message translated
    PARTIAL = "partial"  # some messages translated
    UNTRANSLATED = "untranslated"  # no catalog, or nothing in it
    OUTDATED = "outdated"  # the catalog has fuzzy entries: the original changed


@dataclass(frozen=True, slots=True)
class Progress:
    total: int = 0
    translated: int = 0
    fuzzy: int = 0  # shown in the original until a translator confirms them
    rejected: int = 0  # refused by the integrity check, shown in the original

    @property
    def untranslated(self) -> int:
        return max(self.total - self.translated - self.fuzzy, 0)

    def __add__(self, other: Progress) -> Progress:
        return Progress(
            self.total + other.total,
            self.translated + other.translated,
            self.fuzzy + other.fuzzy,
            self.rejected + other.rejected,
        )


@dataclass(frozen=True, slots=True)
class Translation:
    """A page in one target language."""

    progress: Progress
    ai: bool  # the catalog's translations were made by AI
    catalog: str | None = None  # the .po, relative to the source dir

    @property
    def state(self) -> State:
        progress = self.progress
        if progress.fuzzy:
            return State.OUTDATED
        if not progress.translated:
            return State.UNTRANSLATED
        if progress.translated >= progress.total:
            return State.TRANSLATED
        return State.PARTIAL

    @property
    def exists(self) -> bool:
        """Whether a reader finds any of this language on the page."""
        return self.progress.translated > 0

    def with_sphinx_count(self, total: int, translated: int) -> Translation:
        """Take Sphinx's count for the build language; it knows what it applied."""
        if total == 0:  # Sphinx's Locale transform found no catalog and counted nothing
            return replace(self, progress=replace(self.progress, translated=0))
        return replace(self, progress=replace(self.progress, total=total, translated=translated))


Accept = Callable[[str, str], bool]


def accept_all(msgid: str, msgstr: str) -> bool:
    return True


def faithful_in(
    language: str, mismatches: Callable[[str, str, str], Sequence[object]] = integrity.check
) -> Accept:
    """What ``ainotes_integrity = "reject"`` shows: an unchanged msgstr, or one that passes."""

    def faithful(msgid: str, msgstr: str) -> bool:
        return msgstr == msgid or not mismatches(msgid, msgstr, language)

    return faithful


def count(
    messages: Iterable[str], catalog: Catalog | None, accept: Accept = accept_all
) -> Progress:
    """Count messages as Sphinx's Locale transform would apply them.

    A message is translated when its msgstr is neither empty nor fuzzy
    (fuzzy entries are left out of the ``.mo``) and ``accept`` passes it.
    """
    total = translated = fuzzy = rejected = 0
    for msgid in messages:
        total += 1
        if catalog is None:
            continue
        msgstr = catalog.translation(msgid)
        if msgstr is None:
            fuzzy += catalog.is_fuzzy(msgid)
        elif accept(msgid, msgstr):
            translated += 1
        else:
            rejected += 1
    return Progress(total, translated, fuzzy, rejected)
