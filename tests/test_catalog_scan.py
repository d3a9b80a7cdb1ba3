"""The fast catalog reading reads what Babel reads, or leaves the catalog to Babel."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog as BabelCatalog
from babel.messages.catalog import Message
from babel.messages.pofile import read_po, write_po
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinx_ext import catalog_scan

from .conftest import DOCS, ROOTS

# Text with what a .po must escape, and the characters Babel strips from a line.
TEXT = st.lists(
    st.sampled_from([*'ab ßü中"\\\n\t\r#:,{}`', "\x0c", "\u2028", "\u3000", "msgid "]),
    max_size=30,
).map("".join)
MESSAGE = st.tuples(
    TEXT.filter(bool),  # msgid
    TEXT,  # msgstr
    st.booleans(),  # fuzzy
    st.booleans(),  # obsolete
    st.lists(TEXT, max_size=2),  # translator comments
)


def babel_reads(text: str) -> dict[str, tuple[str, bool, int]] | None:
    """What Babel reads from a catalog it reads without complaint."""
    try:
        catalog = read_po(io.StringIO(text), abort_invalid=True)
    except Exception:  # a syntax error, or a header Babel cannot use
        return None
    return {
        m.id: (m.string, m.fuzzy, m.lineno)
        for m in catalog
        if m.id and isinstance(m.id, str) and isinstance(m.string, str)
    }


def written_by_babel(messages: list[tuple[str, str, bool, bool, list[str]]], width: int) -> str:
    catalog = BabelCatalog(locale="de", project="Notes")
    for msgid, msgstr, fuzzy, obsolete, comments in messages:
        flags = ["fuzzy"] if fuzzy else []
        if obsolete:
            catalog.obsolete[msgid] = catalog.obsolete.get(msgid) or _message(
                msgid, msgstr, flags, comments
            )
        elif msgid not in catalog:
            catalog[msgid] = _message(msgid, msgstr, flags, comments)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=width, include_previous=True)
    return buffer.getvalue().decode("utf-8")


def _message(msgid: str, msgstr: str, flags: list[str], comments: list[str]) -> Message:
    return Message(msgid, msgstr, [("notes/a.md", 3)], flags, user_comments=comments)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MESSAGE, max_size=8), st.sampled_from([0, 20, 76]))
def test_catalogs_babel_writes_are_read_as_babel_reads_them(
    messages: list[tuple[str, str, bool, bool, list[str]]], width: int
) -> None:
    text = written_by_babel(messages, width)
    scanned = catalog_scan.scan(text)
    assert scanned is not None, text  # Babel's own form is never left to Babel
    assert scanned.messages == babel_reads(text)


LINE_EDITS = st.sampled_from(
    [
        "delete",
        "duplicate",
        "blank",
        "indent",
        "tab after keyword",
        "drop closing quote",
        "stray quote",
        "comment",
        "obsolete",
        "msgctxt",
        "plural",
        "garbage",
        "crlf",
        "conflict",
        "fuzzy flag",
        "isolate",
    ]
)


def edit(text: str, where: int, how: str) -> str:
    lines = text.split("\n")
    i = where % len(lines)
    line = lines[i]
    replacement = {
        "delete": [],
        "duplicate": [line, line],
        "blank": ["", line],
        "indent": ["  " + line],
        "tab after keyword": [line.replace("msgid ", "msgid\t").replace("msgstr ", "msgstr\t")],
        "drop closing quote": [line[:-1] if line.endswith('"') else line],
        "stray quote": [line + '"'],
        "comment": ["# a comment", line],
        "obsolete": ["#~ " + line],
        "msgctxt": ['msgctxt "menu"', line],
        "plural": [line, 'msgid_plural "notes"'],
        "garbage": [line + " x"],
        "crlf": [line + "\r"],
        "conflict": ["#-#-#-#-#  a.po  #-#-#-#-#", line],
        "fuzzy flag": ["#, python-format, fuzzy", line],
        "isolate": ["#: \u2068a b.md\u2069:3 \u2068c.md:4", line],
    }[how]
    return "\n".join(lines[:i] + replacement + lines[i + 1 :])


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(MESSAGE, min_size=1, max_size=5),
    st.lists(st.tuples(st.integers(0, 200), LINE_EDITS), min_size=1, max_size=3),
)
def test_a_catalog_read_at_all_is_read_as_babel_reads_it(
    messages: list[tuple[str, str, bool, bool, list[str]]], edits: list[tuple[int, str]]
) -> None:
    text = written_by_babel(messages, 76)
    for where, how in edits:
        text = edit(text, where, how)
    scanned = catalog_scan.scan(text)
    if scanned is not None:
        assert scanned.messages == babel_reads(text), text


def test_what_only_babel_reads_is_left_to_it() -> None:
    header = 'msgid ""\nmsgstr ""\n"Language: de\\n"\n\n'
    for body in (
        'msgctxt "menu"\nmsgid "Open"\nmsgstr "Öffnen"\n',
        'msgid "note"\nmsgid_plural "notes"\nmsgstr[0] "Notiz"\nmsgstr[1] "Notizen"\n',
        'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n',  # Babel merges repeats
        'msgid "a"\nmsgstr "b\n',  # Babel would cut the string
        'msgid "a"\n\nmsgstr "b"\n',  # a blank line inside an entry
        'msgid "a"\nmsgstr "b"\n#~ "c"\n',  # Babel appends this to "b"
        "# a comment at the end\n",
        'msgid\t"a"\nmsgstr "b"\n',  # Babel splits the keyword off at a space only
        'msgid "a"\nmsgstr "b"\n\nmsgid ""\nmsgstr "Plural-Forms: x\\n"\n',  # a second header
    ):
        assert catalog_scan.scan(header + body) is None, body


@pytest.mark.parametrize(
    "path",
    sorted([*DOCS.glob("locale/**/*.po"), *ROOTS.glob("*/locale/**/*.po")]),
    ids=str,
)
def test_the_projects_catalogs_are_read_as_babel_reads_them(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    scanned = catalog_scan.scan(text)
    expected = babel_reads(text)
    if expected is None:
        return  # a catalog made broken on purpose: Babel's reading reports it
    assert scanned is not None
    assert scanned.messages == expected
