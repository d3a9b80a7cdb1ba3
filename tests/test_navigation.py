"""Language switcher, hreflang links and the site root."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup

from sphinx_ext import site
from tests.conftest import DOCS, Build, soup, warnings_of

BASE = "https://notes.example.org/site/{lang}/"


def test_switcher_on_every_page(build: Build) -> None:
    app = build("notes", "de")
    for docname in ("index", "notes/generated", "notes/deep/nested", "genindex", "search"):
        page = soup(app, docname)
        nav = page.select_one("nav.ainotes-languages")
        assert nav is not None, docname
        assert nav["aria-label"] == "Sprachen"
        links = nav.select("a")
        assert [a.get_text() for a in links] == ["English", "Deutsch"]
        assert [a["hreflang"] for a in links] == ["en", "de"]
        assert [a["lang"] for a in links] == ["en", "de"]
        current = [a["data-ainotes-language"] for a in links if a.get("aria-current") == "page"]
        assert current == ["de"]


def test_switcher_links_the_same_page(build: Build) -> None:
    app = build("notes", "en")
    nav = soup(app, "notes/deep/nested").select_one("nav.ainotes-languages")
    assert nav is not None
    assert [a["href"] for a in nav.select("a")] == [
        "nested.html",
        "../../../de/notes/deep/nested.html",
    ]


def test_switcher_sits_under_the_search_box(build: Build) -> None:
    page = soup(build("notes", "en"), "index")
    sidebar = page.select_one(".sidebar-sticky")
    assert sidebar is not None
    order = [
        child.get("class", [None])[0]
        for child in sidebar.find_all(recursive=False)
        if child.name in ("form", "nav", "div")
    ]
    assert order.index("sidebar-search-container") < order.index("ainotes-languages")


def test_switcher_can_be_turned_off(build: Build) -> None:
    page = soup(build("notes", "en", ainotes_switcher=False), "index")
    assert page.select_one("nav.ainotes-languages") is None


def test_switcher_script_remembers_the_choice(build: Build) -> None:
    app = build("notes", "en")
    page = soup(app, "index")
    assert page.select_one('script[src*="ainotes.js"]') is not None
    script = (app.outdir / "_static" / "ainotes.js").read_text(encoding="utf-8")
    assert f'localStorage.setItem("{site.STORAGE_KEY}"' in script


def _alternates(page: BeautifulSoup) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"]')}


def test_hreflang_only_for_languages_the_page_exists_in(build: Build) -> None:
    app = build("notes", "de", ainotes_base_url=BASE)
    assert warnings_of(app) == ""
    assert _alternates(soup(app, "notes/generated")) == {
        "en": "https://notes.example.org/site/en/notes/generated.html",
        "de": "https://notes.example.org/site/de/notes/generated.html",
        "x-default": "https://notes.example.org/site/en/notes/generated.html",
    }
    # nothing translated: the page exists in English only
    assert _alternates(soup(app, "notes/untranslated")) == {
        "en": "https://notes.example.org/site/en/notes/untranslated.html",
        "x-default": "https://notes.example.org/site/en/notes/untranslated.html",
    }
    # written in German: x-default is the German original
    assert _alternates(soup(app, "notes/deutsch"))["x-default"] == (
        "https://notes.example.org/site/de/notes/deutsch.html"
    )
    canonical = soup(app, "notes/generated").select_one('link[rel="canonical"]')
    assert canonical is not None
    assert canonical["href"] == "https://notes.example.org/site/de/notes/generated.html"


def test_no_hreflang_without_base_url(build: Build) -> None:
    app = build("notes", "de")
    assert _alternates(soup(app, "notes/generated")) == {}
    assert warnings_of(app) == ""


def test_relative_links_follow_the_base_url_layout(build: Build) -> None:
    # Read the Docs: /<lang>/<version>/
    app = build("notes", "de", ainotes_base_url="https://p.readthedocs.io/{lang}/latest/")
    link = soup(app, "notes/generated").select_one("a.ainotes-original")
    assert link is not None and link["href"] == "../../../en/latest/notes/generated.html"


def test_languages_on_their_own_hosts_get_absolute_links(build: Build) -> None:
    app = build("notes", "de", ainotes_base_url="https://{lang}.notes.example.org/")
    page = soup(app, "notes/partial")
    link = page.select_one("a.ainotes-original")
    assert link is not None and link["href"] == "https://en.notes.example.org/notes/partial.html"
    nav = page.select_one("nav.ainotes-languages")
    assert nav is not None
    assert [a["href"] for a in nav.select("a")] == [
        "https://en.notes.example.org/notes/partial.html",
        "partial.html",
    ]


def test_read_the_docs_slug_placeholder(build: Build) -> None:
    app = build(
        "notes",
        "de",
        ainotes_languages=["en", "de", "zh_CN"],
        ainotes_base_url="https://p.readthedocs.io/{slug}/latest/",
    )
    nav = soup(app, "notes/partial").select_one("nav.ainotes-languages")
    assert nav is not None
    assert nav.select("a")[2]["href"] == "../../../zh-cn/latest/notes/partial.html"


def test_root_index_lists_languages_and_redirects() -> None:
    html = site.root_index(["en", "de"], "AI Notes")
    page = BeautifulSoup(html, "html.parser")
    links = page.select("li a")
    assert [(a["href"], a.get_text(), a["lang"]) for a in links] == [
        ("en/index.html", "English", "en"),
        ("de/index.html", "Deutsch", "de"),
    ]
    script = page.select_one("script")
    assert script is not None
    keys = json.loads(re.search(r"var keys = (\{.*?\})", script.string or "")[1])  # type: ignore[index]
    assert keys == {"de": "de", "en": "en"}
    assert 'fallback = "en"' in (script.string or "")


def test_root_index_matches_regional_and_script_tags() -> None:
    html = site.root_index(["en", "zh_CN", "zh_TW"], "Notes")
    keys = json.loads(re.search(r"var keys = (\{.*?\})", html)[1])  # type: ignore[index]
    assert keys["zh-tw"] == "zh_TW"
    assert keys["zh-cn"] == "zh_CN"
    assert keys["zh"] == "zh_CN"


def test_root_index_for_the_docs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    target = site.write_root(DOCS, tmp_path)
    assert (tmp_path / ".nojekyll").is_file()
    page = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in page.select("li a")] == ["en/index.html", "de/index.html"]
