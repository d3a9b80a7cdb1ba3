"""One synthetic note: front matter and a Markdown body shaped like the real ones.

Note ``i`` depends only on the seed and ``i``, so a site of 100 notes is
the first 100 notes of a site of 1,000, and their catalogs can be shared.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from benchmarks.text import WORDS, phrase, sentence

MIN_WORDS, MAX_WORDS = 500, 2000
MODELS = ("openai/gpt-5", "openai/gpt-4o", "anthropic/claude-sonnet-4", "x-ai/grok-4")


def rng_for(seed: int, *parts: object) -> random.Random:
    """An independent, reproducible random stream per purpose and note."""
    return random.Random(":".join(map(str, (seed, *parts))))


def docname(index: int) -> str:
    return f"notes/n{index:04d}"


def front_matter(rng: random.Random) -> list[str]:
    """The Jekyll keys in their usual order; optional ones appear in some notes only."""
    fields: dict[str, str | None] = {
        "audio": rng.choice(("false", "false", "false", "true")),
        "date": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if rng.random() < 0.6
        else None,
        "generated": rng.choice(("true", "true", "true", "true", "false", None)),
        "image": "false" if rng.random() < 0.5 else None,
        "lang": "en" if rng.random() < 0.95 else None,
        "layout": "post",
        "model": rng.choice(MODELS) if rng.random() < 0.4 else None,
        "title": phrase(rng, 3, 7),
        "translated": "true" if rng.random() < 0.1 else "false",
        "type": "note" if rng.random() < 0.8 else None,
    }
    lines = [f"{key}: {value}" for key, value in fields.items() if value is not None]
    return ["---", *lines, "---", ""]


def _paragraph(rng: random.Random) -> str:
    text = " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
    if rng.random() < 0.3:
        word = rng.choice(WORDS)
        text += f" See [the {word} notes](https://example.org/{word}/{rng.randint(1, 999)}/)."
    if rng.random() < 0.3:
        text += f" Call `{rng.choice(WORDS)}.{rng.choice(WORDS)}()` first."
    return text + "\n"


def _numbered_list(rng: random.Random) -> str:
    # Loose list, four-space indents: "1.  **Lead-in**:\n    - nested text"
    items = []
    for number in range(1, rng.randint(3, 6)):
        nested = "".join(
            f"    - {sentence(rng)} {sentence(rng)}\n" for _ in range(rng.randint(1, 2))
        )
        items.append(f"{number}.  **{phrase(rng, 2, 4)}**:\n{nested}")
    return "\n".join(items)


def _bullets(rng: random.Random) -> str:
    return "".join(f"- {sentence(rng, 8, 20)}\n" for _ in range(rng.randint(3, 5)))


def _code(rng: random.Random) -> str:
    name, arg = rng.choice(WORDS).replace("-", "_"), rng.choice(WORDS).replace("-", "_")
    if rng.random() < 0.5:
        loop = f"    for item in {arg}:\n        yield item * {rng.randint(2, 9)}\n"
        return f"```python\ndef {name}({arg}):\n{loop}```\n"
    return f"```bash\npip install {name}\npython -m {name} --{arg} {rng.randint(1, 64)}\n```\n"


def _subsection(rng: random.Random) -> str:
    return f"### {phrase(rng)}\n\n{_paragraph(rng)}"


_BLOCKS: tuple[Callable[[random.Random], str], ...] = (
    _paragraph,
    _paragraph,
    _paragraph,
    _numbered_list,
    _numbered_list,
    _bullets,
    _code,
    _subsection,
)


def _section(rng: random.Random) -> str:
    blocks = [rng.choice(_BLOCKS)(rng) for _ in range(rng.randint(2, 4))]
    return "\n".join([f"## {phrase(rng)}\n", *blocks])


def body(rng: random.Random, words: int) -> str:
    """Sections of mixed blocks until the note has about ``words`` words (at most 2,000)."""
    parts = [_paragraph(rng)]
    count = len(parts[0].split())
    while count < words:
        section = _section(rng)
        size = len(section.split())
        if count + size > MAX_WORDS and count >= MIN_WORDS:
            break
        parts.append(section)
        count += size
    return "\n".join(parts)


def note(seed: int, index: int) -> str:
    rng = rng_for(seed, "note", index)
    words = rng.randint(MIN_WORDS, MAX_WORDS)
    return "\n".join(front_matter(rng)) + "\n" + body(rng, words)
