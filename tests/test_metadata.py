"""Front-matter parsing, as MyST hands it over: every value a string."""

from __future__ import annotations

import datetime as dt

import babel.core
import babel.localedata
import pytest

from sphinx_ext import langtags
from sphinx_ext.metadata import MAX_TITLE, NoteMeta, as_fields, parse_front_matter

SEED = {
    "audio": "False",
    "generated": "True",
    "lang": "en",
    "layout": "post",
    "title": "Xiangyu Zhang",
    "translated": "False",
    "type": "note",
}


def test_seed_front_matter() -> None:
    meta, problems = parse_front_matter(SEED)
    assert problems == []
    assert meta == NoteMeta(
        title="Xiangyu Zhang",
        lang="en",
        generated=True,
        translated=False,
        audio=False,
        type="note",
    )
    assert meta.is_note


def test_real_note_keys() -> None:
    meta, problems = parse_front_matter(
        {**SEED, "model": "openai/gpt-5", "date": "2025-09-09", "image": "False"}
    )
    assert problems == []
    assert meta.model == "openai/gpt-5"
    assert meta.date == dt.date(2025, 9, 9)
    assert meta.image is False


@pytest.mark.parametrize(
    ("key", "raw", "value"),
    [
        ("generated", "True", True),
        ("generated", "false", False),
        ("translated", "TRUE", True),
        ("audio", "False", False),
        ("lang", "de", "de"),
        ("lang", "DE", "de"),
        ("lang", "zh-hant", "zh-Hant"),
        ("lang", "zh_TW", "zh-TW"),
        ("lang", "en-US", "en-US"),
        ("date", "2025-09-09", dt.date(2025, 9, 9)),
        ("date", "2025-09-09 10:00:00 +0800", dt.date(2025, 9, 9)),
        ("date", "2025-09-09T10:00:00+08:00", dt.date(2025, 9, 9)),
        ("image", "cover.png", "cover.png"),
        ("image", "True", True),
        ("model", "  openai/gpt-5 ", "openai/gpt-5"),
        ("title", "Two\n  lines", "Two lines"),
        ("type", "note", "note"),
    ],
)
def test_valid_values(key: str, raw: str, value: object) -> None:
    meta, problems = parse_front_matter({key: raw})
    assert problems == []
    assert getattr(meta, key) == value


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        ("generated", "maybe", "true or false"),
        ("generated", "yes please", "true or false"),
        ("generated", "1", "true or false"),
        ("translated", "", "true or false"),
        ("audio", "sometimes", "true or false"),
        ("lang", "42", "language tag"),
        ("lang", "english", "language tag"),
        ("lang", "xx", "language tag"),
        ("lang", "en--US", "language tag"),
        ("lang", "", "language tag"),
        ("date", "yesterday", "ISO 8601"),
        ("date", "2025-13-40", "ISO 8601"),
        ("title", "", "non-empty"),
        ("title", "x" * (MAX_TITLE + 1), f"at most {MAX_TITLE}"),
        ("model", "   ", "non-empty"),
    ],
)
def test_invalid_values_are_dropped_and_reported(key: str, raw: str, expected: str) -> None:
    fields = {key: raw} if key == "title" else {key: raw, "title": "Kept"}
    meta, problems = parse_front_matter(fields)
    assert [p.key for p in problems] == [key]
    assert expected in problems[0].expected
    assert raw in str(problems[0]) or len(raw) > 100
    assert getattr(meta, key) == getattr(NoteMeta(), key)
    if key != "title":
        assert meta.title == "Kept"  # one bad value loses nothing else


def test_layout_and_unknown_keys_are_left_alone() -> None:
    meta, problems = parse_front_matter({"layout": "whatever", "tags": "[a, b]", "title": "T"})
    assert problems == []
    assert meta == NoteMeta(title="T")


def test_missing_generated_and_type() -> None:
    meta, _ = parse_front_matter({"title": "T", "lang": "en"})
    assert meta.generated is None
    assert meta.type is None
    assert not meta.is_note
    assert parse_front_matter({"generated": "False"})[0].is_note
    # A Jekyll note saying only whether it is a translation is a note, too.
    assert parse_front_matter({"title": "T", "translated": "false"})[0].is_note


def test_a_named_model_means_ai_generated() -> None:
    meta, _ = parse_front_matter({"title": "T", "model": "x-ai/grok-4"})
    assert meta.generated is None  # what the front matter says is kept as said
    assert meta.ai_generated and meta.is_note
    said_no = parse_front_matter({"generated": "false", "model": "x-ai/grok-4"})[0]
    assert not said_no.ai_generated  # an explicit `generated: false` wins
    assert not parse_front_matter({"title": "T"})[0].ai_generated


def test_fields_round_trip() -> None:
    meta, _ = parse_front_matter({**SEED, "model": "m", "date": "2025-09-09", "image": "a.png"})
    assert parse_front_matter(as_fields(meta)) == (meta, [])


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("en", "en-US", True),
        ("zh-Hant", "zh_TW", True),
        ("zh-TW", "zh_TW", True),
        ("zh", "zh_CN", True),
        ("zh-Hans", "zh_TW", False),
        ("zh", "zh_TW", False),
        ("de", "en", False),
        ("sr-Latn", "sr", False),
    ],
)
def test_same_language(a: str, b: str, same: bool) -> None:
    assert langtags.same_language(a, b) is same


def test_language_names() -> None:
    assert langtags.autonym("de") == "Deutsch"
    assert langtags.autonym("en") == "English"
    assert langtags.name_in("en", "de") == "Englisch"
    assert langtags.name_in("de", "en") == "German"
    assert langtags.direction("ar") == "rtl"
    assert langtags.direction("zh_TW") == "ltr"
    assert langtags.match("zh-Hant", ["en", "zh_CN", "zh_TW"]) == "zh_TW"


def test_learned_names_outlive_babels_data() -> None:
    # a build looks up its languages, then lets Babel's CLDR data go (memory)
    langtags.learn(["fr", "ar"], "fr")
    assert babel.localedata._cache == {} and babel.core._global_data is None
    assert (langtags.autonym("fr"), langtags.name_in("ar", "fr")) == ("Français", "arabe")
    assert (langtags.direction("ar"), langtags.script_of("ar")) == ("rtl", "Arab")
    assert babel.localedata._cache == {}  # answered from the names learned
    assert langtags.name_in("ja", "fr") == "japonais"  # not learned: Babel loads again
