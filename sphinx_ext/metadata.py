"""The typed front-matter record of a note, and its parsing.

MyST hands every front-matter value to Sphinx as a string (``True`` becomes
``"True"``, a date ``"2025-09-09"``). :func:`parse_front_matter` turns those
strings into a :class:`NoteMeta` and reports each value it had to drop.
It is pure, so it is tested without building a site.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import yaml

from sphinx_ext import langtags

#: A title longer than this is cut in labels, meta tags and JSON-LD.
MAX_TITLE = 300


@dataclass(frozen=True, slots=True)
class NoteMeta:
    """What a note's front matter says about how it was made."""

    title: str | None = None
    lang: str | None = None  # BCP 47, normalized ("en", "zh-Hant")
    generated: bool | None = None  # None: the front matter does not say
    translated: bool | None = None  # the source page is itself an AI translation
    audio: bool = False
    image: bool | str = False
    date: dt.date | None = None
    model: str | None = None
    type: str | None = None

    @property
    def ai_generated(self) -> bool:
        """Written by an AI model: ``generated`` says so, or, unsaid, a ``model`` is named.

        A note naming the model that wrote it must not be labelled "Original".
        """
        return self.generated if self.generated is not None else self.model is not None

    @property
    def is_note(self) -> bool:
        """A note says ``type: note``, or says nothing of its type but how it was made.

        Jekyll notes carry ``translated`` even where ``generated`` and ``type``
        are missing; left unlisted, they would be unreachable.
        """
        said = any(value is not None for value in (self.generated, self.model, self.translated))
        return self.type == "note" or (self.type is None and said)


@dataclass(frozen=True, slots=True)
class Problem:
    """A front-matter value that was dropped, and what would have been accepted."""

    key: str
    value: str
    expected: str

    def __str__(self) -> str:
        value = self.value if len(self.value) <= 60 else self.value[:57] + "..."
        return f"front matter {self.key!r} is {value!r}; expected {self.expected}"


class _Invalid(ValueError):
    pass


def _boolean(value: str) -> bool:
    # YAML's true/false reach us as "True"/"False"; "yes", "1" or "maybe" do not.
    lowered = value.strip().lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    raise _Invalid("true or false")


def _language(value: str) -> str:
    tag = langtags.normalize(value)
    if tag is None:
        raise _Invalid('a BCP 47 language tag such as "en", "de" or "zh-Hant"')
    return tag


def _date(value: str) -> dt.date:
    try:
        return dt.datetime.fromisoformat(value.strip()).date()
    except ValueError:
        raise _Invalid("an ISO 8601 date such as 2025-09-09") from None


def _text(value: str) -> str:
    text = " ".join(value.split())
    if not text:
        raise _Invalid("a non-empty text")
    return text


def _title(value: str) -> str:
    text = _text(value)
    if len(text) > MAX_TITLE:
        raise _Invalid(f"a title of at most {MAX_TITLE} characters")
    return text


def _image(value: str) -> bool | str:
    try:
        return _boolean(value)
    except _Invalid:
        return _text(value)  # a path to the note's image


_PARSERS: dict[str, Callable[[str], object]] = {
    "title": _title,
    "lang": _language,
    "generated": _boolean,
    "translated": _boolean,
    "audio": _boolean,
    "image": _image,
    "date": _date,
    "model": _text,
    "type": _text,
}


def parse_front_matter(fields: Mapping[str, str]) -> tuple[NoteMeta, list[Problem]]:
    """Parse front-matter strings; unknown keys are left alone, bad values dropped."""
    values: dict[str, object] = {}
    problems: list[Problem] = []
    for key, parse in _PARSERS.items():
        if key not in fields:
            continue
        raw = fields[key]
        try:
            values[key] = parse(raw)
        except _Invalid as exc:
            problems.append(Problem(key, raw, str(exc)))
    return NoteMeta(**values), problems  # type: ignore[arg-type]


def as_fields(meta: NoteMeta) -> dict[str, str]:
    """The front-matter strings that parse back to ``meta`` (the parser's inverse)."""
    fields = {}
    for field in dataclasses.fields(meta):
        value = getattr(meta, field.name)
        if value is not None and value != field.default:
            fields[field.name] = value.isoformat() if isinstance(value, dt.date) else str(value)
    return fields


def yaml_problem(source: str) -> tuple[str, int] | None:
    """Why a file's front matter block is not a mapping, and on which line.

    MyST drops such a block with a bare "Malformed YAML"; this says where
    and what. None when the file has no front matter block or it is fine.
    """
    lines = source.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), None)
    if end is None:
        return "front matter has no closing '---' line", 1
    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except (ValueError, TypeError, RecursionError) as exc:  # YAML read a value, then choked
        return f"front matter cannot be read: {exc}; quote the value", _bad_line(lines[1:end])
    except yaml.YAMLError as exc:
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        context = getattr(exc, "context", None)
        detail = f"{context}: {problem}" if context else problem
        return f"front matter is not valid YAML ({detail})", line
    if data is not None and not isinstance(data, dict):
        return f"front matter must be 'key: value' lines, not a {type(data).__name__}", 2
    return None


def _bad_line(lines: list[str]) -> int:
    """The first front-matter line YAML cannot construct a value from (1-based, in the file)."""
    for number, line in enumerate(lines, start=2):
        try:
            yaml.safe_load(line)
        except Exception:  # any failure marks the line; the caller already has the reason
            return number
    return 1
