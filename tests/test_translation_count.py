"""Sphinx's own translation count is right once front matter is out of it."""

from __future__ import annotations

from pathlib import Path

from sphinx.util.parallel import parallel_available

from tests.conftest import Build, soup, warnings_of


def test_front_matter_is_not_counted(build: Build) -> None:
    app = build("notes", "de", translation_progress_classes=True)
    doctree = app.env.get_doctree("notes/generated")
    # 6 messages in the .pot; the 11 front-matter fields would add 21 untranslated nodes
    assert doctree["translation_progress"] == {"total": 6, "translated": 6}
    article = soup(app, "notes/generated").select_one("article")
    assert article is not None
    assert article.select(".untranslated") == []
    assert len(article.select(".translated")) == 6


def test_partial_page_counts_only_its_text(build: Build) -> None:
    app = build("notes", "de", translation_progress_classes=True)
    assert app.env.get_doctree("notes/partial")["translation_progress"] == {
        "total": 4,
        "translated": 2,
    }
    article = soup(app, "notes/partial").select_one("article")
    assert article is not None
    untranslated = [n.get_text(strip=True) for n in article.select("p.untranslated")]
    assert untranslated == ["The second passage is not.", "The third passage is not either."]


def test_translated_image_alt_counts_as_translated(build: Build) -> None:
    """Sphinx translates an alt text but leaves the image marked untranslated."""
    app = build("notes", "de", translation_progress_classes=True)
    assert warnings_of(app) == ""
    assert app.env.get_doctree("notes/pictured")["translation_progress"] == {
        "total": 4,
        "translated": 4,
    }
    image = soup(app, "notes/pictured").select_one("article img")
    assert image is not None
    assert image["alt"] == "Ein rotes Fahrrad"
    assert image.get("lang") is None
    assert "untranslated" not in image.get("class", [])


def test_translated_toctree_caption_counts_as_translated(build: Build) -> None:
    app = build("docs", "de")
    assert app.env.get_doctree("index")["translation_progress"] == {"total": 4, "translated": 4}


def test_parallel_read_merges_records(build: Build) -> None:
    serial = build("notes", "de")
    parallel = build("notes", "de", parallel=2)
    # Sphinx forks readers only when every extension says it is safe
    assert parallel_available and parallel.is_parallel_allowed("read")
    assert parallel.is_parallel_allowed("write")
    assert (
        parallel.env.domains["ainotes"].data["records"]
        == serial.env.domains["ainotes"].data["records"]
    )
    for docname in serial.env.found_docs:
        assert str(soup(parallel, docname).select_one("article")) == str(
            soup(serial, docname).select_one("article")
        )


def test_translated_doctree_is_not_bloated_by_msgstr_documents(build: Build) -> None:
    """Translated nodes belong to the page, not to the tiny documents msgstrs were parsed in."""
    english, german = build("docs", "en"), build("docs", "de")
    note = "notes/xiangyu-zhang"
    doctree = german.env.get_doctree(note)
    assert {id(node.document) for node in doctree.findall()} == {id(doctree)}
    size = {
        app.config.language: (Path(app.doctreedir) / f"{note}.doctree").stat().st_size
        for app in (english, german)
    }
    assert size["de"] < 1.5 * size["en"], size


def test_other_languages_are_counted_as_their_own_build_counts(build: Build) -> None:
    """The English build's German counts (the dashboard's) match the German build's."""
    from sphinx_ext.collector import records

    english = records(build("notes", "en").env)
    german = records(build("notes", "de").env)
    counted = {
        d: r.translations["de"].progress for d, r in german.items() if "de" in r.translations
    }
    assert len(counted) > 10
    assert {d: english[d].translations["de"].progress for d in counted} == counted
