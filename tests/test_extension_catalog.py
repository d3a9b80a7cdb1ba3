"""The extension's own catalog: current, complete, and compiled as shipped."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

import sphinx_ext

LOCALE = Path(sphinx_ext.__file__).parent / "locale"
CATALOGS = sorted(LOCALE.glob("*/LC_MESSAGES/sphinx_ext.po"))


def _key(message_id: str | tuple[str, ...]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def test_template_lists_every_string_in_the_code() -> None:
    in_code = {
        _key(message)
        for _file, _line, message, _comments, _context in extract_from_dir(
            LOCALE.parent, method_map=[("**.py", "python")]
        )
    }
    with (LOCALE / "sphinx_ext.pot").open("rb") as f:
        in_template = {_key(m.id) for m in read_po(f) if m.id}
    assert in_code == in_template, "run `make catalogs`"


def test_there_are_catalogs() -> None:
    assert {po.parts[-3] for po in CATALOGS} >= {"de"}


@pytest.mark.parametrize("po", CATALOGS, ids=lambda p: p.parts[-3])
def test_catalog_is_complete(po: Path) -> None:
    with (LOCALE / "sphinx_ext.pot").open("rb") as f:
        wanted = {_key(m.id) for m in read_po(f) if m.id}
    with po.open("rb") as f:
        catalog = read_po(f)
    translated = {
        _key(m.id)
        for m in catalog
        if m.id and not m.fuzzy and all(m.string if isinstance(m.string, tuple) else [m.string])
    }
    assert wanted - translated == set()
    assert not list(catalog.obsolete)


@pytest.mark.parametrize("po", CATALOGS, ids=lambda p: p.parts[-3])
def test_compiled_catalog_matches_po(po: Path) -> None:
    mo = po.with_suffix(".mo")
    assert mo.is_file(), "run `make catalogs`"
    with po.open("rb") as f:
        catalog = read_po(f)
    expected: dict[object, str] = {}
    for m in catalog:
        if not m.id or m.fuzzy:
            continue
        if isinstance(m.id, tuple):
            for n, string in enumerate(m.string):
                expected[(m.id[0], n)] = string
        else:
            expected[m.id] = m.string
    with mo.open("rb") as f:
        compiled = dict(gettext.GNUTranslations(f)._catalog)  # type: ignore[attr-defined]
    compiled.pop("", None)  # the header
    assert compiled == expected, "the .mo is older than, or differs from, its .po: make catalogs"
