"""Lecture decks (reveal.js): short authored slides, the module page's prose as their speaker notes.

Authors write what the projector shows in `/// slide` blocks (`/// slide | Title`) inside the
module page (see AUTHORING.md, «Слайды»); the page hides them. After MkDocs has written the
site, each module page with `slides: true` is read back (its blocks rendered, offline) and made
into a deck:

- a title slide (module number, the page's H1);
- for the text before the first `##` and for each `##` section, its slide blocks in order; a
  section without any becomes one slide showing only its heading (never its prose);
- the section's prose, trainer notes and cases become speaker notes: prose after a slide block
  (until the next one or the next `##`) goes to that slide, prose before the first goes to the
  first; the introduction's prose goes to the title slide when it has no slide blocks;
- a closing slide.

Decks are written to `slides/<slug>.html` in each language's folder, beside `modules/`.
The design rules (visible words, bullets) are checked on the Markdown before the build, by
`kelisim.checks` with the counters here; that every slide fits 1280x720 is measured in the
browser tests.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import statistics
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .i18n import for_script, t
from .pages import Page
from .site import language_dir, to_site_root

DECK_DIR = "slides"
BRAND = "#0b5c8a"  # the course's primary colour (overrides/assets/kelisim/kelisim.css)
#: The design rules for a slide (title included), enforced by kelisim.checks.
MAX_WORDS = 60
MAX_BULLETS = 7
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
RE_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
RE_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
RE_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
RE_H2 = re.compile(r'^\s*<h2(?: id="([^"]+)")?[^>]*>(.*?)</h2>', re.S)
RE_SLIDE_OPEN = re.compile(r"^<div\b[^>]*>")
RE_SLIDE_TITLE = re.compile(r'\sdata-kl-slide-title="([^"]*)"')
RE_NOTE_START = re.compile(r'<details class="[^"]*\bkl-trainer-note\b[^"]*"[^>]*>')
RE_DETAILS_TAG = re.compile(r"<(/?)details\b[^>]*>")
RE_SUMMARY = re.compile(r"<summary>(.*?)</summary>", re.S)
RE_URL_ATTR = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
RE_SECTION_TAG = re.compile(r"<(/?)section\b")
RE_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
RE_LINK_P = re.compile(r'\s*<p class="kl-slides-link">.*?</p>', re.S)  # see with_deck_link
RE_TAG = re.compile(r"<[^>]+>")
RE_BLOCK_NAME = re.compile(r'data-kl-block="([^"]+)"')
#: Strings the deck's script shows (controls, handout, messages); they live in i18n.py.
SCRIPT_STRINGS = tuple(f"slides.{key}" for key in (
    "slide", "previous", "next", "resume", "handout.notes", "handout.more", "popup-blocked"))
LOCALES = {"ru": "ru-RU", "kk": "kk-KZ"}
#: reveal.js's speaker view (written by the vendored notes.js into its pop-up) speaks English with
#: a 12-hour clock. slides.js replaces these exact pieces of its markup before it is written, so the
#: vendored file stays as released (a unit test checks every piece is still in it, once).
SPEAKER_VIEW = (
    ('<html lang="en">', '<html lang="{lang}">'),
    ("<title>reveal.js - Speaker View</title>", "<title>{speaker.title}</title>"),
    ("font-family: Helvetica;", "font-family: system-ui, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif;"),
    ("</style>", ".kl-notes__trainer { border-left: 4px solid #b3541e; padding-left: 10px; margin: 0.5em 0; }\n"
                 ".kl-notes__label { font-weight: bold; }\n</style>"),
    ("Loading speaker view...", "{speaker.loading}"),
    ('<span class="overlay-element label">Upcoming</span>',
     '<span class="overlay-element label">{speaker.upcoming}</span>'),
    ('<h4 class="label">Time <span class="reset-button">Click to Reset</span></h4>',
     '<h4 class="label">{speaker.time} <span class="reset-button">{speaker.reset}</span></h4>'),
    ('<span class="clock-value">0:00 AM</span>', '<span class="clock-value">0:00</span>'),
    ("Pacing – Time to finish current slide", "{speaker.pacing}"),
    ('<h4 class="label">Notes</h4>', '<h4 class="label">{speaker.notes}</h4>'),
    ("'default': 'Default'", "'default': '{speaker.layout.default}'"),
    ("'wide': 'Wide'", "'wide': '{speaker.layout.wide}'"),
    ("'tall': 'Tall'", "'tall': '{speaker.layout.tall}'"),
    ("'notes-only': 'Notes only'", "'notes-only': '{speaker.layout.notes-only}'"),
    ("'Layout' + ", "'{speaker.layout}' + "),
    ("toLocaleTimeString( 'en-US', { hour12: true, hour: '2-digit', minute:'2-digit' } )",
     "toLocaleTimeString( '{locale}', { hour12: false, hour: '2-digit', minute: '2-digit' } )"),
    ("Cross origin error.<br>The speaker window can only be opened from the same origin.", "{speaker.cross-origin}"),
    ("Error connecting to main window.<br>Please try closing and reopening the speaker view.",
     "{speaker.no-connection}"),
)
RE_PLACEHOLDER = re.compile(r"\{(lang|locale|speaker\.[\w.-]+)\}")


def speaker_view(lang: str) -> list[list[str]]:
    """[original, replacement] pairs for the speaker view in `lang` (HTML-escaped; no quotes in our strings)."""
    def fill(match):
        key = match.group(1)
        value = lang if key == "lang" else LOCALES[lang] if key == "locale" else t(lang, f"slides.{key}")
        return html.escape(value, quote=False)
    return [[original, RE_PLACEHOLDER.sub(fill, replacement)] for original, replacement in SPEAKER_VIEW]


# ---------- the design rules, on the Markdown source ------------------------------------

#: A word as a reader sees one: letters or digits, joined by a hyphen or apostrophe ("ар-ождан").
RE_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
RE_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")
#: Markdown that shows no words of its own: images, link targets, attribute lists, tags, list markers.
RE_INVISIBLE = [(re.compile(r"!\[[^\]]*\]\([^)]*\)"), " "), (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),
                (re.compile(r"\{[^}]*\}"), " "), (RE_TAG, " "), (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M), "")]


def visible_text(markdown: str) -> str:
    """The words of a slide block's Markdown as the projector shows them."""
    for pattern, replacement in RE_INVISIBLE:
        markdown = pattern.sub(replacement, markdown)
    return markdown


def count_words(text: str) -> int:
    return len(RE_WORD.findall(text))


def slide_title(block, page: Page) -> str:
    """A slide's title: its own (`/// slide | Title`), else its section's heading (the H1 before any `##`)."""
    if block.argument:
        return block.argument
    level = 2 if block.section else 1
    return next((h.text for h in page.headings if h.level == level and (level == 1 or h.anchor == block.section)), "")


def is_case_slide(block, page: Page) -> bool:
    """Is the slide block's next top-level block a case (of the same section)? Its slide then
    carries the "composite case" label, as every place a case is shown must."""
    following = page.blocks[page.blocks.index(block) + 1:] if block in page.blocks else []
    return bool(following) and following[0].name == "case" and following[0].section == block.section


def slide_figures(block, page: Page, lang: str) -> tuple[int, int]:
    """(visible words with the title and any case label, bullets) of a slide block."""
    words = count_words(slide_title(block, page)) + count_words(visible_text(block.content))
    if is_case_slide(block, page):
        words += count_words(t(lang, "slides.case"))
    return words, sum(1 for line in block.body if RE_BULLET.match(line))


def slide_blocks(page: Page) -> list:
    """The page's top-level slide blocks, in order (nested ones are an error, see checks)."""
    return [b for b in page.blocks if b.name == "slide"]


def expected_count(page: Page) -> int:
    """The deck's slide count from the Markdown: title, the introduction's slide blocks, each
    `##` section's slide blocks (at least one slide per section), closing."""
    per_section = {h.anchor: 0 for h in page.headings if h.level == 2}
    intro = 0
    for block in slide_blocks(page):
        if block.section is None:
            intro += 1
        else:
            per_section[block.section] = per_section.get(block.section, 0) + 1
    return 2 + intro + sum(max(1, n) for n in per_section.values())


def deck_figures(course, pages) -> list[tuple[str, int, float, int]]:
    """(deck, slides, median and maximum visible words per slide) for `python -m kelisim bench`.

    Counted on the Markdown with the check's counter; a heading-only slide counts its heading,
    the title slide the H1 and the module label.
    """
    rows = []
    for module in deck_modules(course, pages):
        for lang in course.languages:
            page = pages[lang][module.page]
            words = [count_words(f'{t(lang, "module", n=module.number)} {page_title(page)}')]
            covered = set()
            for block in slide_blocks(page):
                words.append(slide_figures(block, page, lang)[0])
                covered.add(block.section)
            words += [count_words(h.text) for h in page.headings if h.level == 2 and h.anchor not in covered]
            words.append(count_words(t(lang, "slides.closing")))
            rows.append((f"{lang}/{deck_path(module.slug)}", len(words), statistics.median(words), max(words)))
    return rows


def page_title(page: Page) -> str:
    return next((h.text for h in page.headings if h.level == 1), "")


def print_deck_figures(course, pages) -> None:
    """The bench's deck table: one line per deck and language."""
    for name, count, median, most in deck_figures(course, pages):
        print(f"{name:<36} {count:>3} slides, visible words per slide: median {median:>4.0f}, "
              f"max {most:>3} (limit {MAX_WORDS})")


# ---------- cutting rendered HTML -------------------------------------------------------

class _TopLevel(HTMLParser):
    """Offsets of top-level `<h2>` tags and of top-level slide blocks (start, end) in an HTML fragment."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.depth = 0
        self.h2: list[int] = []
        self.slides: list[list[int]] = []  # [start, end]
        self.feed(text)
        self.close()

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if self.depth == 0 and tag == "h2":
            self.h2.append(self._offset())
        if self.depth == 0 and tag == "div" and ("data-kl-block", "slide") in attrs:
            self.slides.append([self._offset(), None])
        if tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag not in VOID:
            self.depth -= 1
            if self.depth == 0 and tag == "div" and self.slides and self.slides[-1][1] is None:
                self.slides[-1][1] = self._offset() + len("</div>")


def cut(article: str) -> list[str]:
    """The fragment split before each top-level `<h2>`: the introduction, then one piece per section."""
    starts = _TopLevel(article).h2
    bounds = [0, *starts, len(article)]
    return [article[a:b] for a, b in zip(bounds, bounds[1:])]


def split_slides(piece: str) -> tuple[list[str], list[str]]:
    """A section's top-level slide blocks (their HTML) and the prose around them.

    Returns (slides, prose) with len(prose) == len(slides) + 1: prose[0] comes before the
    first slide, prose[i + 1] after slide i.
    """
    slides, prose, start = [], [], 0
    for begin, end in _TopLevel(piece).slides:
        prose.append(piece[start:begin])
        slides.append(piece[begin:end])
        start = end
    prose.append(piece[start:])
    return slides, prose


def replace_trainer_notes(fragment: str, replace) -> str:
    """Each trainer-note `<details>` replaced by `replace(label, body)` (its summary's and body's HTML)."""
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
        summary = RE_SUMMARY.search(inner)
        label = summary.group(1) if summary else ""
        body = RE_SUMMARY.sub("", inner, count=1).strip()
        fragment = fragment[:match.start()] + replace(label, body) + fragment[end:]
    return fragment


def trainer_notes_to_divs(fragment: str) -> str:
    """Trainer-note `<details>` become plain labelled boxes in the notes (nothing to unfold there)."""
    return replace_trainer_notes(fragment, lambda label, body: (
        f'<div class="kl-notes__trainer"><p class="kl-notes__label">{label}</p>{body}</div>'))


def as_notes(fragment: str) -> str:
    """Page HTML made into speaker notes: trainer notes opened, no <section> (reveal counts those as slides)."""
    return trainer_notes_to_divs(RE_SECTION_TAG.sub(r"<\1div", fragment)).strip()


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


RE_ARTICLE_TAG = re.compile(r"<(/?)article\b[^>]*>")


def article_of(page_html: str, file: str = "the page") -> str:
    """The page's content (Material's <article>) without its heading permalinks.

    The content may hold articles of its own (the answer key's questions), so the end is the
    matching `</article>`, not the first one.
    """
    match = RE_ARTICLE.search(page_html)
    if not match:
        raise ValueError(f"{file}: no <article class=\"md-content__inner md-typeset\"> to cut into slides. Fix: if the "
                         "theme or overrides/main.html changed how pages are laid out, update RE_ARTICLE in "
                         "scripts/kelisim/slides.py to match it")
    start = match.start(1)
    depth = 1
    for tag in RE_ARTICLE_TAG.finditer(page_html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return RE_HEADERLINK.sub("", page_html[start:tag.start()])
    return RE_HEADERLINK.sub("", match.group(1))


@dataclass
class Slide:
    kind: str  # title | content | case (a content slide before a case) | heading | closing
    title: str  # inner HTML
    body: str = ""  # inner HTML of the slide block
    notes: str = ""
    ident: str | None = None


@dataclass
class Deck:
    lang: str
    module: object
    title: str  # the page's H1 (inner HTML)
    intro_notes: str  # the introduction's prose when it has no slide blocks (the title slide's notes)
    slides: list[Slide] = field(default_factory=list)


def _section_slides(piece: str, ident: str, title: str, lang: str) -> list[Slide]:
    """The slides of one section (or of the introduction): its slide blocks with the prose as notes."""
    blocks, prose = split_slides(piece)
    if not blocks:
        return [Slide("heading", title, notes=as_notes(prose[0]), ident=ident)]
    made = []
    for index, block in enumerate(blocks):
        own = RE_SLIDE_TITLE.search(RE_SLIDE_OPEN.match(block).group(0))
        inner = block[RE_SLIDE_OPEN.match(block).end():-len("</div>")].strip()
        after = prose[index + 1]
        next_block = RE_BLOCK_NAME.search(after)
        kind = "case" if next_block and next_block.group(1) == "case" else "content"
        if kind == "case":  # see is_case_slide
            inner += f'\n<p class="kl-slide__case-label">{html.escape(t(lang, "slides.case"))}</p>'
        made.append(Slide(kind, own.group(1) if own else title, inner, as_notes(after if index else prose[0] + after),
                          ident if index == 0 else f"{ident}-{index + 1}"))
    return made


def make_deck(article: str, page_path: str, deck_path_: str, lang: str = "ru", module=None) -> Deck:
    """A deck (without its title and closing slides' markup) from a page's rendered article."""
    pieces = cut(article)
    intro = RE_LINK_P.sub("", pieces[0], count=1)
    h1 = RE_H1.search(intro)
    title = h1.group(1).strip() if h1 else ""
    intro = RE_H1.sub("", intro, count=1)
    deck = Deck(lang, module, title, "")
    if split_slides(intro)[0]:
        deck.slides += _section_slides(intro, "kl-intro", title, lang)
    else:
        deck.intro_notes = as_notes(intro)
    for piece in pieces[1:]:
        heading = RE_H2.match(piece)
        ident, section_title = heading.group(1) or f"kl-section-{len(deck.slides)}", heading.group(2).strip()
        deck.slides += _section_slides(piece[heading.end():], ident, section_title, lang)
    ids = {s.ident for s in deck.slides}
    for slide in deck.slides:
        slide.body = rebase_urls(RE_SECTION_TAG.sub(r"<\1div", slide.body), page_path, deck_path_, ids)
        slide.notes = rebase_urls(slide.notes, page_path, deck_path_, ids)
    deck.intro_notes = rebase_urls(deck.intro_notes, page_path, deck_path_, ids)
    return deck


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

def has_slides(meta: dict) -> bool:
    """Does a page's front matter ask for a deck (`slides: true`)?"""
    return meta.get("slides") is True


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
            page_html = built.read_text(encoding="utf-8")
            article = article_of(page_html, built.as_posix())
            deck = make_deck(article, page_path, deck_path(module.slug), lang, module)
            target = folder / deck_path(module.slug)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render(deck, course, page_path), encoding="utf-8")
            # The slide blocks are in the deck now; learners on slow links need not download them twice.
            content = RE_ARTICLE.search(page_html).group(1)
            built.write_text(page_html.replace(content, without_slides(content), 1), encoding="utf-8")


def without_slides(article: str) -> str:
    """The article without its (hidden) top-level slide blocks."""
    kept, start = [], 0
    for begin, end in _TopLevel(article).slides:
        kept.append(article[start:begin])
        start = end
    return "".join(kept) + article[start:]


def _section(slide: Slide, background: str = "") -> str:
    """One reveal.js slide; the body wrapper is the 1280x720 box the tests measure."""
    notes = f'\n<aside class="notes">{slide.notes}</aside>' if slide.notes else ""
    attrs = f' id="{html.escape(slide.ident)}"' if slide.ident else ""
    if background:
        attrs += f' data-background-color="{background}"'
    if slide.kind in ("content", "case"):
        inner = f'<h2 class="kl-slide__title">{slide.title}</h2>\n<div class="kl-slide__content">\n{slide.body}\n</div>'
    elif slide.kind == "heading":
        inner = f'<h2 class="kl-slide__heading">{slide.title}</h2>'
    else:
        inner = slide.body
    return (f'<section{attrs} class="kl-slide kl-slide--{slide.kind}" data-kl-slide="{slide.kind}">\n'
            f'<div class="kl-slide__body">\n{inner}\n</div>{notes}\n</section>')


def render(deck: Deck, course, page_path: str) -> str:
    lang, module = deck.lang, deck.module
    assets = to_site_root(course, lang, deck_path(module.slug)) + "assets/"
    page_link = posixpath.relpath(page_path, DECK_DIR)
    module_label = t(lang, "module", n=module.number)
    plain_title = html.unescape(RE_TAG.sub("", deck.title)) or module.title[lang]
    title = Slide("title", "", f'<p class="kl-deck__module">{html.escape(module_label)}</p>\n'
                               f'<h1>{deck.title or html.escape(module.title[lang])}</h1>\n'
                               f'<p class="kl-deck__course">{html.escape(course.title[lang])}</p>',
                  deck.intro_notes, ident="kl-title")
    closing = Slide("closing", "", f'<h2>{html.escape(t(lang, "slides.closing"))}</h2>\n'
                                   f'<p class="kl-deck__back"><a href="{page_link}">{html.escape(t(lang, "slides.page"))}: '
                                   f'{html.escape(plain_title)}</a></p>', ident="kl-closing")
    sections = [_section(title, BRAND), *(_section(s) for s in deck.slides), _section(closing, BRAND)]
    config = {"strings": for_script(lang, SCRIPT_STRINGS, "slides."), "speakerView": speaker_view(lang)}
    config_json = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")  # "</style>" must not end the script
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
<script id="kl-deck-config" type="application/json">{config_json}</script>
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
