"""From aligned blocks to msgid -> msgstr, each translation checked before it is kept.

Sphinx's messages are tied to the source's blocks by their line (a table's
cells share one) and text; a paired translation block gives the msgstr in
the same form. Before a msgstr is kept:

- :func:`sphinx_ext.integrity.check` must pass, as at build time. A
  passage in the wrong script is never imported; any other mismatch (a
  changed link, code or number of images) is left out unless asked for,
  because the build would refuse it anyway.
- It must not be much shorter than the note's length ratio predicts while
  having fewer sentences: a translation that dropped sentences is left
  out, so the page shows the whole original and says it is untranslated.

Every translation block that ends up in no msgstr is reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from sphinx_ext import integrity
from sphinx_ext.jekyll import features
from sphinx_ext.jekyll.align import RATIO_MIN_LETTERS, Alignment
from sphinx_ext.jekyll.blocks import TEXT_KINDS, Block, Kind
from sphinx_ext.jekyll.extract import Occurrence

#: A msgstr with fewer sentences than its msgid and shorter than this share of the length
#: the note's own ratio predicts is incomplete. Whole translations of long paragraphs stay
#: within 0.9-1.1 of it; dropping one sentence of three gives about 0.67. Short blocks vary more.
INCOMPLETE_BELOW = 0.8
INCOMPLETE_BELOW_SHORT = 0.55
#: In letters: below ``LONG`` a block is short; below ``TOO_SHORT`` it is not judged at all.
LONG = 100
TOO_SHORT = 40


@dataclass(frozen=True, slots=True)
class Passage:
    """A block of the translation (or of the source) that the report names."""

    line: int
    text: str  # its first words
    reason: str = ""

    def as_dict(self) -> dict[str, object]:
        found: dict[str, object] = {"line": self.line, "text": self.text}
        if self.reason:
            found["reason"] = self.reason
        return found


@dataclass(slots=True)
class Messages:
    """One note in one language: what to import, and what not and why."""

    occurrences: list[Occurrence]  # Sphinx's, in page order
    strings: dict[str, str] = field(default_factory=dict)  # msgid -> msgstr to import
    extra: list[Passage] = field(default_factory=list)  # translation blocks with no counterpart
    wrong_script: list[Passage] = field(default_factory=list)
    mismatched: list[Passage] = field(default_factory=list)
    incomplete: list[Passage] = field(default_factory=list)
    reordered: list[Passage] = field(default_factory=list)  # imported, paired out of order

    def relocate(self, line_of: Callable[[int], int]) -> None:
        """Give the translation's passages their lines in the post as written."""
        for passages in (
            self.extra,
            self.wrong_script,
            self.mismatched,
            self.incomplete,
            self.reordered,
        ):
            passages[:] = [replace(p, line=line_of(p.line)) for p in passages]

    @property
    def msgids(self) -> list[str]:
        """Each message once, in page order."""
        return list(dict.fromkeys(o.msgid for o in self.occurrences))


@dataclass(frozen=True, slots=True)
class Titles:
    source: str | None
    translation: str | None
    translation_line: int = 1


def collect(
    occurrences: Sequence[Occurrence],
    source: Sequence[Block],
    alignment: Alignment,
    titles: Titles,
    language: str,
    *,
    keep_mismatches: bool = False,
) -> Messages:
    """The msgstr for each of Sphinx's messages that a paired block translates."""
    result = Messages(list(occurrences))
    totals = _Totals.of(alignment)
    offered = _offered(alignment)
    placed = _place(occurrences, source, titles.source)
    for msgid in result.msgids:
        where = placed.get(msgid)
        if where is None:
            continue
        if where == _TITLE:
            if titles.translation:
                candidate = (titles.translation, titles.translation_line)
                _judge(result, msgid, candidate, language, keep_mismatches, totals)
            continue
        offer = offered.get(where)
        if offer is not None:
            _judge(result, msgid, offer, language, keep_mismatches, totals)
    _report_unpaired(result, alignment.translation_only, language)
    result.reordered = [
        Passage(p.translation.line, first_words(p.translation.text))
        for p in alignment.pairs
        if p.reordered
    ]
    return result


_TITLE = (-1, 0)
_Candidate = tuple[str, int]  # a msgstr and its line in the translation


def _place(
    occurrences: Sequence[Occurrence], source: Sequence[Block], title: str | None
) -> dict[str, tuple[int, int]]:
    """Where each message comes from: (block line, index among its messages)."""
    by_line: dict[int, list[Block]] = {}
    for block in source:
        by_line.setdefault(block.line, []).append(block)
    placed: dict[str, tuple[int, int]] = {}
    for occurrence in occurrences:
        if occurrence.msgid in placed:
            continue
        if occurrence.line == 1 and occurrence.msgid == title:
            placed[occurrence.msgid] = _TITLE
            continue
        for block in by_line.get(occurrence.line, ()):
            messages = block.messages()
            if occurrence.msgid in messages:
                placed[occurrence.msgid] = (block.line, messages.index(occurrence.msgid))
                break
    return placed


def _offered(alignment: Alignment) -> dict[tuple[int, int], _Candidate]:
    """Each paired source message's translation: (source line, index) -> candidate."""
    offered: dict[tuple[int, int], _Candidate] = {}
    for pair in alignment.pairs:
        ours, theirs = pair.source.messages(), pair.translation.messages()
        if len(ours) != len(theirs):  # e.g. an image more or less: only the text pairs
            ours, theirs = ours[:1], theirs[:1]
        for index, text in enumerate(theirs):
            offered[(pair.source.line, index)] = (text, pair.translation.line)
    return offered


def _judge(
    result: Messages,
    msgid: str,
    candidate: _Candidate,
    language: str,
    keep_mismatches: bool,
    totals: _Totals,
) -> None:
    msgstr, line = candidate
    if not msgstr:
        return
    mismatches = features.mismatches(msgid, msgstr, language)
    script = [m for m in mismatches if m.kind is integrity.Kind.SCRIPT]
    if script:
        result.wrong_script.append(Passage(line, first_words(msgstr), script[0].detail))
        return
    if mismatches and not keep_mismatches:
        detail = "; ".join(map(str, mismatches))
        result.mismatched.append(Passage(line, first_words(msgstr), detail))
        return
    if totals.incomplete(msgid, msgstr):
        result.incomplete.append(
            Passage(line, first_words(msgstr), "much shorter than the original, fewer sentences")
        )
        return
    result.strings[msgid] = msgstr


@dataclass(frozen=True, slots=True)
class _Totals:
    """Letters of paired text, source and translation: the note's own length ratio."""

    ours: int
    theirs: int

    @classmethod
    def of(cls, alignment: Alignment) -> _Totals:
        pairs = [p for p in alignment.pairs if p.source.kind in TEXT_KINDS]
        return cls(
            sum(features.of(p.source.text).length for p in pairs),
            sum(features.of(p.translation.text).length for p in pairs),
        )

    def incomplete(self, msgid: str, msgstr: str) -> bool:
        """Fewer sentences, and much shorter than the rest of the note predicts."""
        ours, theirs = features.of(msgid), features.of(msgstr)
        if ours.length < TOO_SHORT or theirs.sentences >= ours.sentences:
            return False
        # the ratio of the other blocks: this one must not excuse itself
        rest_ours, rest_theirs = self.ours - ours.length, self.theirs - theirs.length
        if rest_ours < RATIO_MIN_LETTERS or rest_theirs <= 0:
            return False  # too little else to compare with: no judgement
        share = INCOMPLETE_BELOW if ours.length >= LONG else INCOMPLETE_BELOW_SHORT
        return theirs.length < share * (rest_theirs / rest_ours) * ours.length


def _report_unpaired(result: Messages, blocks: Sequence[Block], language: str) -> None:
    for block in blocks:
        if block.kind is Kind.RULE or not block.text.strip():
            continue
        text = first_words(block.text)
        if block.kind is Kind.CODE:
            result.extra.append(Passage(block.line, text, block.kind.value))
            continue
        script = features.wrong_script(block.text, language)
        if script is not None:
            result.wrong_script.append(Passage(block.line, text, script.detail))
        else:
            result.extra.append(Passage(block.line, text, block.kind.value))


_MARKS = re.compile(r"[*_`#>|]+")


def first_words(text: str, words: int = 8, chars: int = 60) -> str:
    """The start of a passage, enough to find it: eight words or sixty characters."""
    plain = " ".join(_MARKS.sub("", text).split())
    cut = " ".join(plain.split(" ")[:words])
    if len(cut) > chars:
        cut = cut[:chars]
    return cut + ("…" if len(cut) < len(plain) else "")
