"""The printed table and ``results.json``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

RESULTS = "results.json"


def write_json(results: dict[str, Any], out: Path) -> Path:
    path = out / RESULTS
    path.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _num(value: object, digits: int = 2) -> str:
    return (
        "-" if value is None else f"{value:.{digits}f}" if isinstance(value, float) else str(value)
    )


def _row(label: str, a: object, b: object, ratio: object = None, digits: int = 1) -> str:
    return f"  {label:<44} {_num(a, digits):>9} {_num(b, digits):>9} {_num(ratio, 3):>8}"


def _header(results: dict[str, Any]) -> Iterator[str]:
    site = results["site"]
    words = site["words"]
    catalogs = ", ".join(f"{count} {kind}" for kind, count in sorted(site["de_catalogs"].items()))
    yield (
        f"Synthetic site: {site['notes']} notes, {words['total']:,} words "
        f"({words['min']}-{words['max']} per note), {site['messages']:,} messages; "
        f"listing: {site['listing']}; notes in the sidebar: {'yes' if site['sidebar'] else 'no'}"
    )
    yield f"German catalogs: {catalogs}"
    yield (
        f"{results['cpu_count']} CPUs, Python {results['python']}, Sphinx {results['sphinx']}, "
        f"myst-parser {results['myst_parser']}, furo {results['furo']}; "
        f"median of {results['repeat']} runs; plain and ext side by side on one CPU"
    )


def _clean(results: dict[str, Any]) -> Iterator[str]:
    yield f"  {'':<44} {'plain':>9} {'ext':>9} {'ratio':>8}"
    yield "1. Clean build, CPU seconds (plain and ext at once on one CPU; median of the pairs)"
    for language, entry in results["overhead"].items():
        yield _row(language, entry["plain"]["median"], entry["ext"]["median"], entry["ratio"])
        pairs = ", ".join(f"{value:.3f}" for value in entry["pair_ratios"])
        yield f"  {'':<4}each pair: {pairs}"
    together = results["languages_at_once"]
    yield f"2. make html, extension side{'':<17} {'en, de':>9} {'at once':>9}"
    yield "   (alone on the machine: one after the other, -j 1 each; at once, en -j 1, de -j auto)"
    yield _row(
        "seconds",
        together["sequential"]["median"],
        together["at_once"]["median"],
        together["ratio"],
    )
    yield f"3. Extension side, seconds{'':<19} {'-j 1':>9} {'-j 2':>9}"
    for language in ("en", "de"):
        entry = results["jobs"][language]
        yield _row(language, entry["j1"]["median"], entry["j2"]["median"], entry["ratio"])
    j2 = results["jobs"]["en_then_de_j2"]
    yield _row(
        "en then de, each -j 2 (vs -j 1)",
        together["sequential"]["median"],
        j2["seconds"]["median"],
        j2["ratio_to_sequential_j1"],
    )


def _names(names: list[str], most: int = 4) -> str:
    """A few docnames; a long list (every page rewritten) only as a count."""
    if len(names) <= most:
        return ", ".join(names)
    return f"{len(names)} pages: {', '.join(names[:2])}, ..."


def _edits(results: dict[str, Any]) -> Iterator[str]:
    incremental = results["incremental"]
    yield (
        f"4. Incremental builds (edited {incremental['note']}; "
        f".po of {incremental['po_note']}): re-read / written / s / CPU of clean"
    )
    for edit in ("note_edit", "po_edit"):
        for side, languages in sorted(incremental[edit].items()):
            for language, entry in languages.items():
                label = f"{edit.replace('_', ' ')}, {side} {language}"
                yield (
                    f"  {label:<28} {_num(entry['reread_count']):>10} "
                    f"{_num(entry['written_count']):>10} {_num(entry['seconds']['median'], 2):>7} "
                    f"{_num(entry['fraction_of_clean'], 3):>7}   {_names(entry['written'])}"
                )


def _memory(results: dict[str, Any]) -> Iterator[str]:
    yield f"5. Peak RSS, MiB{'':<29} {'plain':>9} {'ext':>9}"
    for language, entry in results["memory"].items():
        yield _row(
            language, entry["plain_mib"]["median"], entry["ext_mib"]["median"], entry["ratio"]
        )


def _scaling(results: dict[str, Any]) -> Iterator[str]:
    points = results["scaling"]["points"]
    if not points:
        return
    yield "6. Scaling, en, CPU ms per note: plain Sphinx, extension's extra, its share of plain's"
    for point in points:
        seconds = f"plain {point['plain']['median']} s, ext {point['ext']['median']} s"
        yield _row(
            f"N={point['notes']} ({seconds})",
            point["plain_ms_per_note"],
            point["ext_overhead_ms_per_note"],
            point["extra_share"],
            digits=2,
        )


def _targets(results: dict[str, Any]) -> Iterator[str]:
    checks = results["targets"]
    met = sum(1 for check in checks if check["passed"])
    warnings = ", ".join(f"{build} {count}" for build, count in results["warnings"].items())
    yield f"Warnings in the clean builds: {warnings}"
    yield f"Targets: {met} of {len(checks)} met"
    for check in checks:
        verdict = {True: "ok  ", False: "MISS", None: "n/a "}[check["passed"]]
        value = check["value"]
        shown = _num(value, 3) if not isinstance(value, list) else _names(list(map(str, value)))
        yield f"  {verdict} {check['what']:<48} {shown:<24} target {check['target']}"


def table(results: dict[str, Any]) -> str:
    lines = [
        *_header(results),
        "",
        *_clean(results),
        *_edits(results),
        *_memory(results),
        *_scaling(results),
        "",
        *_targets(results),
        f"Whole benchmark: {results['wall_seconds']:.0f} s ("
        + ", ".join(f"{name} {sec:.0f} s" for name, sec in results["phase_seconds"].items())
        + ")",
    ]
    return "\n".join(lines)
