"""``python -m benchmarks --notes N --out DIR``: what ``make bench`` runs."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks import report
from benchmarks.bench import Options, run
from benchmarks.synth import LISTINGS


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part.strip())


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    main.add_argument("--notes", type=int, default=500, help="notes in the site (default 500)")
    main.add_argument("--out", type=Path, default=Path("build/bench"), help="for results.json")
    main.add_argument("--repeat", type=int, default=3, help="runs per measurement (default 3)")
    main.add_argument(
        "--scaling",
        type=_sizes,
        default=None,
        help="comma-separated sizes for the per-note cost (default N/5,N,2N: 100,500,1000)",
    )
    main.add_argument("--skip-scaling", action="store_true", help="no scaling measurement")
    main.add_argument(
        "--listing",
        choices=["auto", *LISTINGS],
        default="auto",
        help="how the extension side lists the notes (auto: its directives, if it has them)",
    )
    main.add_argument(
        "--sidebar",
        action="store_true",
        help="put the notes in the toctree, so furo's sidebar lists them all on every page "
        "(Sphinx's own cost then grows with N per note)",
    )
    main.add_argument("--keep", action="store_true", help="keep the sites and builds in OUT/work")
    return main


def _say(started: float) -> Callable[[str], None]:
    def say(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.0f} s] {message}", file=sys.stderr, flush=True)

    return say


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.notes < 1 or args.repeat < 1:
        raise SystemExit("--notes and --repeat must be at least 1")
    options = Options(
        notes=args.notes,
        out=args.out,
        repeat=args.repeat,
        scaling=() if args.skip_scaling else args.scaling,
        listing=args.listing,
        sidebar=args.sidebar,
        keep=args.keep,
        say=_say(time.perf_counter()),
    )
    results = run(options)
    print(report.table(results))
    print(f"Results: {args.out / report.RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
