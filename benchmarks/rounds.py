"""Clean builds, the two sides in turn: plain-en, ext-en, plain-de, ext-de, ...

Taking turns (rather than all of one side, then all of the other) spreads
any drift of a shared machine's load over both sides alike.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.measure import Run, clean, run_one, run_together, sphinx_command
from benchmarks.synth import Site

SIDES = ("plain", "ext")
LANGUAGES = ("en", "de")

Progress = Callable[[str], None]


@dataclass
class Samples:
    """Every clean build of one site size."""

    clean: dict[tuple[str, str], list[Run]] = field(default_factory=lambda: defaultdict(list))
    together: list[float] = field(default_factory=list)  # wall time of en and de at once
    together_runs: list[list[Run]] = field(default_factory=list)
    jobs2: dict[str, list[Run]] = field(default_factory=lambda: defaultdict(list))

    def seconds(self, side: str, language: str) -> list[float]:
        return [run.seconds for run in self.clean[side, language]]

    def sequential(self) -> list[float]:
        """``make -j1 html``: en, then de, in the same round."""
        pairs = zip(self.clean["ext", "en"], self.clean["ext", "de"], strict=True)
        return [en.seconds + de.seconds for en, de in pairs]


def build_out(builds: Path, side: str, language: str) -> Path:
    """Where a side's clean builds go; the incremental edits start from the last one."""
    return builds / f"{side}-{language}"


def clean_build(site: Site, side: str, language: str, out: Path, *, jobs: int = 1) -> Run:
    return run_one(sphinx_command(site.project(side), clean(out), language, jobs=jobs))


def _turns(
    site: Site, builds: Path, samples: Samples, languages: Sequence[str], say: Progress
) -> None:
    for language in languages:
        for side in SIDES:
            run = clean_build(site, side, language, build_out(builds, side, language))
            samples.clean[side, language].append(run)
            say(f"{side} {language}: {run.seconds:.1f} s, {run.max_rss_kib / 1024:.0f} MiB")


def _together(site: Site, builds: Path, samples: Samples, say: Progress) -> None:
    # What `make html` runs: one sphinx-build per language, at the same time,
    # each with -j auto, so the longer build takes both cores when the other ends.
    jobs = os.cpu_count() or 1
    commands = [
        sphinx_command(site.ext, clean(builds / f"together-{lang}"), lang, jobs=jobs)
        for lang in LANGUAGES
    ]
    wall, runs = run_together(commands)
    samples.together.append(wall)
    samples.together_runs.append(runs)
    say(f"ext en+de at once, -j {jobs} each: {wall:.1f} s")


def _jobs2(site: Site, builds: Path, samples: Samples, say: Progress) -> None:
    for language in LANGUAGES:
        run = clean_build(site, "ext", language, builds / f"ext-{language}-j2", jobs=2)
        samples.jobs2[language].append(run)
        say(f"ext {language} -j 2: {run.seconds:.1f} s")


def main_rounds(site: Site, builds: Path, repeat: int, say: Progress) -> Samples:
    """Items 1, 2, 3 and 5: both sides and languages, en+de at once, -j 2."""
    samples = Samples()
    for number in range(1, repeat + 1):
        say(f"round {number}/{repeat} at N={site.notes}")
        started = time.perf_counter()
        _turns(site, builds, samples, LANGUAGES, say)
        _together(site, builds, samples, say)
        _jobs2(site, builds, samples, say)
        left = (repeat - number) * (time.perf_counter() - started)
        say(f"round {number}/{repeat} done; the other rounds need about {left:.0f} s")
    return samples


def scaling_rounds(site: Site, builds: Path, repeat: int, say: Progress) -> Samples:
    """Item 6: the English build of both sides, nothing else."""
    samples = Samples()
    for number in range(1, repeat + 1):
        say(f"scaling round {number}/{repeat} at N={site.notes}")
        _turns(site, builds / f"scaling-{site.notes}", samples, ("en",), say)
    return samples
