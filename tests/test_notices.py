"""The translation notice: one per non-original state, localized, linking the original."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp

from tests.conftest import Build, soup, warnings_of


def notice(page: BeautifulSoup) -> Tag | None:
    return page.select_one("article div.ainotes-notice")


@pytest.mark.parametrize(
    ("docname", "state", "text"),
    [
        (
            "notes/generated",
            "translated",
            "Diese Seite ist eine KI-Übersetzung des Originals auf Englisch.",
        ),
        (
            "notes/human",
            "translated",
            "Diese Seite ist eine Übersetzung des Originals auf Englisch.",
        ),
        (
            "notes/partial",
            "partial",
            "Aus dem Original auf Englisch übersetzt: 2 von 4 Abschnitten dieser Seite. "
            "Der Rest wird im Original angezeigt.",
        ),
        (
            "notes/outdated",
            "outdated",
            "Das Original wurde geändert, seit diese Seite übersetzt wurde: 1 Abschnitt wird "
            "im Original auf Englisch angezeigt, bis seine Übersetzung aktualisiert ist.",
        ),
        (
            "notes/untranslated",
            "untranslated",
            "Diese Seite ist noch nicht übersetzt. Sie wird im Original auf Englisch angezeigt.",
        ),
    ],
)
def test_each_state_in_german(build: Build, docname: str, state: str, text: str) -> None:
    app = build("notes", "de")
    found = notice(soup(app, docname))
    assert found is not None
    assert found["class"] == ["ainotes-notice", f"ainotes-notice-{state}", "no-search"]
    assert found["lang"] == "de"
    assert found["role"] == "note"
    paragraph = found.select_one("p")
    assert paragraph is not None
    assert paragraph.get_text(" ", strip=True).startswith(text)
    link = found.select_one("a.ainotes-original")
    assert link is not None
    assert link.get_text() == "Original auf Englisch lesen"
    assert link["href"] == f"../../en/{docname}.html"


def test_original_has_no_notice(build: Build) -> None:
    english = build("notes", "en")
    assert notice(soup(english, "notes/generated")) is None
    german = build("notes", "de")
    assert notice(soup(german, "notes/deutsch")) is None


def test_german_authored_note_in_english(build: Build) -> None:
    app = build("notes", "en")
    found = notice(soup(app, "notes/deutsch"))
    assert found is not None
    assert found.get_text(" ", strip=True) == (
        "This page was translated from German by AI. Read the original in German"
    )
    link = found.select_one("a")
    assert link is not None and link["href"] == "../../de/notes/deutsch.html"
    assert warnings_of(app) == ""


def test_link_works_at_any_depth(build: Build) -> None:
    app = build("notes", "de")
    link = soup(app, "notes/deep/nested").select_one("a.ainotes-original")
    assert link is not None
    assert link["href"] == "../../../en/notes/deep/nested.html"
    root = soup(app, "index").select_one("a.ainotes-original")
    assert root is not None and root["href"] == "../en/index.html"


def test_link_with_dirhtml(build: Build) -> None:
    app = build("notes", "de", "dirhtml")
    link = soup(app, "notes/deep/nested").select_one("a.ainotes-original")
    assert link is not None
    assert link["href"] == "../../../../en/notes/deep/nested/"


def test_fallback_text_keeps_its_language(build: Build) -> None:
    app = build("notes", "de")
    partial = soup(app, "notes/partial").select_one("article")
    assert partial is not None
    by_text = {p.get_text(strip=True): p.get("lang") for p in partial.select("section > p")}
    assert by_text["Der erste Abschnitt ist übersetzt."] is None  # inherits <html lang="de">
    assert by_text["The second passage is not."] == "en"
    assert by_text["The third passage is not either."] == "en"

    untranslated = soup(app, "notes/untranslated").select_one("article section")
    assert untranslated is not None and untranslated["lang"] == "en"
    label = untranslated.select_one("p.ainotes-label")
    assert label is not None and label["lang"] == "de"  # the label is in the reader's language

    outdated = soup(app, "notes/outdated").select_one("article")
    assert outdated is not None
    langs = {p.get_text(strip=True): p.get("lang") for p in outdated.select("section > p")}
    assert langs["This passage changed after it was translated."] == "en"
    assert langs["Dieser Abschnitt hat sich nicht geändert."] is None


def test_states_in_the_environment(build: Build) -> None:
    from sphinx_ext.collector import records

    app = build("notes", "de")
    found = {
        docname: r.translations["de"].state.value
        for docname, r in records(app.env).items()
        if "de" in r.translations
    }
    assert found == {
        "index": "translated",
        "listing": "untranslated",
        "notes/deep/nested": "translated",
        "notes/default-ai": "translated",
        "notes/generated": "translated",
        "notes/human": "translated",
        "notes/outdated": "outdated",
        "notes/partial": "partial",
        "notes/pictured": "translated",
        "notes/plain-page": "partial",
        "notes/relayed": "translated",
        "notes/untranslated": "untranslated",
        "status": "untranslated",
    }
    assert "de" not in records(app.env)["notes/deutsch"].translations  # written in German


def _pages_with(app: SphinxTestApp, *words: str, where: str = "terms") -> set[str]:
    """The pages Sphinx's search finds for any of ``words`` in their text (or titles)."""
    text = Path(app.outdir, "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text.removeprefix("Search.setIndex(").removesuffix(")"))
    found: set[str] = set()
    for word in words:
        hits = index[where].get(word, [])
        found.update(index["docnames"][i] for i in ([hits] if isinstance(hits, int) else hits))
    return found


def test_labels_notices_and_listings_stay_out_of_search(build: Build) -> None:
    # The model's name is in notes/generated's label only (and in the listing
    # of all notes); "KI" is in every German label and notice, but in the text
    # of notes/relayed alone. A search for them must not list every page.
    english = build("notes", "en")
    assert _pages_with(english, "openai", "gpt") == set()
    assert _pages_with(english, "list", where="titleterms") == {"listing"}
    german = build("notes", "de")
    assert _pages_with(german, "ki") == {"notes/relayed"}
    assert "notes/generated" in _pages_with(german, "absatz")  # the page's own words are there
