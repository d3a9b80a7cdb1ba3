"""Property-based tests: the parsers never raise, and round-trip where that applies."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinx_ext import catalogs
from sphinx_ext.integrity import block_kind, check
from sphinx_ext.metadata import NoteMeta, as_fields, parse_front_matter, yaml_problem

FIELDS = sorted(field.name for field in dataclasses.fields(NoteMeta))
KEYS = st.sampled_from([*FIELDS, "layout"]) | st.text(max_size=12)
VALUES = st.text(max_size=80) | st.sampled_from(
    ["True", "False", "true", "maybe", "2025-09-09", "en", "zh-Hant", "42", "", " ", "\n"]
)


@given(st.dictionaries(KEYS, VALUES, max_size=12))
def test_front_matter_parsing_never_raises(fields: dict[str, str]) -> None:
    meta, problems = parse_front_matter(fields)
    assert isinstance(meta, NoteMeta)
    assert {problem.key for problem in problems} <= set(fields)
    # what was accepted parses back to itself
    assert parse_front_matter(as_fields(meta)) == (meta, [])


TITLES = st.text(min_size=1, max_size=120).filter(lambda t: " ".join(t.split()) != "")


@given(
    title=TITLES,
    generated=st.none() | st.booleans(),
    translated=st.booleans(),
    audio=st.booleans(),
    date=st.none() | st.dates(min_value=dt.date(1, 1, 1)),
    lang=st.none() | st.sampled_from(["en", "de", "zh-Hant", "ar", "pt-BR"]),
    model=st.none() | TITLES,
)
def test_meta_round_trips(
    title: str,
    generated: bool | None,
    translated: bool,
    audio: bool,
    date: dt.date | None,
    lang: str | None,
    model: str | None,
) -> None:
    meta = NoteMeta(
        title=" ".join(title.split()),
        generated=generated,
        translated=translated,
        audio=audio,
        date=date,
        lang=lang,
        model=None if model is None else " ".join(model.split()),
    )
    assert parse_front_matter(as_fields(meta)) == (meta, [])


@given(st.text(max_size=300))
def test_yaml_problem_never_raises(body: str) -> None:
    result = yaml_problem("---\n" + body + "\n---\n")
    assert result is None or (isinstance(result[0], str) and result[1] >= 1)


MARKDOWN = st.text(
    alphabet=st.sampled_from(list("ab ` [ ] ( ) < > $ { } * # - 1 . \n : / 张 ж ع"))
    | st.characters(),
    max_size=120,
)


@given(MARKDOWN, MARKDOWN, st.sampled_from(["de", "zh_CN", "ja", "ar", "ru", None]))
def test_integrity_check_never_raises(msgid: str, msgstr: str, language: str | None) -> None:
    found = check(msgid, msgstr, language)
    assert all(str(mismatch) for mismatch in found)
    assert isinstance(block_kind(msgstr), str)


@given(MARKDOWN, st.sampled_from(["de", "zh_CN", None]))
def test_a_message_is_faithful_to_itself(msgid: str, language: str | None) -> None:
    # no script check can fire: the same text has the same scripts
    assert check(msgid, msgid, language) == []


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(st.binary(max_size=400))
def test_catalog_reading_never_raises(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "page.po")
        path.write_bytes(b'msgid ""\nmsgstr ""\n\n' + data)
        catalog = catalogs.load(path)
        assert all(problem.message for problem in catalog.problems)


@given(st.lists(st.tuples(st.text(min_size=1, max_size=40), st.text(max_size=40)), max_size=8))
def test_catalog_round_trip_through_babel(pairs: list[tuple[str, str]]) -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    source = Catalog(locale="de")
    for msgid, msgstr in pairs:
        source.add(msgid, msgstr)
    buffer = io.BytesIO()
    write_po(buffer, source)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "page.po")
        path.write_bytes(buffer.getvalue())
        catalogs.set_headers(path, {"X-AI-Translated": "yes"})
        catalog = catalogs.load(path)
    assert catalog.problems == ()
    assert catalog.ai_translated is True
    expected = {msgid: msgstr for msgid, msgstr in reversed(pairs)}
    assert {k: string for k, (string, _fuzzy, _line) in catalog.entries.items()} == expected
