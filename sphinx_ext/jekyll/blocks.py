"""A page's Markdown as a list of blocks, with the structure alignment compares.

Each block carries the line Sphinx gives its messages (a table's cells all
have the table's first line), the messages themselves in Sphinx's form,
and where it sits: heading level, enclosing lists and quotes, item number.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from markdown_it.token import Token

from sphinx_ext.jekyll.markdown import message_form, parser


class Kind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"  # also a list item's or a quote's paragraph
    TABLE = "table"
    CODE = "code block"
    HTML = "HTML block"
    MATH = "math block"
    RULE = "rule"


#: Kinds whose text becomes messages.
TEXT_KINDS = frozenset({Kind.HEADING, Kind.PARAGRAPH, Kind.TABLE})


@dataclass(frozen=True, slots=True)
class Block:
    kind: Kind
    line: int  # 1-based line in the page, as Sphinx locates the block's messages
    text: str  # the message form; a code or HTML block's content
    level: int = 0  # a heading's level
    path: tuple[str, ...] = ()  # enclosing containers, outermost first: "ol", "ul", "quote"...
    item: int = 0  # the 1-based number of the enclosing list item, 0 outside lists
    alts: tuple[str, ...] = ()  # the alt texts of a paragraph's images: messages too
    rows: tuple[tuple[str, ...], ...] = ()  # a table's cells, header row first

    def messages(self) -> tuple[str, ...]:
        """The block's messages, in Sphinx's form and order."""
        if self.kind is Kind.TABLE:
            return tuple(cell for row in self.rows for cell in row)
        if self.kind in (Kind.HEADING, Kind.PARAGRAPH):
            return (self.text, *self.alts)
        return ()

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(len(row) for row in self.rows)


@dataclass(slots=True)
class Section:
    """A heading and the blocks up to the next heading (the first has no heading)."""

    heading: Block | None
    blocks: list[Block] = field(default_factory=list)


def parse(page: str, extensions: frozenset[str] = frozenset()) -> list[Block]:
    """The blocks of a Markdown page (front matter included, so lines match Sphinx's)."""
    return list(_blocks(parser(extensions).parse(page)))


def sections(blocks: list[Block]) -> list[Section]:
    found = [Section(None)]
    for block in blocks:
        if block.kind is Kind.HEADING and not block.path:
            found.append(Section(block))
        else:
            found[-1].blocks.append(block)
    return found


_CONTAINERS = {
    "bullet_list_open": "ul",
    "ordered_list_open": "ol",
    "blockquote_open": "quote",
    "footnote_reference_open": "footnote",
}
_SIMPLE = {
    "fence": Kind.CODE,
    "code_block": Kind.CODE,
    "html_block": Kind.HTML,
    "math_block": Kind.MATH,
    "amsmath": Kind.MATH,
    "hr": Kind.RULE,
}


def _blocks(tokens: list[Token]) -> Iterator[Block]:
    path: list[str] = []
    items: list[int] = []  # the current item number in each open list
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind in _CONTAINERS:
            path.append(_CONTAINERS[kind])
            items += [0] if kind.endswith("list_open") else []
        elif kind.endswith("_close") and kind.replace("_close", "_open") in _CONTAINERS:
            path.pop()
            items = items[:-1] if kind.endswith("list_close") else items
        elif kind == "list_item_open":
            items[-1] += 1
        elif kind in ("heading_open", "paragraph_open", "table_open") or kind in _SIMPLE:
            block, index = _block(tokens, index, tuple(path), items[-1] if items else 0)
            yield block
        index += 1


def _block(tokens: list[Token], index: int, path: tuple[str, ...], item: int) -> tuple[Block, int]:
    """The block that starts at ``tokens[index]``, and the index of its last token."""
    token = tokens[index]
    line = token.map[0] + 1 if token.map else 0
    if token.type == "heading_open":
        text = message_form(tokens[index + 1].content)
        return Block(Kind.HEADING, line, text, int(token.tag[1]), path, item), index + 1
    if token.type == "paragraph_open":
        inline = tokens[index + 1]
        text = message_form(inline.content)
        return Block(Kind.PARAGRAPH, line, text, 0, path, item, _alts(inline)), index + 1
    if token.type == "table_open":
        rows, end = _table(tokens, index)
        text = "\n".join(" | ".join(row) for row in rows)
        return Block(Kind.TABLE, line, text, 0, path, item, rows=rows), end
    return Block(_SIMPLE[token.type], line, token.content, 0, path, item), index


def _alts(inline: Token) -> tuple[str, ...]:
    return tuple(
        child.content for child in inline.children or () if child.type == "image" and child.content
    )


def _table(tokens: list[Token], start: int) -> tuple[tuple[tuple[str, ...], ...], int]:
    """A table's cells, row by row, and the index of its ``table_close``."""
    rows: list[tuple[str, ...]] = []
    row: list[str] = []
    index = start
    while tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_close":
            rows.append(tuple(row))
            row = []
        elif token.type == "inline":
            row.append(message_form(token.content))
        index += 1
    return tuple(rows), index
