"""A note's recordings: found at read time, played under the label.

Recordings live in ``ainotes_audio_dir`` as ``<docname>.<language>.<ext>``.
They go through Sphinx's download-file machinery, so they are copied to
``_downloads/``, purged and merged like any other per-document file.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.osutil import relative_uri
from sphinx.writers.html5 import HTML5Translator

from sphinx_ext import langtags
from sphinx_ext.collector import NoteRecord
from sphinx_ext.config import Settings
from sphinx_ext.diagnostics import Location, Subtype, warn
from sphinx_ext.i18n import _

#: Recording formats browsers play, in the order a note's files are looked for.
SUFFIXES = (".mp3", ".ogg", ".opus", ".m4a", ".wav", ".webm")


class audio_player(nodes.General, nodes.Element):  # docutils names nodes in lower case
    """An HTML5 player for the note's recording (HTML builders only)."""


def find(
    env: BuildEnvironment, settings: Settings, where: Callable[[], Location]
) -> tuple[dict[str, str], list[str]]:
    """The page's recording in each language, and the files whose creation matters."""
    srcdir = Path(env.srcdir)
    docname = env.docname
    found: dict[str, str] = {}
    watch: list[str] = []
    for code in settings.languages:
        stem = Path(env.config.ainotes_audio_dir, f"{docname}.{code}")
        candidates = [stem.with_name(stem.name + suffix) for suffix in SUFFIXES]
        path = next((p for p in candidates if (srcdir / p).is_file()), None)
        if path is None:
            watch += [p.as_posix() for p in candidates]
            continue
        found[code] = str(env.dlfiles.add_file(docname, path.as_posix()))
        env.note_dependency(srcdir / path)
    if not found:
        expected = Path(env.config.ainotes_audio_dir, f"{docname}.<language>.mp3")
        warn(
            f"front matter says 'audio: true', but there is no recording at {expected}; "
            "add the file, or set 'audio: false'",
            Subtype.AUDIO,
            where(),
        )
    return found, watch


def player(
    app: Sphinx, record: NoteRecord, settings: Settings, docname: str
) -> nodes.Element | None:
    """The recording in the build language, else in the original's, saying so."""
    if not record.audio or app.builder.format != "html":
        return None
    language = settings.language
    fallbacks = [language, record.language, *record.audio]
    code = next(c for c in fallbacks if c is not None and c in record.audio)
    if code == language:
        caption = _("Listen to this note")
    else:
        caption = _(
            "Listen to this note in {language}: there is no recording in this language yet."
        ).format(language=langtags.name_in(code, language))
    target = app.builder.get_target_uri(docname)
    src = relative_uri(target, f"_downloads/{record.audio[code]}")  # where Sphinx copies them
    kind = mimetypes.guess_type(src)[0] or ""
    return audio_player(src=src, type=kind, media_lang=code, caption=caption)


def visit_player(translator: HTML5Translator, node: audio_player) -> None:
    source = translator.attval(node["src"])
    kind = f' type="{translator.attval(node["type"])}"' if node["type"] else ""
    lang = translator.attval(langtags.to_bcp47(node["media_lang"]))
    translator.body += [
        translator.starttag(node, "figure", CLASS="ainotes-audio", dir=node.get("dir", "auto")),
        f'<audio controls preload="none" lang="{lang}"><source src="{source}"{kind} /></audio>\n',
        f"<figcaption>{translator.encode(node['caption'])}</figcaption>\n</figure>\n",
    ]
    raise nodes.SkipNode
