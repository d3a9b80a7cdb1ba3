"""Front-matter values reach the label, meta tags, JSON-LD and listings as text, never markup."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

from sphinx_ext.html import META_NAME
from tests.conftest import Build, soup, warnings_of

TITLE = "</script><script>alert('title')</script> \"q\" 'q' javascript:alert(1)"
MODEL = "<img src=x onerror=alert('model')>\"'; javascript:alert(1)"


@pytest.fixture(params=["en", "de"])
def app(build: Build, request: pytest.FixtureRequest) -> SphinxTestApp:
    return build("hostile", request.param)


def _executable_scripts(page: BeautifulSoup) -> list[str]:
    return [
        script.get_text()
        for script in page.select("script")
        if not script.get("src") and script.get("type") != "application/ld+json"
    ]


def test_hostile_values_are_warned_about(app: SphinxTestApp) -> None:
    warnings = warnings_of(app)
    assert "front matter 'date' is \"<script>alert('date')</script>\"" in warnings
    assert "front matter 'title' contains HTML; it is shown as text" in warnings


def test_no_element_or_script_is_injected(app: SphinxTestApp) -> None:
    page = soup(app, "notes/hostile")
    assert page.select("img") == []
    assert all("alert" not in script for script in _executable_scripts(page))
    assert [s["type"] for s in page.select("script:not([src])") if s.get("type")] == [
        "application/ld+json"
    ]
    # the values are there, as text
    h1 = page.select_one("article h1")
    assert h1 is not None and h1.get_text().rstrip("¶") == TITLE
    label = page.select_one("p.ainotes-label")
    assert label is not None
    assert label.get_text().endswith(f"({MODEL})")
    assert label.find_all(True) == []  # text only, no child elements


def test_meta_and_json_ld_carry_the_values_escaped(app: SphinxTestApp) -> None:
    page = soup(app, "notes/hostile")
    meta = page.select_one(f'meta[name="{META_NAME}"]')
    assert meta is not None
    # ";" separates the fields, so the model's own ";" becomes ","
    assert f"model={MODEL.replace(';', ',')};" in str(meta["content"])
    (script,) = page.select('script[type="application/ld+json"]')
    raw = script.get_text()
    assert "</" not in raw and "<script" not in raw
    data = json.loads(raw)
    assert data["headline"] == TITLE
    assert data["creator"]["name"] == MODEL
    assert "dateCreated" not in data  # the date was not a date
    title = page.select_one("title")
    assert title is not None and "<script>" not in str(title).replace("&lt;script&gt;", "")


def test_listing_shows_the_title_as_text(app: SphinxTestApp) -> None:
    page = soup(app, "index")
    entry = page.select_one("ul.ainotes-index li")
    assert entry is not None
    link = entry.select_one("a")
    assert link is not None and link.get_text() == TITLE
    assert entry.select("img") == [] and entry.select("script") == []
