"""Time ``import-jekyll`` on synthetic note pairs: ``python -m sphinx_ext.jekyll.bench``.

Each pair is an English post shaped like the real ones (``###`` headings,
numbered lists with bullets, a code block, a table now and then) and a
pseudo-German translation: every word changed and a little longer, the
anchors (inline code, numbers, names) kept. Some translations are messy
the way real ones are: an added remark, a dropped list item, a paragraph
left in Chinese. The import goes into a copy of the site, in a temporary
folder; the first run writes everything, the second finds nothing to do.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from sphinx_ext.jekyll import importer, target

_VOCABULARY = (
    "model training data network layer attention gradient loss function image language "
    "understanding generation research the a of and or in on for with to from by is are "
    "can may might could should this that these which how when more most very deep "
    "learning large small fast new better important practical general approach method "
    "result paper question answer example system memory compute inference accuracy "
    "performance efficiency cost time benchmark dataset token context window reasoning "
    "knowledge idea future people engineer students mentor industry product users scale"
)
WORDS = tuple(_VOCABULARY.split())
NAMES = ("ResNet", "PyTorch", "Transformer", "GPT-4", "EfficientNet", "Zhang", "Spotify")
CHINESE = "这一段没有被翻译，仍然是原文的中文内容，模型忘记了翻译它。"


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 18))
    if rng.random() < 0.4:
        words.insert(rng.randint(0, len(words)), rng.choice(NAMES))
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), f"`{rng.choice(WORDS)}()`")
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), str(rng.randint(2, 99_999)))
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random, sentences: int = 3) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(1, sentences)))


def english_body(rng: random.Random) -> list[str]:
    """The note's blocks, each a Markdown string: an intro, then three sections."""
    blocks = [paragraph(rng)]
    for section in range(3):
        blocks.append(f"### {sentence(rng)[:-1]}")
        blocks.append(paragraph(rng))
        for item in range(1, 5):
            blocks.append(f"{item}.  **{sentence(rng)[:-1]}**:\n    - {paragraph(rng, 2)}")
        if section == 1:
            blocks.append(f"```python\nresult = {rng.choice(WORDS)}({rng.randint(1, 99)})\n```")
        if section == 2 and rng.random() < 0.3:
            blocks.append("| Name | Value |\n|------|-------|\n| alpha | 1 |\n| beta | 2 |")
    return blocks


def pseudo_german(text: str) -> str:
    """Every plain word changed and longer; code, numbers, names and markup kept."""
    out = []
    for word in text.split(" "):
        core = word.strip("*:.,-")
        if core.lower() in WORDS and core not in NAMES:
            out.append(word.replace(core, core[::-1] + "en"))
        else:
            out.append(word)
    return " ".join(out)


def german_body(english: list[str], index: int) -> list[str]:
    blocks = [pseudo_german(block) for block in english]
    if index % 10 == 0:  # a remark the model added after the code
        code = next(i for i, block in enumerate(blocks) if block.startswith("```"))
        blocks.insert(code + 1, "(Der Code wurde nicht übersetzt.)")
    if index % 7 == 0:  # a dropped list item
        item = next(i for i, block in enumerate(blocks) if block.startswith("2.  "))
        del blocks[item]
    if index % 13 == 0:  # a paragraph left in the original's script
        blocks[2] = CHINESE  # the first section's paragraph
    return blocks


def post(title: str, language: str, blocks: list[str]) -> str:
    front = (
        f"---\nlayout: post\ntitle: {title}\nlang: {language}\ngenerated: true\n"
        f"translated: {str(language != 'en').lower()}\ntype: note\n---\n\n"
    )
    return front + "\n\n".join(blocks) + "\n"


def write_blog(root: Path, pairs: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    for index in range(pairs):
        date = f"20{10 + index % 15:02d}-{1 + index % 12:02d}-{1 + index % 28:02d}"
        slug = f"note-{index:05d}"
        english = english_body(rng)
        title = " ".join(rng.choices(WORDS, k=5)).capitalize()  # plain words: valid YAML
        for language, blocks in (("en", english), ("de", german_body(english, index))):
            path = root / "_posts" / language / f"{date}-{slug}-{language}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            text_title = title if language == "en" else pseudo_german(title)
            path.write_text(post(text_title, language, blocks), encoding="utf-8")


def measure(pairs: int, docs: Path) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="import-jekyll-bench-") as tmp:
        blog, site = Path(tmp, "blog"), Path(tmp, "docs")
        write_blog(blog, pairs)
        shutil.copytree(docs, site, ignore=shutil.ignore_patterns("_build", "*.mo"))
        options = target.Options(src=blog, docs=site)
        started = time.perf_counter()
        first = importer.run(options)
        first_seconds = time.perf_counter() - started
        started = time.perf_counter()
        second = importer.run(options)
        second_seconds = time.perf_counter() - started
    totals = first.totals()
    return {
        "pairs": pairs,
        "messages": totals["messages"],
        "translated": totals["translated"],
        "first_run_seconds": round(first_seconds, 2),
        "notes_per_second": round(pairs / first_seconds, 1),
        "phases": first.seconds,
        "second_run_seconds": round(second_seconds, 2),
        "second_run_unchanged": all(n.status == "unchanged" for n in second.notes),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sphinx_ext.jekyll.bench", description=__doc__)
    parser.add_argument("--pairs", type=int, default=1000, help="note pairs (default: 1000)")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="the site to copy")
    args = parser.parse_args(argv)
    result = measure(args.pairs, args.docs)
    for key, value in result.items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
