"""The multi-language site around the per-language builds.

``build/html/index.html`` sends a reader to the remembered language, else
to the browser's preferred one, else to the default; without JavaScript it
is a list of links.
"""

from __future__ import annotations

import html
import json
import os
import runpy
from pathlib import Path

from sphinx_ext import langtags

#: The localStorage key the switcher writes and the root page reads.
STORAGE_KEY = "ainotes-language"


def read_conf(docs: Path) -> dict[str, object]:
    """The names ``conf.py`` defines, read without building."""
    cwd = Path.cwd()
    try:
        os.chdir(docs)  # conf.py may use relative paths
        return runpy.run_path(str(Path(cwd, docs, "conf.py")))
    finally:
        os.chdir(cwd)


def site_languages(conf: dict[str, object]) -> list[str]:
    # as Settings.of: without a list, the site is its source language
    languages = conf.get("ainotes_languages") or [conf.get("ainotes_source_language") or "en"]
    assert isinstance(languages, list | tuple), "ainotes_languages must be a list"
    return [str(code) for code in languages]


def source_language(conf: dict[str, object]) -> str:
    """The site language of pages without a ``lang``, spelled as in ``ainotes_languages``."""
    source = str(conf.get("ainotes_source_language") or "en")
    return langtags.match(source, site_languages(conf)) or source


def _match_keys(languages: list[str]) -> dict[str, str]:
    """Lower-case BCP 47 prefixes a browser may send, each mapped to a site language."""
    keys: dict[str, str] = {}
    for code in languages:
        tag = langtags.to_bcp47(code).lower()
        parts = tag.split("-")
        for end in range(len(parts), 0, -1):
            keys.setdefault("-".join(parts[:end]), code)
    return keys


_SCRIPT = """(function () {
  var keys = %(keys)s, fallback = %(fallback)s, choice = null;
  try { choice = localStorage.getItem(%(storage)s); } catch (e) {}
  if (!Object.prototype.hasOwnProperty.call(%(codes)s, choice)) {
    choice = null;
    var wanted = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < wanted.length && !choice; i++) {
      var parts = String(wanted[i]).toLowerCase().split("-");
      for (var end = parts.length; end > 0 && !choice; end--) {
        choice = keys[parts.slice(0, end).join("-")] || null;
      }
    }
  }
  location.replace((choice || fallback) + "/index.html");
})();"""


def root_index(languages: list[str], title: str) -> str:
    """The HTML of the site's root page."""
    default = languages[0]
    codes = {code: True for code in languages}
    script = _SCRIPT % {
        "keys": json.dumps(_match_keys(languages), sort_keys=True),
        "fallback": json.dumps(default),
        "storage": json.dumps(STORAGE_KEY),
        "codes": json.dumps(codes),
    }
    script = script.replace("</", "<\\/")  # no "</script>" inside the script
    items = "\n".join(
        f'      <li><a href="{html.escape(code)}/index.html" '
        f'hreflang="{html.escape(langtags.to_bcp47(code))}" '
        f'lang="{html.escape(langtags.to_bcp47(code))}" '
        f'dir="{langtags.direction(code)}">{html.escape(langtags.autonym(code))}</a></li>'
        for code in languages
    )
    return f"""<!DOCTYPE html>
<html lang="{html.escape(langtags.to_bcp47(default))}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{html.escape(title)}</title>
    <script>{script}</script>
  </head>
  <body>
    <h1>{html.escape(title)}</h1>
    <ul>
{items}
    </ul>
  </body>
</html>
"""


def write_root(docs: Path, out: Path) -> Path:
    """Write ``index.html`` and ``.nojekyll`` at the root of the combined site."""
    conf = read_conf(docs)
    title = str(conf.get("html_title") or conf.get("project") or "Notes")
    out.mkdir(parents=True, exist_ok=True)
    target = out / "index.html"
    tmp = target.with_suffix(".html.tmp")
    tmp.write_text(root_index(site_languages(conf), title), encoding="utf-8")
    os.replace(tmp, target)
    (out / ".nojekyll").touch()
    return target
