"""Post-build steps on the written site: per-language search indexes and 404 pages."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from .i18n import t

INDEX = Path("search") / "search_index.json"
#: Elements whose whitespace shows (or may): compact() leaves their content alone.
KEEPS_WHITESPACE = re.compile(r"(<(pre|textarea|script|style|code)\b.*?</\2>)", re.S)


def finalize(site_dir: Path, course) -> None:
    split_search_index(site_dir, course)
    for lang in course.languages:
        write_404(site_dir, course, lang)


def compact(page: str) -> str:
    """A page without the template's indentation and blank lines (about 5 % of a module page).

    Whitespace that holds a line break becomes one line break, which renders the same.
    """
    parts = KEEPS_WHITESPACE.split(page)  # [other, kept, tag name, other, kept, tag name, ..., other]
    return "".join(re.sub(r"[ \t]*\n\s*", "\n", part) if i % 3 == 0 else part
                   for i, part in enumerate(parts) if i % 3 != 2)


def language_dir(site_dir: Path, course, lang: str) -> Path:
    return site_dir if lang == course.default_language else site_dir / lang


def to_site_root(course, lang: str, path: str) -> str:
    """'../'s from a file (its path inside the language folder) up to the site root.

    Relative, so the site works under any sub-path and from file://.
    """
    return "../" * (path.count("/") + (lang != course.default_language))


def split_search_index(site_dir: Path, course) -> None:
    """One index per language, each also as a script for file:// (where fetch is not allowed).

    static-i18n writes one index with every language; Material loads the index from the
    page's "base", which overrides/main.html sets to the language's own root.
    """
    combined = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    other_prefixes = tuple(f"{lang}/" for lang in course.languages if lang != course.default_language)
    for lang in course.languages:
        if lang == course.default_language:
            docs = [d for d in combined["docs"] if not d["location"].startswith(other_prefixes)]
        else:
            prefix = f"{lang}/"
            docs = [{**d, "location": d["location"][len(prefix):]} for d in combined["docs"]
                    if d["location"].startswith(prefix)]
        target = language_dir(site_dir, course, lang) / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps({"config": combined["config"], "docs": docs}, ensure_ascii=False)
        target.write_text(data, encoding="utf-8")
        target.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")


#: The server sends a 404 page in place of a missing page at any depth (kurs/modules/old.html),
#: so a relative link to index.html would miss. Going up from the requested address, the first
#: folder with this language's search index is the language's root. From file:// nothing is fetched.
FIND_HOME = """(function () {
  var link = document.getElementById("kl-home"), up = "", left = location.pathname.split("/").length;
  (function probe() {
    if (left-- <= 0) return;
    fetch(up + "search/search_index.json", {method: "HEAD"}).then(function (response) {
      if (response.ok) link.href = up + "index.html"; else { up += "../"; probe(); }
    }, function () {});
  })();
})();"""


def write_404(site_dir: Path, course, lang: str) -> None:
    """A self-contained 404 page per language: no assets, so it renders at any URL depth."""
    target = language_dir(site_dir, course, lang) / "404.html"
    title, body, home = (html.escape(t(lang, key)) for key in ("404.title", "404.body", "404.home"))
    target.write_text(f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title} – {html.escape(course.title[lang])}</title>
<style>
body{{font:1.1rem/1.6 system-ui,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif;
max-width:40rem;margin:10vh auto;padding:0 1.5rem;color:#1d2a38}}
a{{color:#0b5c8a}}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p>{body}</p>
<p><a href="index.html" id="kl-home">{home}</a></p>
</main>
<script>
{FIND_HOME}
</script>
</body>
</html>
""", encoding="utf-8")
