"""German catalogs for the synthetic notes, from Sphinx's own message extraction.

Most notes are fully translated; some are partly translated, some have a
fuzzy entry (the original changed), a few have no catalog at all. Overall
about 90% of the msgids are translated.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
from collections.abc import Mapping, Sequence
from enum import StrEnum
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from benchmarks.notes import rng_for
from benchmarks.text import to_german

LANGUAGE = "de"
_DATE = dt.datetime(2025, 9, 9, tzinfo=dt.UTC)
_GENERATED_BY = re.compile(r'^"Generated-By: [^"\n]*"\n', re.MULTILINE)


class Kind(StrEnum):
    FULL = "translated"
    PARTIAL = "partial"  # about half of the msgids left empty
    FUZZY = "outdated"  # one entry marked fuzzy
    MISSING = "no catalog"


def kind_of(seed: int, docname: str) -> Kind:
    if not docname.startswith("notes/"):
        return Kind.FULL
    draw = rng_for(seed, "catalog", docname).random()
    if draw < 0.03:
        return Kind.MISSING
    if draw < 0.08:
        return Kind.FUZZY
    if draw < 0.28:
        return Kind.PARTIAL
    return Kind.FULL


def extract(project: Path, out: Path) -> dict[str, Catalog]:
    """Run the gettext builder once; return each page's template by docname."""
    pot_dir = out / "pot"
    # Not measured, so it may use every core.
    command = [sys.executable, "-m", "sphinx", "-b", "gettext", "-q", "-j", "auto"]
    command += ["-d", str(out / "doctrees"), str(project), str(pot_dir)]
    subprocess.run(command, check=True, capture_output=True, text=True)
    templates = {}
    for pot in sorted(pot_dir.rglob("*.pot")):
        with pot.open("rb") as stream:
            templates[pot.relative_to(pot_dir).with_suffix("").as_posix()] = read_po(stream)
    return templates


def count(template: Catalog | None) -> int:
    return 0 if template is None else sum(1 for message in template if message.id)


def translate(template: Catalog, kind: Kind, seed: int, docname: str) -> Catalog:
    catalog = Catalog(
        locale=LANGUAGE,
        domain=docname,
        project="AI Notes",
        version="",
        last_translator="AI translation",
        language_team="de <LL@li.org>",
        creation_date=_DATE,
        revision_date=_DATE,
        fuzzy=False,
    )
    rng = rng_for(seed, "msgstr", docname)
    messages = [message for message in template if message.id]
    fuzzy_at = rng.randrange(1, len(messages)) if kind is Kind.FUZZY and len(messages) > 1 else -1
    for number, message in enumerate(messages):
        empty = kind is Kind.PARTIAL and number > 0 and rng.random() < 0.5
        string = "" if empty else to_german(str(message.id))
        flags = ("fuzzy",) if number == fuzzy_at else ()
        catalog.add(message.id, string, locations=message.locations, flags=flags)
    return catalog


def po_text(catalog: Catalog) -> str:
    """The ``.po`` with ``X-AI-Translated: yes``, which Babel's writer would drop."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76)
    text = buffer.getvalue().decode("utf-8")
    return _GENERATED_BY.sub(lambda m: m[0] + '"X-AI-Translated: yes\\n"\n', text, count=1)


def write_all(
    locale_dir: Path, templates: Mapping[str, Catalog], docnames: Sequence[str], seed: int
) -> dict[str, str]:
    """Write the ``.po`` and compiled ``.mo`` of every page; return each page's kind."""
    kinds = {}
    for docname in docnames:
        kind = kind_of(seed, docname)
        kinds[docname] = kind.value
        template = templates.get(docname)
        if kind is Kind.MISSING or template is None:
            continue
        catalog = translate(template, kind, seed, docname)
        po = locale_dir / LANGUAGE / "LC_MESSAGES" / f"{docname}.po"
        po.parent.mkdir(parents=True, exist_ok=True)
        po.write_text(po_text(catalog), encoding="utf-8")
        # Compiled now, after the .po, so no measured build pays for it.
        with po.with_suffix(".mo").open("wb") as stream:
            write_mo(stream, catalog, use_fuzzy=False)
    return kinds
