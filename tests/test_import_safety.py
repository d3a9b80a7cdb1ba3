"""``import-jekyll`` is safe to run: dry runs, no overwriting, idempotence, bad input."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from sphinx_ext import catalogs, cli
from sphinx_ext.jekyll import files
from sphinx_ext.jekyll.cli import ProgressBar
from tests.conftest import TESTS, copy_root

SITE = TESTS / "data" / "jekyll" / "site"
CSV_PO = "locale/de/LC_MESSAGES/notes/csv-in-python.po"


def run(src: Path, docs: Path, *options: str) -> tuple[int, dict[str, Any]]:
    report = docs.parent / "report.json"
    argv = ["import-jekyll", str(src), "--docs", str(docs), "--report", str(report), *options]
    status = cli.main(argv)
    result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return status, result


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file's bytes and modification time."""
    return {
        str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def small_site(root: Path) -> Path:
    """Two notes of the synthetic blog: enough to check what is written, and quick."""
    for name in ("csv-in-python", "git-commands"):
        for language in ("en", "de"):
            found = next(SITE.glob(f"_posts/{language}/*-{name}-{language}.md"))
            target = root / "_posts" / language / found.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(found, target)
    return root


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    return copy_root("docs", tmp_path / "docs")


def test_dry_run_writes_nothing(tmp_path: Path, docs: Path) -> None:
    before = snapshot(docs)
    status, report = run(small_site(tmp_path / "blog"), docs, "--dry-run")
    assert status == 0
    assert snapshot(docs) == before
    assert report["dry_run"] is True
    assert {note["status"] for note in report["notes"]} == {"would write"}
    assert report["totals"]["translated"] == 13


def test_second_run_changes_nothing(tmp_path: Path, docs: Path) -> None:
    blog = small_site(tmp_path / "blog")
    assert run(blog, docs)[0] == 0
    before = snapshot(docs)
    status, report = run(blog, docs)
    assert status == 0
    assert snapshot(docs) == before  # not a byte, not a timestamp
    assert {note["status"] for note in report["notes"]} == {"unchanged"}
    assert {lang["status"] for note in report["notes"] for lang in note["languages"]} == {
        "unchanged"
    }
    assert not [path for path in before if path.endswith(".tmp")]


def test_existing_notes_and_translations_are_kept_without_force(tmp_path: Path, docs: Path) -> None:
    blog = small_site(tmp_path / "blog")
    run(blog, docs)
    note = docs / "notes/git-commands.md"
    note.write_text(note.read_text(encoding="utf-8") + "\nAn edit.\n", encoding="utf-8")
    po = docs / CSV_PO
    hand_edit = "Eine CSV-Datei mit Python lesen"
    po.write_text(
        po.read_text(encoding="utf-8").replace(
            'msgstr "Eine CSV-Datei in Python lesen"', f'msgstr "{hand_edit}"'
        ),
        encoding="utf-8",
    )
    before = snapshot(docs)

    status, report = run(blog, docs)
    assert status == 1  # the edited note was not imported: that is reported
    assert snapshot(docs) == before
    notes = {note["slug"]: note for note in report["notes"]}
    assert notes["git-commands"]["status"].startswith("exists, not overwritten")
    assert notes["csv-in-python"]["languages"][0]["existing_kept"] == 1
    assert any("git-commands.md" in p["message"] for p in report["problems"])

    status, report = run(blog, docs, "--force")
    assert status == 0
    assert "An edit." not in note.read_text(encoding="utf-8")
    assert catalogs.load(po).translation("Reading a CSV file in Python") == (
        "Eine CSV-Datei in Python lesen"
    )
    assert report["notes"][0]["languages"][0]["existing_replaced"] == 1


def test_new_messages_fill_an_existing_catalog(tmp_path: Path, docs: Path) -> None:
    blog = small_site(tmp_path / "blog")
    run(blog, docs)
    po = docs / CSV_PO
    text = po.read_text(encoding="utf-8")
    # a translator emptied one msgstr and added a comment to the header
    po.write_text(
        text.replace('msgstr "Ein minimales Beispiel"', 'msgstr ""').replace(
            '"X-AI-Translated: yes\\n"', '"X-AI-Translated: yes\\n"\n"X-Reviewed-By: someone\\n"'
        ),
        encoding="utf-8",
    )
    run(blog, docs)
    catalog = catalogs.load(po)
    assert catalog.translation("A minimal example") == "Ein minimales Beispiel"
    assert catalog.headers["X-Reviewed-By"] == "someone"
    assert catalog.ai_translated is True


def test_bad_input_is_reported_per_file_and_the_rest_goes_on(tmp_path: Path, docs: Path) -> None:
    blog = small_site(tmp_path / "blog")
    posts = blog / "_posts"
    (posts / "en/2024-02-01-broken-en.md").write_text("---\ntitle: [\n---\nText\n")
    (posts / "2024-02-02-nolanguage.md").write_text("---\ntitle: T\n---\nText\n")
    # the same English note twice, in two places
    shutil.copyfile(
        posts / "en/2024-01-10-csv-in-python-en.md", blog / "2024-01-10-csv-in-python-en.md"
    )
    # a translation with no English source
    (posts / "de/2024-02-03-orphan-de.md").write_text("---\ntitle: Waise\n---\nText\n")

    status, report = run(blog, docs)
    assert status == 1
    problems = {p["file"]: p["message"] for p in report["problems"]}
    assert "YAML cannot read" in problems["_posts/en/2024-02-01-broken-en.md"]
    assert "has no language" in problems["_posts/2024-02-02-nolanguage.md"]
    assert (
        "2 en files for one note"
        in problems["2024-01-10-csv-in-python-en.md, _posts/en/2024-01-10-csv-in-python-en.md"]
    )
    assert "no en version" in problems["_posts/de/2024-02-03-orphan-de.md"]
    # the good note is imported all the same
    assert [note["slug"] for note in report["notes"]] == ["git-commands"]
    assert (docs / "notes/git-commands.md").is_file()
    assert not (docs / "notes/csv-in-python.md").exists()


def test_languages_map_to_the_sites_codes(tmp_path: Path, docs: Path) -> None:
    posts = tmp_path / "blog" / "notes"
    posts.mkdir(parents=True)
    english = next(SITE.glob("_posts/en/*-attention-en.md")).read_text(encoding="utf-8")
    (posts / "2024-01-15-attention-en.md").write_text(english, encoding="utf-8")
    hant = (
        "---\ntitle: 注意力機制\ntranslated: true\n---\n\n"
        "注意力機制讓模型在處理每個詞元時查看所有其他詞元。\n"
    )
    (posts / "2024-01-15-attention-hant.md").write_text(hant, encoding="utf-8")
    status, report = run(tmp_path / "blog", docs, "--languages", "en,zh_TW")
    assert status == 0
    po = docs / "locale/zh_TW/LC_MESSAGES/notes/attention.po"
    catalog = catalogs.load(po)
    assert catalog.translation("The attention mechanism") == "注意力機制"
    assert catalog.headers["Language"] == "zh_Hant_TW"
    language = report["notes"][0]["languages"][0]
    assert language["language"] == "zh_TW"
    assert language["untranslated"] == 2  # the Chinese post has no "Cost" section


def test_a_note_without_translation_is_counted_untranslated(tmp_path: Path, docs: Path) -> None:
    blog = tmp_path / "blog" / "_posts" / "en"
    blog.mkdir(parents=True)
    text = "---\ntitle: Only English\n---\n\nOne paragraph.\n\n{{ site.baseurl }}/x\n"
    (blog / "2024-03-01-only-english-en.md").write_text(text, encoding="utf-8")
    status, report = run(tmp_path / "blog", docs)
    assert status == 0
    (note,) = report["notes"]
    (german,) = note["languages"]
    assert (german["status"], german["messages"], german["translated"]) == ("no de post", 3, 0)
    assert not (docs / german["catalog"]).exists()  # no empty catalog is made
    assert any("Liquid" in change and "{{ site.baseurl }}" in change for change in note["changes"])


def test_the_site_must_have_a_catalog_per_page(tmp_path: Path, docs: Path) -> None:
    conf = docs / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + "\ngettext_compact = True\n")
    blog = small_site(tmp_path / "blog")
    assert cli.main(["import-jekyll", str(blog), "--docs", str(docs)]) == 2
    assert not (docs / "notes/csv-in-python.md").exists()


def test_missing_folders_are_a_usage_error(tmp_path: Path, docs: Path) -> None:
    assert cli.main(["import-jekyll", str(tmp_path / "nowhere"), "--docs", str(docs)]) == 2
    assert cli.main(["import-jekyll", str(tmp_path), "--docs", str(tmp_path / "none")]) == 2


def test_the_table_is_printed(
    tmp_path: Path, docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main(["import-jekyll", str(small_site(tmp_path / "blog")), "--docs", str(docs)])
    out = capsys.readouterr().out
    assert "csv-in-python" in out and "total (2 notes)" in out
    assert "dropped, no counterpart in the original: line 24: '(Der Code wurde nicht" in out


def test_writes_are_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "page.md"
    target.write_text("old", encoding="utf-8")

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        files.write_atomic(target, b"new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]  # no temporary file left


def test_progress_bar_only_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        bar = ProgressBar(stream)
        for phase in ("reading", "aligning"):
            for done in range(1, 51):
                bar(phase, done, 50)
        bar.close()
    shown = terminal.getvalue()
    assert "\rreading  [" in shown and "\raligning [" in shown
    assert "50/50 notes" in shown and shown.endswith("\n")
    assert pipe.getvalue() == ""
    small = Terminal()
    ProgressBar(small)("reading", 1, 3)  # a few notes: no bar
    assert small.getvalue() == ""
