"""The extension's message walk finds what Sphinx's ``extract_messages`` finds.

Every build the tests make checks this on each page (``conftest.same_messages_as_sphinx``).
This root has a node of every kind Sphinx extracts, with ``gettext_additional_targets``.
"""

from __future__ import annotations

import pytest
from sphinx.errors import ExtensionError

from sphinx_ext import translatable

from .conftest import Build, soup


def test_every_kind_of_message_is_found(build: Build) -> None:
    app = build("messages")
    found = {
        docname: [message for _node, message in translatable.messages(app.env.get_doctree(docname))]
        for docname in ("index", "page")
    }
    for message in [
        "A page with every kind of node Sphinx extracts.",  # meta
        "The pages",  # toctree caption
        "A paragraph whose line ends with a backslash, and one with a \\\\ in the middle.",
        "A picture's alt text",
        ".. image:: picture.png",  # image, an additional target
        "E = mc^2",  # math block
        "<p>Raw HTML</p>",
        '>>> print("a doctest block")\na doctest block',
        'print("nested code")',  # literal block in a list, an additional target
        "in two lines.",  # line
        "A field",
    ]:
        assert message in found["index"], (message, found["index"])
    for message in ["An image's alt text", "A line ending in a backslash and the next.", "A cell"]:
        assert message in found["page"], (message, found["page"])


def test_translated_pages_are_walked_too(build: Build) -> None:
    app = build("messages", "de")
    assert "Die Bildunterschrift." in soup(app, "index").get_text()


def test_a_walk_that_differs_fails_the_build(build: Build, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(translatable, "_translatable", lambda node: False)
    with pytest.raises(ExtensionError, match="same_messages_as_sphinx"):
        build("messages")
