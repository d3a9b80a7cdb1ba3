"""Translation integrity: what an AI translation must not change."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from sphinx_ext.integrity import Kind, block_kind, check
from tests.conftest import DOCS, Build, copy_root, soup, warnings_of


@pytest.mark.parametrize(
    ("msgid", "msgstr", "kind", "detail"),
    [
        (
            "See [the paper](https://arxiv.org/abs/1512.03385).",
            "Siehe [das Paper](https://arxiv.org/abs/1512.03386).",
            Kind.LINKS,
            "'https://arxiv.org/abs/1512.03385' missing; 'https://arxiv.org/abs/1512.03386' added",
        ),
        ("See [docs](https://a.org/).", "Siehe die Doku.", Kind.LINKS, "missing"),
        ("Read https://a.org/x now.", "Lies https://b.org/x jetzt.", Kind.LINKS, "b.org"),
        ("See {ref}`setup`.", "Siehe {ref}`einrichtung`.", Kind.LINKS, "{ref}`einrichtung`"),
        ("Run `make html`.", "Führe `make htm` aus.", Kind.CODE, "'make html' missing"),
        ("Run `make html`.", "Führe make html aus.", Kind.CODE, "missing"),
        ("Plain text.", "Klartext <script>alert(1)</script>.", Kind.HTML, "'<script>'"),
        ("Text.", 'Text <img src="x" onerror="alert(1)">.', Kind.HTML, "<img"),
        ("Energy $E = mc^2$.", "Energie $E = mc^3$.", Kind.MATH, "'E = mc^2' missing"),
        ("Energy {math}`E`.", "Energie E.", Kind.MATH, "missing"),
        ("Hello {{ name }}.", "Hallo {{ nom }}.", Kind.SUBSTITUTIONS, "'name' missing"),
        ("A paragraph.", "- Eine Liste", Kind.STRUCTURE, "the translation as a list"),
        ("A paragraph.", "# Eine Überschrift", Kind.STRUCTURE, "as a heading"),
        ("A paragraph.", "```\ncode", Kind.STRUCTURE, "unclosed ``` fence"),
        ("A paragraph.", "Ein Absatz.\n\nNoch einer.", Kind.STRUCTURE, "2 blocks"),
        (
            "He discussed the gap.",
            "Er sprach über die Kluft. 他讨论了图像理解与生成之间的差距。",
            Kind.SCRIPT,
            "in Han script",
        ),
        (
            "He discussed the gap.",
            "Er sprach über die Kluft. 彼は画像理解と生成のギャップについて話した。",
            Kind.SCRIPT,
            "script",
        ),
        (
            "He discussed the gap.",
            "Er sprach über die Kluft. ناقش الفجوة بين فهم الصور وتوليدها",
            Kind.SCRIPT,
            "in Arabic script",
        ),
        (
            "He discussed the gap.",
            "Er sprach über die Kluft. Он обсуждал разрыв между пониманием",
            Kind.SCRIPT,
            "in Cyrillic script",
        ),
    ],
)
def test_each_kind_of_mismatch(msgid: str, msgstr: str, kind: Kind, detail: str) -> None:
    found = check(msgid, msgstr, "de")
    assert [m.kind for m in found] == [kind], found
    assert detail in str(found[0])


@pytest.mark.parametrize(
    ("msgid", "msgstr", "language"),
    [
        ("Run `make html` at https://a.org/.", "Führe `make html` auf https://a.org/ aus.", "de"),
        (
            "Links: [a](https://a.org/) [b](https://b.org/)",
            "[b](https://b.org/) [a](https://a.org/)",
            "de",
        ),
        ("He met Zhang (张祥雨).", "Er traf Zhang (张祥雨).", "de"),
        ("He met Zhang.", "Er traf Zhang (张祥雨).", "de"),  # a name, not a passage
        ("He discussed the gap.", "他讨论了图像理解与生成之间的差距。", "zh_CN"),
        ("He discussed the gap.", "Он обсуждал разрыв между пониманием и генерацией.", "ru"),
        ("**Bold lead-in**:", "**Fette Einleitung**:", "de"),
        ("Same", "Same", "de"),
    ],
)
def test_faithful_translations_pass(msgid: str, msgstr: str, language: str) -> None:
    assert check(msgid, msgstr, language) == []


def test_the_seed_catalog_passes_cleanly() -> None:
    path = DOCS / "locale/de/LC_MESSAGES/notes/xiangyu-zhang.po"
    with path.open("rb") as f:
        messages = [m for m in read_po(f) if m.id]
    assert len(messages) == 31
    assert {
        m.id: check(m.id, m.string, "de") for m in messages if check(m.id, m.string, "de")
    } == {}


def test_block_kind() -> None:
    assert block_kind("plain words") == "a paragraph"
    assert block_kind("1. one\n2. two") == "a list"
    assert block_kind("> quoted") == "a block quote"


def _changed_link(srcdir: Path) -> None:
    po = srcdir / "locale/de/LC_MESSAGES/notes/generated.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(
        text.replace("Link](https://example.org/)", "Link](https://evil.example/)"), "utf-8"
    )


def test_refused_translation_shows_the_original_and_counts_as_untranslated(
    build: Build, tmp_path: Path
) -> None:
    srcdir = copy_root("notes", tmp_path / "src")
    _changed_link(srcdir)
    app = build("notes", "de", srcdir=srcdir)
    assert "the original is shown. Fix the msgstr [ainotes.integrity]" in warnings_of(app)
    page = soup(app, "notes/generated")
    links = [a["href"] for a in page.select("article section > section p a.external")]
    assert links == ["https://example.org/"]
    paragraph = page.select_one('article a[href="https://example.org/"]').parent  # type: ignore[union-attr]
    assert paragraph.get_text().startswith("A paragraph with")  # the original, in English
    assert paragraph["lang"] == "en"
    assert app.env.get_doctree("notes/generated")["translation_progress"] == {
        "total": 6,
        "translated": 5,
    }
    notice = page.select_one(".ainotes-notice")
    assert notice is not None and "ainotes-notice-partial" in notice["class"]
    assert "5 von 6" in notice.get_text()


def test_warn_only_mode_uses_the_translation(build: Build, tmp_path: Path) -> None:
    srcdir = copy_root("notes", tmp_path / "src")
    _changed_link(srcdir)
    app = build("notes", "de", srcdir=srcdir, ainotes_integrity="warn")
    assert "it is used anyway (ainotes_integrity = 'warn')" in warnings_of(app)
    page = soup(app, "notes/generated")
    assert page.select_one('article a[href="https://evil.example/"]') is not None
    assert app.env.get_doctree("notes/generated")["translation_progress"]["translated"] == 6


def test_other_languages_count_what_their_catalog_offers(build: Build, tmp_path: Path) -> None:
    """Only the German build checks German translations (and warns); English trusts the catalog."""
    srcdir = copy_root("notes", tmp_path / "src")
    _changed_link(srcdir)
    from sphinx_ext.collector import records

    app = build("notes", "en", srcdir=srcdir)
    assert "ainotes.integrity" not in warnings_of(app)
    progress = records(app.env)["notes/generated"].translations["de"].progress
    assert (progress.total, progress.translated, progress.rejected) == (6, 6, 0)
