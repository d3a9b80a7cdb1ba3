"""Builds real Sphinx projects from ``tests/roots`` in temporary directories."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences
from sphinx.util.nodes import extract_messages

from sphinx_ext import translatable

pytest_plugins = ["sphinx.testing.fixtures"]

TESTS = Path(__file__).resolve().parent
ROOTS = TESTS / "roots"
REPO = TESTS.parent
DOCS = REPO / "docs"
SEEDS = TESTS / "data" / "seeds"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def copy_root(name: str, target: Path) -> Path:
    """A private copy of a test root (or of ``docs/``): Sphinx writes .mo files into it."""
    source = DOCS if name == "docs" else ROOTS / f"test-{name}"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.mo", "_build"))
    return target


def soup(app: SphinxTestApp, docname: str) -> BeautifulSoup:
    """The parsed HTML of a page, wherever the builder put it."""
    path = Path(app.outdir, app.builder.get_target_uri(docname))
    if path.is_dir() or not path.suffix:
        path = path / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


Build = Callable[..., SphinxTestApp]


def same_messages_as_sphinx(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: the extension's walk finds what Sphinx's finds, on every page built."""
    ours, sphinxs = translatable.messages(doctree), list(extract_messages(doctree))
    assert ours == sphinxs, (app.env.docname, [m for _, m in ours], [m for _, m in sphinxs])


@pytest.fixture
def build(make_app: Callable[..., SphinxTestApp], tmp_path: Path) -> Build:
    """Copy a test root, build it in one language, return the app.

    Each language gets its own copy (and so its own doctree directory).
    """

    def _build(
        root: str,
        language: str = "en",
        builder: str = "html",
        *,
        srcdir: Path | None = None,
        parallel: int = 0,
        **conf: Any,
    ) -> SphinxTestApp:
        if srcdir is None:
            srcdir = tmp_path / f"{root}-{language}-{builder}-j{parallel}"
            if not srcdir.exists():
                copy_root(root, srcdir)
        app = make_app(
            builder,
            srcdir=srcdir,
            confoverrides={"language": language, **conf},
            parallel=parallel,
        )
        app.connect("doctree-read", same_messages_as_sphinx)
        app.build()
        # Sphinx's registries and translators are global: reset them, so that the next
        # build in the same test starts clean (the app's env and output stay usable)
        app.cleanup()
        return app

    return _build


def warnings_of(app: SphinxTestApp) -> str:
    """The build's warnings, without colour codes."""
    stream = app.warning
    assert isinstance(stream, StringIO)
    return strip_escape_sequences(stream.getvalue())
