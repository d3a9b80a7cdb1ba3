"""What a block and its translation share, whatever the language.

Anchors survive translation unchanged: inline code, link targets, URLs,
numbers (``380,000`` and ``380.000`` are one number). Names (``ResNet``,
``Zhang``, ``Spotify``) usually do too, but a translation may spell or
inflect them differently, so they only ever count in favour of a pair.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from sphinx_ext import integrity

_CODE = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)")
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f' ]\d{3})*(?:[.,]\d+)?")
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9+#]*(?:[-.][A-Za-z0-9]+)*")
_MARKUP = re.compile(r"[*_~`#>|\[\]()!]+")
# A sentence ends at . ! ? before a capital or a non-Latin letter, or at CJK full stops.
_SENTENCE_END = re.compile(
    r"[.!?][\"'\u201d\u2019\u00bb)]*\s+(?=[^\sa-z0-9,;(])|[\u3002\uff01\uff1f]"
)
# "(Note: the code was not translated.)", "*(Hinweis: ...)*": a translator's remark.
_REMARK = re.compile(r"^[*_]*[(\uff08\[].*[)\uff09\]][*_]*[.\u3002]?$", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Features:
    length: int  # letters of text, markup and anchors left out
    anchors: Counter[str]  # what must be the same in a translation
    names: frozenset[str]  # what is often the same
    sentences: int
    remark: bool  # looks like a translator's aside


@lru_cache(maxsize=8192)
def of(text: str) -> Features:
    anchors: Counter[str] = Counter()
    rest = text
    for match in _CODE.finditer(text):
        anchors[f"`{match[2].strip()}`"] += 1
    rest = _CODE.sub(" ", rest)
    for pattern in (_LINK, integrity.BARE_URL):
        for match in pattern.finditer(rest):
            anchors[match[1] if pattern is _LINK else match[0].rstrip(".,;:!?")] += 1
        rest = pattern.sub(" ", rest)
    for match in _NUMBER.finditer(rest):
        anchors["#" + re.sub(r"\D", "", match[0])] += 1
    # a name has a capital: "ResNet", "Zhang", "GPT-4" (in German every noun does; shared
    # words still count only when both sides have them)
    names = frozenset(word for word in _NAME.findall(rest) if len(word) >= 3 and not word.islower())
    plain = _MARKUP.sub("", rest)
    return Features(
        length=len("".join(plain.split())),
        anchors=anchors,
        names=names,
        sentences=1 + len(_SENTENCE_END.findall(plain.strip())),
        remark=bool(_REMARK.match(text.strip())),
    )


@lru_cache(maxsize=8192)
def mismatches(msgid: str, msgstr: str, language: str) -> tuple[integrity.Mismatch, ...]:
    """:func:`sphinx_ext.integrity.check`, once per pair: the import asks more than once."""
    return tuple(integrity.check(msgid, msgstr, language))


def wrong_script(text: str, language: str) -> integrity.Mismatch | None:
    """The script mismatch of a text with no original, if it has one."""
    if text.isascii():
        return None  # no script to be wrong in: spare the Markdown parse
    found = mismatches("", text, language)
    return next((m for m in found if m.kind is integrity.Kind.SCRIPT), None)
