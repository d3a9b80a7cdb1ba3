"""Pair a translation's blocks with the source's, tolerating what real translations do.

Pairing block N with block N goes wrong after the first added remark or
dropped paragraph. Here:

1. Sections are paired first, by heading level, heading text, and what
   their content shares; no pair ever crosses a heading boundary.
2. Within a pair of sections, blocks are aligned by dynamic programming
   (a weighted longest common subsequence): either side may skip a block,
   and a pair counts only when its score reaches :data:`PAIR_MIN`.
3. Blocks left over on both sides are paired out of order when their
   anchors agree strongly (:data:`REORDERED_MIN`): list items the
   translation reordered.

A pair's score adds up what the two share: identical code, inline code,
URLs and numbers (the anchors), names, block kind and list position, and
a length that fits the note's own length ratio between the languages.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from sphinx_ext.jekyll import features
from sphinx_ext.jekyll.blocks import TEXT_KINDS, Block, Kind, Section, sections

#: The least score of a pair of blocks (in order).
PAIR_MIN = 1.0
#: The least score of a pair of blocks out of order; needs shared anchors or names too.
REORDERED_MIN = 3.0
#: The least score of a pair of sections.
SECTION_MIN = 0.5

Score = Callable[[int, int], float | None]


@dataclass(frozen=True, slots=True)
class Pair:
    source: Block
    translation: Block
    score: float
    reordered: bool = False


@dataclass(slots=True)
class Alignment:
    pairs: list[Pair] = field(default_factory=list)
    translation_only: list[Block] = field(default_factory=list)
    ratio: float = 1.0  # the translation's length per source letter


def align(source: list[Block], translation: list[Block], language: str | None = None) -> Alignment:
    """Pair the blocks of a page and its translation into ``language``."""
    # A block in the wrong script (a paragraph left in Chinese) would skew the length
    # ratio, and should lose against a real translation of the same block.
    foreign = frozenset(id(b) for b in translation if language and _foreign(b, language))
    usable = [b for b in translation if id(b) not in foreign]
    first = _align(source, translation, Scorer(length_ratio(source, usable), foreign))
    # The ratio over what paired is the better estimate; redo when it differs much.
    refined = paired_ratio([p for p in first.pairs if id(p.translation) not in foreign])
    if refined is None or abs(math.log(refined / first.ratio)) < math.log(1.15):
        return first
    return _align(source, translation, Scorer(refined, foreign))


def _align(source: list[Block], translation: list[Block], scorer: Scorer) -> Alignment:
    result = Alignment(ratio=scorer.ratio)
    ours, theirs = sections(source), sections(translation)
    matched = [(0, 0)] + [(i + 1, j + 1) for i, j in _pair_sections(scorer, ours[1:], theirs[1:])]
    paired_theirs = {j for _, j in matched}
    for j, section in enumerate(theirs):
        if j not in paired_theirs:
            result.translation_only += _all_blocks(section)
    for i, j in matched:
        a, b = ours[i], theirs[j]
        if a.heading is not None and b.heading is not None:
            result.pairs.append(Pair(a.heading, b.heading, scorer.block(a.heading, b.heading) or 0))
        _align_blocks(scorer, a.blocks, b.blocks, result)
    result.pairs.sort(key=lambda pair: pair.source.line)
    return result


def _foreign(block: Block, language: str) -> bool:
    return block.kind in TEXT_KINDS and features.wrong_script(block.text, language) is not None


#: Below this many letters of paired source text, a ratio says little.
RATIO_MIN_LETTERS = 100


def paired_ratio(pairs: Sequence[Pair]) -> float | None:
    """The translation's letters per source letter over paired text blocks, if enough."""
    ours = theirs = 0
    for pair in pairs:
        if pair.source.kind in TEXT_KINDS:
            ours += features.of(pair.source.text).length
            theirs += features.of(pair.translation.text).length
    return theirs / ours if ours >= RATIO_MIN_LETTERS and theirs else None


def _all_blocks(section: Section) -> list[Block]:
    return ([section.heading] if section.heading else []) + section.blocks


def length_ratio(source: Sequence[Block], translation: Sequence[Block]) -> float:
    """How many letters of the translation per letter of the source, over the whole note."""
    ours = sum(features.of(b.text).length for b in source if b.kind in TEXT_KINDS)
    theirs = sum(features.of(b.text).length for b in translation if b.kind in TEXT_KINDS)
    return theirs / ours if ours and theirs else 1.0


class Scorer:
    """Scores for pairs of blocks and of sections, for one note and language."""

    def __init__(self, ratio: float, foreign: frozenset[int] = frozenset()) -> None:
        self.ratio = ratio
        self.foreign = foreign  # ids of translation blocks in the wrong script

    def length(self, ours: int, theirs: int) -> float:
        """1 for the expected length, 0 for twice or half of it, down to -2."""
        expected = self.ratio * ours
        deviation = abs(math.log((theirs + 8) / (expected + 8)))
        return max(1 - deviation / math.log(2), -2.0)

    def text(self, a: str, b: str) -> float:
        """What two texts share, and how well their lengths fit."""
        fa, fb = features.of(a), features.of(b)
        score = self.length(fa.length, fb.length) + anchors(fa.anchors, fb.anchors)
        score += 0.4 * min(len(fa.names & fb.names), 4)
        if fb.remark and not fa.remark:
            score -= 1.5
        return score

    def block(self, a: Block, b: Block) -> float | None:
        """The score of pairing two blocks; None if they can never pair."""
        if a.kind is not b.kind:
            return None
        if a.kind is Kind.CODE:
            return _code(a.text, b.text)
        if a.kind is Kind.MATH:
            return 4.0 if a.text.strip() == b.text.strip() else None
        if a.kind is Kind.RULE:
            return 1.5
        if a.kind is Kind.HTML:
            return 4.0 if a.text.strip() == b.text.strip() else 1 + self.text(a.text, b.text)
        if a.kind is Kind.TABLE:
            return 2 + self.text(a.text, b.text) if a.shape == b.shape else None
        score = 1 + _position(a, b) + self.text(a.text, b.text)
        if id(b) in self.foreign:
            score -= 1.0
        if a.kind is Kind.HEADING:
            score += 0.5 if a.level == b.level else -1.5
        return score

    def section(self, a: Section, b: Section) -> float:
        """The score of pairing two sections by their headings and content."""
        assert a.heading is not None and b.heading is not None
        score = 1.0 if a.heading.level == b.heading.level else -1.5
        score += 0.5 * self.text(a.heading.text, b.heading.text)
        score += 0.5 * _count_fit(len(a.blocks), len(b.blocks))
        ours, theirs = _content(a), _content(b)
        score += anchors(ours.anchors, theirs.anchors)
        score += 0.2 * min(len(ours.names & theirs.names), 5)
        shared_code = ours.code & theirs.code
        return score + min(sum(shared_code.values()), 2)


def anchors(a: Counter[str], b: Counter[str]) -> float:
    """From 2.5 when every anchor is shared to -1.5 when none is; 0 without anchors."""
    union = sum((a | b).values())
    if not union:
        return 0.0
    shared = sum((a & b).values()) / union
    return 2.5 * shared - 1.5 * (1 - shared)


def _position(a: Block, b: Block) -> float:
    """Same place in the same kind of list: a bonus; another nesting: a penalty."""
    if a.path == b.path:
        return 0.5 + (0.25 if a.item == b.item else 0.0)
    if len(a.path) == len(b.path):
        return 0.0  # e.g. a numbered list translated as bullets
    return -1.0


def _code(a: str, b: str) -> float | None:
    if a.strip() == b.strip():
        return 6.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.quick_ratio() < 0.6:
        return None
    ratio = matcher.ratio()  # comments translated, say
    return 6 * ratio - 1 if ratio >= 0.6 else None


def _count_fit(a: int, b: int) -> float:
    return max(1 - abs(math.log((b + 1) / (a + 1))) / math.log(2), -1.0)


@dataclass(frozen=True, slots=True)
class _Content:
    anchors: Counter[str]
    names: frozenset[str]
    code: Counter[str]


def _content(section: Section) -> _Content:
    found: Counter[str] = Counter()
    names: set[str] = set()
    code: Counter[str] = Counter()
    for block in section.blocks:
        if block.kind is Kind.CODE:
            code[block.text.strip()] += 1
        elif block.kind in TEXT_KINDS:
            feature = features.of(block.text)
            found += feature.anchors
            names |= feature.names
    return _Content(found, frozenset(names), code)


def _pair_sections(
    scorer: Scorer, ours: list[Section], theirs: list[Section]
) -> list[tuple[int, int]]:
    def score(i: int, j: int) -> float | None:
        value = scorer.section(ours[i], theirs[j]) - _drift(i, len(ours), j, len(theirs))
        return value if value >= SECTION_MIN else None

    return best_path(len(ours), len(theirs), score)


def _drift(i: int, n: int, j: int, m: int) -> float:
    """How far apart two items sit, relative to their sequences: 0 to 1."""
    return abs((i + 0.5) / n - (j + 0.5) / m)


def _align_blocks(scorer: Scorer, ours: list[Block], theirs: list[Block], out: Alignment) -> None:
    def score(i: int, j: int) -> float | None:
        value = scorer.block(ours[i], theirs[j])
        if value is None:
            return None
        value -= _drift(i, len(ours), j, len(theirs))
        return value if value >= PAIR_MIN else None

    path = best_path(len(ours), len(theirs), score)
    out.pairs += [Pair(ours[i], theirs[j], score(i, j) or 0.0) for i, j in path]
    paired_ours, paired_theirs = {i for i, _ in path}, {j for _, j in path}
    left_ours = [b for i, b in enumerate(ours) if i not in paired_ours]
    left_theirs = [b for j, b in enumerate(theirs) if j not in paired_theirs]
    reordered = _reordered(scorer, left_ours, left_theirs)
    out.pairs += reordered
    taken_theirs = {id(p.translation) for p in reordered}
    out.translation_only += [b for b in left_theirs if id(b) not in taken_theirs]


def _reordered(scorer: Scorer, ours: list[Block], theirs: list[Block]) -> list[Pair]:
    """Pairs out of order, strongest first, where shared anchors or names vouch for them."""
    candidates = []
    for a in ours:
        for b in theirs:
            value = scorer.block(a, b)
            fa, fb = features.of(a.text), features.of(b.text)
            vouched = anchors(fa.anchors, fb.anchors) > 0 or len(fa.names & fb.names) >= 2
            if value is not None and value >= REORDERED_MIN and vouched:
                candidates.append((value, a.line, b.line, a, b))
    pairs: list[Pair] = []
    used_ours: set[int] = set()
    used_theirs: set[int] = set()
    for value, _la, _lb, a, b in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if id(a) not in used_ours and id(b) not in used_theirs:
            used_ours.add(id(a))
            used_theirs.add(id(b))
            pairs.append(Pair(a, b, value, reordered=True))
    return pairs


def best_path(n: int, m: int, score: Score) -> list[tuple[int, int]]:
    """The in-order pairs (i, j) with the highest total score; None scores never pair."""
    total = [[0.0] * (m + 1) for _ in range(n + 1)]
    scores: dict[tuple[int, int], float] = {}
    for i in range(1, n + 1):
        row, above = total[i], total[i - 1]
        for j in range(1, m + 1):
            best = max(above[j], row[j - 1])
            value = score(i - 1, j - 1)
            if value is not None:
                scores[(i - 1, j - 1)] = value
                best = max(best, above[j - 1] + value)
            row[j] = best
    path = []
    i, j = n, m
    while i and j:
        value = scores.get((i - 1, j - 1))
        if value is not None and total[i][j] == total[i - 1][j - 1] + value:
            path.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif total[i][j] == total[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return path[::-1]
