"""``sphinx-notes``: the commands the Makefile and users run."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from sphinx_ext import site, workflow
from sphinx_ext.jekyll import cli as jekyll


def _languages(args: argparse.Namespace) -> int:
    conf = site.read_conf(args.docs)
    print(site.source_language(conf) if args.source else " ".join(site.site_languages(conf)))
    return 0


def _root_index(args: argparse.Namespace) -> int:
    print(f"wrote {site.write_root(args.docs, args.out)}")
    return 0


def _update_po(args: argparse.Namespace) -> int:
    conf = site.read_conf(args.docs)
    locale_dirs = conf.get("locale_dirs") or ["locales"]
    locale_dir = args.docs / str(locale_dirs[0])  # type: ignore[index]
    languages = args.languages.split(",") if args.languages else site.site_languages(conf)
    totals = workflow.update_po(args.pot_dir, locale_dir, languages)
    print(", ".join(f"{key}: {value}" for key, value in totals.items()))
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="sphinx-notes", description=__doc__)
    commands = main.add_subparsers(dest="command", required=True)

    languages = commands.add_parser("languages", help="print the site's languages (conf.py)")
    languages.add_argument("docs", type=Path, nargs="?", default=Path("docs"))
    languages.add_argument("--source", action="store_true", help="only the source language")
    languages.set_defaults(run=_languages)

    root = commands.add_parser("root-index", help="write the site root that picks a language")
    root.add_argument("docs", type=Path)
    root.add_argument("out", type=Path)
    root.set_defaults(run=_root_index)

    update = commands.add_parser(
        "update-po", help="sphinx-intl update, per language, for pages in other languages"
    )
    update.add_argument("docs", type=Path)
    update.add_argument("pot_dir", type=Path)
    update.add_argument("--languages", help="comma-separated; default: all but the source's")
    update.set_defaults(run=_update_po)

    jekyll.add_parser(commands)
    return main


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    sys.exit(main())
