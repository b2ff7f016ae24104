"""Post-build steps on the written site: per-language search indexes and 404 pages."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from .i18n import t
from .problems import CourseError, Problem

INDEX = Path("search") / "search_index.json"
LUNR_LANGUAGES = "assets/javascripts/lunr/min"


def finalize(site_dir: Path, course, search_settings: dict[str, dict]) -> None:
    split_search_index(site_dir, course, search_settings)
    for lang in course.languages:
        write_404(site_dir, course, lang)


def language_dir(site_dir: Path, course, lang: str) -> Path:
    return site_dir if lang == course.default_language else site_dir / lang


def to_site_root(course, lang: str, path: str) -> str:
    """'../'s from a file (its path inside the language folder) up to the site root.

    Relative, so the site works under any sub-path and from file://.
    """
    return "../" * (path.count("/") + (lang != course.default_language))


def search_settings(config, lang: str) -> dict:
    """The search settings a language partial sets (overrides/partials/languages/<lang>.html).

    Material reads them from the default language's partial only; each language index gets its own.
    Several lunr languages are listed with commas: each one is a lunr.<lang>.min.js the worker loads.
    """
    partial = f"partials/languages/{lang}.html"
    translate = config.theme.get_env().get_template(partial).module.t
    split = (lambda value: [part for part in re.split(r"\s*,\s*", value.strip()) if part])
    settings = {"lang": split(translate("search.config.lang")),
                "separator": translate("search.config.separator"),
                "pipeline": split(translate("search.config.pipeline"))}
    # The worker imports each one and dies on a missing file: the search box would never answer.
    missing = [name for name in settings["lang"] if name != "en" and not any(
        (Path(folder) / LUNR_LANGUAGES / f"lunr.{name}.min.js").is_file() for folder in config.theme.dirs)]
    if missing:
        raise CourseError([Problem(f"overrides/{partial}", None, "search.config.lang", "search-language",
                                   f"no lunr language file for {', '.join(missing)}",
                                   f"list languages that have {LUNR_LANGUAGES}/lunr.<lang>.min.js "
                                   "(in Material or in overrides/)")])
    return settings


def split_search_index(site_dir: Path, course, settings: dict[str, dict]) -> None:
    """One index per language, each also as a script for file:// (where fetch is not allowed).

    static-i18n writes one index with every language; Material loads the index from the
    page's "base", which overrides/main.html sets to the language's own root.
    `settings` holds each language's search settings (see search_settings).
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
        config = {**combined["config"], **settings[lang]}
        data = json.dumps({"config": config, "docs": docs}, ensure_ascii=False)
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
