"""``make update-po``: sphinx-intl per language, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

from sphinx_ext import catalogs, cli
from sphinx_ext.workflow import MANIFEST
from tests.conftest import Build, copy_root


def _gettext(build: Build, srcdir: Path) -> Path:
    app = build("notes", "en", "gettext", srcdir=srcdir)
    return Path(app.outdir)


def test_manifest_names_each_template_source_language(build: Build, tmp_path: Path) -> None:
    pot_dir = _gettext(build, copy_root("notes", tmp_path / "src"))
    sources = json.loads((pot_dir / MANIFEST).read_text(encoding="utf-8"))
    assert sources["notes/deutsch"] == "de"
    assert sources["notes/generated"] == "en"
    assert sources["index"] == "en"


def test_update_po_keeps_translations_and_marks_changes_fuzzy(build: Build, tmp_path: Path) -> None:
    srcdir = copy_root("notes", tmp_path / "src")
    locale = srcdir / "locale"
    generated = locale / "de/LC_MESSAGES/notes/generated.po"
    before = catalogs.load(generated)
    assert before.ai_translated is True

    # the author rewrites one paragraph and adds one
    note = srcdir / "notes/generated.md"
    text = note.read_text(encoding="utf-8")
    note.write_text(
        text.replace(
            "The first paragraph of the generated note.",
            "The first paragraph of the generated note, revised.",
        )
        + "\n\nA brand-new paragraph.\n",
        encoding="utf-8",
    )
    pot_dir = _gettext(build, srcdir)
    assert cli.main(["update-po", str(srcdir), str(pot_dir)]) == 0

    after = catalogs.load(generated)
    # the custom header survives sphinx-intl's rewrite
    assert after.ai_translated is True
    # every translation of an unchanged message is kept, word for word
    for msgid, (string, fuzzy, _line) in before.entries.items():
        if msgid != "The first paragraph of the generated note.":
            assert after.entries[msgid][:2] == (string, fuzzy)
    # the changed one keeps its old translation, marked fuzzy for a translator to confirm
    revised, fuzzy, _line = after.entries["The first paragraph of the generated note, revised."]
    assert fuzzy
    assert revised == "Der erste Absatz der erzeugten Notiz."
    # the new one is there, empty
    assert after.entries["A brand-new paragraph."][0] == ""

    # a German note gets an English catalog and no German one; English pages no English one
    assert (locale / "en/LC_MESSAGES/notes/deutsch.po").is_file()
    assert not (locale / "de/LC_MESSAGES/notes/deutsch.po").exists()
    assert sorted(p.name for p in (locale / "en").rglob("*.po")) == ["deutsch.po"]
    # the page nobody translated yet now has its catalog
    assert (locale / "de/LC_MESSAGES/notes/untranslated.po").is_file()


def test_update_po_twice_changes_nothing(build: Build, tmp_path: Path) -> None:
    srcdir = copy_root("notes", tmp_path / "src")
    pot_dir = _gettext(build, srcdir)
    cli.main(["update-po", str(srcdir), str(pot_dir)])
    snapshot = {p: p.read_bytes() for p in (srcdir / "locale").rglob("*.po")}
    cli.main(["update-po", str(srcdir), str(pot_dir)])
    assert {p: p.read_bytes() for p in (srcdir / "locale").rglob("*.po")} == snapshot
