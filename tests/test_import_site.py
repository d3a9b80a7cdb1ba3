"""``import-jekyll`` end to end: the seed round trip, messy translations, a clean build."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinx_ext import cli
from tests.conftest import DOCS, SEEDS, TESTS, Build, copy_root, soup, warnings_of

SITE = TESTS / "data" / "jekyll" / "site"
NOTE = "notes/xiangyu-zhang"
HAND_MADE = "locale/de/LC_MESSAGES/notes/xiangyu-zhang.po"
CSV = "notes/csv-in-python"


def import_jekyll(src: Path, docs: Path) -> dict[str, Any]:
    """Run the command; return its JSON report."""
    report = docs.parent / "report.json"
    status = cli.main(["import-jekyll", str(src), "--docs", str(docs), "--report", str(report)])
    assert status == 0
    result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return result


def translations(path: Path) -> dict[str, str]:
    with path.open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id}


def article_text(page: BeautifulSoup) -> str:
    article = page.select_one("article")
    assert article is not None
    return " ".join(article.get_text(" ").split())


def seed_tree(root: Path) -> Path:
    """The seed note as a Jekyll blog has it: ``###`` headings, a post per language."""
    english = (DOCS / "notes/xiangyu-zhang.md").read_text(encoding="utf-8")
    posts = root / "_posts"
    (posts / "en").mkdir(parents=True)
    (posts / "de").mkdir()
    real_post = re.sub(r"^## ", "### ", english, flags=re.MULTILINE)
    (posts / "en/2025-09-09-xiangyu-zhang-en.md").write_text(real_post, encoding="utf-8")
    german = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    (posts / "de/2025-09-09-xiangyu-zhang-de.md").write_text(german, encoding="utf-8")
    return root


def by_slug(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {note["slug"]: note["languages"][0] for note in report["notes"] if note["languages"]}


# -- the seed round trip ------------------------------------------------------


def test_seed_round_trip_reproduces_the_german_page(build: Build, tmp_path: Path) -> None:
    docs = copy_root("docs", tmp_path / "imported" / "docs")
    (docs / HAND_MADE).unlink()
    (docs / f"{NOTE}.md").unlink()
    report = import_jekyll(seed_tree(tmp_path / "blog"), docs)

    # the note: the front matter as written, the date from the file name, headings at ##
    original = (DOCS / f"{NOTE}.md").read_text(encoding="utf-8")
    imported = (docs / f"{NOTE}.md").read_text(encoding="utf-8")
    assert imported == original.replace("type: note\n", "type: note\ndate: 2025-09-09\n", 1)
    # the catalog: every message and translation of the hand-made one, and its header
    assert translations(docs / HAND_MADE) == translations(DOCS / HAND_MADE)
    assert '"X-AI-Translated: yes\\n"' in (docs / HAND_MADE).read_text(encoding="utf-8")
    (note,) = report["notes"]
    assert (note["languages"][0]["messages"], note["languages"][0]["translated"]) == (31, 31)

    german = build("docs", "de", srcdir=docs)
    german.cleanup()
    reference = build("docs", "de", srcdir=copy_root("docs", tmp_path / "reference"))
    reference.cleanup()
    assert warnings_of(german) == ""
    assert article_text(soup(german, NOTE)) == article_text(soup(reference, NOTE))
    progress = german.env.get_doctree(NOTE)["translation_progress"]
    assert progress == {"total": 31, "translated": 31}


def test_fuzzy_entries_are_counted_as_the_build_shows_them(build: Build, tmp_path: Path) -> None:
    docs = copy_root("docs", tmp_path / "docs")
    blog = tmp_path / "blog"
    for language in ("en", "de"):
        post = next(SITE.glob(f"_posts/{language}/*-csv-in-python-{language}.md"))
        (blog / "_posts" / language).mkdir(parents=True)
        (blog / "_posts" / language / post.name).write_text(post.read_text("utf-8"), "utf-8")
    import_jekyll(blog, docs)
    # a translator's tool (sphinx-intl update) marks two entries as needing review
    po = docs / "locale/de/LC_MESSAGES/notes/csv-in-python.po"
    text = po.read_text(encoding="utf-8")
    for msgid in ('"A minimal example"', '"When to use pandas"'):
        text = text.replace(f"msgid {msgid}", f"#, fuzzy\nmsgid {msgid}")
    po.write_text(text, encoding="utf-8")

    german = by_slug(import_jekyll(blog, docs))["csv-in-python"]
    assert (german["status"], german["translated"], german["untranslated"]) == ("unchanged", 5, 2)
    assert [(p["text"], p["reason"][:5]) for p in german["untranslated_messages"]] == [
        ("A minimal example", "fuzzy"),
        ("When to use pandas", "fuzzy"),
    ]
    # without a German post the catalog is left alone and counted the same way
    next(blog.glob("_posts/de/*.md")).unlink()
    alone = by_slug(import_jekyll(blog, docs))["csv-in-python"]
    assert (alone["status"], alone["translated"]) == ("no de post, catalog left as it is", 5)

    progress = build("docs", "de", srcdir=docs).env.get_doctree(CSV)["translation_progress"]
    assert progress == {"total": german["messages"], "translated": german["translated"]}


# -- messy translations: a synthetic blog -------------------------------------


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    docs = copy_root("docs", tmp_path_factory.mktemp("synthetic") / "docs")
    return docs, import_jekyll(SITE, docs)


def test_added_remarks_are_dropped_and_reported(synthetic: tuple[Path, dict[str, Any]]) -> None:
    docs, report = synthetic
    csv = by_slug(report)["csv-in-python"]
    assert (csv["messages"], csv["translated"]) == (7, 7)
    assert [p["text"][:20] for p in csv["extra_dropped"]] == [
        "(Der Code wurde nich",
        "Hinweis: Diese Übers",
    ]
    catalog = translations(docs / "locale/de/LC_MESSAGES/notes/csv-in-python.po")
    assert catalog["Reading a CSV file in Python"] == "Eine CSV-Datei in Python lesen"
    # the remark after the code block is in no msgstr: the next paragraph pairs with its own
    each_row = next(v for k, v in catalog.items() if k.startswith("Each row"))
    assert each_row.startswith("Jede Zeile ist eine Liste")
    assert not any("Der Code wurde" in v for v in catalog.values())


def test_dropped_sentences_and_paragraphs_stay_untranslated(
    synthetic: tuple[Path, dict[str, Any]],
) -> None:
    _docs, report = synthetic
    reviews = by_slug(report)["careful-reviews"]
    assert (reviews["messages"], reviews["translated"], reviews["untranslated"]) == (8, 6, 2)
    assert [p["text"][:18] for p in reviews["untranslated_messages"]] == [
        "Reviewers who skip",  # dropped paragraph
        "Check out the bran",  # its translation dropped two sentences
    ]
    assert [p["text"][:16] for p in reviews["incomplete"]] == ["Checken Sie den "]
    assert reviews["extra_dropped"] == []


def test_other_script_paragraphs_are_reported_not_imported(
    synthetic: tuple[Path, dict[str, Any]],
) -> None:
    docs, report = synthetic
    tokens = by_slug(report)["tokenizers"]
    assert (tokens["messages"], tokens["translated"]) == (7, 6)
    assert [p["text"][:4] for p in tokens["wrong_script"]] == ["BPE ", "这是模型"]
    assert [p["text"][:10] for p in tokens["untranslated_messages"]] == ["BPE starts"]
    catalog = translations(docs / "locale/de/LC_MESSAGES/notes/tokenizers.po")
    assert not any(re.search("[\u4e00-\u9fff]", value) for value in catalog.values())


def test_reordered_list_items_pair_by_their_code(synthetic: tuple[Path, dict[str, Any]]) -> None:
    docs, report = synthetic
    git = by_slug(report)["git-commands"]
    assert (git["messages"], git["translated"]) == (6, 6)
    assert [p["text"][:17] for p in git["reordered"]] == ["git log --oneline"]
    catalog = translations(docs / "locale/de/LC_MESSAGES/notes/git-commands.po")
    for msgid, msgstr in catalog.items():
        if msgid.startswith("`git"):
            assert msgstr.split("`")[1] == msgid.split("`")[1]  # each item with its own command


def test_tables_and_code_blocks(synthetic: tuple[Path, dict[str, Any]]) -> None:
    docs, report = synthetic
    frameworks = by_slug(report)["web-frameworks"]
    assert (frameworks["messages"], frameworks["translated"]) == (16, 16)
    assert frameworks["extra_dropped"] == []  # the code block's added comment: still a pair
    catalog = translations(docs / "locale/de/LC_MESSAGES/notes/web-frameworks.po")
    assert catalog["Good for"] == "Geeignet für"
    assert catalog["Small services"] == "Kleine Dienste"
    assert catalog["2010"] == "2010"


def test_chinese_original_behind_english_and_german(
    synthetic: tuple[Path, dict[str, Any]],
) -> None:
    docs, report = synthetic
    attention = by_slug(report)["attention"]
    assert (attention["messages"], attention["translated"]) == (4, 4)
    # the English source keeps its own flag; the German catalog says it is AI-translated
    assert "translated: true" in (docs / "notes/attention.md").read_text(encoding="utf-8")
    po = (docs / "locale/de/LC_MESSAGES/notes/attention.po").read_text(encoding="utf-8")
    assert '"X-AI-Translated: yes\\n"' in po
    # the Chinese post is no site language: it is not imported, and the report says so
    assert not list(docs.glob("locale/zh*"))
    assert report["other_languages"] == {"zh": 1}


# -- the build after an import ------------------------------------------------


@pytest.fixture(scope="module")
def synthetic_builds(
    synthetic: tuple[Path, dict[str, Any]],
) -> Iterator[dict[str, SphinxTestApp]]:
    docs, _report = synthetic
    apps = {}
    for language in ("en", "de"):
        app = SphinxTestApp(
            "html",
            srcdir=docs,
            builddir=docs.parent / f"build-{language}",  # its own pages and doctrees
            confoverrides={"language": language},
        )
        try:
            app.build()
        finally:
            app.cleanup()  # Sphinx's translators are global: one language at a time
        apps[language] = app
    yield apps


@pytest.mark.parametrize("language", ["en", "de"])
def test_build_has_no_warnings_but_the_extensions(
    synthetic_builds: dict[str, SphinxTestApp], language: str
) -> None:
    warnings = [line for line in warnings_of(synthetic_builds[language]).splitlines() if line]
    assert [line for line in warnings if "[ainotes." not in line] == []


def test_translation_progress_matches_the_report(
    synthetic: tuple[Path, dict[str, Any]], synthetic_builds: dict[str, SphinxTestApp]
) -> None:
    _docs, report = synthetic
    german = synthetic_builds["de"]
    for slug, counts in by_slug(report).items():
        progress = german.env.get_doctree(f"notes/{slug}")["translation_progress"]
        assert progress == {"total": counts["messages"], "translated": counts["translated"]}, slug


def test_german_page_says_what_is_missing(synthetic_builds: dict[str, SphinxTestApp]) -> None:
    page = soup(synthetic_builds["de"], "notes/careful-reviews")
    notice = page.select_one(".ainotes-notice-partial")
    assert notice is not None
    assert re.search(r"\b6\b.*\b8\b", notice.get_text(" "))
    # the untranslated paragraphs are there, in English and marked as such
    english = [p.get_text() for p in page.select('article p[lang="en"]')]
    assert any(text.startswith("Reviewers who skip it") for text in english)


@pytest.mark.parametrize(
    ("language", "label"),
    [("en", "Generated and translated by AI"), ("de", "Von KI erstellt und übersetzt")],
)
def test_a_translated_source_says_so(
    synthetic_builds: dict[str, SphinxTestApp], language: str, label: str
) -> None:
    page = soup(synthetic_builds[language], "notes/attention")
    found = page.select_one("article p.ainotes-label")
    assert found is not None and found.get_text(strip=True) == label
