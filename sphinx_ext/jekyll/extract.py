"""The messages Sphinx extracts from the imported notes, from Sphinx itself.

Every note goes into one temporary project, built once with the gettext
builder and the site's own ``conf.py`` (so its extensions and MyST
settings apply). The builder's catalogs give each message with the line
of every occurrence, which is what the catalog's msgids must be, and how
Sphinx counts a page's translation progress.
"""

from __future__ import annotations

import io
import re
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import sphinx.locale
from sphinx.application import Sphinx
from sphinx.builders.gettext import MessageCatalogBuilder
from sphinx.util.docutils import docutils_namespace, patch_docutils

INDEX = """# Imported notes

```{toctree}
:glob:

notes/*
```
"""


@dataclass(frozen=True, slots=True)
class Occurrence:
    msgid: str
    line: int  # 1-based; -1 when Sphinx knows none


@dataclass(slots=True)
class Extraction:
    messages: dict[str, list[Occurrence]] = field(default_factory=dict)  # by docname
    warnings: dict[str, list[str]] = field(default_factory=dict)  # by docname


def extract(
    pages: Mapping[str, str], confdir: Path, progress: Callable[[int, int], None] | None = None
) -> Extraction:
    """Build ``pages`` (docname -> Markdown) with the gettext builder and ``confdir/conf.py``."""
    with tempfile.TemporaryDirectory(prefix="import-jekyll-") as tmp:
        srcdir = Path(tmp, "src")
        for docname, text in pages.items():
            path = srcdir / f"{docname}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        (srcdir / "index.md").write_text(INDEX, encoding="utf-8")
        warnings = io.StringIO()
        builder = _build(srcdir, confdir, Path(tmp), warnings, _counter(len(pages), progress))
        messages = _occurrences(builder, set(pages))
        return Extraction(messages, _located(warnings.getvalue(), srcdir, set(pages)))


def _counter(total: int, progress: Callable[[int, int], None] | None) -> Callable[..., None] | None:
    """A ``source-read`` handler that reports each page read (the index is not counted)."""
    if progress is None:
        return None
    read = [0]

    def count(app: Sphinx, docname: str, source: list[str]) -> None:
        if docname != "index":
            read[0] += 1
            progress(read[0], total)

    return count


def _build(
    srcdir: Path,
    confdir: Path,
    tmp: Path,
    warnings: io.StringIO,
    on_read: Callable[..., None] | None = None,
) -> MessageCatalogBuilder:
    """One gettext build, leaving no global state behind, as ``sphinx-build`` does."""
    # Sphinx registers directives and roles in docutils' globals, and keeps its
    # translators in a global: without this, a later build in this process
    # (a test's, say) would run with this one's.
    path = sys.path[:]  # conf.py may add to it
    with patch_docutils(confdir), docutils_namespace():
        try:
            app = Sphinx(
                str(srcdir),
                str(confdir),
                str(tmp / "out"),
                str(tmp / "doctrees"),
                "gettext",
                confoverrides={"root_doc": "index", "gettext_compact": False},
                status=None,
                warning=warnings,
                freshenv=True,
            )
            if on_read is not None:
                app.connect("source-read", on_read)
            app.build()
        finally:
            sphinx.locale.translators.clear()
            sys.path[:] = path
    assert isinstance(app.builder, MessageCatalogBuilder)
    return app.builder


def _occurrences(builder: MessageCatalogBuilder, docnames: set[str]) -> dict[str, list[Occurrence]]:
    found: dict[str, list[Occurrence]] = {docname: [] for docname in docnames}
    for domain, catalog in builder.catalogs.items():
        if domain not in found:
            continue
        for msgid, origins in catalog.metadata.items():
            found[domain] += [Occurrence(msgid, line) for _source, line, _uid in origins]
        found[domain].sort(key=lambda occurrence: occurrence.line)  # stable: Sphinx's order
    return found


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_WARNING = re.compile(r"^(?P<path>.+?\.md)(?::(?P<line>\d+))?: (?:WARNING|ERROR|CRITICAL): ")


def _located(output: str, srcdir: Path, docnames: set[str]) -> dict[str, list[str]]:
    """Sphinx's warnings for each page, as ``line: message``."""
    found: dict[str, list[str]] = defaultdict(list)
    prefix = str(srcdir) + "/"
    for line in _ANSI.sub("", output).splitlines():
        match = _WARNING.match(line)
        if not match or not match["path"].startswith(prefix):
            continue
        docname = match["path"][len(prefix) : -len(".md")]
        if docname in docnames:
            where = f"line {match['line']}: " if match["line"] else ""
            found[docname].append(where + line[match.end() :])
    return dict(found)
