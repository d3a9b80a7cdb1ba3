"""Bad input, one case a row: the build finishes, says what and where, and spares the rest.

Every case builds a copy of the ``notes`` test root with one thing broken,
and checks that:
- the build finishes, with no traceback;
- a warning names the file (and the line, where there is one), says what
  to do, and carries one of the extension's subtypes (``ainotes.*``);
- pages the case did not touch come out exactly as in a clean build.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from tests.conftest import Build, copy_root, soup, warnings_of

WITNESSES = ("notes/human", "notes/deep/nested")
NOTE = "---\ntitle: {title}\ntype: note\n---\n\nSome text.\n"


@dataclass(frozen=True)
class Case:
    name: str
    language: str
    breaks: Callable[[Path], None]
    file: str  # the file the warning names, relative to the source dir
    line: int | Callable[[Path], int] | None  # None: the file only; callable: found in it
    subtype: str
    says: str  # a piece of the message
    conf: tuple[tuple[str, object], ...] = ()  # config overrides


def write(path: str, text: str) -> Callable[[Path], None]:
    def breaks(srcdir: Path) -> None:
        target = srcdir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")

    return breaks


def note_with(line: str) -> Callable[[Path], None]:
    """A note whose front matter has one more line, on line 2."""
    return write("notes/bad.md", NOTE.replace("---\n", f"---\n{line}\n", 1).format(title="Bad"))


def edit(path: str, old: str, new: str) -> Callable[[Path], None]:
    def breaks(srcdir: Path) -> None:
        target = srcdir / path
        text = target.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")

    return breaks


def fuzzy_all(path: str) -> Callable[[Path], None]:
    def breaks(srcdir: Path) -> None:
        target = srcdir / path
        text = re.sub(r'\n(msgid "(?!")[^\n]*)', r"\n#, fuzzy\n\1", target.read_text("utf-8"))
        target.write_text(text, encoding="utf-8")

    return breaks


def line_with(text: str) -> Callable[[Path], int]:
    """The line of the broken file that holds ``text``."""

    def find(path: Path) -> int:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        return next(number for number, line in enumerate(lines, 1) if text in line)

    return find


GENERATED_PO = "locale/de/LC_MESSAGES/notes/generated.po"


CASES = [
    # --- front matter -----------------------------------------------------
    Case(
        "malformed YAML",
        "en",
        write("notes/bad.md", '---\ntitle: "unclosed\ngenerated: true\n---\n\nText.\n'),
        "notes/bad.md",
        2,
        "front_matter",
        "not valid YAML",
    ),
    Case(
        "front matter is a list",
        "en",
        write("notes/bad.md", "---\n- a\n- b\n---\n\nText.\n"),
        "notes/bad.md",
        2,
        "front_matter",
        "must be 'key: value' lines, not a list",
    ),
    Case(
        "tab in YAML",
        "en",
        write("notes/bad.md", "---\ntitle: Tab\n\tgenerated: true\n---\n"),
        "notes/bad.md",
        3,
        "front_matter",
        "not valid YAML",
    ),
    Case(
        "front matter never closed",
        "en",
        write("notes/bad.md", "---\ntitle: x\n\nText.\n"),
        "notes/bad.md",
        1,
        "front_matter",
        "no closing '---'",
    ),
    Case(
        "generated: maybe",
        "en",
        note_with("generated: maybe"),
        "notes/bad.md",
        2,
        "front_matter",
        "'generated' is 'maybe'; expected true or false",
    ),
    Case(
        "translated: perhaps",
        "en",
        note_with("translated: perhaps"),
        "notes/bad.md",
        2,
        "front_matter",
        "'translated' is 'perhaps'; expected true or false",
    ),
    Case(
        "audio: 2",
        "en",
        note_with("audio: 2"),
        "notes/bad.md",
        2,
        "front_matter",
        "'audio' is '2'; expected true or false",
    ),
    Case(
        "lang: 42",
        "en",
        note_with("lang: 42"),
        "notes/bad.md",
        2,
        "front_matter",
        "'lang' is '42'; expected a BCP 47 language tag",
    ),
    Case(
        "lang: english",
        "en",
        note_with("lang: english"),
        "notes/bad.md",
        2,
        "front_matter",
        "'lang' is 'english'",
    ),
    Case(
        "lang the site does not build",
        "en",
        note_with("lang: fr"),
        "notes/bad.md",
        2,
        "language",
        "'fr', which this site does not build",
    ),
    Case(
        "date: yesterday",
        "en",
        note_with("date: yesterday"),
        "notes/bad.md",
        2,
        "front_matter",
        "'date' is 'yesterday'; expected an ISO 8601 date",
    ),
    Case(
        "date: 2025-13-45",
        "en",
        note_with("date: 2025-13-45"),
        "notes/bad.md",
        2,
        "front_matter",
        "front matter cannot be read: month must be in 1..12; quote the value",
    ),
    Case(
        "empty model",
        "en",
        note_with('model: ""'),
        "notes/bad.md",
        2,
        "front_matter",
        "'model' is ''; expected a non-empty text",
    ),
    Case(
        "missing title",
        "en",
        write("notes/bad.md", "---\ngenerated: true\ntype: note\n---\n\nText.\n"),
        "notes/bad.md",
        1,
        "front_matter",
        "the note has no title; add 'title:'",
    ),
    Case(
        "enormous title",
        "en",
        write("notes/bad.md", NOTE.format(title="Long " * 1000)),
        "notes/bad.md",
        2,
        "front_matter",
        "expected a title of at most 300 characters",
    ),
    Case(
        "HTML in the title",
        "en",
        write("notes/bad.md", NOTE.format(title="<b>Bold</b>")),
        "notes/bad.md",
        2,
        "front_matter",
        "'title' contains HTML; it is shown as text",
    ),
    Case(
        "empty file",
        "en",
        write("notes/bad.md", ""),
        "notes/bad.md",
        1,
        "front_matter",
        "the page is empty",
    ),
    # --- catalogs ---------------------------------------------------------------
    Case(
        "unterminated msgstr",
        "de",
        edit(GENERATED_PO, 'msgstr "Ein Abschnitt"', 'msgstr "Ein Abschnitt'),
        GENERATED_PO,
        line_with('msgstr "Ein Abschnitt'),
        "catalog",
        "unterminated",
    ),
    Case(
        "garbage line in a catalog",
        "de",
        edit(
            GENERATED_PO,
            'msgstr "Ein Abschnitt"',
            'msgstr "Ein Abschnitt"\nthis is not a catalog line',
        ),
        GENERATED_PO,
        line_with("this is not a catalog line"),
        "catalog",
        "syntax error",
    ),
    Case(
        "catalog not UTF-8",
        "de",
        lambda srcdir: _latin1(srcdir / GENERATED_PO),
        GENERATED_PO,
        line_with("Ein Abschnitt"),
        "catalog",
        "is not valid UTF-8",
    ),
    Case(
        "unreadable plural header",
        "de",
        edit(GENERATED_PO, "nplurals=2; plural=(n != 1);", "nplurals=x; plural=((n"),
        GENERATED_PO,
        1,
        "catalog",
        "header Babel cannot read",
    ),
    Case(
        "bad X-AI-Translated",
        "de",
        edit(GENERATED_PO, "X-AI-Translated: yes", "X-AI-Translated: perhaps"),
        GENERATED_PO,
        1,
        "catalog",
        "X-AI-Translated: 'perhaps'; expected yes or no",
    ),
    Case(
        "catalog for a page that does not exist",
        "de",
        write(
            "locale/de/LC_MESSAGES/notes/ghost.po",
            'msgid ""\nmsgstr ""\n\nmsgid "Boo"\nmsgstr "Buh"\n',
        ),
        "locale/de/LC_MESSAGES/notes/ghost.po",
        None,
        "catalog",
        "catalog has no page: there is no notes/ghost.md",
    ),
    Case(
        "fuzzy-only catalog",
        "de",
        fuzzy_all("locale/de/LC_MESSAGES/notes/partial.po"),
        "locale/de/LC_MESSAGES/notes/partial.po",
        None,
        "catalog",
        "only fuzzy entries",
    ),
    Case(
        "catalog in the page's own language",
        "en",
        write(
            "locale/en/LC_MESSAGES/notes/generated.po",
            'msgid ""\nmsgstr ""\n\nmsgid "Generated note"\nmsgstr "Hijacked"\n',
        ),
        "locale/en/LC_MESSAGES/notes/generated.po",
        None,
        "catalog",
        "catalog is for the language the page is written in",
    ),
    Case(
        "heading turned into a list",
        "de",
        edit(GENERATED_PO, 'msgstr "Ein Abschnitt"', 'msgstr "- Ein Abschnitt"'),
        GENERATED_PO,
        line_with('msgid "A section"'),
        "integrity",
        "structure: the original reads as a paragraph, the translation as a list",
    ),
    Case(
        "unclosed code fence",
        "de",
        edit(
            GENERATED_PO,
            'msgstr "Der erste Absatz der erzeugten Notiz."',
            'msgstr "```python\\nprint(1)"',
        ),
        GENERATED_PO,
        line_with('msgid "The first paragraph'),
        "integrity",
        "the translation as a code block (an unclosed ``` fence?)",
    ),
    Case(
        "link changed by the translation",
        "de",
        edit(
            GENERATED_PO,
            "[einem Link](https://example.org/)",
            "[einem Link](https://evil.example/)",
        ),
        GENERATED_PO,
        line_with('msgid "A paragraph with'),
        "integrity",
        "link targets: the original's 'https://example.org/' missing; "
        "'https://evil.example/' added",
    ),
    # --- configuration ----------------------------------------------------------
    Case(
        "unknown ainotes_integrity",
        "en",
        lambda srcdir: None,
        "conf.py",
        1,
        "config",
        "ainotes_integrity is 'sometimes'; use 'reject' or 'warn'",
        (("ainotes_integrity", "sometimes"),),
    ),
    Case(
        "base URL without {lang}",
        "en",
        lambda srcdir: None,
        "conf.py",
        1,
        "config",
        "has no '{lang}'",
        (("ainotes_base_url", "https://example.org/"),),
    ),
    Case(
        "unknown site language",
        "en",
        lambda srcdir: None,
        "conf.py",
        1,
        "config",
        "ainotes_languages has 'klingon'",
        (("ainotes_languages", ["en", "de", "klingon"]),),
    ),
    # --- audio ------------------------------------------------------------------
    Case(
        "audio: true without a file",
        "en",
        note_with("audio: true"),
        "notes/bad.md",
        2,
        "audio",
        "there is no recording at audio/notes/bad.<language>.mp3",
    ),
]


def _stale_mo(srcdir: Path) -> None:
    """A .mo whose .po was deleted: Sphinx would still apply it."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    catalog = Catalog(locale="de")
    catalog.add("Nobody translated this note.", "Von einer alten Übersetzung.")
    with (srcdir / "locale/de/LC_MESSAGES/notes/untranslated.mo").open("wb") as out:
        write_mo(out, catalog)


def _latin1(path: Path) -> None:
    path.write_bytes(path.read_bytes().replace(b"Ein Abschnitt", b"Ein Abschnitt \xff", 1))


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, dict[str, str]]]:
    """The witness pages of a clean build, per language."""
    found = {}
    for language in ("en", "de"):
        srcdir = copy_root("notes", tmp_path_factory.mktemp(f"clean-{language}") / "src")
        app = SphinxTestApp("html", srcdir=srcdir, confoverrides={"language": language})
        try:
            app.build()
        finally:
            app.cleanup()
        found[language] = {d: str(soup(app, d).select_one("article")) for d in WITNESSES}
    yield found


def test_there_are_at_least_25_cases() -> None:
    assert len(CASES) >= 25
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input(
    build: Build, tmp_path: Path, clean: dict[str, dict[str, str]], case: Case
) -> None:
    srcdir = copy_root("notes", tmp_path / "src")
    case.breaks(srcdir)
    app = build("notes", case.language, srcdir=srcdir, **dict(case.conf))  # finishes

    warnings = warnings_of(app)
    assert "Traceback" not in warnings and "Traceback" not in app.status.getvalue()
    line = case.line(srcdir / case.file) if callable(case.line) else case.line
    location = f"{srcdir / case.file}:{line or 1}:"  # a file-wide problem is on its first line
    ours = [w for w in warnings.splitlines() if w.endswith(f"[ainotes.{case.subtype}]")]
    assert any(w.startswith(location) and case.says in w for w in ours), warnings

    for docname in WITNESSES:  # the rest of the site is untouched
        assert str(soup(app, docname).select_one("article")) == clean[case.language][docname]


@pytest.mark.parametrize(
    ("name", "prefix", "newline"),
    [("byte order mark", "\ufeff", "\n"), ("CRLF line endings", "", "\r\n")],
)
def test_tolerated_input_just_works(
    build: Build, tmp_path: Path, name: str, prefix: str, newline: str
) -> None:
    """A BOM or Windows line endings are not errors: the note reads as if they were not there."""
    srcdir = copy_root("notes", tmp_path / "src")
    note = NOTE.replace("---\n", "---\ngenerated: true\n", 1).format(title="Tolerated")
    text = prefix + note.replace("\n", newline)
    (srcdir / "notes/tolerated.md").write_bytes(text.encode("utf-8"))
    app = build("notes", "en", srcdir=srcdir)
    assert warnings_of(app) == ""
    page = soup(app, "notes/tolerated")
    assert page.select_one("article h1").get_text(strip=True).rstrip("¶") == "Tolerated"  # type: ignore[union-attr]
    assert page.select_one("p.ainotes-label").get_text() == "Generated by AI"  # type: ignore[union-attr]


def test_a_stale_compiled_catalog_is_not_applied(build: Build, tmp_path: Path) -> None:
    srcdir = copy_root("notes", tmp_path / "src")
    _stale_mo(srcdir)
    app = build("notes", "de", srcdir=srcdir)
    page = soup(app, "notes/untranslated")
    assert "Von einer alten Übersetzung." not in page.get_text()
    notice = page.select_one(".ainotes-notice")
    assert notice is not None and "ainotes-notice-untranslated" in notice["class"]
    label = page.select_one("p.ainotes-label")
    assert label is not None and label.get_text() == "Von KI erstellt"
