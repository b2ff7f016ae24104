"""Lecture decks (reveal.js) made from the built module pages, so slide text is never written twice.

After MkDocs has written the site, each module page with `slides: true` in its front matter
is read back from the site (its course blocks are already rendered, offline) and cut into
slides: a title slide (the page's H1), the text before the first second-level heading if
there is any, one slide per `##` section, a further slide at each `<!-- slide -->` line,
and a closing slide. `trainer-note` blocks move into the slide's speaker notes.
Decks are written to `slides/<slug>.html` in each language's folder, beside `modules/`.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .i18n import for_script, t
from .pages import SLIDE_MARKER, Page, split_front_matter
from .site import language_dir, to_site_root

DECK_DIR = "slides"
BRAND = "#0b5c8a"  # the course's primary colour (overrides/assets/kelisim/kelisim.css)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
RE_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
RE_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
RE_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
RE_H2_ID = re.compile(r'^\s*<h2 id="([^"]+)"')
RE_H2 = re.compile(r"<h2[^>]*>(.*?)</h2>", re.S)
RE_NOTE_START = re.compile(r'<details class="[^"]*\bkl-trainer-note\b[^"]*"[^>]*>')
RE_DETAILS_TAG = re.compile(r"<(/?)details\b[^>]*>")
RE_SUMMARY = re.compile(r"<summary>.*?</summary>", re.S)
RE_URL_ATTR = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
RE_SECTION_TAG = re.compile(r"<(/?)section\b")
RE_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
RE_LINK_P = re.compile(r'\s*<p class="kl-slides-link">.*?</p>', re.S)  # see with_deck_link
#: Strings the deck's script shows (speaker view labels, handout headings); they live in i18n.py.
SCRIPT_STRINGS = tuple(f"slides.{key}" for key in (
    "notes", "slide", "speaker.title", "speaker.upcoming", "speaker.time", "speaker.notes",
    "speaker.reset", "speaker.pacing", "previous", "next", "resume"))


@dataclass
class Slide:
    kind: str  # title | intro | section | closing
    body: str
    notes: list[str] = field(default_factory=list)
    ident: str | None = None


def has_slides(meta: dict) -> bool:
    """Does a page's front matter ask for a deck (`slides: true`)?"""
    return meta.get("slides") is True


def expected_count(page: Page) -> int:
    """The deck's slide count, from the Markdown source: title, intro (if any), `##` sections,
    `<!-- slide -->` splits, closing."""
    h2 = [h for h in page.headings if h.level == 2]
    splits = sum(1 for m in page.slide_markers if m.top_level)
    return 2 + int(_has_intro(page)) + len(h2) + splits


def _has_intro(page: Page) -> bool:
    """Is there text between the H1 and the first `##` heading (outcomes, status, a lead)?"""
    h1 = next((h.line for h in page.headings if h.level == 1), split_front_matter("\n".join(page.lines))[1])
    first_h2 = next((h.line for h in page.headings if h.level == 2), len(page.lines) + 1)
    markers = {m.line for m in page.slide_markers}
    return any(page.lines[n - 1].strip() and n not in markers for n in range(h1 + 1, first_h2))


# ---------- cutting rendered HTML -------------------------------------------------------

class _TopLevelCuts(HTMLParser):
    """Offsets of top-level `<h2>` tags and `<!-- slide -->` comments in an HTML fragment."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.line_starts = [0]
        for match in re.finditer("\n", text):
            self.line_starts.append(match.end())
        self.depth = 0
        self.cuts: list[tuple[int, int]] = []  # (start, end of the text to drop)
        self.feed(text)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if self.depth == 0 and tag == "h2":
            at = self._offset()
            self.cuts.append((at, at))
        if tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag not in VOID:
            self.depth -= 1

    def handle_comment(self, data):
        if self.depth == 0 and f"<!--{data}-->" == SLIDE_MARKER:
            at = self._offset()
            self.cuts.append((at, at + len(SLIDE_MARKER)))


def cut(article: str) -> list[str]:
    """The fragment split before each top-level `<h2>` and at each top-level slide marker."""
    pieces, start = [], 0
    for begin, end in _TopLevelCuts(article).cuts:
        pieces.append(article[start:begin])
        start = end
    pieces.append(article[start:])
    return pieces


def take_notes(fragment: str) -> tuple[str, list[str]]:
    """Remove every trainer-note `<details>` from a fragment; return it and the notes' inner HTML."""
    notes = []
    while match := RE_NOTE_START.search(fragment):
        depth, end = 0, None
        for tag in RE_DETAILS_TAG.finditer(fragment, match.start()):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                end = tag.end()
                break
        if end is None:  # unbalanced markup: leave the rest alone rather than lose text
            break
        inner = fragment[match.end():end - len("</details>")]
        notes.append(RE_SUMMARY.sub("", inner, count=1).strip())
        fragment = fragment[:match.start()] + fragment[end:]
    return fragment, notes


def rebase_urls(fragment: str, page_path: str, deck_path: str, deck_ids: set[str]) -> str:
    """Make relative links and image URLs written for the page work from the deck's folder.

    Paths are inside the language folder (e.g. modules/x.html -> slides/x.html). A link to a
    section that is a slide of this deck becomes a jump to that slide.
    """
    page_dir, deck_dir = posixpath.dirname(page_path), posixpath.dirname(deck_path)

    def rebase(match):
        url = html.unescape(match.group(2))
        if RE_SCHEME.match(url) or url.startswith("/"):
            return match.group(0)
        if url.startswith("#"):
            anchor = url[1:]
            new = f"#/{anchor}" if anchor in deck_ids else posixpath.relpath(page_path, deck_dir) + url
        else:
            path, hash_, anchor = url.partition("#")
            target = posixpath.normpath(posixpath.join(page_dir, path)) if path else page_path
            new = posixpath.relpath(target, deck_dir) + hash_ + anchor
        return match.group(1) + html.escape(new, quote=True) + match.group(3)

    return RE_URL_ATTR.sub(rebase, fragment)


def article_of(page_html: str, file: str = "the page") -> str:
    """The page's content (Material's <article>) without its heading permalinks."""
    match = RE_ARTICLE.search(page_html)
    if not match:
        raise ValueError(f"{file}: no <article class=\"md-content__inner md-typeset\"> to cut into slides. Fix: if the "
                         "theme or overrides/main.html changed how pages are laid out, update RE_ARTICLE in "
                         "scripts/kelisim/slides.py to match it")
    return RE_HEADERLINK.sub("", match.group(1))


def make_slides(article: str, page_path: str, deck_path: str) -> tuple[str, list[Slide]]:
    """(H1 inner HTML, content slides) from a page's rendered article."""
    pieces = cut(article)
    h1 = RE_H1.search(pieces[0])
    title = h1.group(1).strip() if h1 else ""
    pieces[0] = RE_LINK_P.sub("", RE_H1.sub("", pieces[0], count=1), count=1)
    slides: list[Slide] = []
    section, part, section_title = "kl-intro", 1, ""
    for index, piece in enumerate(pieces):
        heading = RE_H2_ID.match(piece)
        if heading:
            section, part = heading.group(1), 1
            piece = piece.replace(f' id="{section}"', "", 1)  # the id moves to the slide
            section_title = RE_H2.search(piece).group(1)
            ident = section
        elif index == 0:
            if not piece.strip():
                continue  # no text before the first section: no intro slide
            ident = section
        else:
            part += 1
            ident = f"{section}-{part}"
            if section_title:  # a continued section keeps its heading, small, for the room's bearings
                piece = f'<p class="kl-slide__section">{section_title}</p>\n{piece}'
        # reveal.js counts every <section> under .slides as a slide: blocks become <div>s.
        body, notes = take_notes(RE_SECTION_TAG.sub(r"<\1div", piece))
        slides.append(Slide("intro" if section == "kl-intro" else "section", body.strip(), notes, ident))
    ids = {s.ident for s in slides}
    for slide in slides:
        slide.body = rebase_urls(slide.body, page_path, deck_path, ids)
        slide.notes = [rebase_urls(n, page_path, deck_path, ids) for n in slide.notes]
    return title, slides


# ---------- links to decks ---------------------------------------------------------------

def with_deck_link(markdown: str, lang: str, path: str) -> str:
    """The module page's Markdown with an "Open as slides" link right under its H1.

    Raw HTML, so MkDocs does not look for the deck among the documentation files (it is
    written after the build); the deck builder drops the paragraph again.
    """
    slug = posixpath.splitext(posixpath.basename(path))[0]
    href = posixpath.relpath(deck_path(slug), posixpath.dirname(path) or ".")
    link = (f'<p class="kl-slides-link"><a class="md-button" href="{href}" data-kl-deck-link>'
            f'{html.escape(t(lang, "slides.open"))}</a></p>')
    lines = markdown.split("\n")
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    return "\n".join(lines[:at] + ["", link, ""] + lines[at:])


# ---------- writing decks --------------------------------------------------------------

@dataclass
class Deck:
    lang: str
    module: object
    title: str  # the page's H1 (inner HTML)
    slides: list[Slide]


def deck_modules(course, pages) -> list:
    """Modules whose page says `slides: true` (parity keeps the flag equal in every language).

    `pages` is {lang: {path: Page}}, as kelisim.checks.read_pages gives them.
    """
    default = pages[course.default_language]
    return [m for m in course.modules if m.page in default and has_slides(default[m.page].meta)]


def deck_path(slug: str) -> str:
    """Inside the language folder, like the module's page (modules/<slug>.html)."""
    return f"{DECK_DIR}/{slug}.html"


def build_decks(site_dir: Path, course, pages) -> None:
    """Write every deck in every language, reading the module pages MkDocs has just written."""
    for module in deck_modules(course, pages):
        for lang in course.languages:
            folder = language_dir(site_dir, course, lang)
            page_path = module.page[:-3] + ".html"
            built = folder / page_path
            article = article_of(built.read_text(encoding="utf-8"), built.as_posix())
            title, slides = make_slides(article, page_path, deck_path(module.slug))
            target = folder / deck_path(module.slug)
            target.parent.mkdir(parents=True, exist_ok=True)
            html_text = render(Deck(lang, module, title, slides), course, page_path)
            target.write_text(html_text, encoding="utf-8")


def _section(slide: Slide, classes: str, background: str = "") -> str:
    """reveal.js drops a slide's own padding in print: the body wrapper keeps the margins."""
    notes = "".join(f'\n<aside class="notes">{n}</aside>' for n in slide.notes)
    attrs = f' id="{html.escape(slide.ident)}"' if slide.ident else ""
    if background:
        attrs += f' data-background-color="{background}"'
    return (f'<section{attrs} class="{classes}" data-kl-slide="{slide.kind}">\n'
            f'<div class="kl-slide__body">\n{slide.body}\n</div>{notes}\n</section>')


def render(deck: Deck, course, page_path: str) -> str:
    lang, module = deck.lang, deck.module
    assets = to_site_root(course, lang, deck_path(module.slug)) + "assets/"
    page_link = posixpath.relpath(page_path, DECK_DIR)
    module_label = t(lang, "module", n=module.number)
    plain_title = html.unescape(re.sub(r"<[^>]+>", "", deck.title)) or module.title[lang]
    title = Slide("title", f'<p class="kl-deck__module">{html.escape(module_label)}</p>\n'
                           f'<h1>{deck.title or html.escape(module.title[lang])}</h1>\n'
                           f'<p class="kl-deck__course">{html.escape(course.title[lang])}</p>', ident="kl-title")
    closing = Slide("closing", f'<h2>{html.escape(t(lang, "slides.closing"))}</h2>\n'
                               f'<p class="kl-deck__back"><a href="{page_link}">{html.escape(t(lang, "slides.page"))}: '
                               f'{html.escape(plain_title)}</a></p>', ident="kl-closing")
    sections = [_section(title, "kl-slide kl-slide--title", BRAND),
                *(_section(s, f"kl-slide kl-slide--{s.kind}") for s in deck.slides),
                _section(closing, "kl-slide kl-slide--closing", BRAND)]
    strings = for_script(lang, SCRIPT_STRINGS, "slides.")
    bar = (f'<nav class="kl-deck-bar" aria-label="{html.escape(t(lang, "slides.tools"))}">'
           f'<a href="{page_link}">{html.escape(t(lang, "slides.page"))}</a>'
           f'<a href="?handout">{html.escape(t(lang, "slides.handout"))}</a>'
           f'<a href="?print-pdf">{html.escape(t(lang, "slides.print"))}</a>'
           f'<span class="kl-deck-bar__keys">{html.escape(t(lang, "slides.keys"))}</span></nav>')
    return f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{html.escape(module_label)}. {html.escape(plain_title)} – {html.escape(t(lang, "slides.title"))}</title>
<link rel="icon" href="{assets}kelisim/favicon.svg">
<link rel="stylesheet" href="{assets}vendor/reveal.js/reveal.css">
<link rel="stylesheet" href="{assets}kelisim/slides.css">
</head>
<body>
<div class="reveal kl-deck" data-kl-module="{module.id}">
<div class="slides">
{chr(10).join(sections)}
</div>
</div>
{bar}
<script id="kl-deck-strings" type="application/json">{json.dumps(strings, ensure_ascii=False)}</script>
<script src="{assets}vendor/reveal.js/reveal.js"></script>
<script src="{assets}vendor/reveal.js/plugin/notes.js"></script>
<script src="{assets}kelisim/slides.js"></script>
</body>
</html>
"""


def index_entries(course, pages, lang: str, from_path: str) -> list[tuple[object, str, str]]:
    """(module, deck link, handout link) for each deck, relative to a page of the language."""
    base = posixpath.dirname(from_path) or "."
    entries = []
    for module in deck_modules(course, pages):
        link = posixpath.relpath(deck_path(module.slug), base)
        entries.append((module, link, f"{link}?handout"))
    return entries
