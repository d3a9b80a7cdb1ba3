"""Where the same page lives in another language build."""

from __future__ import annotations

import posixpath

from sphinx.builders import Builder
from sphinx.util.osutil import relative_uri

from sphinx_ext.config import Settings


def relative(
    builder: Builder,
    settings: Settings,
    docname: str,
    language: str,
    *,
    fromdoc: str | None = None,
) -> str:
    """A link from ``fromdoc`` (default: the page itself) to ``docname`` in ``language``."""
    target = builder.get_target_uri(docname)
    base = builder.get_target_uri(fromdoc or docname)
    if language == settings.language:
        return relative_uri(base, target) or posixpath.basename(target) or "./"
    root = settings.root_link(language)
    if "://" in root:  # the languages live on different hosts
        return root + target
    link = posixpath.normpath(relative_uri(base, "") + root + target)
    return link + "/" if target.endswith("/") or not target else link


def absolute(builder: Builder, settings: Settings, docname: str, language: str) -> str | None:
    """The page's absolute URL in ``language``; None without ``ainotes_base_url``."""
    root = settings.root_url(language)
    if root is None:
        return None
    return root.rstrip("/") + "/" + builder.get_target_uri(docname)
