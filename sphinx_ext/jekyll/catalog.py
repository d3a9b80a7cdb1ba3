"""Write a note's catalog in one language, merged into any catalog already there.

The catalog is the one Sphinx reads for the page (``gettext_compact =
False``: ``locale/<lang>/LC_MESSAGES/notes/<slug>.po``). Babel writes it;
``X-AI-Translated``, which Babel drops, is put back with
:func:`sphinx_ext.catalogs.with_headers`. Its dates are the note's, so the
same import writes the same bytes. The importer writes it (atomically).

An existing catalog is kept as it is unless ``force``: its non-empty
msgstrs win over the import's (each is reported) and only messages it
lacks or has empty are filled in. When nothing changes, nothing is written.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po

from sphinx_ext import catalogs, langtags

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
    # the messages the catalog ends with, fuzzy flags included, as the site reads them
    catalog: catalogs.Catalog = field(default_factory=lambda: catalogs.Catalog(""))
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
    outcome.catalog = _as_read(path, catalog)
    if existing is not None and not touched:
        outcome.content = existing
        return outcome
    outcome.content = _write(catalog, headers)
    outcome.changed = outcome.content != existing
    return outcome


def _new(request: Request) -> Catalog:
    when = dt.datetime.combine(request.date, dt.time(), tzinfo=dt.UTC)
    return Catalog(
        locale=langtags.locale_of(request.language),
        project=request.project or "PROJECT",
        version="",
        creation_date=when,
        revision_date=when,
        last_translator=TRANSLATOR,
        language_team=f"{request.language} <LL@li.org>",
        charset="utf-8",
        fuzzy=False,
    )


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


def _as_read(path: Path, catalog: Catalog) -> catalogs.Catalog:
    """``catalog`` as :func:`sphinx_ext.catalogs.load` reads it, before it is written."""
    return catalogs.Catalog(str(path), catalogs.entries_of(catalog))


def _write(catalog: Catalog, headers: Mapping[str, str]) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76)
    text = buffer.getvalue().decode("utf-8")
    return catalogs.with_headers(text, headers).encode("utf-8")
