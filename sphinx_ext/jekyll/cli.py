"""``sphinx-notes import-jekyll``."""

from __future__ import annotations

import argparse
from typing import Any


def add_parser(commands: Any) -> None:
    parser: argparse.ArgumentParser = commands.add_parser(
        "import-jekyll", help="import a Jekyll notes blog (in progress)"
    )
    parser.set_defaults(run=lambda args: 2)
