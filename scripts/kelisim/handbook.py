"""The printed handbook: one HTML document per language and edition, made from the built pages.

After MkDocs has written the site (and the decks have taken the slide blocks out of the module
pages), each language gets `handbook/learner.html` and `handbook/trainer.html`: a cover, the
contents, the modules in course.yml's order, the glossary and the list of every source the modules
cite; the trainer edition also keeps the trainer notes (opened) and ends with the answer key.
They are not in the navigation: `python -m kelisim handbook` prints them to PDF
(kelisim.printing), and `overrides/assets/kelisim/handbook.css` lays them out on A4.

Pages are cut from the built HTML, as the decks are, so a handbook shows exactly what the site
shows. Every page reuses anchor ids (`top`, `source-…`), so each page's ids get its own prefix
(`<slug>--top`); links between pages of the handbook become links inside the document, links to
pages it does not hold (quizzes, exercise materials, decks) keep only their text.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

from .i18n import Date, t
from .site import language_dir, to_site_root
from .slides import RE_LINK_P, RE_SCHEME, article_of, replace_trainer_notes, without_slides

EDITIONS = ("learner", "trainer")
HANDBOOK_DIR = "handbook"
STYLESHEET = "kelisim/handbook.css"
GLOSSARY, ANSWER_KEY = "glossary.md", "answer-key.md"
RE_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
RE_ID = re.compile(r'(\sid=")([^"]+)(")')
RE_LINK = re.compile(r"<a\b([^>]*)>(.*?)</a>", re.S)
RE_HREF = re.compile(r'\shref="([^"]*)"')
RE_ASSET = re.compile(r'(<(?:img|source|link)\b[^>]*?\s(?:src|href)=")([^"]*)(")')
RE_QUIZ_LINK = re.compile(r'<p>\s*<a\b[^>]*\bkl-quiz-link\b[^>]*>.*?</a>\s*</p>', re.S)
RE_DETAILS_CLOSED = re.compile(r"<details\b(?![^>]*\sopen)")
RE_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
RE_H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)
RE_GLOSSARY = re.compile(r'<dl class="kl-glossary".*?</dl>', re.S)
RE_SOURCE_ITEM = re.compile(r'<li id="source-([^"]+)">.*?</li>', re.S)
RE_TAG = re.compile(r"<[^>]+>")


def handbook_path(edition: str) -> str:
    """Inside the language folder, beside modules/ (same depth, so images and assets resolve alike)."""
    return f"{HANDBOOK_DIR}/{edition}.html"


def built_path(page: str) -> str:
    return page[:-3] + ".html"


def prefix_of(page: str) -> str:
    """The anchor prefix of a page in the handbook: its file name (module slugs are unique)."""
    return posixpath.splitext(posixpath.basename(page))[0]


def parts_of(course, edition: str) -> list[str]:
    """The pages the handbook holds, in order (Markdown paths inside the language folder)."""
    return [*(m.page for m in course.modules), GLOSSARY, *([ANSWER_KEY] if edition == "trainer" else [])]


def localize(fragment: str, page: str, held: dict[str, str], target: str = handbook_path("learner")) -> str:
    """A page's HTML made part of the handbook at `target`.

    Ids get the page's prefix; a link to a page the handbook holds (`held`: built path -> prefix)
    becomes an in-document link, a link elsewhere in the site only its text; images and
    stylesheets are rebased from the page's folder to the handbook's.
    """
    page_html, prefix = built_path(page), held[built_path(page)]
    page_dir, target_dir = posixpath.dirname(page_html), posixpath.dirname(target)
    fragment = RE_ID.sub(lambda m: f"{m.group(1)}{prefix}--{m.group(2)}{m.group(3)}", fragment)

    def link(match):
        attrs, text = match.groups()
        href = RE_HREF.search(attrs)
        url = html.unescape(href.group(1)) if href else ""
        if not href or RE_SCHEME.match(url) or url.startswith("/"):
            return match.group(0)
        path, _, anchor = url.partition("#")
        linked = posixpath.normpath(posixpath.join(page_dir, path)) if path else page_html
        if linked not in held:
            return text  # the handbook does not hold that page: the words stay, the link goes
        new = f"#{held[linked]}--{anchor}" if anchor else f"#{held[linked]}"
        new_href = f' href="{html.escape(new)}"'
        return f"<a{RE_HREF.sub(lambda _: new_href, attrs, count=1)}>{text}</a>"

    def asset(match):
        url = html.unescape(match.group(2))
        if RE_SCHEME.match(url) or url.startswith(("/", "#")):
            return match.group(0)
        rebased = posixpath.relpath(posixpath.normpath(posixpath.join(page_dir, url)), target_dir)
        return match.group(1) + html.escape(rebased) + match.group(3)

    return RE_ASSET.sub(asset, RE_LINK.sub(link, fragment))


def for_edition(article: str, edition: str) -> str:
    """What print shows of a page: no slide blocks, deck or quiz buttons; trainer notes only for trainers,
    as open boxes; every other collapsible block open."""
    article = RE_QUIZ_LINK.sub("", RE_LINK_P.sub("", without_slides(article)))
    if edition == "trainer":
        article = replace_trainer_notes(article, lambda label, body: (
            f'<section class="kl-hb-trainer-note" data-kl-block="trainer-note">'
            f'<p class="kl-hb-trainer-note__label">{label}</p>{body}</section>'))
    else:
        article = replace_trainer_notes(article, lambda label, body: "")
    return RE_DETAILS_CLOSED.sub("<details open", article)


def plain(fragment: str) -> str:
    return html.unescape(RE_TAG.sub("", fragment)).strip()


def entry(target: str, title: str, label: str = "") -> str:
    """A contents line: the title linked to its part, and a place for the page number.

    kelisim.printing fills `data-kl-page-of` with the page the target starts on (it knows only after
    a first print); on screen the place stays empty.
    """
    return (f'<span class="kl-hb-contents__line">{label}<a href="#{target}">{html.escape(title)}</a>'
            f'<span class="kl-hb-contents__page" data-kl-page-of="{target}"></span></span>')


def contents(course, lang: str, articles: dict[str, str], edition: str) -> str:
    """The contents: each part with its `##` sections, linked inside the document, with page numbers in print."""
    items = []
    for page in (page for page in parts_of(course, edition) if page in articles):
        prefix, article = prefix_of(page), articles[page]
        h1 = RE_H1.search(article)
        module = next((m for m in course.modules if m.page == page), None)
        label = f'<span class="kl-hb-contents__module">{html.escape(t(lang, "module", n=module.number))}</span> ' \
            if module else ""
        sections = "".join(f"<li>{entry(f'{prefix}--{ident}', plain(title))}</li>"
                           for ident, title in RE_H2.findall(article)) if module else ""
        items.append(f"<li>{entry(prefix, plain(h1.group(1)), label)}" + (f"<ol>{sections}</ol>" if sections else "")
                     + "</li>")
    items.append(f'<li>{entry("sources", t(lang, "handbook.sources"))}</li>')
    if edition == "trainer":  # the answer key comes last, after the sources
        items.append(items.pop(-2))
    return (f'<nav class="kl-hb-contents" aria-labelledby="contents"><h1 id="contents">'
            f'{html.escape(t(lang, "handbook.contents"))}</h1><ol>{"".join(items)}</ol></nav>')


def sources_list(lang: str, articles: list[str]) -> str:
    """Every source the modules cite, once, in the order of first citation, as their pages show it."""
    seen: dict[str, str] = {}
    for article in articles:
        for match in RE_SOURCE_ITEM.finditer(article):
            seen.setdefault(match.group(1), match.group(0).replace(' id="source-', ' id="sources--source-', 1))
    return (f'<section class="kl-hb-part kl-hb-sources" id="sources"><h1>{html.escape(t(lang, "handbook.sources"))}</h1>'
            f'<p>{html.escape(t(lang, "handbook.sources.lead"))}</p><ol class="kl-sources">{"".join(seen.values())}</ol>'
            f"</section>")


def cover(course, lang: str, edition: str) -> str:
    as_of = max(m.status_as_of for m in course.modules)
    return (f'<header class="kl-hb-cover">'
            f'<p class="kl-hb-cover__title">{html.escape(course.title[lang])}</p>'
            f'<p class="kl-hb-cover__edition">{html.escape(t(lang, f"handbook.{edition}"))}</p>'
            f'<p class="kl-hb-cover__version">{html.escape(t(lang, "handbook.version", version=course.version))}</p>'
            f'<p class="kl-hb-cover__as-of">{html.escape(t(lang, "status", date=Date(lang, as_of)))}</p>'
            f"</header>")


def make_handbook(course, lang: str, edition: str, built: dict[str, str]) -> str:
    """The handbook document; `built` maps each part's Markdown path to its built page's HTML."""
    target = handbook_path(edition)
    parts = [page for page in parts_of(course, edition) if page in built]  # a course may have no glossary page
    held = {built_path(page): prefix_of(page) for page in parts}
    articles = {page: for_edition(article_of(built[page], built_path(page)), edition) for page in parts}
    sections = []
    for page in parts:
        article = localize(articles[page], page, held, target)
        module = next((m for m in course.modules if m.page == page), None)
        if page == GLOSSARY:  # the term list without the page's advice on hovering over terms
            h1, terms = RE_H1.search(article), RE_GLOSSARY.search(article)
            article = h1.group(0) + (terms.group(0) if terms else "")
        label = (f'<p class="kl-hb-part__module">{html.escape(t(lang, "module", n=module.number))}</p>'
                 if module else "")
        sections.append(f'<section class="kl-hb-part" id="{prefix_of(page)}">{label}{article}</section>')
    at = len(course.modules) + (GLOSSARY in parts)  # after the glossary, before the answer key
    sections.insert(at, sources_list(lang, [articles[m.page] for m in course.modules]))
    first = course.modules[0].page
    links = [*stylesheets(built[first], first, target), f"{to_site_root(course, lang, target)}assets/{STYLESHEET}"]
    head = "\n".join(f'<link rel="stylesheet" href="{href}">' for href in links)
    title = f"{course.title[lang]} — {t(lang, f'handbook.{edition}')}"
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{html.escape(title)}</title>
{head}
</head>
<body class="kl-handbook kl-handbook--{edition}">
<main class="md-typeset">
{cover(course, lang, edition)}
{contents(course, lang, articles, edition)}
{chr(10).join(sections)}
</main>
</body>
</html>
"""


def stylesheets(page_html: str, page: str, target: str) -> list[str]:
    """The site's stylesheets as a page links them (Material's are hashed), rebased to the handbook."""
    page_dir = posixpath.dirname(built_path(page))
    return [posixpath.relpath(posixpath.normpath(posixpath.join(page_dir, href)), posixpath.dirname(target))
            for href in RE_STYLESHEET.findall(page_html.split("</head>", 1)[0])]


def build_handbooks(site_dir: Path, course) -> list[Path]:
    """Write both editions in every language, reading the pages MkDocs (and the deck builder) wrote."""
    written = []
    for lang in course.languages:
        folder = language_dir(site_dir, course, lang)
        files = {page: folder / built_path(page) for page in parts_of(course, "trainer")}
        built = {page: file.read_text(encoding="utf-8") for page, file in files.items() if file.is_file()}
        for edition in EDITIONS:
            target = folder / handbook_path(edition)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(make_handbook(course, lang, edition, built), encoding="utf-8")
            written.append(target)
    return written
