"""The synthetic site: two Sphinx projects with the same sources and catalogs.

``plain/`` is Sphinx + MyST + furo; ``ext/`` is the same with ``sphinx_ext``.
They are separate copies so their doctrees, outputs and compiled ``.mo``
files never interfere. Everything is derived from a fixed seed.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import catalogs
from benchmarks.notes import docname, note

SEED = 20250909
AUDIO_DIR = "audio"  # the extension's default ainotes_audio_dir
AUDIO_BYTES = 16 * 1024  # a stand-in recording: what matters is that the file exists

_CONF_COMMON = """
project = "AI Notes"
author = "The AI Notes authors"
copyright = "2025, The AI Notes authors"
language = "en"
locale_dirs = ["locale/"]
gettext_compact = False
myst_title_to_header = True
smartquotes = False
exclude_patterns = ["_build", "locale"]
html_theme = "furo"
html_title = "AI Notes"
html_last_updated_fmt = None
"""

CONF = {
    "plain": 'extensions = ["myst_parser"]\n' + _CONF_COMMON,
    "ext": 'extensions = ["sphinx_ext"]\nainotes_languages = ["en", "de"]\n'
    'ainotes_source_language = "en"\n' + _CONF_COMMON,
}

#: Notes outside the toctree, each side as its users would do it: furo puts
#: every toctree entry on every page, which makes a site of thousands of
#: notes quadratic in Sphinx itself (see the README's Performance section).
_OUTSIDE_TOCTREE = {
    "plain": 'suppress_warnings = ["toc.not_included"]\n',
    "ext": "ainotes_notes_in_toctree = False\n",
}

_INDEX_HEAD = """---
title: AI Notes
---

Notes written with AI models, published in English and German. Every note says
under its title how it was made.

"""

_STATUS_HEAD = """---
title: Translation status
---

How far each note is translated into each language.

"""


def _toctree(entry: str, caption: str, *, hidden: bool = False, glob: bool = False) -> str:
    options = [f":caption: {caption}", ":maxdepth: 1"]
    options += [":hidden:"] * hidden + [":glob:"] * glob
    return "```{toctree}\n" + "\n".join(options) + f"\n\n{entry}\n```\n"


def _directive(name: str) -> str:
    return f"```{{{name}}}\n```\n\n"


#: What the extension side's index and status page use (the plain side always
#: has the glob toctree): "toctree" is plain Sphinx's way; "notes" is
#: docs/index.md's, the extension's listing with the toctrees hidden;
#: "notes+status" adds the translation-status dashboard.
LISTINGS = ("toctree", "notes", "notes+status")


def pages(side: str, listing: str, sidebar: bool) -> dict[str, str]:
    """The non-note pages (docname -> Markdown); both sides have the same ones."""
    dashboards = side == "ext" and listing != "toctree"
    index = _INDEX_HEAD + (_directive("notes") if dashboards else "")
    if sidebar:
        index += _toctree("notes/*", "Notes", hidden=dashboards, glob=True) + "\n"
    index += _toctree("translation-status", "This site", hidden=dashboards)
    status = _STATUS_HEAD
    if side == "ext" and listing == "notes+status":
        status += _directive("translation-status")
    return {"index": index, "translation-status": status}


def available_listing() -> str:
    """The richest listing the installed extension offers (its registered directives)."""
    directives = _registered_directives()
    if "notes" not in directives:
        return "toctree"
    return "notes+status" if "translation-status" in directives else "notes"


def _registered_directives() -> set[str]:
    # sphinx_ext.setup() against a stand-in that only records add_directive();
    # cheaper than starting Sphinx, and it reads the public interface only.
    import sphinx_ext

    found: set[str] = set()

    class Recorder:
        def add_directive(self, name: str, *args: object, **kwargs: object) -> None:
            found.add(name)

        def __getattr__(self, name: str) -> Callable[..., None]:
            return lambda *args, **kwargs: None

    try:
        sphinx_ext.setup(Recorder())  # type: ignore[arg-type]
    except Exception:  # a setup() the stand-in cannot satisfy: assume no listings
        return set()
    return found


@dataclass(frozen=True, slots=True)
class Site:
    """One size of the synthetic site."""

    notes: int
    root: Path
    words: tuple[int, ...]  # per note
    messages: int  # translatable messages, all pages
    translation: dict[str, str]  # docname -> catalogs.Kind value (German catalogs)
    listing: str
    sidebar: bool  # the notes are in the toctree, so furo's sidebar lists them all

    @property
    def plain(self) -> Path:
        return self.root / "plain"

    @property
    def ext(self) -> Path:
        return self.root / "ext"

    def project(self, side: str) -> Path:
        return self.root / side

    def docnames(self) -> list[str]:
        return [docname(i) for i in range(self.notes)]


def write_sources(
    project: Path, texts: Sequence[str], side: str, listing: str, sidebar: bool
) -> None:
    (project / "notes").mkdir(parents=True, exist_ok=True)
    conf = CONF[side] + ("" if sidebar else _OUTSIDE_TOCTREE[side])
    (project / "conf.py").write_text(conf, encoding="utf-8")
    for name, text in pages(side, listing, sidebar).items():
        (project / f"{name}.md").write_text(text, encoding="utf-8")
    for i, text in enumerate(texts):
        (project / f"{docname(i)}.md").write_text(text, encoding="utf-8")
        for language in recordings(text, i):
            path = project / AUDIO_DIR / f"{docname(i)}.{language}.mp3"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(bytes(AUDIO_BYTES))


def recordings(text: str, index: int) -> tuple[str, ...]:
    """A note with ``audio: true`` has an English recording, every other one a German too."""
    if "\naudio: true\n" not in text.split("\n---\n", 1)[0] + "\n":
        return ()
    return ("en", "de") if index % 2 else ("en",)


def generate(
    work: Path,
    sizes: Sequence[int],
    *,
    listing: str = "auto",
    sidebar: bool = False,
    seed: int = SEED,
) -> dict[int, Site]:
    """Sites of each size under ``work``; one gettext run on the largest gives every msgid."""
    listing = available_listing() if listing == "auto" else listing
    sidebar = sidebar or listing == "toctree"  # a toctree listing is the sidebar
    largest = max(sizes)
    texts = [note(seed, i) for i in range(largest)]
    gettext_project = work / "gettext-src"
    write_sources(gettext_project, texts, "ext", listing, sidebar)
    templates = catalogs.extract(gettext_project, work / "gettext")
    shutil.rmtree(gettext_project)
    sites = {}
    for size in sorted(set(sizes)):
        root = work / f"site-{size}"
        write_sources(root / "ext", texts[:size], "ext", listing, sidebar)
        docnames = [*pages("ext", listing, sidebar), *(docname(i) for i in range(size))]
        kinds = catalogs.write_all(root / "ext" / "locale", templates, docnames, seed)
        _copy_as_plain(root / "ext", root / "plain", listing, sidebar)
        words = tuple(len(text.split()) for text in texts[:size])
        messages = sum(catalogs.count(templates.get(name)) for name in docnames)
        sites[size] = Site(size, root, words, messages, kinds, listing, sidebar)
    return sites


def _copy_as_plain(ext: Path, plain: Path, listing: str, sidebar: bool) -> None:
    # copy2 keeps mtimes, so each .mo stays newer than its .po and Sphinx
    # compiles nothing during a measured build on either side.
    shutil.copytree(ext, plain, copy_function=shutil.copy2)
    conf = CONF["plain"] + ("" if sidebar else _OUTSIDE_TOCTREE["plain"])
    (plain / "conf.py").write_text(conf, encoding="utf-8")
    for name, text in pages("plain", listing, sidebar).items():
        (plain / f"{name}.md").write_text(text, encoding="utf-8")
