"""Incremental builds: what one edit makes Sphinx re-read and re-write.

The counts come from Sphinx's own status output (``reading sources...
[ 50%] notes/n0001``), printed one line per document when the output is
not a terminal and ``-N`` turns colour off.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.catalogs import LANGUAGE, Kind
from benchmarks.measure import Run, run_one, sphinx_command
from benchmarks.notes import docname
from benchmarks.rounds import LANGUAGES, SIDES, build_out
from benchmarks.stats import ratio, series
from benchmarks.synth import Site

_STATUS = re.compile(r"^(reading sources|writing output)\.\.\. \[\s*\d+%\] (\S+)\s*$")
_BUILDER = re.compile(r"^building \[(\w+)\]")


@dataclass(frozen=True, slots=True)
class Rebuild:
    seconds: float
    cpu_seconds: float
    reread: tuple[str, ...]
    written: tuple[str, ...]


def parse_status(stdout: str, builder: str = "html") -> tuple[list[str], list[str]]:
    """The docnames read and written, in Sphinx's order.

    Only the lines of the ``builder`` phase count: the ``[mo]`` phase that
    compiles catalogs prints "writing output..." lines too.
    """
    found: dict[str, list[str]] = {"reading sources": [], "writing output": []}
    phase = None
    for line in re.split(r"[\r\n]+", stdout):
        line = line.strip()
        started = _BUILDER.match(line)
        if started:
            phase = started[1]
        match = _STATUS.match(line)
        if match and phase == builder:
            found[match[1]].append(match[2])
    return found["reading sources"], found["writing output"]


def rebuild(project: Path, out: Path, language: str) -> Rebuild:
    """Build again into an existing output; Sphinx decides what is out of date."""
    run: Run = run_one(sphinx_command(project, out, language, quiet=False))
    reread, written = parse_status(run.stdout)
    return Rebuild(run.seconds, run.cpu_seconds, tuple(reread), tuple(written))


def edit_note(path: Path, round_: int) -> None:
    """A content edit, as a writer makes one: a new closing sentence."""
    with path.open("a", encoding="utf-8") as stream:
        stream.write(f"\nEdited once more, round {round_}.\n")


_MSGSTR = re.compile(r'^msgstr "(.+)"$', re.MULTILINE)


def edit_po(path: Path, round_: int) -> None:
    """Reword one passage's translation: the last one-line msgstr.

    Not the first: that is the page title, and a new title rightly makes
    the extension rewrite every page (each sidebar lists it).
    """
    text = path.read_text(encoding="utf-8")
    matches = list(_MSGSTR.finditer(text))
    if not matches:
        raise ValueError(f"{path} has no one-line msgstr to edit")
    match = matches[-1]
    edited = f'msgstr "{match[1]} überarbeitet {round_}"'
    path.write_text(text[: match.start()] + edited + text[match.end() :], encoding="utf-8")


def _summary(rebuilds: list[Rebuild], clean_cpu: float | None) -> dict[str, Any]:
    """``fraction_of_clean``: of CPU time, each build alone on the machine."""
    seconds = series(r.seconds for r in rebuilds)
    cpu = series(r.cpu_seconds for r in rebuilds)
    return {
        "reread_count": [len(r.reread) for r in rebuilds],
        "written_count": [len(r.written) for r in rebuilds],
        "reread": sorted({name for r in rebuilds for name in r.reread}),
        "written": sorted({name for r in rebuilds for name in r.written}),
        "seconds": seconds,
        "cpu_seconds": cpu,
        "fraction_of_clean": ratio(cpu["median"], clean_cpu),
    }


def po_note(site: Site, avoid: str) -> str | None:
    """A fully translated page other than ``avoid``: its first msgstr is not empty."""
    for name, kind in site.translation.items():
        if kind == Kind.FULL.value and name != avoid and name.startswith("notes/"):
            return name
    return None


def measure_edits(
    site: Site, builds: Path, repeat: int, clean_cpu: Mapping[tuple[str, str], float | None]
) -> dict[str, Any]:
    """Item 4, on the builds the last pairs left: edit a note, then a .po.

    ``clean_cpu``: the median CPU seconds of each side's clean build, alone.
    """
    note = docname(site.notes // 2)
    po_page = po_note(site, note)
    runs: dict[tuple[str, str, str], list[Rebuild]] = defaultdict(list)
    for number in range(repeat):
        for side in SIDES:
            edit_note(site.project(side) / f"{note}.md", number)
            for language in LANGUAGES:
                out = build_out(builds, side, language)
                runs["note_edit", side, language].append(rebuild(site.project(side), out, language))
    for number in range(repeat if po_page else 0):
        for side in SIDES:
            edit_po(
                site.project(side) / "locale" / LANGUAGE / "LC_MESSAGES" / f"{po_page}.po", number
            )
            # en too: the extension counts the German catalog in the English build.
            for language in LANGUAGES:
                out = build_out(builds, side, language)
                runs["po_edit", side, language].append(rebuild(site.project(side), out, language))
    result: dict[str, Any] = {"note": note, "po_note": po_page, "note_edit": {}, "po_edit": {}}
    for (edit, side, language), rebuilds in runs.items():
        summary = _summary(rebuilds, clean_cpu.get((side, language)))
        result[edit].setdefault(side, {})[language] = summary
    return result
