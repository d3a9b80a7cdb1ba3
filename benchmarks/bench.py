"""The whole benchmark: generate the site, measure, check the targets, write the JSON."""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import incremental, report, rounds, sections, synth, targets
from benchmarks.measure import byte_compile
from benchmarks.rounds import LANGUAGES, SIDES


def default_scaling(notes: int) -> tuple[int, ...]:
    """N/5, N and 2N: the issue's 100, 500 and 1,000 at the default size, less for a quick run."""
    return tuple(sorted({max(1, notes // 5), notes, 2 * notes}))


@dataclass(frozen=True, slots=True)
class Options:
    notes: int = 500
    out: Path = Path("build/bench")
    repeat: int = 3
    scaling: tuple[int, ...] | None = None  # None: default_scaling(notes); () skips item 6
    listing: str = "auto"  # the extension side's pages: see synth.LISTINGS
    sidebar: bool = False  # notes in the toctree, so in furo's sidebar on every page
    keep: bool = False  # keep the generated sites and builds (in out/work)
    say: Callable[[str], None] = field(default=lambda _: None, compare=False)


class _Phases:
    """How long each phase took, so a slow run shows where its time went."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def done(self, name: str) -> None:
        now = time.perf_counter()
        self.seconds[name] = round(now - self._last, 1)
        self._last = now


def _scaling_sizes(options: Options) -> tuple[int, ...]:
    return default_scaling(options.notes) if options.scaling is None else options.scaling


def _measure(options: Options, work: Path) -> dict[str, Any]:
    say, phases = options.say, _Phases()
    scaling = _scaling_sizes(options)
    sizes = sorted({options.notes, *scaling})
    say(f"generating sites of {', '.join(map(str, sizes))} notes in {work}")
    sites = synth.generate(work, sizes, listing=options.listing, sidebar=options.sidebar)
    main, builds = sites[options.notes], work / "builds"
    phases.done("generate")
    others = [sites[size] for size in sorted(scaling) if size != options.notes]
    samples, scaled = rounds.clean_rounds(main, builds, options.repeat, say, others)
    scaled[options.notes] = samples
    phases.done("clean_rounds")
    say("incremental builds")
    clean_cpu = {
        (side, language): samples.alone_cpu(side, language)
        for side in SIDES
        for language in LANGUAGES
    }
    edits = incremental.measure_edits(main, builds, options.repeat, clean_cpu)
    phases.done("incremental")
    points = [sections.scaling_point(sites[size], scaled[size]) for size in sorted(scaling)]
    return {
        "notes": options.notes,
        "repeat": options.repeat,
        **sections.environment(),
        "site": sections.site_summary(main),
        **sections.clean_builds(samples),
        "incremental": edits,
        "scaling": {"sizes": sorted(scaling), "points": points},
        "phase_seconds": phases.seconds,
    }


def run(options: Options) -> dict[str, Any]:
    """Measure everything; write ``results.json`` into ``options.out``; return the results."""
    started = time.perf_counter()
    options.out.mkdir(parents=True, exist_ok=True)
    byte_compile("sphinx_ext")
    work = Path(tempfile.mkdtemp(prefix="ainotes-bench-"))
    try:
        results = _measure(options, work)
    finally:
        if options.keep:
            kept = options.out / "work"
            shutil.rmtree(kept, ignore_errors=True)
            shutil.move(work, kept)
        else:
            shutil.rmtree(work, ignore_errors=True)
    results["targets"] = targets.check(results)
    results["wall_seconds"] = round(time.perf_counter() - started, 1)
    report.write_json(results, options.out)
    return results
