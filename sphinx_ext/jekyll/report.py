"""What an import did, per note and language and in total: a table, and JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sphinx_ext.jekyll.discover import Problem
from sphinx_ext.jekyll.messages import Passage


@dataclass(slots=True)
class LanguageReport:
    language: str
    translation: str  # the translated post, relative to the source folder
    catalog: str  # relative to the docs folder
    status: str  # written, unchanged, would write
    messages: int  # Sphinx's count of the page's messages, as in translation_progress
    translated: int
    untranslated: list[Passage] = field(default_factory=list)  # of the source page
    extra: list[Passage] = field(default_factory=list)
    wrong_script: list[Passage] = field(default_factory=list)
    mismatched: list[Passage] = field(default_factory=list)
    incomplete: list[Passage] = field(default_factory=list)
    reordered: list[Passage] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # existing msgstrs kept over the import's
    replaced: list[str] = field(default_factory=list)  # existing msgstrs overwritten (--force)
    header_kept: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "language": self.language,
            "translation": self.translation,
            "catalog": self.catalog,
            "status": self.status,
            "messages": self.messages,
            "translated": self.translated,
            "untranslated": self.messages - self.translated,
            "untranslated_messages": [p.as_dict() for p in self.untranslated],
            "extra_dropped": [p.as_dict() for p in self.extra],
            "wrong_script": [p.as_dict() for p in self.wrong_script],
            "mismatched": [p.as_dict() for p in self.mismatched],
            "incomplete": [p.as_dict() for p in self.incomplete],
            "reordered": [p.as_dict() for p in self.reordered],
            "existing_kept": len(self.kept),
            "existing_replaced": len(self.replaced),
            "header_kept": self.header_kept,
        }


@dataclass(slots=True)
class NoteReport:
    slug: str
    date: str
    source: str  # the source post, relative to the source folder
    page: str  # relative to the docs folder
    status: str  # written, unchanged, would write, exists (not overwritten)
    changes: list[str] = field(default_factory=list)  # what MyST needed
    warnings: list[str] = field(default_factory=list)  # Sphinx's, reading the page
    languages: list[LanguageReport] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "slug": self.slug,
            "date": self.date,
            "source": self.source,
            "page": self.page,
            "status": self.status,
            "changes": self.changes,
            "warnings": self.warnings,
            "languages": [language.as_dict() for language in self.languages],
        }


_COUNTED = ("messages", "translated", "untranslated", "extra", "wrong_script", "other")


@dataclass(slots=True)
class Report:
    src: str
    docs: str
    dry_run: bool
    notes: list[NoteReport] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    ignored: int = 0  # Markdown files that are not posts
    seconds: dict[str, float] = field(default_factory=dict)  # per phase of the import
    other_languages: dict[str, int] = field(default_factory=dict)  # posts not imported

    @property
    def failed(self) -> bool:
        """Whether any file could not be imported (bad input, or a conflict kept)."""
        return any(problem.fatal for problem in self.problems)

    def totals(self) -> dict[str, int]:
        found = dict.fromkeys(_COUNTED, 0)
        for note in self.notes:
            for language in note.languages:
                for key, value in _counts(language).items():
                    found[key] += value
        found["notes"] = len(self.notes)
        found["notes_written"] = sum(n.status in ("written", "would write") for n in self.notes)
        found["catalogs_written"] = sum(
            lang.status in ("written", "would write") for n in self.notes for lang in n.languages
        )
        found["problems"] = sum(p.fatal for p in self.problems)
        found["ignored_files"] = self.ignored
        return found

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.src,
            "docs": self.docs,
            "dry_run": self.dry_run,
            "totals": self.totals(),
            "seconds": self.seconds,
            "other_languages": self.other_languages,
            "notes": [note.as_dict() for note in self.notes],
            "problems": [
                {"file": p.path, "message": p.message, "fatal": p.fatal} for p in self.problems
            ],
        }

    def json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=1) + "\n"

    def table(self) -> str:
        """The per-note table, the details of every reported block, then the problems."""
        header = ("note", "lang", "messages", "translated", "untransl.", "extra", "script", "other")
        rows: list[tuple[str, ...]] = [header]
        for note in self.notes:
            for language in note.languages:
                counts = _counts(language)
                rows.append((_cut(note.slug), language.language, *map(str, counts.values())))
        totals = self.totals()
        rows.append((f"total ({totals['notes']} notes)", "", *(str(totals[k]) for k in _COUNTED)))
        widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
        lines = [
            "  ".join(
                c.ljust(w) if i < 2 else c.rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
            for row in rows
        ]
        lines.insert(1, "  ".join("-" * w for w in widths))
        lines.insert(len(lines) - 1, lines[1])
        return "\n".join([*lines, *self._details(), *self._problems()]) + "\n"

    def _details(self) -> list[str]:
        lines = []
        for note in self.notes:
            said = [f"  page {note.page}: {note.status}"]
            said += [f"  changed for MyST: {change}" for change in note.changes]
            said += [f"  Sphinx: {warning}" for warning in note.warnings]
            for language in note.languages:
                said += [f"  {language.language}: catalog {language.catalog}: {language.status}"]
                said += _passages(language)
            lines += ["", f"{note.slug} ({note.source})", *said]
        return lines

    def _problems(self) -> list[str]:
        lines = []
        if self.other_languages:
            counts = ", ".join(f"{tag} {n}" for tag, n in self.other_languages.items())
            lines += ["", f"Posts in languages the site does not build (not imported): {counts}"]
        if not self.problems:
            return lines
        lines += ["", "Files not imported, or imported with a remark:"]
        lines += [f"  {'' if p.fatal else '(remark) '}{p}" for p in self.problems]
        return lines


def _counts(language: LanguageReport) -> dict[str, int]:
    return {
        "messages": language.messages,
        "translated": language.translated,
        "untranslated": language.messages - language.translated,
        "extra": len(language.extra),
        "wrong_script": len(language.wrong_script),
        "other": len(language.mismatched) + len(language.incomplete),
    }


def _passages(language: LanguageReport) -> list[str]:
    groups = (
        ("dropped, no counterpart in the original", language.extra),
        ("not imported, wrong script", language.wrong_script),
        ("not imported, changes what must not change", language.mismatched),
        ("not imported, incomplete", language.incomplete),
        ("imported, paired out of order", language.reordered),
        ("left untranslated", language.untranslated),
    )
    lines = []
    for title, passages in groups:
        for passage in passages:
            reason = f" ({passage.reason})" if passage.reason else ""
            lines.append(f"    {title}: line {passage.line}: {passage.text!r}{reason}")
    if language.kept:
        lines.append(
            f"    {len(language.kept)} existing translation(s) kept (--force replaces them)"
        )
    if language.header_kept:
        lines.append(f"    existing X-AI-Translated: {language.header_kept} kept")
    return lines


def _cut(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
