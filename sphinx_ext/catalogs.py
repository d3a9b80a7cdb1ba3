"""Reading a page's ``.po`` catalog: its messages, fuzzy flags and headers.

A catalog in the form Babel writes is read by :mod:`catalog_scan`; Babel
parses anything else, and judges the header. Two things Babel does not do
are done here: it keeps no custom header such as ``X-AI-Translated``, and
it silently truncates a string with a missing closing quote (the scan
leaves such a catalog to Babel). Sphinx compiles such a catalog without a
word, so both are checked before the reader sees a half-translated page.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog as BabelCatalog
from babel.messages.pofile import PoFileError, denormalize, read_po

from sphinx_ext import catalog_scan
from sphinx_ext.catalog_scan import Entry as Entry  # a catalog's entries, read either way

_ABSENT: Entry = ("", False, 0)

#: The header that records whether a catalog's translations were made by AI.
AI_HEADER = "X-AI-Translated"


@dataclass(frozen=True, slots=True)
class CatalogProblem:
    message: str
    lineno: int | None = None


@dataclass(frozen=True, slots=True)
class Catalog:
    path: str
    entries: Mapping[str, Entry] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)
    problems: tuple[CatalogProblem, ...] = ()

    @property
    def ai_translated(self) -> bool | None:
        """``X-AI-Translated``: True for yes, False for no, None when absent or invalid."""
        value = self.headers.get(AI_HEADER, "").strip().lower()
        return {"yes": True, "no": False}.get(value)

    def translation(self, msgid: str) -> str | None:
        """The msgstr a build shows for ``msgid``: not fuzzy, not empty."""
        string, fuzzy, _line = self.entries.get(msgid, _ABSENT)
        return string if string and not fuzzy else None

    def is_fuzzy(self, msgid: str) -> bool:
        string, fuzzy, _line = self.entries.get(msgid, _ABSENT)
        return fuzzy and bool(string)

    def line_of(self, msgid: str) -> int:
        """The line of ``msgid`` in the catalog; 0 if it has none."""
        return self.entries.get(msgid, _ABSENT)[2]


def catalog_path(locale_dir: Path, language: str, domain: str) -> Path:
    # One join: this is built for every page.
    return locale_dir.joinpath(language, "LC_MESSAGES", f"{domain}.po")


def find(locale_dirs: Sequence[Path], language: str, domain: str) -> Path | None:
    """The first existing ``.po`` for a gettext domain, in ``locale_dirs`` order."""
    for locale_dir in locale_dirs:
        path = catalog_path(locale_dir, language, domain)
        if path.is_file():
            return path
    return None


def stale_compiled(locale_dirs: Sequence[Path], language: str, domain: str) -> Path | None:
    """A ``.mo`` left behind by a deleted ``.po``; Sphinx would still apply it."""
    for locale_dir in locale_dirs:
        mo = catalog_path(locale_dir, language, domain).with_suffix(".mo")
        if mo.is_file() and not mo.with_suffix(".po").is_file():
            return mo
    return None


def load(path: Path, *, lint: bool = True) -> Catalog:
    """Read a catalog; unchanged files are read once per process.

    ``lint=False`` leaves out the check for strings Babel would cut, for a
    catalog that is only counted, never reported on.
    """
    stat = path.stat()
    return _load(str(path), stat.st_mtime_ns, stat.st_size, lint)


@lru_cache(maxsize=16)  # a page's catalogs; other pages have their own
def _load(path: str, _mtime_ns: int, _size: int, lint: bool) -> Catalog:
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return Catalog(path, problems=(CatalogProblem("is not valid UTF-8", line),))
    headers = _raw_headers(text)
    scanned = catalog_scan.scan(text)
    if scanned is None:
        return _read_with_babel(path, text, headers, lint)
    # What the scan reads has no string Babel would cut, so nothing to lint.
    error = _header_error(scanned.header)
    if error is not None:
        return Catalog(path, headers=headers, problems=(_header_problem(error),))
    return Catalog(path, scanned.messages, headers, _ai_header_problems(headers))


def _read_with_babel(path: str, text: str, headers: dict[str, str], lint: bool) -> Catalog:
    problems = _lint_quotes(text) if lint else []
    try:
        catalog = read_po(io.StringIO(text), abort_invalid=True)
    except PoFileError as exc:
        problems.append(CatalogProblem(f"has a syntax error: {exc}", _line_of(exc)))
        try:
            with contextlib.redirect_stdout(io.StringIO()):  # Babel prints what it skips
                catalog = read_po(io.StringIO(text))  # what Sphinx will compile
        except ValueError as exc2:
            return Catalog(path, headers=headers, problems=(*problems, _header_problem(exc2)))
    except ValueError as exc:  # e.g. a Plural-Forms header Babel cannot evaluate
        return Catalog(path, headers=headers, problems=(*problems, _header_problem(exc)))
    return Catalog(path, entries_of(catalog), headers, (*problems, *_ai_header_problems(headers)))


def entries_of(catalog: BabelCatalog) -> dict[str, Entry]:
    """A Babel catalog's messages as entries: singular ones, the header left out."""
    return {
        message.id: (message.string, message.fuzzy, message.lineno or 0)
        for message in catalog
        if message.id and isinstance(message.id, str) and isinstance(message.string, str)
    }


@lru_cache(maxsize=64)  # a site's catalogs mostly share one header
def _header_error(header: str) -> str | None:
    """What Babel says of a header entry it cannot use (a bad ``Plural-Forms``, a date)."""
    try:
        read_po(io.StringIO(header))
    except ValueError as exc:
        return str(exc)
    return None


def _ai_header_problems(headers: Mapping[str, str]) -> tuple[CatalogProblem, ...]:
    value = headers.get(AI_HEADER)
    if value is None or value.strip().lower() in ("yes", "no"):
        return ()
    return (CatalogProblem(f"has {AI_HEADER}: {value!r}; expected yes or no", 1),)


def _header_problem(exc: Exception | str) -> CatalogProblem:
    return CatalogProblem(f"has a header Babel cannot read ({exc}); it is not used", 1)


_LINE_NO = re.compile(r"\bon (\d+)$")


def _line_of(exc: PoFileError) -> int | None:
    found = _LINE_NO.search(str(exc))
    return int(found[1]) + 1 if found else None  # Babel counts from 0


# A keyword line or continuation line whose string is not one well-formed "..." literal.
_BAD_STRING = re.compile(
    r"^[ \t]*(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)?[ \t]*"
    r'(?!"(?:[^"\\\n]|\\.)*"[ \t\r]*$)"[^\n]*$',
    re.MULTILINE,
)


def _lint_quotes(text: str) -> list[CatalogProblem]:
    """Strings Babel would silently cut: a missing or a stray double quote."""
    message = "has an unterminated or unescaped string"
    return [
        CatalogProblem(message, text.count("\n", 0, match.start()) + 1)
        for match in _BAD_STRING.finditer(text)
    ]


_HEADER = re.compile(r'^msgid ""[ \t]*\nmsgstr ((?:"[^\n]*"[ \t]*(?:\n|$))+)', re.MULTILINE)


def _raw_headers(text: str) -> dict[str, str]:
    """All header fields, custom ones included (Babel keeps only the standard ones)."""
    match = _HEADER.search(text)
    if not match:
        return {}
    headers = {}
    for line in denormalize(match[1].strip()).split("\n"):
        name, sep, value = line.partition(":")
        if sep:
            headers[name.strip()] = value.strip()
    return headers


def with_headers(text: str, headers: Mapping[str, str]) -> str:
    """A catalog's text with the header fields it lacks added to its header entry.

    Babel's ``write_po`` drops custom fields such as ``X-AI-Translated``.
    """
    present = _raw_headers(text)
    missing = {k: v for k, v in headers.items() if k not in present}
    match = _HEADER.search(text)
    if not missing or not match:
        return text
    lines = "".join(f'"{name}: {value}\\n"\n' for name, value in missing.items())
    end = match.end(1)
    if not text[:end].endswith("\n"):
        lines = "\n" + lines
    return text[:end] + lines + text[end:]


def set_headers(path: Path, headers: Mapping[str, str]) -> bool:
    """Write header fields back into a ``.po`` that lost them; True if it changed.

    Used after ``sphinx-intl update``, which rewrites catalogs through Babel.
    """
    text = path.read_text(encoding="utf-8")
    updated = with_headers(text, headers)
    if updated == text:
        return False
    tmp = path.with_suffix(".po.tmp")
    tmp.write_text(updated, encoding="utf-8")
    os.replace(tmp, path)
    return True
