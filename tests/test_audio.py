"""``audio: true``: a player under the label, a file per language, a warning without one."""

from __future__ import annotations

import wave
from pathlib import Path

from tests.conftest import Build, copy_root, soup, warnings_of

NOTE = """---
audio: true
generated: true
lang: en
title: {title}
type: note
---

A note with a recording.
"""


def tiny_wav(path: Path) -> Path:
    """A tenth of a second of silence: a real file a browser can play."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0" * 800)
    return path


def site(tmp_path: Path, *, german_audio: bool = False) -> Path:
    srcdir = copy_root("notes", tmp_path / "src")
    (srcdir / "notes/spoken.md").write_text(NOTE.format(title="Spoken"), encoding="utf-8")
    (srcdir / "notes/silent.md").write_text(NOTE.format(title="Silent"), encoding="utf-8")
    tiny_wav(srcdir / "audio/notes/spoken.en.wav")
    if german_audio:
        tiny_wav(srcdir / "audio/notes/spoken.de.wav")
    return srcdir


def test_player_under_the_label_and_file_copied(build: Build, tmp_path: Path) -> None:
    app = build("notes", "en", srcdir=site(tmp_path))
    page = soup(app, "notes/spoken")
    label = page.select_one("article p.ainotes-label")
    assert label is not None
    figure = label.find_next_sibling()
    assert figure is not None and figure.name == "figure"
    assert "ainotes-audio" in figure["class"]
    source = figure.select_one("audio[controls] source")
    assert source is not None
    assert source["type"] == "audio/x-wav"
    assert source["src"].startswith("../_downloads/") and source["src"].endswith("/spoken.en.wav")
    played = (Path(app.outdir) / "notes" / source["src"]).resolve()
    assert played.is_file() and played.read_bytes()[:4] == b"RIFF"
    assert figure.select_one("figcaption").get_text() == "Listen to this note"  # type: ignore[union-attr]


def test_translation_falls_back_to_the_original_recording(build: Build, tmp_path: Path) -> None:
    app = build("notes", "de", srcdir=site(tmp_path))
    figure = soup(app, "notes/spoken").select_one("figure.ainotes-audio")
    assert figure is not None
    audio = figure.select_one("audio")
    assert audio is not None and audio["lang"] == "en"
    assert figure.select_one("source")["src"].endswith("/spoken.en.wav")  # type: ignore[index]
    assert figure.select_one("figcaption").get_text() == (  # type: ignore[union-attr]
        "Diese Notiz auf Englisch anhören: in dieser Sprache gibt es noch keine Aufnahme."
    )


def test_recording_in_the_build_language_wins(build: Build, tmp_path: Path) -> None:
    app = build("notes", "de", srcdir=site(tmp_path, german_audio=True))
    figure = soup(app, "notes/spoken").select_one("figure.ainotes-audio")
    assert figure is not None
    assert figure.select_one("source")["src"].endswith("/spoken.de.wav")  # type: ignore[index]
    assert figure.select_one("figcaption").get_text() == "Diese Notiz anhören"  # type: ignore[union-attr]


def test_missing_recording_warns_with_location_and_renders_no_player(
    build: Build, tmp_path: Path
) -> None:
    app = build("notes", "en", srcdir=site(tmp_path))
    warnings = warnings_of(app).splitlines()
    assert len(warnings) == 1
    assert "notes/silent.md:2: WARNING: front matter says 'audio: true'" in warnings[0]
    assert "audio/notes/silent.<language>.mp3" in warnings[0]
    assert warnings[0].endswith("[ainotes.audio]")
    assert soup(app, "notes/silent").select_one("figure.ainotes-audio") is None
    assert soup(app, "notes/silent").select_one("p.ainotes-label") is not None


def test_a_recording_added_later_is_picked_up(build: Build, tmp_path: Path) -> None:
    srcdir = site(tmp_path)
    build("notes", "en", srcdir=srcdir)
    tiny_wav(srcdir / "audio/notes/silent.en.wav")
    app = build("notes", "en", srcdir=srcdir)
    assert soup(app, "notes/silent").select_one("figure.ainotes-audio") is not None
