"""``sphinx-notes import-jekyll``: a Jekyll notes blog in, MyST notes and catalogs out.

Exit status: 0 when every post was imported (or already was), 1 when some
file was reported and left out, 2 when nothing could be done.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from sphinx_ext.jekyll import importer, target

#: Below this many notes an import is quick; no progress bar.
PROGRESS_FROM = 20


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "import-jekyll",
        help="import a Jekyll notes blog: posts become notes, translations catalogs",
        description=(
            "Import a Jekyll site (or a folder of its Markdown posts) written in several "
            "languages: each note's source-language post becomes docs/notes/<slug>.md, each "
            "other language a catalog aligned to it. Prints what could not be aligned."
        ),
    )
    parser.add_argument("src", type=Path, metavar="SRC", help="the Jekyll site or posts folder")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="the site (default: docs)")
    parser.add_argument(
        "--languages", help="comma-separated Sphinx codes, e.g. en,de (default: the site's)"
    )
    parser.add_argument(
        "--source-language",
        help="the language notes are written in (default: the site's ainotes_source_language)",
    )
    parser.add_argument("--dry-run", action="store_true", help="report only; write nothing")
    parser.add_argument(
        "--force", action="store_true", help="overwrite existing notes and translations"
    )
    parser.add_argument(
        "--keep-mismatches",
        action="store_true",
        help="also import translations that change links, code or markup "
        "(never ones in the wrong script); the build warns about them",
    )
    parser.add_argument("--report", type=Path, metavar="FILE.json", help="also write JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    for folder, what in ((args.src, "SRC"), (args.docs, "--docs")):
        if not folder.is_dir():
            print(f"import-jekyll: {what} {folder} is not a folder", file=sys.stderr)
            return 2
    if not (args.docs / "conf.py").is_file():
        print(f"import-jekyll: {args.docs} has no conf.py", file=sys.stderr)
        return 2
    options = target.Options(
        src=args.src,
        docs=args.docs,
        languages=tuple(code.strip() for code in (args.languages or "").split(",") if code.strip()),
        source_language=args.source_language,
        dry_run=args.dry_run,
        force=args.force,
        keep_mismatches=args.keep_mismatches,
    )
    bar = ProgressBar(sys.stderr)
    try:
        report = importer.run(options, progress=bar)
    except target.SiteError as exc:
        print(f"import-jekyll: {exc}", file=sys.stderr)
        return 2
    finally:
        bar.close()
    sys.stdout.write(report.table())
    if args.report is not None:
        args.report.write_text(report.json(), encoding="utf-8")
    if args.dry_run:
        print("Dry run: nothing was written.")
    return 1 if report.failed else 0


class ProgressBar:
    """A one-line bar on a terminal, for imports of many notes; silent otherwise."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream = stream
        self.width = width
        self.shown = False
        self.last = 0.0
        self.started = time.monotonic()

    def __call__(self, phase: str, done: int, total: int) -> None:
        if total < PROGRESS_FROM or not self.stream.isatty():
            return
        now = time.monotonic()
        if done < total and now - self.last < 0.1:  # redraw at most ten times a second
            return
        self.last = now
        filled = self.width * done // total
        bar = "#" * filled + "-" * (self.width - filled)
        elapsed = now - self.started
        self.stream.write(f"\r{phase:<8} [{bar}] {done}/{total} notes, {elapsed:.0f} s")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
