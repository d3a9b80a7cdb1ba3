"""A Jekyll post's front matter: split off, read with YAML, kept as written.

The note keeps the author's front matter byte for byte (comments, key order,
quoting); only a missing ``date`` is added. So the fields are parsed for
reading and never dumped back.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import yaml

_FENCE = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


class FrontMatterError(ValueError):
    """The file has no front matter, or YAML cannot read it."""


@dataclass(frozen=True, slots=True)
class Post:
    """A post's text split in two; ``raw`` is what stood between the fences."""

    raw: str
    fields: dict[str, object]
    body: str

    def get(self, key: str) -> str | None:
        """A field as MyST would show it: a string, or None when absent or empty."""
        value = self.fields.get(key)
        if value is None or value == "":
            return None
        return str(value)

    def flag(self, key: str) -> bool | None:
        """A true/false field: None when absent or not a boolean."""
        value = self.fields.get(key)
        return value if isinstance(value, bool) else None

    def with_date(self, date: dt.date) -> Post:
        """The same post, with ``date`` added when the front matter lacks it."""
        if "date" in self.fields:
            return self
        raw = self.raw if not self.raw or self.raw.endswith("\n") else self.raw + "\n"
        fields = {**self.fields, "date": date}
        return Post(f"{raw}date: {date.isoformat()}\n", fields, self.body)

    def page(self, body: str | None = None) -> str:
        """The Markdown page: the front matter as written, then ``body``."""
        return f"---\n{self.raw}---\n{self.body if body is None else body}"


def split(text: str) -> Post:
    """Split a post into front matter and body; raise :class:`FrontMatterError`."""
    lines = text.splitlines(keepends=True)
    if not lines or not _FENCE.match(lines[0].rstrip("\n")):
        raise FrontMatterError("has no front matter (Jekyll does not publish such a file)")
    for number, line in enumerate(lines[1:], start=1):
        if _CLOSE.match(line.rstrip("\n")):
            raw = "".join(lines[1:number])
            return Post(raw, _parse(raw), "".join(lines[number + 1 :]))
    raise FrontMatterError("has front matter that is never closed with ---")


def _parse(raw: str) -> dict[str, object]:
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise FrontMatterError(f"has front matter YAML cannot read{where}: {problem}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise FrontMatterError("has front matter that is not a set of key: value fields")
    return {str(key): value for key, value in data.items()}
