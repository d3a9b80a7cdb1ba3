"""Reading ``.po`` files: headers Babel drops, syntax it lets through."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_ext import catalogs
from sphinx_ext.translation import State, Translation, count

HEADER = """# A catalog
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: de\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
{extra}
"""


def write(tmp_path: Path, body: str, extra: str = '"X-AI-Translated: yes\\n"') -> Path:
    path = tmp_path / "page.po"
    path.write_text(HEADER.format(extra=extra) + body, encoding="utf-8")
    return path


def test_entries_fuzzy_and_ai_header(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '#: page.md:3\nmsgid "Hello"\nmsgstr "Hallo"\n\n'
        '#, fuzzy\nmsgid "World"\nmsgstr "Welt"\n\n'
        'msgid "Empty"\nmsgstr ""\n',
    )
    catalog = catalogs.load(path)
    assert catalog.problems == ()
    assert catalog.ai_translated is True
    assert catalog.translation("Hello") == "Hallo"
    assert catalog.translation("World") is None and catalog.is_fuzzy("World")
    assert catalog.translation("Empty") is None and not catalog.is_fuzzy("Empty")
    assert catalog.line_of("Hello") == 9


@pytest.mark.parametrize(
    ("extra", "expected"),
    [('"X-AI-Translated: no\\n"', False), ('"X-AI-Translated: YES\\n"', True), ("", None)],
)
def test_ai_header_values(tmp_path: Path, extra: str, expected: bool | None) -> None:
    assert catalogs.load(write(tmp_path, "", extra)).ai_translated is expected


def test_bad_ai_header_is_a_problem(tmp_path: Path) -> None:
    catalog = catalogs.load(write(tmp_path, "", '"X-AI-Translated: perhaps\\n"'))
    assert catalog.ai_translated is None
    assert [p.message for p in catalog.problems] == [
        "has X-AI-Translated: 'perhaps'; expected yes or no"
    ]


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ('msgid "Broken\nmsgstr "x"\n', 8, "unterminated"),
        ('msgid "A"\nmsgstr "B "q" C"\n', 9, "unterminated or unescaped"),
        ('msgid "A"\nmsgstr "B"\nthis is garbage\n', 10, "syntax error"),
        ('msgid "A"\n\nmsgid "C"\nmsgstr "D"\n', 8, "syntax error"),
    ],
)
def test_syntax_errors_have_lines(tmp_path: Path, body: str, line: int, words: str) -> None:
    catalog = catalogs.load(write(tmp_path, body))
    assert catalog.problems, "Babel let this through silently"
    assert any(words in p.message and p.lineno == line for p in catalog.problems), catalog.problems


def test_unreadable_plural_header(tmp_path: Path) -> None:
    path = tmp_path / "page.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=x; plural=((n\\n"\n\nmsgid "A"\nmsgstr "B"\n',
        encoding="utf-8",
    )
    catalog = catalogs.load(path)
    assert catalog.entries == {}
    assert "header" in catalog.problems[-1].message


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "page.po"
    path.write_bytes(b'msgid ""\nmsgstr ""\n\nmsgid "A"\nmsgstr "\xff"\n')
    catalog = catalogs.load(path)
    assert catalog.problems[0].message == "is not valid UTF-8"
    assert catalog.problems[0].lineno == 5


def test_set_headers_restores_a_dropped_header(tmp_path: Path) -> None:
    path = write(tmp_path, 'msgid "A"\nmsgstr "B"\n', extra="")
    assert catalogs.set_headers(path, {"X-AI-Translated": "yes"})
    assert not catalogs.set_headers(path, {"X-AI-Translated": "yes"})  # already there
    catalog = catalogs.load(path)
    assert catalog.ai_translated is True
    assert catalog.translation("A") == "B"
    assert catalog.problems == ()


def test_count_and_state(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'msgid "a"\nmsgstr "A"\n\n#, fuzzy\nmsgid "b"\nmsgstr "B"\n\nmsgid "c"\nmsgstr ""\n',
    )
    catalog = catalogs.load(path)
    progress = count(["a", "b", "c", "d"], catalog)
    assert (progress.total, progress.translated, progress.fuzzy, progress.untranslated) == (
        4,
        1,
        1,
        2,
    )
    assert Translation(progress, ai=True).state is State.OUTDATED
    assert Translation(count(["a"], catalog), ai=True).state is State.TRANSLATED
    assert Translation(count(["a", "c"], catalog), ai=True).state is State.PARTIAL
    assert Translation(count(["c", "d"], catalog), ai=True).state is State.UNTRANSLATED
    assert Translation(count(["a"], None), ai=True).state is State.UNTRANSLATED
    rejecting = count(["a", "c"], catalog, accept=lambda msgid, msgstr: False)
    assert (rejecting.translated, rejecting.rejected) == (0, 1)
