"""Where the same page lives in another language build."""

from __future__ import annotations

import posixpath

from sphinx.builders import Builder
from sphinx.util.osutil import relative_uri

from sphinx_ext.config import Settings


def relative(builder: Builder, settings: Settings, docname: str, language: str) -> str:
    """A link from ``docname`` to the same page in ``language``, valid at any depth."""
    target = builder.get_target_uri(docname)
    if language == settings.language:
        return relative_uri(target, target) or posixpath.basename(target) or "./"
    to_root = relative_uri(target, "")
    link = posixpath.normpath(to_root + settings.root_link(language) + target)
    return link + "/" if target.endswith("/") or not target else link


def absolute(builder: Builder, settings: Settings, docname: str, language: str) -> str | None:
    """The page's absolute URL in ``language``; None without ``ainotes_base_url``."""
    root = settings.root_url(language)
    if root is None:
        return None
    return root.rstrip("/") + "/" + builder.get_target_uri(docname)
