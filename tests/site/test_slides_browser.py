"""Lecture decks in headless Chromium: a small course made for the purpose, and every deck of the real one.

The slide count must equal what `kelisim.slides.expected_count` computes from the Markdown source
(title, slide blocks, a heading slide per section without any, closing). Every slide of every real
deck must fit 1280x720 as it is (no scroll, no shrinking) and show at most 60 words, in both languages.
"""

from __future__ import annotations

import math
import re
import subprocess
from pathlib import Path

import pytest

from conftest import CHROMIUM, Visit, build_site, link_toolkit, open_visit, serving, write_tiny_course_data
from kelisim import ROOT, slides
from kelisim.checks import read_pages
from kelisim.model import load_course
from kelisim.pages import read_page

pytestmark = pytest.mark.browser

LANGS = ("ru", "kk")
NEXT = {"ru": "Следующий слайд", "kk": "Келесі слайд"}  # reveal.js's controls, relabelled
RESUME = {"ru": "Продолжить показ", "kk": "Көрсетуді жалғастыру"}

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

/// slide | Согласие
- Основа работы — равенство
- См. [практикум](#practice)

![Схема согласия](../img/scheme.svg)
///

Согласие — основа работы. См. [глоссарий](../glossary.md) и [практикум](#practice).

/// trainer-note
Спросите группу, что для них значит согласие. Пять минут.
///

/// slide
Буквы: ә ғ қ ң ө ұ ү һ і — Ә Ғ Қ Ң Ө Ұ Ү Һ І.
///

Продолжение раздела: ә ғ қ ң ө ұ ү һ і — Ә Ғ Қ Ң Ө Ұ Ү Һ І.

/// key-points
- Согласие строится на равенстве.
- Государственный язык объединяет.
///

## Практикум { #practice }

/// slide | Кейс: клуб
Курсы опустели за месяц.

1. Что пошло не так?
2. Как перестроить курс?
///

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

/// slide | Келісім
- Жұмыстың негізі — теңдік
- [Практикумды](#practice) қараңыз

![Келісім сызбасы](../img/scheme.svg)
///

Келісім — жұмыстың негізі. [Глоссарийді](../glossary.md) және [практикумды](#practice) қараңыз.

/// trainer-note
Топтан келісім олар үшін нені білдіретінін сұраңыз. Бес минут.
///

/// slide
Әріптер: ә ғ қ ң ө ұ ү һ і — Ә Ғ Қ Ң Ө Ұ Ү Һ І.
///

Бөлімнің жалғасы: ә ғ қ ң ө ұ ү һ і — Ә Ғ Қ Ң Ө Ұ Ү Һ І.

/// key-points
- Келісім теңдікке негізделеді.
- Мемлекеттік тіл біріктіреді.
///

## Практикум { #practice }

/// slide | Кейс: клуб
Курстар бір айда бос қалды.

1. Не дұрыс болмады?
2. Курсты қалай қайта құрасыз?
///

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


WORD = re.compile(slides.RE_WORD.pattern)  # the build's own word counter, applied to what the browser shows
#: For each slide as the projector shows it: its id, its box's content size against the box, its visible text.
MEASURE = """() => {
    const slide = document.querySelector('.reveal .slides > section.present');
    const box = slide.querySelector('.kl-slide__body');
    return {id: slide.id, scrollHeight: box.scrollHeight, clientHeight: box.clientHeight,
            scrollWidth: box.scrollWidth, clientWidth: box.clientWidth, width: box.getBoundingClientRect().width,
            text: box.innerText};
}"""


def check_deck(visit, url: str, count: int, notes: int, lang: str):
    """One load of a deck: slide count, notes, keyboard, numbers, language, nothing external."""
    page = open_deck(visit, url)
    assert page.get_attribute("html", "lang") == lang
    assert page.evaluate("Reveal.getTotalSlides()") == count
    assert page.locator(".slides > section").count() == count
    # Every trainer note is in the speaker notes, opened up; nothing of them stays on a slide.
    assert page.locator(".kl-notes__trainer").count() == notes
    assert page.locator(".slides .kl-slide__body details, .slides .kl-slide__body .kl-notes__trainer").count() == 0
    assert page.eval_on_selector_all("aside.notes", "els => els.every(e => e.offsetParent === null)")
    assert page.locator(".slide-number").inner_text().strip() == f"1 / {count}"
    assert page.get_attribute(".controls .navigate-right", "aria-label") == NEXT[lang]
    page.keyboard.press("ArrowRight")
    page.wait_for_function("Reveal.getIndices().h === 1")
    assert page.locator(".slide-number").inner_text().strip() == f"2 / {count}"
    # B blanks the screen and brings it back, the resume button speaks the deck's language.
    page.keyboard.press("b")
    page.wait_for_function("Reveal.isPaused()")
    page.locator(".pause-overlay").wait_for(state="visible")
    assert page.locator(".pause-overlay .resume-button").inner_text() == RESUME[lang]
    page.keyboard.press("b")
    page.wait_for_function("!Reveal.isPaused()")
    page.keyboard.press("End")
    page.wait_for_function(f"Reveal.getIndices().h === {count - 1}")
    assert page.locator(".slides > section.present").get_attribute("data-kl-slide") == "closing"
    page.keyboard.press("Escape")
    page.wait_for_function("Reveal.isOverview()")
    assert visit.external == [], f"requests to other origins: {visit.external}"
    assert visit.errors == []
    return page


def measure_slides(page, count: int) -> list[dict]:
    """Every slide shown in turn at 1280x720, without transitions: what `MEASURE` reports."""
    page.evaluate("Reveal.isOverview() && Reveal.toggleOverview(false)")
    page.evaluate("Reveal.configure({transition: 'none', backgroundTransition: 'none'})")
    seen = []
    for index in range(count):
        page.evaluate(f"Reveal.slide({index})")
        page.wait_for_function(f"Reveal.getIndices().h === {index}")
        seen.append(page.evaluate(MEASURE))
    return seen


def assert_slides_fit(page, count: int, where: str) -> None:
    """No slide's content overflows its 1280x720 box, drawn at 100 %; at most 60 visible words."""
    assert page.evaluate("Reveal.getScale()") == 1, "the deck is drawn at 100 % in a 1280x720 window"
    for seen in measure_slides(page, count):
        name = f"{where}#{seen['id']}"
        assert seen["width"] == 1280, name
        assert seen["scrollHeight"] <= seen["clientHeight"] == 720, f"{name}: content {seen['scrollHeight']} px tall"
        assert seen["scrollWidth"] <= seen["clientWidth"] == 1280, f"{name}: content {seen['scrollWidth']} px wide"
        words = len(WORD.findall(seen["text"]))
        assert words <= slides.MAX_WORDS, f"{name}: {words} visible words"


@pytest.mark.parametrize("lang", LANGS)
def test_fixture_deck(visit_deck, deck_server, deck_site, lang):
    url = deck_url(deck_server.base, lang, FIXTURE_SLUG)
    count = expected(deck_site, lang, FIXTURE_SLUG)
    page = check_deck(visit_deck, url, count, trainer_notes(deck_site, lang, FIXTURE_SLUG), lang)
    assert_slides_fit(page, count, f"{lang}/{FIXTURE_SLUG}")
    page.goto(url + "#/concepts")
    page.wait_for_selector("html[data-kl-ready]")
    # The slide block's image came along and loads from the deck's folder; the prose is in the notes only.
    assert page.evaluate("document.querySelector('#concepts .kl-slide__content img').naturalWidth") == 400
    assert page.locator("#concepts aside.notes .kl-notes__trainer").count() == 1
    assert page.locator("#concepts .kl-slide__body").inner_text().count("глоссари") == 0
    # The case slide: short scenario, the questions, the composite label; the whole case in its notes.
    case = page.locator("#practice")
    assert case.get_attribute("data-kl-slide") == "case"
    assert case.locator(".kl-slide__content ol li").count() == 2
    assert case.locator(".kl-slide__case-label").count() == 1
    assert case.locator("aside.notes .kl-case .kl-case__questions li").count() == 2


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", real_decks())
def test_real_deck(visit, server, slug, lang):
    count = expected(ROOT, lang, slug)
    page = check_deck(visit, deck_url(server.base, lang, slug), count, trainer_notes(ROOT, lang, slug), lang)
    assert_slides_fit(page, count, f"{lang}/slides/{slug}.html")


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
@pytest.mark.parametrize("slug", real_decks())
def test_print_view_gives_one_pdf_page_per_slide(visit, server, slug, lang, tmp_path):
    count = expected(ROOT, lang, slug)
    page = open_deck(visit, deck_url(server.base, lang, slug, "?print-pdf"))
    page.wait_for_function(f"document.querySelectorAll('.pdf-page').length === {count}", timeout=30000)
    page.pdf(path=tmp_path / "deck.pdf", prefer_css_page_size=True, print_background=True)
    assert pdf_pages(tmp_path / "deck.pdf") == count
    assert visit.external == []


@pytest.mark.parametrize("lang", LANGS)
def test_headless_chromium_prints_a_deck_from_the_command_line(built_site, lang, tmp_path):
    """The command in README. reveal's print view needs more animation frames than headless Chromium
    runs; slides.js supplies them in print mode (without it, one page came out in most runs)."""
    slug = real_decks()[0]
    pdf = tmp_path / "deck.pdf"
    url = (built_site / ("" if lang == "ru" else lang) / "slides" / f"{slug}.html").as_uri() + "?print-pdf"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=10000",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", url],
                   check=True, capture_output=True, timeout=120)
    assert pdf_pages(pdf) == expected(ROOT, lang, slug)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", real_decks())
def test_handout_prints_two_slides_per_a4_page(visit, server, slug, lang, tmp_path):
    count = expected(ROOT, lang, slug)
    page = open_deck(visit, deck_url(server.base, lang, slug, "?handout"))
    assert page.locator(".kl-handout__item").count() == count
    assert page.locator(".kl-handout__page").count() == math.ceil(count / 2)
    # For participants: the slides' notes without the trainer-only ones.
    assert page.locator(".kl-handout__notes").count() > count / 2
    assert page.locator(".kl-notes__trainer").count() == 0
    assert page.locator(".kl-handout__label").first.inner_text() == {"ru": "Слайд 1", "kk": "1-слайд"}[lang]
    # reveal.js is not started: the slides are a plain document to print.
    assert page.locator(".reveal").count() == 0
    page.pdf(path=tmp_path / "handout.pdf", prefer_css_page_size=True, print_background=True)
    assert pdf_pages(tmp_path / "handout.pdf") == math.ceil(count / 2)
    assert visit.external == [] and visit.errors == []


def test_fixture_handout_keeps_slides_whole_with_their_notes(visit_deck, deck_server, deck_site):
    page = open_deck(visit_deck, deck_url(deck_server.base, "ru", FIXTURE_SLUG, "?handout"))
    # Each slide drawn whole at a third of its size in its frame, its notes beside and below it.
    box = page.locator(".kl-handout__frame > section").first.bounding_box()
    assert (round(box["width"]), round(box["height"])) == (416, 234)
    notes = page.locator("#concepts").locator("xpath=../..").locator(".kl-handout__notes")
    assert "Согласие — основа работы" in notes.inner_text() and "Спросите группу" not in notes.inner_text()


#: English the vendored speaker view shows; none of it may be left (the clock included: no AM/PM).
ENGLISH = ("Speaker View", "Loading", "Upcoming", "Time", "Click to Reset", "Pacing", "Notes", "Layout",
           "Default", "Wide", "Tall", "AM", "PM")


def open_speaker_view(page):
    with page.expect_popup() as popup_info:
        page.keyboard.press("s")
    speaker = popup_info.value
    speaker.wait_for_function("getComputedStyle(document.querySelector('#connection-status')).display === 'none'")
    speaker.wait_for_function("document.querySelector('.clock-value').textContent !== '0:00'")
    return speaker


def assert_speaker_view_speaks(speaker, lang: str) -> None:
    texts = speaker.evaluate("""() => [document.title, document.body.innerText,
        ...[...document.querySelectorAll('option')].map(o => o.textContent)].join('\\n')""")
    for word in ENGLISH:
        assert not re.search(rf"\b{word}\b", texts), f"{word!r} in the {lang} speaker view"
    assert speaker.get_attribute("html", "lang") == lang
    assert speaker.locator("#upcoming-slide .label").inner_text() == NEXT[lang]
    assert re.fullmatch(r"\d{2}:\d{2}", speaker.locator(".clock-value").inner_text().strip())
    assert speaker.locator("#current-slide iframe").count() == 1 and speaker.locator("#upcoming-slide iframe").count() == 1
    assert re.fullmatch(r"\d{2}", speaker.locator(".timer .hours-value").inner_text())


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", real_decks())
def test_speaker_view_shows_notes_timer_and_next_slide_in_the_deck_language(visit, server, slug, lang):
    page = open_deck(visit, deck_url(server.base, lang, slug, "#/practice"))
    speaker = open_speaker_view(page)
    speaker.wait_for_function("document.querySelector('.speaker-controls-notes .value').textContent.length > 100")
    assert_speaker_view_speaks(speaker, lang)
    assert visit.external == []


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
    page.wait_for_function("Reveal.getIndices().h === 1")
    speaker = open_speaker_view(page)
    speaker.wait_for_function("document.querySelector('.speaker-controls-notes .value').textContent.includes('Топтан')")
    assert_speaker_view_speaks(speaker, "kk")
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


def test_slide_blocks_stay_out_of_the_pages_search_index(built_site):
    """A slide only sums up the text around it: searching the course finds the text, not the slide."""
    import json

    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [doc["text"] for doc in index["docs"] if doc["location"].startswith("modules/kazaktanu.html")]
    assert any("консолидирующ" in text for text in texts)
    # A bullet of the slide in #language-of-unity (the page's own sentence says it differently).
    assert not any("делает государство доступным" in text for text in texts)


def test_a_blocked_speaker_view_is_reported_in_the_deck_language(visit_deck, deck_server):
    """Pop-ups blocked for the intranet host: the trainer reads why nothing opened, in Kazakh here."""
    page = visit_deck.page
    page.add_init_script("window.open = function () { return null; };")  # what a pop-up blocker returns
    open_deck(visit_deck, deck_url(deck_server.base, "kk", FIXTURE_SLUG))
    page.keyboard.press("s")
    message = page.locator(".kl-deck-message[role=alert]")
    message.wait_for(state="visible")
    assert message.inner_text().startswith("Браузер баяндамашы режимінің терезесін ашпады")
