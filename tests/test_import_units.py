"""The Jekyll importer's parts, without Sphinx: posts, MyST fixes, blocks, alignment."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sphinx_ext.jekyll import align, blocks, discover, frontmatter, messages, myst
from sphinx_ext.jekyll.blocks import Kind
from sphinx_ext.jekyll.extract import Occurrence


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def post(body: str, **fields: str) -> str:
    front = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return f"---\n{front}---\n\n{body}"


# -- front matter -------------------------------------------------------------


def test_front_matter_is_kept_as_written_and_date_added() -> None:
    text = "---\n# a comment\ntitle: 'Quoted: yes'\ntags: [a, b]\n---\nBody\n"
    parsed = frontmatter.split(text)
    assert parsed.fields["title"] == "Quoted: yes"
    assert parsed.page() == text
    dated = parsed.with_date(dt.date(2016, 5, 25))
    assert dated.page() == (
        "---\n# a comment\ntitle: 'Quoted: yes'\ntags: [a, b]\ndate: 2016-05-25\n---\nBody\n"
    )
    assert dated.with_date(dt.date(2020, 1, 1)) is dated  # a date is never replaced


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("No front matter\n", "no front matter"),
        ("---\ntitle: x\nBody\n", "never closed"),
        ("---\ntitle: [unclosed\n---\nBody\n", "YAML cannot read"),
        ("---\n- a list\n---\nBody\n", "not a set of key: value"),
    ],
)
def test_broken_front_matter_is_an_error(text: str, says: str) -> None:
    with pytest.raises(frontmatter.FrontMatterError, match=says):
        frontmatter.split(text)


# -- discovery ----------------------------------------------------------------


def test_layouts_languages_and_slugs(tmp_path: Path) -> None:
    write(tmp_path, "_posts/en/2016-05-25-regex-en.md", post("Hi", title="Regex"))
    write(tmp_path, "_posts/de/2016-05-25-regex-de.md", post("Hallo", title="Regex"))
    write(tmp_path, "notes/2025-02-26-jdbc-en.md", post("JDBC", title="JDBC"))
    write(tmp_path, "notes/2025-02-26-jdbc-zh-hant.md", post("JDBC", title="JDBC"))
    write(tmp_path, "notes/2025-02-26-jdbc-hant.md", post("JDBC", title="JDBC"))
    # a language from the front matter only; "it" here is a word, not Italian
    write(tmp_path, "notes/2025-03-01-what-is-it.md", post("Hm", title="What", lang="en"))
    write(tmp_path, "about.md", post("Not a post", title="About"))
    found = discover.discover(tmp_path)
    notes = {(n.date.isoformat(), n.slug): n for n in found.notes}
    assert sorted(notes) == [
        ("2016-05-25", "regex"),
        ("2025-02-26", "jdbc"),
        ("2025-03-01", "what-is-it"),
    ]
    assert sorted(s.language for s in notes[("2016-05-25", "regex")].sources) == ["de", "en"]
    jdbc = notes[("2025-02-26", "jdbc")]
    assert sorted(s.language for s in jdbc.sources) == ["en", "zh-Hant", "zh-Hant"]
    assert len(jdbc.in_language("zh_TW")) == 2  # two sources for one language: see importer
    assert found.ignored == 1
    assert found.problems == []


def test_bad_files_are_reported_one_by_one(tmp_path: Path) -> None:
    write(tmp_path, "_posts/2020-01-01-no-language.md", post("Text", title="T"))
    write(tmp_path, "_posts/en/2020-01-02-broken-en.md", "---\ntitle: [\n---\nText\n")
    write(tmp_path, "_posts/en/undated.md", post("Text", title="T"))
    write(tmp_path, "_posts/en/2020-13-45-bad-date-en.md", post("Text", title="T"))
    (tmp_path / "_posts/en/2020-01-03-latin1-en.md").write_bytes(b"---\ntitle: \xe9\n---\n")
    write(tmp_path, "_posts/en/2020-01-04-fine-en.md", post("Text", title="Fine"))
    found = discover.discover(tmp_path)
    assert [n.slug for n in found.notes] == ["fine"]
    problems = {p.path: p.message for p in found.problems}
    assert "has no language" in problems["_posts/2020-01-01-no-language.md"]
    assert "YAML cannot read" in problems["_posts/en/2020-01-02-broken-en.md"]
    assert "not named YYYY-MM-DD" in problems["_posts/en/undated.md"]
    assert "no valid date" in problems["_posts/en/2020-13-45-bad-date-en.md"]
    assert "not UTF-8" in problems["_posts/en/2020-01-03-latin1-en.md"]
    assert all(p.fatal for p in found.problems)


@pytest.mark.parametrize("layout", ["_posts/{lang}/", "_posts/"])
@pytest.mark.parametrize("slug", ["just-do-it", "let-it-be", "i-am", "as-is"])
def test_a_slug_ending_like_a_language_tag_stays_one_note(
    tmp_path: Path, layout: str, slug: str
) -> None:
    # "it-en" is no tag (no territory EN); "be-de", "it-de": not languages of Germany
    for lang in ("en", "de"):
        write(tmp_path, f"{layout.format(lang=lang)}2024-01-02-{slug}-{lang}.md", post("T"))
    found = discover.discover(tmp_path)
    assert [(n.slug, sorted(s.language for s in n.sources)) for n in found.notes] == [
        (slug, ["de", "en"])
    ]
    assert found.problems == []


def test_regional_and_script_suffixes_are_one_language(tmp_path: Path) -> None:
    for name in ("en", "pt-br", "zh-hant", "es-419"):
        write(tmp_path, f"_posts/2024-01-02-why-rust-{name}.md", post("T"))
    write(tmp_path, "_posts/pt-br/2024-01-03-tea-pt-br.md", post("T"))
    write(tmp_path, "_posts/en/2024-01-03-tea-en.md", post("T"))
    found = discover.discover(tmp_path)
    assert [(n.slug, sorted(s.language for s in n.sources)) for n in found.notes] == [
        ("why-rust", ["en", "es-419", "pt-BR", "zh-Hant"]),
        ("tea", ["en", "pt-BR"]),
    ]
    assert found.problems == []


def test_a_name_read_two_ways_takes_the_slug_of_its_note(tmp_path: Path) -> None:
    write(tmp_path, "_posts/2024-01-02-ship-it-en.md", post("T"))
    write(tmp_path, "_posts/2024-01-02-ship-it-it.md", post("T"))  # "ship" it-IT, or "ship-it" it
    write(tmp_path, "_posts/2024-01-03-just-do-it-en.md", post("T"))
    write(tmp_path, "_posts/2024-01-03-just-do-it.md", post("T", lang="it"))  # no suffix at all
    write(tmp_path, "_posts/2024-01-04-fix-it-it.md", post("T"))  # alone: the likeliest reading
    found = discover.discover(tmp_path)
    assert [(n.slug, sorted(s.language for s in n.sources)) for n in found.notes] == [
        ("ship-it", ["en", "it"]),
        ("just-do-it", ["en", "it"]),
        ("fix", ["it-IT"]),
    ]


def test_same_slug_on_two_dates_is_disambiguated(tmp_path: Path) -> None:
    write(tmp_path, "_posts/en/2020-01-01-notes-en.md", post("One", title="One"))
    write(tmp_path, "_posts/en/2021-01-01-notes-en.md", post("Two", title="Two"))
    found = discover.discover(tmp_path)
    assert [n.slug for n in found.notes] == ["notes", "notes-2021-01-01"]
    (problem,) = found.problems
    assert not problem.fatal and "notes/notes-2021-01-01" in problem.message


# -- what MyST needs ------------------------------------------------------------


def test_headings_start_at_h2_without_gaps() -> None:
    body = "Intro\n\n### A\n\n##### Deep\n\n#### B\n\n### C ###\n\n```\n### not a heading\n```\n"
    converted = myst.convert(body)
    assert converted.body == (
        "Intro\n\n## A\n\n### Deep\n\n### B\n\n## C ###\n\n```\n### not a heading\n```\n"
    )
    assert converted.changes == (
        "headings moved: ### to ## (2), #### to ### (1), ##### to ### (1)",
    )
    assert myst.convert("## Already\n\ntext\n").changes == ()


def test_setext_headings_are_moved_too() -> None:
    body = "Top\n===\n\nSub\n---\n\n### Third\n"
    # as ATX, with a blank line for the underline: every other line keeps its number
    assert myst.convert(body).body == "Top\n---\n\n### Sub\n\n\n#### Third\n"
    assert myst.convert(body, top_level=1).body == body  # no title: the first H1 is the title


def test_liquid_is_reported_and_made_plain_markdown() -> None:
    body = (
        "See {{ site.baseurl }}/about and `{{ in code }}`.\n\n"
        "{% highlight python %}\nprint('{{ x }}')\n{% endhighlight %}\n\n"
        "{% raw %}\n```\n{{ kept }}\n```\n{% endraw %}\n\n"
        "Ask {{ page.author }}.\n"
    )
    converted = myst.convert(body, first_line=10)
    assert converted.body == (
        "See {{ site.baseurl }}/about and `{{ in code }}`.\n\n"
        "```python\nprint('{{ x }}')\n```\n\n"
        "```\n{{ kept }}\n```\n\n"
        "Ask {{ page.author }}.\n"
    )
    # lines are the post's: two {% raw %} lines went before the last tag
    assert converted.liquid == ((10, "{{ site.baseurl }}"), (22, "{{ page.author }}"))
    assert converted.post_line(20) == 22
    assert any("highlight" in change for change in converted.changes)
    assert any("raw" in change for change in converted.changes)
    escaped = myst.convert(body, escape_liquid=True, extensions=frozenset({"substitution"}))
    assert escaped.body.startswith("See \\{{ site.baseurl }}/about and `{{ in code }}`.")


# -- blocks -------------------------------------------------------------------


def test_blocks_carry_structure_and_sphinx_lines() -> None:
    page = post(
        "Para one\nwraps.\n\n## Head\n\n1.  **Item**:\n    - nested\n\n"
        "| A | B |\n|---|---|\n| 1 | 2 |\n\n![alt](x.png)\n\n```py\ncode\n```\n",
        title="T",
    )
    found = blocks.parse(page)
    assert [(b.kind, b.line) for b in found] == [
        (Kind.PARAGRAPH, 5),
        (Kind.HEADING, 8),
        (Kind.PARAGRAPH, 10),
        (Kind.PARAGRAPH, 11),
        (Kind.TABLE, 13),
        (Kind.PARAGRAPH, 17),
        (Kind.CODE, 19),
    ]
    assert found[0].text == "Para one wraps."
    assert (found[2].path, found[2].item, found[2].text) == (("ol",), 1, "**Item**:")
    assert (found[3].path, found[3].item) == (("ol", "ul"), 1)
    assert found[4].messages() == ("A", "B", "1", "2")
    assert found[5].messages() == ("![alt](x.png)", "alt")


# -- alignment ----------------------------------------------------------------


def pairs_of(source: str, translation: str) -> align.Alignment:
    return align.align(blocks.parse(post(source)), blocks.parse(post(translation)))


def lines(result: align.Alignment) -> list[tuple[int, int]]:
    return [(p.source.line, p.translation.line) for p in result.pairs]


def source_only(source: str, result: align.Alignment) -> list[blocks.Block]:
    """The source's blocks that no translation block pairs with: left untranslated."""
    paired = {(p.source.line, p.source.text) for p in result.pairs}
    return [b for b in blocks.parse(post(source)) if (b.line, b.text) not in paired]


EN = (
    "Python reads CSV files with the `csv` module. You do not need pandas.\n\n"
    "## Example\n\n"
    "```python\nimport csv\n```\n\n"
    "Each row is a list of strings, for example `row[2]`.\n\n"
    "## Pandas\n\n"
    "For files larger than 100 MB, pandas is quicker.\n"
)


def test_an_added_remark_is_left_out_and_the_rest_pairs() -> None:
    de = EN.replace(
        "```\n\n", "```\n\n(Der Code wurde nicht übersetzt, da er eine Programmiersprache ist.)\n\n"
    )
    result = pairs_of(EN, de)
    assert [b.text[:25] for b in result.translation_only] == ["(Der Code wurde nicht übe"]
    assert source_only(EN, result) == []
    assert len(result.pairs) == 6  # 3 paragraphs, 2 headings, the code block


def test_a_dropped_paragraph_is_left_untranslated() -> None:
    de = EN.replace("Each row is a list of strings, for example `row[2]`.\n\n", "")
    result = pairs_of(EN, de)
    assert [b.text[:9] for b in source_only(EN, result)] == ["Each row "]
    assert result.translation_only == []


def test_never_pairs_across_a_heading() -> None:
    source = "## One\n\nAlpha text here with `alpha`.\n\n## Two\n\nBeta text with `beta`.\n"
    # the translation moved Beta's paragraph under heading One
    moved = "## Eins\n\nAlpha Text hier mit `alpha`.\n\nBeta Text mit `beta`.\n\n## Zwei\n"
    result = pairs_of(source, moved)
    paired = {p.source.text: p.translation.text for p in result.pairs}
    assert paired["Alpha text here with `alpha`."] == "Alpha Text hier mit `alpha`."
    assert "Beta text with `beta`." not in paired
    assert "Beta Text mit `beta`." in [b.text for b in result.translation_only]


def test_reordered_list_items_pair_on_strong_anchors() -> None:
    source = "1. `git status` shows changes.\n2. `git diff` shows lines.\n3. `git log` lists.\n"
    moved = "1. `git log` listet.\n2. `git status` zeigt.\n3. `git diff` zeigt Zeilen.\n"
    result = pairs_of(source, moved)
    assert source_only(source, result) == result.translation_only == []
    reordered = [(p.source.text, p.translation.text) for p in result.pairs if p.reordered]
    assert reordered == [("`git log` lists.", "`git log` listet.")]


def test_tables_pair_cell_by_cell_only_with_the_same_shape() -> None:
    source = "| Name | Year |\n|---|---|\n| Django | 2005 |\n"
    same = "| Name | Jahr |\n|---|---|\n| Django | 2005 |\n"
    other = "| Name | Jahr | Mehr |\n|---|---|---|\n| Django | 2005 | x |\n"
    assert len(pairs_of(source, same).pairs) == 1
    assert [b.kind for b in pairs_of(source, other).translation_only] == [Kind.TABLE]


def test_identical_code_anchors_the_alignment() -> None:
    source = "Intro.\n\n```\nA\n```\n\nMiddle text.\n\n```\nB\n```\n\nEnd text.\n"
    # the translation dropped the middle paragraph and added one at the end
    translation = "Einleitung.\n\n```\nA\n```\n\n```\nB\n```\n\nEnde.\n\nNoch etwas.\n"
    result = pairs_of(source, translation)
    code = [(p.source.text, p.translation.text) for p in result.pairs if p.source.kind is Kind.CODE]
    assert code == [("A\n", "A\n"), ("B\n", "B\n")]
    assert [b.text for b in source_only(source, result)] == ["Middle text."]


# -- messages -----------------------------------------------------------------


def collect(
    source: str, translation: str, language: str = "de", *, keep: bool = False
) -> messages.Messages:
    ours = blocks.parse(post(source))
    occurrences = [Occurrence(m, b.line) for b in ours for m in b.messages()]
    alignment = align.align(ours, blocks.parse(post(translation)), language)
    titles = messages.Titles(None, None)
    return messages.collect(occurrences, ours, alignment, titles, language, keep_mismatches=keep)


def test_wrong_script_is_never_imported() -> None:
    source = "Tokens are counted before a bill is estimated, for example 50,000.\n"
    found = collect(source, "在估算费用之前先统计词元的数量，例如 50,000 个。\n")
    assert found.strings == {}
    assert [p.text[:6] for p in found.wrong_script] == ["在估算费用之"]
    extra = collect("Short.\n", "Kurz.\n\n这是一段额外的中文内容，原文中并没有。\n")
    assert [p.text[:4] for p in extra.wrong_script] == ["这是一段"]
    assert extra.strings == {"Short.": "Kurz."}


def test_a_changed_link_is_left_out_unless_kept() -> None:
    source = "Read [the docs](https://example.org/a) first.\n"
    translation = "Lesen Sie zuerst [die Doku](https://example.org/b).\n"
    found = collect(source, translation)
    assert found.strings == {}
    assert "link targets" in found.mismatched[0].reason
    kept = collect(source, translation, keep=True)  # --keep-mismatches: the build will warn
    assert list(kept.strings.values()) == [translation.strip()]
    # a wrong script is never kept
    assert (
        collect("Read the docs first.\n", "先阅读文档，然后再开始动手。\n", keep=True).strings == {}
    )


def test_dropped_sentences_make_a_translation_incomplete() -> None:
    source = (
        "Check out the branch and run the tests yourself. A green badge only says that "
        "the existing tests pass. It does not say that the new code is tested at all.\n"
    )
    whole = (
        "Checken Sie den Branch aus und führen Sie die Tests selbst aus. Ein grünes Abzeichen "
        "sagt nur, dass die vorhandenen Tests bestehen. Es sagt nicht, dass der neue Code "
        "überhaupt getestet ist.\n"
    )
    shortened = "Checken Sie den Branch aus und führen Sie die Tests selbst aus.\n"
    # the note's other paragraphs tell how long a whole German translation is
    context = (
        "\n## Say what you would do\n\nA comment that only says this is wrong leaves the "
        "author guessing. Suggest a fix, or ask a question that leads to one.\n",
        "\n## Sagen, was Sie tun würden\n\nEin Kommentar, der nur sagt, das sei falsch, lässt "
        "den Autor raten. Schlagen Sie eine Lösung vor oder stellen Sie eine Frage, die zu einer "
        "führt.\n",
    )
    assert len(collect(source + context[0], whole + context[1]).strings) == 3
    found = collect(source + context[0], shortened + context[1])
    assert source.strip() not in found.strings
    assert [p.text[:7] for p in found.incomplete] == ["Checken"]
    # alone, a paragraph cannot be judged: its own length would be the measure
    assert list(collect(source, shortened).strings) == [source.strip()]


def test_first_words() -> None:
    assert messages.first_words("**Bold** words, one two three four five six seven") == (
        "Bold words, one two three four five six…"
    )
    assert messages.first_words("Short.") == "Short."
