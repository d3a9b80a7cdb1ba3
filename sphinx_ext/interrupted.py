"""After a build killed while writing pages, the next build redoes every page.

Sphinx pickles the environment before it writes pages, and writes pages in
place: a build stopped half way leaves some pages old, one perhaps cut
short, and the next build takes them all for up to date. A marker file in
the output directory, present only while pages are written, tells the next
build to read and write every page again.
"""

from __future__ import annotations

from collections.abc import Iterable, Set
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

MARKER = ".ainotes-writing"

logger = logging.getLogger(__name__)


def _marker(app: Sphinx) -> Path:
    return Path(app.outdir, MARKER)


def redo_all(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> Iterable[str]:
    """``env-get-outdated``: after an interrupted build, every page is read again."""
    if not _marker(app).exists():
        return []
    logger.info("the previous build stopped while writing pages; building every page again")
    return sorted(env.found_docs - removed)


def writing(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: pages are about to be written."""
    app.outdir.mkdir(parents=True, exist_ok=True)
    _marker(app).write_text("pages are being written\n", encoding="utf-8")
    return []


def done(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: every page was written."""
    if exception is None:
        _marker(app).unlink(missing_ok=True)
