"""``make bench``: plain Sphinx against Sphinx with ``sphinx_ext`` on a synthetic bilingual site."""
