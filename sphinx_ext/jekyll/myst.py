"""What MyST needs changed in a Jekyll post's body; everything else stays byte for byte.

- Headings. The front matter's ``title`` is the page's H1
  (``myst_title_to_header``), so the body's headings must start at H2 and
  never skip a level, or MyST warns. Posts use ``###`` as their top level;
  every heading is moved by the same rule, recorded in ``changes``.
- Liquid. ``{% highlight x %}`` blocks become fenced code and
  ``{% raw %}``/``{% endraw %}`` markers go (both mean the same to MyST).
  Any other ``{{ ... }}``/``{% ... %}`` cannot be evaluated: it is reported,
  and escaped when the site enables MyST substitutions (which would read
  ``{{ x }}`` as one).

The translation gets the same treatment, so its blocks compare with the
source's and its msgstrs read like the msgids.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from markdown_it.token import Token

from sphinx_ext.jekyll.markdown import parser

_HIGHLIGHT = re.compile(
    r"^[ \t]*\{%-?\s*highlight\s+([\w+#.-]+)[^%]*?-?%\}[ \t]*\n(.*?)"
    r"^[ \t]*\{%-?\s*endhighlight\s*-?%\}[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
_RAW_LINE = re.compile(r"[ \t]*\{%-?\s*(?:end)?raw\s*-?%\}[ \t]*")
_RAW = re.compile(r"\{%-?\s*(?:end)?raw\s*-?%\}")
_LIQUID = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)(?<!`)\1(?!`)")
_ATX = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)")
_BACKTICK_RUN = re.compile(r"^[ \t]*(`{3,})", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Converted:
    body: str
    changes: tuple[str, ...]  # what was changed, for the report
    liquid: tuple[tuple[int, str], ...]  # (line in the post, tag) that MyST shows as text
    origin: tuple[int, ...] = ()  # for each line of ``body``, its line in the post's body
    first_line: int = 1

    def post_line(self, line: int) -> int:
        """The line in the post of a line of the converted page (they differ after
        ``{% raw %}`` lines were taken out)."""
        index = line - self.first_line
        return self.origin[index] + self.first_line if 0 <= index < len(self.origin) else line


def convert(
    body: str,
    *,
    top_level: int = 2,
    escape_liquid: bool = False,
    first_line: int = 1,
    extensions: frozenset[str] = frozenset(),
) -> Converted:
    """Make a post's body MyST-ready; ``first_line`` is the body's line in the page."""
    changes: list[str] = []
    body, origin = _liquid_blocks(body, changes)
    lines = body.split("\n")
    tokens = parser(extensions, inline=False).parse(body)
    code_lines = _code_lines(tokens)
    liquid = [
        (origin[number] + first_line, tag)
        for number, tag in _liquid_tags(lines, code_lines, escape_liquid)
    ]
    if liquid:
        verb = "escaped (the site enables MyST substitutions)" if escape_liquid else "kept as text"
        changes.append(f"{len(liquid)} Liquid tag(s) {verb}")
    moved = _shift_headings(lines, tokens, top_level)
    if moved:
        shifts = ", ".join(f"{'#' * a} to {'#' * b} ({n})" for (a, b), n in sorted(moved.items()))
        changes.append(f"headings moved: {shifts}")
    return Converted("\n".join(lines), tuple(changes), tuple(liquid), tuple(origin), first_line)


def _liquid_blocks(body: str, changes: list[str]) -> tuple[str, list[int]]:
    """Liquid's block tags made Markdown; and each remaining line's number before."""
    body, highlights = _HIGHLIGHT.subn(_fence, body)  # line for line
    if highlights:
        changes.append(f"{highlights} {{% highlight %}} block(s) made fenced code")
    lines = body.split("\n")
    kept, origin = [], []
    for number, line in enumerate(lines):
        if not _RAW_LINE.fullmatch(line):  # a marker on a line of its own goes with its line
            kept.append(line)
            origin.append(number)
    body, inline = _RAW.subn("", "\n".join(kept))
    markers = len(lines) - len(kept) + inline
    if markers:
        changes.append(f"{markers} {{% raw %}}/{{% endraw %}} marker(s) removed")
    return body, origin


def _fence(match: re.Match[str]) -> str:
    code = match[2]
    longest = max((len(run) for run in _BACKTICK_RUN.findall(code)), default=2)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{match[1]}\n{code}{fence}"


def _code_lines(tokens: list[Token]) -> set[int]:
    """Lines (0-based) inside code blocks, where Liquid-looking text is just code."""
    lines: set[int] = set()
    for token in tokens:
        if token.type in ("fence", "code_block") and token.map:
            lines.update(range(token.map[0], token.map[1]))
    return lines


def _liquid_tags(lines: list[str], code_lines: set[int], escape: bool) -> list[tuple[int, str]]:
    """Liquid outside code, as (0-based line, tag); escaped in ``lines`` if ``escape``."""
    found = []
    for number, line in enumerate(lines):
        if number in code_lines or "{" not in line:
            continue
        spans = [m.span() for m in _CODE_SPAN.finditer(line)]
        tags = [m for m in _LIQUID.finditer(line) if not any(a <= m.start() < b for a, b in spans)]
        found += [(number, m[0]) for m in tags]
        if escape:
            for tag in reversed(tags):  # from the right, so earlier offsets stay valid
                line = line[: tag.start()] + "\\" + line[tag.start() :]
            lines[number] = line
    return found


def _shift_headings(
    lines: list[str], tokens: list[Token], top_level: int
) -> Counter[tuple[int, int]]:
    """Rewrite section headings to start at ``top_level`` and never skip a level."""
    headings = [
        (tokens[i], tokens[i + 1])
        for i, token in enumerate(tokens)
        if token.type == "heading_open" and token.level == 0 and token.map
    ]
    moved: Counter[tuple[int, int]] = Counter()
    edits: list[tuple[Token, Token, int]] = []
    for (token, inline), level in zip(headings, new_levels(headings, top_level), strict=True):
        old = int(token.tag[1])
        if old != level:
            moved[(old, level)] += 1
            edits.append((token, inline, level))
    for token, inline, level in edits:
        _rewrite(lines, token, inline, level)
    return moved


def new_levels(headings: list[tuple[Token, Token]], top_level: int) -> list[int]:
    """Each heading's level once the outline starts at ``top_level`` with no gaps.

    A heading goes one below the nearest earlier heading of a higher
    (smaller) original level: ``### #### ##### ###`` becomes ``## ### #### ##``,
    and ``### ##### ####`` becomes ``## ### ###``.
    """
    stack: list[tuple[int, int]] = []  # (original level, new level)
    levels = []
    for token, _inline in headings:
        old = int(token.tag[1])
        while stack and stack[-1][0] >= old:
            stack.pop()
        level = min(stack[-1][1] + 1 if stack else top_level, 6)
        stack.append((old, level))
        levels.append(level)
    return levels


def _rewrite(lines: list[str], token: Token, inline: Token, level: int) -> None:
    assert token.map is not None
    start, end = token.map
    if token.markup.startswith("#"):
        lines[start] = _ATX.sub(lambda m: m[1] + "#" * level, lines[start], count=1)
    elif level <= 2:  # setext: keep the style, change the underline
        underline = lines[end - 1]
        char = "=" if level == 1 else "-"
        lines[end - 1] = re.sub(r"[=-]", char, underline)
    else:  # setext has only two levels: write it as ATX, blank lines keep the line count
        atx = "#" * level + " " + inline.content.replace("\n", " ")
        lines[start:end] = [atx] + [""] * (end - start - 1)
