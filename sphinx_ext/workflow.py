"""The gettext workflow around sphinx-intl: which catalogs each language gets.

A page is translated into every site language but its own, so a German
note gets an ``en`` catalog and no ``de`` one. The gettext build records
each template's source language in a manifest; :func:`update_po` hands
sphinx-intl only the templates a language needs, then puts back the
``X-AI-Translated`` header that sphinx-intl's rewrite (through Babel) drops.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.builders.gettext import MessageCatalogBuilder
from sphinx.environment import BuildEnvironment
from sphinx.util.i18n import docname_to_domain

from sphinx_ext import catalogs
from sphinx_ext.collector import records
from sphinx_ext.config import Settings
from sphinx_ext.diagnostics import Subtype, in_file, warn

MANIFEST = "ainotes-sources.json"


def write_manifest(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished`` of the gettext builder: each template's source language."""
    if exception is not None or not isinstance(app.builder, MessageCatalogBuilder):
        return
    sources: dict[str, str | None] = {}
    for docname, record in sorted(records(app.env).items()):
        domain = docname_to_domain(docname, app.config.gettext_compact)
        language = record.language or app.config.ainotes_source_language
        # With gettext_compact, pages of several languages can share a template.
        sources[domain] = language if sources.get(domain, language) == language else None
    path = Path(app.outdir, MANIFEST)
    path.write_text(json.dumps(sources, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def templates_for(pot_dir: Path, language: str) -> list[Path]:
    """The ``.pot`` files whose pages are not written in ``language``."""
    manifest = pot_dir / MANIFEST
    sources = json.loads(manifest.read_text(encoding="utf-8")) if manifest.is_file() else {}
    return [
        pot
        for pot in sorted(pot_dir.rglob("*.pot"))
        if sources.get(pot.relative_to(pot_dir).with_suffix("").as_posix()) != language
    ]


def _custom_headers(locale_dir: Path, language: str) -> dict[Path, dict[str, str]]:
    kept = {}
    for po in (locale_dir / language / "LC_MESSAGES").rglob("*.po"):
        headers = catalogs.load(po).headers
        custom = {k: v for k, v in headers.items() if k.startswith("X-")}
        if custom:
            kept[po] = custom
    return kept


def update_po(pot_dir: Path, locale_dir: Path, languages: list[str]) -> dict[str, int]:
    """Run ``sphinx-intl update`` per language on the templates it needs."""
    from sphinx_intl.basic import update  # type: ignore[import-untyped]  # pulls in click

    totals = {"create": 0, "update": 0, "notchanged": 0, "headers_restored": 0}
    for language in languages:
        kept = _custom_headers(locale_dir, language)
        with tempfile.TemporaryDirectory() as tmp:
            for pot in templates_for(pot_dir, language):
                target = Path(tmp, pot.relative_to(pot_dir))
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(pot, target)
            status = update(str(locale_dir), tmp, (language,), jobs=1)
        for key, value in status.items():
            totals[key] += value
        for po, headers in kept.items():
            totals["headers_restored"] += catalogs.set_headers(po, headers)
    return totals


def check_orphan_catalogs(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: a catalog whose page is gone translates nothing."""
    settings = Settings.of(app.config, app.srcdir)
    domains = {docname_to_domain(d, app.config.gettext_compact) for d in env.found_docs}
    for locale_dir in settings.locale_dirs:
        messages = locale_dir / settings.language / "LC_MESSAGES"
        for po in sorted(messages.rglob("*.po")):
            domain = po.relative_to(messages).with_suffix("").as_posix()
            if domain not in domains:
                warn(
                    f"catalog has no page: there is no {domain}{_suffix(app)} "
                    "(renamed or deleted?); move the catalog to the page's new name, "
                    "or delete it",
                    Subtype.CATALOG,
                    in_file(po),
                )


def _suffix(app: Sphinx) -> str:
    suffixes = list(app.config.source_suffix)
    return ".md" if ".md" in suffixes else (suffixes[0] if suffixes else "")
