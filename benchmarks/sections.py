"""The sections of ``results.json`` that summarise the clean builds."""

from __future__ import annotations

import os
import platform
import statistics
import sys
from collections import Counter
from importlib.metadata import version
from typing import Any

from benchmarks.rounds import LANGUAGES, SIDES, Samples
from benchmarks.stats import ratio, series
from benchmarks.synth import Site


def _overhead(samples: Samples, language: str) -> dict[str, Any]:
    """Item 1: the median of the pairs' CPU-time ratios (see rounds)."""
    cpu = {side: series(run.cpu_seconds for run in samples.runs(side, language)) for side in SIDES}
    ratios = series(samples.cpu_ratios().get(language, []), 4)
    return {**cpu, "pair_ratios": ratios["runs"], "ratio": ratios["median"]}


def _memory(samples: Samples, language: str) -> dict[str, Any]:
    """Item 5: each build's own peak RSS."""
    mib = {
        f"{side}_mib": series((run.max_rss_kib / 1024 for run in samples.runs(side, language)), 1)
        for side in SIDES
    }
    return {**mib, "ratio": ratio(mib["ext_mib"]["median"], mib["plain_mib"]["median"])}


def _at_once(samples: Samples) -> dict[str, Any]:
    """Item 2: ``make html`` (both languages at once: en ``-j 1``, de ``-j auto``)
    against one after the other with ``-j 1``; every build alone on the machine."""
    sequential, at_once = series(samples.sequential()), series(samples.together)
    return {
        "sequential": sequential,
        "at_once": at_once,
        "ratio": ratio(at_once["median"], sequential["median"]),
    }


def _jobs(samples: Samples) -> dict[str, Any]:
    """Item 3: ``-j 1`` against ``-j 2``, and en then de with ``-j 2`` each."""
    jobs: dict[str, Any] = {}
    for language in LANGUAGES:
        j1 = series(run.seconds for run in samples.alone[language])
        j2 = series(run.seconds for run in samples.jobs2[language])
        jobs[language] = {"j1": j1, "j2": j2, "ratio": ratio(j2["median"], j1["median"])}
    pairs = zip(samples.jobs2["en"], samples.jobs2["de"], strict=True)
    j2_sequential = series(en.seconds + de.seconds for en, de in pairs)
    sequential = series(samples.sequential())
    jobs["en_then_de_j2"] = {
        "seconds": j2_sequential,
        "ratio_to_sequential_j1": ratio(j2_sequential["median"], sequential["median"]),
    }
    return jobs


def clean_builds(samples: Samples) -> dict[str, Any]:
    return {
        "overhead": {language: _overhead(samples, language) for language in LANGUAGES},
        "memory": {language: _memory(samples, language) for language in LANGUAGES},
        "languages_at_once": _at_once(samples),
        "jobs": _jobs(samples),
        "warnings": {
            f"{side}-{language}": max(run.warnings for run in samples.runs(side, language))
            for side in SIDES
            for language in LANGUAGES
        },
    }


def scaling_point(site: Site, samples: Samples) -> dict[str, Any]:
    """Item 6: plain Sphinx's CPU time per note, and what the extension adds to it.

    The milliseconds depend on how busy the other CPU was; the share of
    plain's cost in the same pair (``extra_share``) does not, so the target
    uses it.
    """
    plain = series(run.cpu_seconds for run in samples.runs("plain", "en"))
    ext = series(run.cpu_seconds for run in samples.runs("ext", "en"))
    extra = statistics.median(samples.extra_cpu("en"))  # pair by pair, as in item 1
    share = statistics.median(r - 1 for r in samples.cpu_ratios()["en"])
    return {
        "notes": site.notes,
        "plain": plain,
        "ext": ext,
        "plain_ms_per_note": round(1000 * plain["median"] / site.notes, 3),
        "ext_overhead_ms_per_note": round(1000 * extra / site.notes, 3),
        "extra_share": round(share, 4),
    }


def site_summary(site: Site) -> dict[str, Any]:
    return {
        "notes": site.notes,
        "words": {
            "total": sum(site.words),
            "min": min(site.words),
            "mean": round(statistics.mean(site.words)),
            "max": max(site.words),
        },
        "messages": site.messages,
        "de_catalogs": dict(Counter(site.translation.values())),
        "listing": site.listing,
        "sidebar": site.sidebar,
    }


def environment() -> dict[str, Any]:
    return {
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "sphinx": version("sphinx"),
        "myst_parser": version("myst-parser"),
        "furo": version("furo"),
        "executable": sys.executable,
    }
