"""Does a translation keep what must not change?

AI translations can silently change a URL, alter inline code, drop a link,
add raw HTML, or leave a paragraph in the source's script. :func:`check`
compares a msgstr with its msgid and names every difference. It is pure:
the Markdown is tokenized with MyST's own markdown-it configuration.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

from sphinx_ext import langtags


class Kind(StrEnum):
    STRUCTURE = "structure"
    LINKS = "link targets"
    CODE = "inline code"
    HTML = "raw HTML"
    MATH = "math"
    SUBSTITUTIONS = "substitutions"
    SCRIPT = "script"


@dataclass(frozen=True, slots=True)
class Mismatch:
    kind: Kind
    detail: str

    def __str__(self) -> str:
        return f"{self.kind.value}: {self.detail}"


# Scripts a translation may wrongly keep, by Unicode block.
_SCRIPT_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "Han": ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F)),
    "Kana": ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9D)),
    "Hangul": ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF)),
    "Arabic": (
        (0x0600, 0x06FF),
        (0x0750, 0x077F),
        (0x08A0, 0x08FF),
        (0xFB50, 0xFDFF),
        (0xFE70, 0xFEFF),
    ),
    "Cyrillic": ((0x0400, 0x052F),),
    "Devanagari": ((0x0900, 0x097F),),
    "Greek": ((0x0370, 0x03FF),),
    "Hebrew": ((0x0590, 0x05FF),),
    "Thai": ((0x0E00, 0x0E7F),),
}
# ISO 15924 codes (CLDR's likely scripts) to the blocks a language is written in.
_WRITTEN_IN = {
    "Hans": {"Han"},
    "Hant": {"Han"},
    "Jpan": {"Han", "Kana"},
    "Kore": {"Hangul", "Han"},
    "Arab": {"Arabic"},
    "Cyrl": {"Cyrillic"},
    "Deva": {"Devanagari"},
    "Grek": {"Greek"},
    "Hebr": {"Hebrew"},
    "Thai": {"Thai"},
}
# More than this many letters of a foreign script is a passage, not a quoted name.
_SCRIPT_THRESHOLD = {"Han": 6, "Kana": 6, "Hangul": 6}
_DEFAULT_THRESHOLD = 12

# A line start without which Markdown reads a text as one paragraph ("**Bold**" is not one).
_BLOCK_START = re.compile(
    r"(?:^|\n)(?: {4}| {0,3}(?:[-*+](?:[ \t]|$)|#{1,6}(?:[ \t]|$)|[>|<]|\d{1,9}[.)](?:[ \t]|$)"
    r"|```|~~~|\$\$|(?:[-*_][ \t]*){3,}$))|\n\s*\n",
    re.MULTILINE,
)


def _starts_block(text: str) -> bool:
    # Without a newline only the start can match; match() does not scan the rest.
    return bool(_BLOCK_START.search(text) if "\n" in text else _BLOCK_START.match(text))


# Characters without which a message has no links, code, HTML, math or substitutions.
_MARKUP = re.compile(r"[`\[\]<>$]|\{\{|\{[a-z]|://")
_MARKUP_CHARS = re.compile(r"[`\[\]<>${]")  # a character class alone is searched 3x faster


def _has_markup(text: str) -> bool:
    """``_MARKUP.search(text)``, quicker for the plain text most messages are."""
    return "://" in text or (
        _MARKUP_CHARS.search(text) is not None and _MARKUP.search(text) is not None
    )


BARE_URL = re.compile(r"https?://[^\s<>()\[\]`\"']+")


@cache
def _parser() -> MarkdownIt:
    config = MdParserConfig(enable_extensions={"dollarmath", "substitution", "amsmath"})
    parser = create_md_parser(config, RendererHTML)
    parser.disable("wordcount", ignoreInvalid=True)  # MyST's reading-time estimate: not needed
    return parser


def _walk(tokens: Iterable[Token]) -> Iterable[Token]:
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


Features = dict[Kind, Counter[str]]  # only the kinds the text has


@lru_cache(maxsize=1024)
def _features(text: str) -> Features:
    found: Features = defaultdict(Counter)
    if not _has_markup(text):
        return found
    # parse() as well as parseInline(): the block pass finds HTML and math blocks
    tokens = _parser().parse(text) if _starts_block(text) else _parser().parseInline(text)
    for token in _walk(tokens):
        if token.type == "link_open":
            found[Kind.LINKS][str(token.attrs.get("href", ""))] += 1
        elif token.type == "image":
            found[Kind.LINKS][str(token.attrs.get("src", ""))] += 1
        elif token.type == "text":
            for url in BARE_URL.findall(token.content):
                found[Kind.LINKS][url.rstrip(".,;:!?")] += 1
        elif token.type == "code_inline":
            found[Kind.CODE][token.content] += 1
        elif token.type in ("html_inline", "html_block"):
            found[Kind.HTML][token.content.strip()] += 1
        elif token.type in ("math_inline", "math_block", "amsmath"):
            found[Kind.MATH][token.content.strip()] += 1
        elif token.type == "myst_role":
            kind = Kind.MATH if token.meta.get("name") == "math" else Kind.LINKS
            found[kind][f"{{{token.meta.get('name')}}}`{token.content}`"] += 1
        elif token.type in ("substitution_inline", "substitution_block"):
            found[Kind.SUBSTITUTIONS][token.content.strip()] += 1
    return dict(found)


# Past Latin (and its diacritics): the only characters worth classifying.
_NOT_LATIN = re.compile("[^\x00-\u036f]")


def _scripts(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for char in _NOT_LATIN.findall(text):
        point = ord(char)
        for script, ranges in _SCRIPT_RANGES.items():
            if any(low <= point <= high for low, high in ranges):
                counts[script] += 1
                break
    return counts


def _describe(items: Counter[str]) -> str:
    return ", ".join(repr(item) for item in sorted(items.elements())) or "none"


def _compare(kind: Kind, original: Counter[str], translated: Counter[str]) -> Mismatch | None:
    if original == translated:
        return None
    missing, added = original - translated, translated - original
    parts = []
    if missing:
        parts.append(f"the original's {_describe(missing)} missing")
    if added:
        parts.append(f"{_describe(added)} added")
    return Mismatch(kind, "; ".join(parts))


def _structure_mismatch(msgid: str, msgstr: str) -> Mismatch | None:
    """A paragraph must stay a paragraph: Sphinx drops some changes, and wrongly applies others.

    (A msgstr with an unclosed code fence replaces the paragraph with the code's text.)
    """
    before, after = block_kind(msgid), block_kind(msgstr)
    if before == after:
        return None
    return Mismatch(Kind.STRUCTURE, f"the original reads as {before}, the translation as {after}")


def _script_mismatch(msgid: str, msgstr: str, language: str | None) -> Mismatch | None:
    own = _WRITTEN_IN.get(langtags.script_of(language), set()) if language else set()
    extra = _scripts(msgstr) - _scripts(msgid)
    for script, letters in sorted(extra.items()):
        if script not in own and letters > _SCRIPT_THRESHOLD.get(script, _DEFAULT_THRESHOLD):
            return Mismatch(
                Kind.SCRIPT,
                f"{letters} characters in {script} script that the original does not have "
                "(a passage left untranslated?)",
            )
    return None


_BLOCKS = {
    "heading_open": "a heading",
    "bullet_list_open": "a list",
    "ordered_list_open": "a list",
    "fence": "a code block (an unclosed ``` fence?)",
    "code_block": "a code block (an indented line?)",
    "blockquote_open": "a block quote",
    "html_block": "an HTML block",
    "table_open": "a table",
    "hr": "a horizontal rule",
    "math_block": "a math block",
}


@lru_cache(maxsize=1024)
def block_kind(text: str) -> str:
    """What Markdown makes of a msgstr: "a paragraph", "a list", "2 blocks"..."""
    if not _starts_block(text.strip()):
        return "a paragraph"
    tops = [t for t in _parser().parse(text) if t.level == 0 and t.nesting >= 0]
    if len(tops) > 1 and tops[0].type != "paragraph_open":
        return _BLOCKS.get(tops[0].type, tops[0].type)
    blocks = [t for t in tops if t.type not in ("inline", "paragraph_close")]
    if len(blocks) > 1:
        return f"{len(blocks)} blocks"
    return _BLOCKS.get(blocks[0].type, "a paragraph") if blocks else "nothing"


def _plain(text: str) -> bool:
    """A paragraph without links, code, HTML, math or substitutions."""
    return not _has_markup(text) and not _starts_block(text.strip())


def check(msgid: str, msgstr: str, language: str | None = None) -> list[Mismatch]:
    """Every difference between a message and its translation into ``language``."""
    if _plain(msgid) and _plain(msgstr) and not _NOT_LATIN.search(msgstr):
        return []  # one paragraph each, no markup, no other script: most messages
    original, translated = _features(msgid), _features(msgstr)
    found: list[Mismatch | None] = [_structure_mismatch(msgid, msgstr)]
    for kind in Kind:  # in this order, so the messages read the same every time
        if kind in original or kind in translated:
            found.append(
                _compare(kind, original.get(kind, Counter()), translated.get(kind, Counter()))
            )
    found.append(_script_mismatch(msgid, msgstr, language))
    return [mismatch for mismatch in found if mismatch is not None]
