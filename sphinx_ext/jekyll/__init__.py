"""Import a Jekyll notes blog: posts in several languages become MyST notes and catalogs.

``sphinx-notes import-jekyll SRC`` (:mod:`.cli`) runs :func:`.importer.run`:
:mod:`.discover` finds and groups the posts, :mod:`.myst` makes a post
MyST-ready, :mod:`.extract` asks Sphinx for the messages, :mod:`.blocks`
and :mod:`.align` pair the translation's blocks with the source's,
:mod:`.messages` turns pairs into checked msgstrs, :mod:`.catalog` writes
them, :mod:`.report` says what happened. :mod:`.bench` measures it.
"""
