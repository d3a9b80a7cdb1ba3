"""``make bench`` at five notes, so the benchmark cannot rot unnoticed.

Every measurement runs once on a tiny site; only the shape of the results
is checked. Timings on a busy test machine mean nothing, so none are asserted.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks import report, synth
from benchmarks.bench import Options, run
from benchmarks.rounds import LANGUAGES

SECTIONS = (
    "overhead",
    "memory",
    "languages_at_once",
    "jobs",
    "incremental",
    "scaling",
    "targets",
    "site",
    "warnings",
)


def test_benchmark_runs_end_to_end(tmp_path: Path) -> None:
    # Scaling at 3 and 5 notes: 5 reuses the main rounds, 3 builds its own site.
    options = Options(notes=5, out=tmp_path, repeat=1, scaling=(3, 5))
    results = run(options)

    written = json.loads((tmp_path / report.RESULTS).read_text(encoding="utf-8"))
    assert written == results
    for section in SECTIONS:
        assert section in results, section
    assert results["notes"] == 5
    assert results["site"]["notes"] == 5
    assert results["site"]["sidebar"] is False
    for language in LANGUAGES:
        assert len(results["overhead"][language]["ext"]["runs"]) == 1
        assert results["memory"][language]["ext_mib"]["median"] > 0

    incremental = results["incremental"]
    assert incremental["po_note"] is not None
    for edit in ("note_edit", "po_edit"):
        for side in ("plain", "ext"):
            for language in LANGUAGES:
                entry = incremental[edit][side][language]
                assert all(type(n) is int for n in entry["reread_count"]), entry
                assert all(type(n) is int for n in entry["written_count"]), entry
    # Sphinx's status lines were parsed: the edited note was read again.
    assert incremental["note_edit"]["ext"]["en"]["reread"] == [incremental["note"]]

    points = results["scaling"]["points"]
    assert [point["notes"] for point in points] == [3, 5]
    assert all(isinstance(point["extra_share"], float) for point in points)
    assert all(isinstance(target["what"], str) for target in results["targets"])
    assert "Targets:" in report.table(results)


def test_notes_leave_the_sidebar_on_both_sides(tmp_path: Path) -> None:
    # By default neither side's toctree lists the notes, each in its own way.
    site = synth.generate(tmp_path, [2], listing="notes")[2]
    for side in ("plain", "ext"):
        assert "notes/*" not in (site.project(side) / "index.md").read_text(encoding="utf-8")
    assert "ainotes_notes_in_toctree = False" in (site.ext / "conf.py").read_text(encoding="utf-8")
    assert "toc.not_included" in (site.plain / "conf.py").read_text(encoding="utf-8")
    with_sidebar = synth.generate(tmp_path / "sidebar", [2], listing="notes", sidebar=True)[2]
    for side in ("plain", "ext"):
        index = (with_sidebar.project(side) / "index.md").read_text(encoding="utf-8")
        assert "notes/*" in index
