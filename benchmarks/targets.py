"""The issue's targets, each checked against the results."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

MAX_OVERHEAD = 1.03  # extension build time / plain build time
MAX_RSS = 1.05  # extension peak RSS / plain peak RSS
MAX_AT_ONCE = 0.65  # both languages at once / one after the other
MAX_EDIT_FRACTION = 0.10  # one-note rebuild / clean build
LISTING_PAGES = frozenset({"index", "translation-status"})  # pages that list every note
# The extension's cost per note, as a share of plain Sphinx's in the same pair, may
# grow by half from the smallest to the largest N, or by 3 points (below that is noise).
SCALING_GROWTH = 0.5
SCALING_FLOOR = 0.03


def _target(what: str, target: str, value: object, passed: bool | None) -> dict[str, Any]:
    return {"what": what, "target": target, "value": value, "passed": passed}


def _at_most(value: float | None, limit: float) -> bool | None:
    return None if value is None else value <= limit


def _clean(results: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for language, entry in results["overhead"].items():
        ratio = entry["ratio"]
        yield _target(
            f"extension overhead, {language}",
            f"<= {MAX_OVERHEAD}",
            ratio,
            _at_most(ratio, MAX_OVERHEAD),
        )
    for language, entry in results["memory"].items():
        ratio = entry["ratio"]
        yield _target(f"peak RSS, {language}", f"<= {MAX_RSS}", ratio, _at_most(ratio, MAX_RSS))
    ratio = results["languages_at_once"]["ratio"]
    yield _target(
        "make html: en+de at once / one after the other",
        f"<= {MAX_AT_ONCE}",
        ratio,
        _at_most(ratio, MAX_AT_ONCE),
    )


def _edits(results: dict[str, Any]) -> Iterator[dict[str, Any]]:
    incremental = results["incremental"]
    note = incremental["note"]
    for language, entry in incremental["note_edit"].get("ext", {}).items():
        counts = entry["reread_count"]
        yield _target(
            f"one-note edit, {language}: documents re-read",
            "exactly 1",
            counts,
            all(count == 1 for count in counts) and entry["reread"] == [note],
        )
        extra = sorted(set(entry["written"]) - {note} - LISTING_PAGES)
        yield _target(
            f"one-note edit, {language}: documents written",
            "the note and the pages that list it",
            entry["written"],
            not extra,
        )
        fraction = entry["fraction_of_clean"]
        yield _target(
            f"one-note edit, {language}: time / clean build",
            f"<= {MAX_EDIT_FRACTION}",
            fraction,
            _at_most(fraction, MAX_EDIT_FRACTION),
        )
    de = incremental["po_edit"].get("ext", {}).get("de")
    if de is not None:
        passed = de["reread"] == [incremental["po_note"]] and set(de["reread_count"]) == {1}
        yield _target(
            ".po edit, de: documents re-read", "only its page", de["reread_count"], passed
        )


def _scaling(results: dict[str, Any]) -> Iterator[dict[str, Any]]:
    points = results["scaling"]["points"]
    if len(points) < 2:
        return
    first, last = points[0], points[-1]
    growth = last["extra_share"] - first["extra_share"]
    allowed = max(SCALING_GROWTH * abs(first["extra_share"]), SCALING_FLOOR)
    yield _target(
        f"extension cost per note / plain's, N={first['notes']} to N={last['notes']}",
        f"grows by <= {allowed:.3f}",
        round(growth, 4),
        growth <= allowed,
    )


def check(results: dict[str, Any]) -> list[dict[str, Any]]:
    return [*_clean(results), *_edits(results), *_scaling(results)]
