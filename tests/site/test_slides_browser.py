"""Lecture decks in headless Chromium: a small course made for the purpose, and every deck of the real one.

Each deck is loaded once; the slide count must equal what `kelisim.slides.expected_count`
computes from the Markdown source (title + intro + `##` sections + `<!-- slide -->` splits + closing).
"""

from __future__ import annotations

import subprocess
import warnings
from pathlib import Path

import pytest

from conftest import CHROMIUM, Visit, build_site, link_toolkit, open_visit, serving, write_tiny_course_data
from conftest import ROOT
from kelisim import slides
from kelisim.checks import read_pages
from kelisim.model import load_course
from kelisim.pages import read_page

pytestmark = pytest.mark.browser

LANGS = ("ru", "kk")
NEXT = {"ru": "Следующий слайд", "kk": "Келесі слайд"}  # reveal.js's controls, relabelled

# ---------- a small course whose one module exercises every slide feature -------------

MODULE = {
    "ru": """\
---
module: m1
slides: true
---

# Первый модуль: согласие { #top }

/// status
Нормы сверены с действующими законами.
///

/// outcomes
///

Вводный абзац о том, зачем нужен модуль.

## Ключевые понятия { #concepts }

Согласие — основа работы. См. [глоссарий](../glossary.md) и [практикум](#practice).

![Схема согласия](../img/scheme.svg)

/// trainer-note
Спросите группу, что для них значит согласие. Пять минут.
///

<!-- slide -->

Продолжение раздела: ә ғ қ ң ө ұ ү һ і — Ә Ғ Қ Ң Ө Ұ Ү Һ І.

/// key-points
- Согласие строится на равенстве.
- Государственный язык объединяет.
///

## Практикум { #practice }

//// case | Опустевший клуб
    id: m1-club

В районе N. вечерние курсы опустели через месяц.

/// questions
1. Что пошло не так?
2. Как перестроить курс?
///
////

/// trainer-note
Разбор кейса: 15 минут, по группам.
///
""",
    "kk": """\
---
module: m1
slides: true
---

# Бірінші модуль: келісім { #top }

/// status
Нормалар қолданыстағы заңдармен салыстырылды.
///

/// outcomes
///

Модульдің не үшін қажет екені туралы кіріспе.

## Негізгі ұғымдар { #concepts }

Келісім — жұмыстың негізі. [Глоссарийді](../glossary.md) және [практикумды](#practice) қараңыз.

![Келісім сызбасы](../img/scheme.svg)

/// trainer-note
Топтан келісім олар үшін нені білдіретінін сұраңыз. Бес минут.
///

<!-- slide -->

Бөлімнің жалғасы: ә ғ қ ң ө ұ ү һ і — Ә Ғ Қ Ң Ө Ұ Ү Һ І.

/// key-points
- Келісім теңдікке негізделеді.
- Мемлекеттік тіл біріктіреді.
///

## Практикум { #practice }

//// case | Бос қалған клуб
    id: m1-club

N ауданында кешкі курстар бір айдан кейін бос қалды.

/// questions
1. Не дұрыс болмады?
2. Курсты қалай қайта құру керек?
///
////

/// trainer-note
Кейсті талдау: 15 минут, топтарда.
///
""",
}
FRAME_PAGES = {
    "index.md": "# Главная { #top }\n\n/// module-cards\n///\n",
    "syllabus.md": "# Программа { #top }\n\n/// syllabus\n///\n",
    "seminar.md": "# Семинар { #top }\n\n/// timetable\n///\n",
    "glossary.md": "# Глоссарий { #top }\n\n/// glossary\n///\n",
    "slides.md": "# Слайды { #top }\n\n/// slides\n///\n",
}
SCHEME = ('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120" viewBox="0 0 400 120">'
          '<rect width="400" height="120" fill="#0b5c8a"/></svg>')
FIXTURE_SLUG = "first"


def make_deck_course(root: Path) -> Path:
    """A project with the tiny course, its one module marked for slides, and the real theme and tools."""
    write_tiny_course_data(root)
    (root / "quizzes").mkdir()
    for lang in LANGS:
        docs = root / "docs" / lang
        (docs / "modules").mkdir(parents=True)
        (docs / "img").mkdir()
        (docs / "img/scheme.svg").write_text(SCHEME, encoding="utf-8")
        for path, text in FRAME_PAGES.items():
            (docs / path).write_text(text, encoding="utf-8")
        (docs / f"modules/{FIXTURE_SLUG}.md").write_text(MODULE[lang], encoding="utf-8")
    return link_toolkit(root)


@pytest.fixture(scope="session")
def deck_site(tmp_path_factory) -> Path:
    """The small course built (strict) by MkDocs with our hooks, into <tmp>/out."""
    root = make_deck_course(tmp_path_factory.mktemp("deck-course"))
    result = build_site(root)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return root


@pytest.fixture(scope="session")
def deck_server(deck_site, tmp_path_factory):
    """Serves the small course's site under a sub-path, like conftest's server does for the real one."""
    with serving(deck_site / "out", tmp_path_factory.mktemp("deck-web")) as httpd:
        yield httpd


def real_decks() -> list[str]:
    """Slugs of the real course's modules marked for slides (read from the sources at collection)."""
    course = load_course(ROOT)
    return [m.slug for m in slides.deck_modules(course, read_pages(ROOT, course.languages))]


def deck_url(base: str, lang: str, slug: str, query: str = "") -> str:
    return f"{base}{'' if lang == 'ru' else lang + '/'}slides/{slug}.html{query}"


def expected(root: Path, lang: str, slug: str) -> int:
    return slides.expected_count(read_page(root / "docs" / lang / "modules" / f"{slug}.md"))


def trainer_notes(root: Path, lang: str, slug: str) -> int:
    page = read_page(root / "docs" / lang / "modules" / f"{slug}.md")
    return sum(1 for block in page.walk_blocks() if block.name == "trainer-note")


def open_deck(visit, url: str):
    page = visit.page
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(url)
    page.wait_for_selector("html[data-kl-ready]", timeout=15000)
    return page


def check_deck(visit, url: str, count: int, notes: int, lang: str):
    """One load of a deck: slide count, notes, keyboard, numbers, language, nothing external."""
    page = open_deck(visit, url)
    assert page.get_attribute("html", "lang") == lang
    assert page.evaluate("Reveal.getTotalSlides()") == count
    assert page.locator(".slides > section").count() == count
    # Every trainer note is a speaker note, hidden on the slide; no <details> is left.
    assert page.locator("aside.notes").count() == notes
    assert page.locator(".slides details, .slides [data-kl-block='trainer-note']").count() == 0
    assert page.eval_on_selector_all("aside.notes", "els => els.every(e => e.offsetParent === null)")
    assert page.locator(".slide-number").inner_text().strip().startswith("1")
    assert page.get_attribute(".controls .navigate-right", "aria-label") == NEXT[lang]
    page.keyboard.press("ArrowRight")
    page.wait_for_function("Reveal.getIndices().h === 1")
    page.keyboard.press("End")
    page.wait_for_function(f"Reveal.getIndices().h === {count - 1}")
    assert page.locator(".slides > section.present").get_attribute("data-kl-slide") == "closing"
    page.keyboard.press("Escape")
    page.wait_for_function("Reveal.isOverview()")
    assert visit.external == [], f"requests to other origins: {visit.external}"
    assert visit.errors == []
    return page


def warn_long_slides(page, slug: str, lang: str, where: str) -> list[str]:
    """Slides too long even with the smallest text: a note for content authors, not a failure."""
    long = page.eval_on_selector_all("[data-kl-overflow]", "els => els.map(e => e.id)")
    if long:
        warnings.warn(f"{lang}/slides/{slug}.html: too long for one {where}, split with <!-- slide -->: "
                      f"{', '.join('#' + i for i in long)}", stacklevel=2)
    return long


@pytest.mark.parametrize("lang", LANGS)
def test_fixture_deck(visit_deck, deck_server, deck_site, lang):
    url = deck_url(deck_server.base, lang, FIXTURE_SLUG)
    page = check_deck(visit_deck, url, expected(deck_site, lang, FIXTURE_SLUG),
                      trainer_notes(deck_site, lang, FIXTURE_SLUG), lang)
    assert page.locator("[data-kl-overflow], [data-kl-scale]").count() == 0, "the small course's slides fit as they are"
    page.goto(url + "#/concepts")
    page.wait_for_selector("html[data-kl-ready]")
    # The image came along, and loads from the deck's folder.
    assert page.evaluate("document.querySelector('#concepts img').naturalWidth") == 400
    assert page.locator("#concepts aside.notes").count() == 1
    assert page.locator("#practice .kl-case .kl-case__questions li").count() == 2


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", real_decks())
def test_real_deck(visit, server, slug, lang):
    page = check_deck(visit, deck_url(server.base, lang, slug), expected(ROOT, lang, slug),
                      trainer_notes(ROOT, lang, slug), lang)
    warn_long_slides(page, slug, lang, "screen")


def test_real_course_has_decks():
    assert real_decks(), "no module page says `slides: true`"


@pytest.fixture
def visit_deck(browser, deck_server):
    visit = open_visit(browser, deck_server)
    yield visit
    visit.context.close()


def test_swipe_moves_to_the_next_slide(browser, deck_server):
    visit = open_visit(browser, deck_server, has_touch=True, viewport={"width": 1280, "height": 720})
    page = open_deck(visit, deck_url(deck_server.base, "ru", FIXTURE_SLUG))
    # reveal.js reads touch through pointer events: a finger moving from right to left.
    page.evaluate("""() => {
        const target = document.querySelector('.reveal .slides > section.present');
        const fire = (type, x) => target.dispatchEvent(new PointerEvent(type, {
            bubbles: true, cancelable: true, pointerId: 7, pointerType: 'touch', clientX: x, clientY: 300}));
        fire('pointerdown', 900); fire('pointermove', 500); fire('pointerup', 500);
    }""")
    page.wait_for_function("Reveal.getIndices().h === 1")
    visit.context.close()


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.mark.parametrize("lang", LANGS)
def test_print_view_gives_one_pdf_page_per_slide(visit, visit_deck, server, deck_server, deck_site, lang, tmp_path):
    decks = real_decks()
    # A real deck once there is one; the small course's otherwise.
    visitor, base, root, slug = (visit, server.base, ROOT, decks[0]) if decks else \
        (visit_deck, deck_server.base, deck_site, FIXTURE_SLUG)
    count = expected(root, lang, slug)
    page = open_deck(visitor, deck_url(base, lang, slug, "?print-pdf"))
    page.wait_for_function(f"document.querySelectorAll('.pdf-page').length === {count}", timeout=30000)
    warn_long_slides(page, slug, lang, "page")
    page.pdf(path=tmp_path / "deck.pdf", prefer_css_page_size=True, print_background=True)
    assert pdf_pages(tmp_path / "deck.pdf") == count
    assert visitor.external == []


@pytest.mark.parametrize("lang", LANGS)
def test_headless_chromium_prints_a_deck_from_the_command_line(built_site, deck_site, lang, tmp_path):
    """The command in README. reveal's print view needs more animation frames than headless Chromium
    runs; slides.js supplies them in print mode (without it, one page came out in most runs)."""
    decks = real_decks()
    site, root, slug = (built_site, ROOT, decks[0]) if decks else (deck_site / "out", deck_site, FIXTURE_SLUG)
    pdf = tmp_path / "deck.pdf"
    url = (site / ("" if lang == "ru" else lang) / "slides" / f"{slug}.html").as_uri() + "?print-pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=10000",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url],
                   check=True, capture_output=True, timeout=120)
    assert pdf_pages(pdf) == expected(root, lang, slug)


@pytest.mark.parametrize("lang", LANGS)
def test_handout_shows_every_slide_with_its_notes(visit_deck, deck_server, deck_site, lang):
    page = open_deck(visit_deck, deck_url(deck_server.base, lang, FIXTURE_SLUG, "?handout"))
    count = expected(deck_site, lang, FIXTURE_SLUG)
    assert page.locator(".kl-handout__item").count() == count
    notes = page.locator(".kl-handout__notes")
    assert notes.count() == 2 and notes.first.is_visible()
    # Each slide drawn whole at half size in its frame.
    box = page.locator(".kl-handout__frame > section").first.bounding_box()
    assert (box["width"], box["height"]) == (640, 360)
    # reveal.js is not started: the slides are a plain document to print.
    assert page.locator(".reveal").count() == 0 and page.locator(".kl-handout").count() == 1


def test_speaker_view_opens_with_notes_in_the_deck_language(visit_deck, deck_server):
    page = open_deck(visit_deck, deck_url(deck_server.base, "kk", FIXTURE_SLUG, "#/concepts"))
    with page.expect_popup() as popup_info:
        page.keyboard.press("s")
    speaker = popup_info.value
    speaker.wait_for_function("document.querySelector('.speaker-controls-notes .value') && "
                              "document.querySelector('.speaker-controls-notes .value').textContent.includes('Топтан')")
    assert speaker.locator("#upcoming-slide .label").inner_text() == "Келесі слайд"
    assert speaker.locator("#current-slide iframe").count() == 1
    assert visit_deck.external == []


def test_deck_works_from_file_url(browser, deck_site):
    """A USB copy: the deck and its speaker view from file://, with nothing else allowed, in a
    Chromium as trainers have it (the session's browser may read files across folders)."""
    plain = browser.browser_type.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
    visit = Visit(plain.new_context(), "file://")
    deck = deck_site / "out" / "kk" / "slides" / f"{FIXTURE_SLUG}.html"
    check_deck(visit, deck.as_uri(), expected(deck_site, "kk", FIXTURE_SLUG),
               trainer_notes(deck_site, "kk", FIXTURE_SLUG), "kk")
    page = visit.page
    page.keyboard.press("Escape")  # leave the overview check_deck ended in
    page.keyboard.press("Home")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("Reveal.getIndices().h === 2")
    with page.expect_popup() as popup_info:
        page.keyboard.press("s")
    speaker = popup_info.value
    speaker.wait_for_function("getComputedStyle(document.querySelector('#connection-status')).display === 'none'")
    speaker.wait_for_function("document.querySelector('.speaker-controls-notes .value').textContent.includes('Топтан')")
    plain.close()


@pytest.mark.parametrize("lang", LANGS)
def test_module_page_links_to_its_deck_and_the_index_lists_it(visit_deck, deck_server, lang):
    prefix = "" if lang == "ru" else f"{lang}/"
    page = visit_deck.page
    page.goto(f"{deck_server.base}{prefix}modules/{FIXTURE_SLUG}.html")
    link = page.locator("a[data-kl-deck-link]")
    assert link.inner_text() == {"ru": "Открыть как слайды", "kk": "Слайдтар түрінде ашу"}[lang]
    assert link.get_attribute("href") == f"../slides/{FIXTURE_SLUG}.html"
    link.click()
    page.wait_for_selector("html[data-kl-ready]")
    page.goto(f"{deck_server.base}{prefix}slides.html")
    assert page.locator("a[data-kl-deck]").get_attribute("href") == f"slides/{FIXTURE_SLUG}.html"
    assert visit_deck.external == []
