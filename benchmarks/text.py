"""Deterministic English prose for the notes, and its pseudo-German "translation".

The words come from a fixed vocabulary with a German gloss for each, so a
catalog's msgstr looks and weighs like a translation. Markdown that the
extension's integrity check compares (inline code, link targets, ``**``)
is copied unchanged.
"""

from __future__ import annotations

import random
import re

# (English, German): the words the synthetic notes are written in.
VOCABULARY: tuple[tuple[str, str], ...] = (
    ("model", "Modell"), ("models", "Modelle"), ("training", "Training"),
    ("data", "Daten"), ("network", "Netzwerk"), ("neural", "neuronale"),
    ("layer", "Schicht"), ("layers", "Schichten"), ("attention", "Aufmerksamkeit"),
    ("gradient", "Gradient"), ("loss", "Verlust"), ("function", "Funktion"),
    ("image", "Bild"), ("images", "Bilder"), ("language", "Sprache"),
    ("understanding", "Verständnis"), ("generation", "Erzeugung"), ("research", "Forschung"),
    ("the", "die"), ("a", "ein"), ("an", "ein"), ("of", "von"), ("and", "und"),
    ("or", "oder"), ("in", "in"), ("on", "auf"), ("for", "für"), ("with", "mit"),
    ("to", "zu"), ("from", "aus"), ("by", "durch"), ("is", "ist"), ("are", "sind"),
    ("was", "war"), ("can", "kann"), ("may", "mag"), ("might", "könnte"),
    ("could", "könnte"), ("should", "sollte"), ("this", "dies"), ("that", "das"),
    ("these", "diese"), ("which", "welche"), ("how", "wie"), ("why", "warum"),
    ("when", "wenn"), ("more", "mehr"), ("most", "meist"), ("less", "weniger"),
    ("very", "sehr"), ("deep", "tiefe"), ("learning", "Lernen"), ("large", "große"),
    ("small", "kleine"), ("fast", "schnelle"), ("slow", "langsame"), ("new", "neue"),
    ("old", "alte"), ("better", "bessere"), ("important", "wichtige"),
    ("practical", "praktische"), ("general", "allgemeine"), ("specific", "spezifische"),
    ("approach", "Ansatz"), ("method", "Methode"), ("methods", "Methoden"),
    ("result", "Ergebnis"), ("results", "Ergebnisse"), ("paper", "Artikel"),
    ("author", "Autor"), ("authors", "Autoren"), ("question", "Frage"),
    ("answer", "Antwort"), ("example", "Beispiel"), ("examples", "Beispiele"),
    ("system", "System"), ("systems", "Systeme"), ("memory", "Speicher"),
    ("compute", "Rechenleistung"), ("hardware", "Hardware"), ("software", "Software"),
    ("inference", "Inferenz"), ("accuracy", "Genauigkeit"), ("performance", "Leistung"),
    ("efficiency", "Effizienz"), ("cost", "Kosten"), ("time", "Zeit"),
    ("benchmark", "Benchmark"), ("dataset", "Datensatz"), ("token", "Token"),
    ("tokens", "Token"), ("context", "Kontext"), ("window", "Fenster"),
    ("reasoning", "Schlussfolgern"), ("knowledge", "Wissen"), ("idea", "Idee"),
    ("ideas", "Ideen"), ("future", "Zukunft"), ("past", "Vergangenheit"),
    ("people", "Menschen"), ("engineer", "Ingenieur"), ("engineers", "Ingenieure"),
    ("students", "Studierende"), ("teacher", "Lehrer"), ("mentor", "Mentor"),
    ("company", "Firma"), ("industry", "Industrie"), ("market", "Markt"),
    ("product", "Produkt"), ("users", "Nutzer"), ("feedback", "Rückmeldung"),
    ("scale", "Skala"), ("scaling", "Skalierung"), ("parameters", "Parameter"),
    ("weights", "Gewichte"), ("architecture", "Architektur"), ("residual", "residuale"),
    ("connections", "Verbindungen"), ("vision", "Sehen"), ("text", "Text"),
    ("audio", "Audio"), ("video", "Video"), ("code", "Code"), ("program", "Programm"),
    ("library", "Bibliothek"), ("interface", "Schnittstelle"), ("design", "Entwurf"),
    ("problem", "Problem"), ("problems", "Probleme"), ("solution", "Lösung"),
    ("trade-off", "Abwägung"), ("limit", "Grenze"), ("limits", "Grenzen"),
    ("step", "Schritt"), ("steps", "Schritte"), ("process", "Prozess"),
    ("discusses", "bespricht"), ("explains", "erklärt"), ("shows", "zeigt"),
    ("improves", "verbessert"), ("reduces", "verringert"), ("increases", "erhöht"),
    ("suggests", "nahelegt"), ("requires", "erfordert"), ("uses", "nutzt"),
    ("builds", "baut"), ("learns", "lernt"), ("predicts", "sagt voraus"),
    ("compares", "vergleicht"), ("measures", "misst"), ("helps", "hilft"),
    ("likely", "wahrscheinlich"), ("often", "oft"), ("rarely", "selten"),
    ("quickly", "schnell"), ("carefully", "sorgfältig"), ("together", "zusammen"),
    ("also", "auch"), ("however", "jedoch"), ("therefore", "daher"), ("not", "nicht"),
    ("every", "jede"), ("each", "jede"), ("some", "einige"), ("many", "viele"),
    ("few", "wenige"), ("first", "erste"), ("second", "zweite"), ("next", "nächste"),
    ("key", "wichtige"), ("points", "Punkte"), ("summary", "Zusammenfassung"),
    ("overview", "Überblick"), ("background", "Hintergrund"), ("details", "Details"),
    ("limitations", "Einschränkungen"), ("conclusion", "Fazit"), ("setup", "Einrichtung"),
    ("see", "siehe"), ("call", "rufe"), ("notes", "Notizen"),
)  # fmt: skip

GERMAN = dict(VOCABULARY)
WORDS = tuple(english for english, _ in VOCABULARY)

# Markdown a translation must keep byte for byte: code spans, link targets,
# autolinks, bold markers, roles and substitutions.
_KEEP = r"`[^`]*`|\]\([^)]*\)|<[^>\s]+>|https?://\S+|\*\*|\{[^}]*\}"
_TOKEN = re.compile(rf"(?P<keep>{_KEEP})|(?P<word>[A-Za-z][A-Za-z'-]*)")


def sentence(rng: random.Random, low: int = 10, high: int = 24) -> str:
    words = rng.choices(WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize() + rng.choice(".....?")


def phrase(rng: random.Random, low: int = 2, high: int = 5) -> str:
    return " ".join(rng.choices(WORDS, k=rng.randint(low, high))).capitalize()


def _germanise(word: str) -> str:
    """A German-looking stand-in for a word outside the vocabulary."""
    lowered = word.lower()
    german = GERMAN.get(lowered)
    if german is None:
        german = lowered.replace("th", "t").replace("c", "k").replace("y", "ü") + "e"
    return german[:1].upper() + german[1:] if word[:1].isupper() else german


def to_german(msgid: str) -> str:
    """Word-by-word German; whatever Markdown must keep is copied unchanged."""

    def swap(match: re.Match[str]) -> str:
        return match["keep"] or _germanise(match["word"])

    return _TOKEN.sub(swap, msgid)
