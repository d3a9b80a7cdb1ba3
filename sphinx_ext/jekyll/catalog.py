"""Write a note's catalog in one language, merged into any catalog already there.

The catalog is the one Sphinx reads for the page (``gettext_compact =
False``: ``locale/<lang>/LC_MESSAGES/notes/<slug>.po``). Babel writes it;
``X-AI-Translated``, which Babel drops, is put back with
:func:`sphinx_ext.catalogs.set_headers`. Its dates are the note's, so the
same import writes the same bytes.

An existing catalog is kept as it is unless ``force``: its non-empty
msgstrs win over the import's (each is reported) and only messages it
lacks or has empty are filled in. When nothing changes, nothing is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po

from sphinx_ext import catalogs

TRANSLATOR = "sphinx-notes import-jekyll"


@dataclass(frozen=True, slots=True)
class Request:
    """What a note's catalog in one language should hold."""

    language: str  # Sphinx's code, e.g. "de", "zh_TW"
    page: str  # the note's path relative to the site, for the #: locations
    messages: Sequence[tuple[str, Sequence[int]]]  # msgid, its lines, in page order
    strings: Mapping[str, str]  # msgid -> msgstr to import
    ai: bool | None  # X-AI-Translated; None: leave to the site's default
    date: dt.date
    project: str = ""


@dataclass(slots=True)
class Outcome:
    content: bytes
    changed: bool  # whether ``content`` differs from the file on disk
    strings: dict[str, str] = field(default_factory=dict)  # the msgstrs the catalog ends with
    kept: list[str] = field(default_factory=list)  # msgids whose existing msgstr was kept
    replaced: list[str] = field(default_factory=list)  # msgids overwritten (force)
    header_kept: str | None = None  # an existing X-AI-Translated kept against the import's


class CatalogError(ValueError):
    """The existing catalog cannot be read; it is left alone."""


def render(path: Path, request: Request, *, force: bool = False) -> Outcome:
    """The catalog's new content, merged with ``path`` if it exists."""
    if path.is_file():
        existing = path.read_bytes()
        catalog, headers = _read(path, existing)
    else:
        existing, catalog = None, _new(request)
        # a code Babel does not know gets no Language header from Babel: say it anyway
        headers = {} if catalog.locale else {"Language": request.language}
    outcome = Outcome(b"", changed=False)
    touched = _merge(catalog, request, force, outcome)
    ai_value = {True: "yes", False: "no", None: None}[request.ai]
    old_ai = headers.get(catalogs.AI_HEADER)
    if ai_value is not None and old_ai != ai_value:
        if old_ai is None or force:
            headers[catalogs.AI_HEADER] = ai_value
            touched = True
        else:
            outcome.header_kept = old_ai
    outcome.strings = {
        m.id: m.string for m in catalog if isinstance(m.id, str) and isinstance(m.string, str)
    }
    if existing is not None and not touched:
        outcome.content = existing
        return outcome
    outcome.content = _write(catalog, headers)
    outcome.changed = outcome.content != existing
    return outcome


def _new(request: Request) -> Catalog:
    when = dt.datetime.combine(request.date, dt.time(), tzinfo=dt.UTC)
    return Catalog(
        locale=_locale(request.language),
        project=request.project or "PROJECT",
        version="",
        creation_date=when,
        revision_date=when,
        last_translator=TRANSLATOR,
        language_team=f"{request.language} <LL@li.org>",
        charset="utf-8",
        fuzzy=False,
    )


def _locale(code: str) -> Locale | None:
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def _read(path: Path, data: bytes) -> tuple[Catalog, dict[str, str]]:
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            catalog = read_po(io.BytesIO(data), abort_invalid=True)
    except (PoFileError, ValueError) as exc:
        raise CatalogError(f"{path} cannot be read ({exc}); it is left as it is") from None
    custom = {k: v for k, v in catalogs.load(path).headers.items() if k.startswith("X-")}
    return catalog, custom


def _merge(catalog: Catalog, request: Request, force: bool, outcome: Outcome) -> bool:
    """Put the import's msgstrs into ``catalog``; True if anything changed."""
    touched = False
    for msgid, lines in request.messages:
        new = request.strings.get(msgid, "")
        message = catalog.get(msgid)
        if message is None:
            locations = [(request.page, line) for line in lines if line > 0]
            catalog.add(msgid, new, locations=locations)
            touched = True
            continue
        old = message.string if isinstance(message.string, str) else ""
        if not new or new == old:
            continue
        if old and not force:
            outcome.kept.append(msgid)
            continue
        if old:
            outcome.replaced.append(msgid)
        message.string = new
        message.flags.discard("fuzzy")
        touched = True
    return touched


def _write(catalog: Catalog, headers: Mapping[str, str]) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76)
    if not headers:
        return buffer.getvalue()
    # set_headers works on a file; a scratch one keeps the real catalog untouched
    handle, name = tempfile.mkstemp(prefix="import-jekyll-", suffix=".po")
    os.close(handle)
    scratch = Path(name)
    try:
        scratch.write_bytes(buffer.getvalue())
        catalogs.set_headers(scratch, headers)
        return scratch.read_bytes()
    finally:
        scratch.unlink()
