"""Clean builds: the extension's cost from pairs, the machine's use from builds alone.

What the extension costs (items 1, 5 and 6) is measured in pairs: the plain
and the extension build of a site start together on one CPU, and their CPU
times are compared. Whatever else slows that CPU slows both alike. On this
project's 2-core machine each core's speed wanders by up to 2x from one
second to the next: builds run one after the other (A B A B) at 200 notes
gave ratios from 0.59 to 1.68, pairs on one CPU from 1.09 to 1.145, and
two copies of the same build in a pair agree within 0.3 %.

Two lanes of pairs run at once, one per CPU: the German pair on one, the
English pairs (the main size, then the scaling sizes) on the other; they
swap CPUs every round. Items 2 and 3 are about the wall time of the whole
machine, so those builds run alone, afterwards.
"""

from __future__ import annotations

import os
import statistics
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.measure import Run, clean, run_one, run_together, sphinx_command, usable_cpus
from benchmarks.synth import Site

SIDES = ("plain", "ext")
LANGUAGES = ("en", "de")

Progress = Callable[[str], None]


@dataclass
class Samples:
    """Every clean build of one site size."""

    pairs: dict[str, list[tuple[Run, Run]]] = field(default_factory=lambda: defaultdict(list))
    alone: dict[str, list[Run]] = field(default_factory=lambda: defaultdict(list))  # ext, -j 1
    together: list[float] = field(default_factory=list)  # wall time of en and de at once
    together_runs: list[list[Run]] = field(default_factory=list)
    jobs2: dict[str, list[Run]] = field(default_factory=lambda: defaultdict(list))

    def runs(self, side: str, language: str) -> list[Run]:
        return [pair[SIDES.index(side)] for pair in self.pairs[language]]

    def cpu_ratios(self) -> dict[str, list[float]]:
        """Per language, each pair's extension CPU time over plain's."""
        return {
            language: [ext.cpu_seconds / plain.cpu_seconds for plain, ext in pairs]
            for language, pairs in self.pairs.items()
        }

    def extra_cpu(self, language: str) -> list[float]:
        """Each pair's extension CPU seconds minus plain's."""
        return [ext.cpu_seconds - plain.cpu_seconds for plain, ext in self.pairs[language]]

    def alone_cpu(self, side: str, language: str) -> float | None:
        """A clean build's CPU seconds with the machine to itself.

        A pair's builds run while the other CPU is busy too, which makes each
        slower; only the extension side also runs alone, so plain's time is
        the extension's over the pairs' ratio.
        """
        alone = [run.cpu_seconds for run in self.alone[language]]
        ratios = self.cpu_ratios().get(language)
        if not alone or not ratios:
            return None
        ext = statistics.median(alone)
        return ext if side == "ext" else ext / statistics.median(ratios)

    def sequential(self) -> list[float]:
        """``make -j1 html`` with ``-j 1`` builds: en, then de, alone, in the same round."""
        pairs = zip(self.alone["en"], self.alone["de"], strict=True)
        return [en.seconds + de.seconds for en, de in pairs]


def build_out(builds: Path, side: str, language: str) -> Path:
    """Where a side's paired builds go; the incremental edits start from the last one."""
    return builds / f"{side}-{language}"


Lane = list[tuple[Site, Path, str, Samples]]  # site, its builds, language, where the pair goes


def _pair(site: Site, builds: Path, language: str, cpu: int | None) -> tuple[Run, Run]:
    commands = [
        sphinx_command(site.project(side), clean(build_out(builds, side, language)), language)
        for side in SIDES
    ]
    _wall, (plain, ext) = run_together(commands, cpu=cpu)
    return plain, ext


def _lane(lane: Lane, cpu: int | None, say: Progress) -> None:
    for site, builds, language, samples in lane:
        plain, ext = _pair(site, builds, language, cpu)
        samples.pairs[language].append((plain, ext))
        say(
            f"pair N={site.notes} {language} on CPU {cpu}: CPU plain {plain.cpu_seconds:.1f} s, "
            f"ext {ext.cpu_seconds:.1f} s ({ext.cpu_seconds / plain.cpu_seconds:.3f}); "
            f"RSS {plain.max_rss_kib / 1024:.0f} / {ext.max_rss_kib / 1024:.0f} MiB"
        )


def _pairs(lanes: Sequence[Lane], number: int, say: Progress) -> None:
    cpus = usable_cpus()[: len(lanes)]
    if len(cpus) < len(lanes):  # one CPU: the lanes in turn, on it
        for lane in lanes:
            _lane(lane, cpus[0] if cpus else None, say)
        return
    turn = [cpus[(i + number) % len(cpus)] for i in range(len(lanes))]  # swap every round
    with ThreadPoolExecutor(len(lanes)) as pool:
        futures = [
            pool.submit(_lane, lane, cpu, say) for lane, cpu in zip(lanes, turn, strict=True)
        ]
        for future in futures:
            future.result()


def _alone(site: Site, builds: Path, samples: Samples, say: Progress) -> None:
    for language in LANGUAGES:
        out = clean(builds / f"alone-ext-{language}")
        run = run_one(sphinx_command(site.ext, out, language))
        samples.alone[language].append(run)
        say(f"ext {language} alone, -j 1: {run.seconds:.1f} s")


def _together(site: Site, builds: Path, samples: Samples, say: Progress) -> None:
    # What `make html` runs: one sphinx-build per language, at the same time;
    # the source language's (en, the short one) on one core, the others with
    # -j auto, so they get every core once it ends.
    jobs = os.cpu_count() or 1
    commands = [
        sphinx_command(
            site.ext, clean(builds / f"together-{lang}"), lang, jobs=1 if lang == "en" else jobs
        )
        for lang in LANGUAGES
    ]
    wall, runs = run_together(commands)
    samples.together.append(wall)
    samples.together_runs.append(runs)
    say(f"ext en (-j 1) and de (-j {jobs}) at once: {wall:.1f} s")


def _jobs2(site: Site, builds: Path, samples: Samples, say: Progress) -> None:
    for language in LANGUAGES:
        out = clean(builds / f"alone-ext-{language}-j2")
        run = run_one(sphinx_command(site.ext, out, language, jobs=2))
        samples.jobs2[language].append(run)
        say(f"ext {language} alone, -j 2: {run.seconds:.1f} s")


def clean_rounds(
    site: Site, builds: Path, repeat: int, say: Progress, scaling: Sequence[Site] = ()
) -> tuple[Samples, dict[int, Samples]]:
    """Items 1, 2, 3, 5 and 6: the pairs, then the builds alone, ``repeat`` times."""
    samples, scaled = Samples(), {other.notes: Samples() for other in scaling}
    lanes: list[Lane] = [
        [(site, builds, "de", samples)],
        [(site, builds, "en", samples)]
        + [
            (other, builds / f"scaling-{other.notes}", "en", scaled[other.notes])
            for other in scaling
        ],
    ]
    for number in range(repeat):
        say(f"round {number + 1}/{repeat} at N={site.notes}")
        _pairs(lanes, number, say)
        _alone(site, builds, samples, say)
        _together(site, builds, samples, say)
        _jobs2(site, builds, samples, say)
    return samples, scaled
