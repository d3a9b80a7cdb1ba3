"""The same sources give the same bytes: clean, parallel, incremental, or after a kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docutils.frontend import get_default_settings
from myst_parser.mdit_to_docutils import base
from sphinx.testing.util import SphinxTestApp

from sphinx_ext import myst_speedup
from tests.conftest import copy_root


def snapshot(outdir: Path) -> dict[str, bytes]:
    """Every file of a build, by path. ``.buildinfo.bak`` is Sphinx's own leftover."""
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and path.name != ".buildinfo.bak"
    }


def differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(name for name in a.keys() | b.keys() if a.get(name) != b.get(name))


def search_index(data: bytes) -> dict[str, Any]:
    """``searchindex.js`` without words that no page has any more.

    Sphinx's incremental build keeps such words with an empty list of pages
    (its IndexBuilder prunes pages, not words); a search finds nothing for
    them either way.
    """
    text = data.decode("utf-8")
    index: dict[str, Any] = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    for key in ("terms", "titleterms"):
        index[key] = {word: pages for word, pages in index[key].items() if pages != []}
    return index


@pytest.fixture(autouse=True)
def fixed_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1757376000")  # 2025-09-09


Make = Callable[..., SphinxTestApp]


def _build(make_app: Make, srcdir: Path, language: str = "de", parallel: int = 0) -> Path:
    app = make_app("html", srcdir=srcdir, confoverrides={"language": language}, parallel=parallel)
    app.build()
    return Path(app.outdir)


def _edit(srcdir: Path) -> None:
    """Edit a note's text, another note's front matter, and a catalog."""
    note = srcdir / "notes/partial.md"
    note.write_text(note.read_text("utf-8") + "\nA fourth passage.\n", encoding="utf-8")
    human = srcdir / "notes/human.md"
    human.write_text(
        human.read_text("utf-8").replace("title: Human note", "title: Retitled note"),
        encoding="utf-8",
    )
    po = srcdir / "locale/de/LC_MESSAGES/notes/untranslated.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"X-AI-Translated: yes\\n"\n\n'
        'msgid "Nobody translated this note."\nmsgstr "Jetzt doch übersetzt."\n',
        encoding="utf-8",
    )


def test_two_clean_builds_are_byte_identical(make_app: Make, tmp_path: Path) -> None:
    first = snapshot(_build(make_app, copy_root("notes", tmp_path / "a")))
    second = snapshot(_build(make_app, copy_root("notes", tmp_path / "b")))
    assert len(first) > 20
    assert differences(first, second) == []


def test_parallel_build_is_identical_to_serial(make_app: Make, tmp_path: Path) -> None:
    serial = snapshot(_build(make_app, copy_root("notes", tmp_path / "a")))
    parallel = snapshot(_build(make_app, copy_root("notes", tmp_path / "b"), parallel=2))
    assert differences(serial, parallel) == []


def test_myst_speedup_changes_no_byte(
    make_app: Make, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """MyST's settings, built once instead of per parse: the German build is the same."""
    calls = []

    def counted(parser_cls: type) -> object:
        calls.append(parser_cls)
        return get_default_settings(parser_cls)

    myst_speedup._settings.clear()
    monkeypatch.setattr(myst_speedup, "get_default_settings", counted)
    fast = snapshot(_build(make_app, copy_root("notes", tmp_path / "fast")))
    assert base.make_document is myst_speedup.make_document
    assert len(calls) == 1  # once in all, not once for each page and each msgstr

    monkeypatch.setattr(myst_speedup, "install", lambda: None)
    monkeypatch.setattr(base, "make_document", myst_speedup._original)
    slow = snapshot(_build(make_app, copy_root("notes", tmp_path / "slow")))
    assert len(fast) > 20
    assert differences(fast, slow) == []


def test_myst_speedup_gives_each_document_its_own_settings() -> None:
    first, second = myst_speedup.make_document(), myst_speedup.make_document()
    first.settings.report_level = 5
    assert second.settings is not first.settings
    assert second.settings.report_level != 5


@pytest.mark.parametrize("language", ["en", "de"])
def test_incremental_build_equals_clean_build(
    make_app: Make, tmp_path: Path, language: str
) -> None:
    incremental = copy_root("notes", tmp_path / "a")
    _build(make_app, incremental, language)
    _edit(incremental)
    after_edit = snapshot(_build(make_app, incremental, language))

    clean = copy_root("notes", tmp_path / "b")
    _edit(clean)
    from_scratch = snapshot(_build(make_app, clean, language))
    assert differences(after_edit, from_scratch) in ([], ["searchindex.js"])
    assert search_index(after_edit["searchindex.js"]) == search_index(
        from_scratch["searchindex.js"]
    )


def test_a_build_killed_while_writing_is_repaired_by_the_next(
    make_app: Make, tmp_path: Path
) -> None:
    srcdir = copy_root("notes", tmp_path / "src")
    for i in range(150):  # enough pages that writing takes a while
        (srcdir / f"notes/extra-{i:03}.md").write_text(
            f"---\ngenerated: true\ntitle: Extra {i}\ntype: note\n---\n\n" + "Text. " * 200,
            encoding="utf-8",
        )
    outdir = srcdir / "_build/html"
    command = [
        sys.executable,
        "-m",
        "sphinx",
        "-b",
        "html",
        "-D",
        "language=de",
        "-d",
        str(srcdir / "_build/doctrees"),
        str(srcdir),
        str(outdir),
    ]
    env = {**os.environ, "NO_COLOR": "1"}
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env) as build:
        assert build.stdout is not None
        for line in build.stdout:
            if "writing output" in line and "notes/extra-030" in line:  # a fifth written
                build.send_signal(signal.SIGTERM)
                break
        build.wait(timeout=120)
    assert build.returncode != 0, "the build finished before it could be killed"
    assert (outdir / ".ainotes-writing").exists()

    repaired = snapshot(_build(make_app, srcdir))
    clean = copy_root("notes", tmp_path / "clean")
    for path in (srcdir / "notes").glob("extra-*.md"):
        (clean / "notes" / path.name).write_bytes(path.read_bytes())
    assert differences(repaired, snapshot(_build(make_app, clean))) == []
