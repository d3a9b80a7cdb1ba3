"""JSON-LD and the ai-provenance meta tag: parsed back, in every language."""

from __future__ import annotations

import json
from typing import Any

import pytest
from bs4 import BeautifulSoup

from sphinx_ext.html import META_NAME, TRAINED_ALGORITHMIC_MEDIA, json_for_script
from tests.conftest import Build, soup

BASE = "https://notes.example.org/{lang}/"


def jsonld(page: BeautifulSoup) -> dict[str, Any]:
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    data: dict[str, Any] = json.loads(scripts[0].string or "")
    return data


def meta(page: BeautifulSoup) -> str:
    tag = page.select_one(f'meta[name="{META_NAME}"]')
    assert tag is not None
    return str(tag["content"])


def test_original_article(build: Build) -> None:
    page = soup(build("notes", "en", ainotes_base_url=BASE), "notes/generated")
    assert jsonld(page) == {
        "@context": "https://schema.org",
        "@type": "Article",
        "@id": "https://notes.example.org/en/notes/generated.html",
        "headline": "Generated note",
        "inLanguage": "en",
        "dateCreated": "2025-09-09",
        "digitalSourceType": TRAINED_ALGORITHMIC_MEDIA,
        "creator": {"@type": "SoftwareApplication", "name": "openai/gpt-5"},
        "workTranslation": [
            {
                "@type": "Article",
                "@id": "https://notes.example.org/de/notes/generated.html",
                "inLanguage": "de",
            }
        ],
    }
    assert meta(page) == (
        "generated=yes; translated=no; model=openai/gpt-5; language=en; original-language=en"
    )


def test_translation_article(build: Build) -> None:
    page = soup(build("notes", "de", ainotes_base_url=BASE), "notes/generated")
    data = jsonld(page)
    assert data["headline"] == "Erzeugte Notiz"
    assert data["inLanguage"] == "de"
    assert data["translationOfWork"] == {
        "@type": "Article",
        "@id": "https://notes.example.org/en/notes/generated.html",
        "inLanguage": "en",
    }
    assert "workTranslation" not in data
    assert meta(page).startswith("generated=yes; translated=yes;")


def test_human_note_translated_by_ai_is_marked_in_the_translation_only(build: Build) -> None:
    english = soup(build("notes", "en"), "notes/default-ai")
    assert "digitalSourceType" not in jsonld(english)
    assert meta(english).startswith("generated=no; translated=no")
    german = soup(build("notes", "de"), "notes/default-ai")
    assert jsonld(german)["digitalSourceType"] == TRAINED_ALGORITHMIC_MEDIA
    assert meta(german).startswith("generated=no; translated=yes")


def test_untranslated_page_is_not_called_a_translation(build: Build) -> None:
    data = jsonld(soup(build("notes", "de"), "notes/untranslated"))
    assert "translationOfWork" not in data
    assert data["@id"] == "untranslated.html"  # relative without a base URL


def test_pages_that_are_not_notes_carry_no_ai_labels(build: Build) -> None:
    page = soup(build("notes", "en"), "index")
    assert page.select('script[type="application/ld+json"]') == []
    assert page.select_one(f'meta[name="{META_NAME}"]') is None


@pytest.mark.parametrize(
    "value",
    [
        "</script><script>alert(1)</script>",
        "<!-- x --> & \u2028 \u2029 \"quoted\" 'single'",
        "javascript:alert(1)",
    ],
)
def test_json_for_script_cannot_break_out(value: str) -> None:
    text = json_for_script({"headline": value})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"headline": value}
