"""The trainer kit in the built site: every page in both languages, links that MkDocs does not check
(decks are written after it), the seminar tests as working quizzes, printable forms without the site,
and a day's printed materials: one PDF of "print everything for Day 2" checked card by card."""

import math
import posixpath
import re
import subprocess

import pytest

DAYS = ["trainer/day-1.html", "trainer/day-2.html", "trainer/day-3.html"]
KIT = ["trainer/index.html", *DAYS, "trainer/pre-test.html", "trainer/post-test.html", "trainer/tests-key.html",
       "trainer/evaluation.html", "trainer/action-plan.html",
       "trainer/print-day-1.html", "trainer/print-day-2.html", "trainer/print-day-3.html",
       "trainer/cases.html", "materials/legal-clinic.html", "materials/road-incident.html", "materials/case-clinic.html",
       "materials/fishbowl.html"]


@pytest.mark.parametrize("prefix", ["", "kk/"])
def test_every_kit_page_is_built_and_reached_from_the_seminar_page(built_site, prefix):
    for path in KIT:
        assert (built_site / prefix / path).is_file(), prefix + path
    seminar = (built_site / prefix / "seminar.html").read_text(encoding="utf-8")
    assert 'href="trainer/index.html"' in seminar


@pytest.mark.parametrize("prefix", ["", "kk/"])
def test_day_guides_link_decks_notes_and_cards_that_exist(built_site, prefix):
    decks = printed = 0
    for path in DAYS:
        html = (built_site / prefix / path).read_text(encoding="utf-8")
        assert html.count('class="kl-day-guide__slot"') >= 5
        for href, anchor in re.findall(r'href="([^"#?:]+\.html)(?:#/?([^"]*))?"', html):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(prefix + path), href))
            assert (built_site / target).is_file(), f"{prefix}{path}: {href}"
            if anchor:  # a section of a module, a slide of a deck (#/id), a printed case
                assert f'id="{anchor}"' in (built_site / target).read_text(encoding="utf-8"), f"{prefix}{path}: {href}#{anchor}"
        decks += html.count("data-kl-deck")
        printed += html.count('print-day-' + path[-6] + '.html#case-card-')
    assert decks >= 5  # every module with a deck is linked from the slot that teaches it
    assert printed == 3 + 3 + 1  # each slot's cases link their printed sheet (d2: workshop, simulation, debrief)


@pytest.mark.browser
@pytest.mark.parametrize("path, count", [("trainer/pre-test.html", 20), ("kk/trainer/post-test.html", 20)])
def test_seminar_test_is_a_working_quiz(visit, server, path, count):
    page = visit.page
    page.goto(server.base + path)
    assert page.locator(".kl-quiz__q").count() == count
    first = page.locator(".kl-quiz__q").first
    first.locator("input").first.check()
    first.locator("button[type=submit]").click()
    assert first.locator(".kl-quiz__feedback").inner_text().strip()
    # Stored apart from the module quizzes' answers (and the other test's): '<test id>--<question id>'.
    test = path.rsplit("/", 1)[1].removesuffix(".html")
    assert all(ident.startswith(f"{test}--") for ident in page.evaluate("() => Object.keys(KelisimProgress.all())"))
    assert page.evaluate("() => Object.keys(KelisimProgress.all()).length") == 1


@pytest.mark.parametrize("prefix", ["", "kk/"])
def test_print_pages_collect_every_kind_of_material_of_their_day(built_site, prefix):
    def count(path, marker):
        return (built_site / prefix / path).read_text(encoding="utf-8").count(marker)

    expected = {  # day: cases the day's slots use, exercises whose cards it hands out, paper test
        1: (3, ["legal-clinic"], "pre-test"),
        2: (2, ["road-incident"], None),
        3: (1, ["case-clinic", "fishbowl"], "post-test"),
    }
    for day, (cases, exercises, test) in expected.items():
        path = f"trainer/print-day-{day}.html"
        assert count(path, 'class="kl-card kl-card--case"') == cases, path
        assert [count(path, f'data-kl-exercise="{e}"') for e in exercises] == [1] * len(exercises), path
        assert count(path, 'class="kl-quiz__q"') == 0  # on paper: no quiz widget
        assert count(path, 'class="kl-paper__q"') == (20 if test else 0), path
        if test:
            assert count(path, f'id="answers-{test}"') == 1, path
        assert f'href="print-day-{day}.html"' in (built_site / prefix / f"trainer/day-{day}.html").read_text(encoding="utf-8")
    assert count("trainer/cases.html", 'class="kl-card kl-card--case"') == 3 + 2 + 1  # every day's, each once
    template = 'class="kl-sheet kl-sheet--template"'
    assert count("materials/case-clinic.html", template) == count("trainer/print-day-3.html", template) == 1
    assert count("materials/legal-clinic.html", 'class="kl-card kl-card--situation"') == 6
    key = (built_site / prefix / "trainer/tests-key.html").read_text(encoding="utf-8")
    assert key.count('class="kl-test-key__paper"') == 2  # letters to score each paper answer sheet


@pytest.mark.browser
@pytest.mark.parametrize("path", ["trainer/action-plan.html", "kk/trainer/evaluation.html"])
def test_printed_forms_show_the_form_not_the_site(visit, server, path):
    page = visit.page
    page.goto(server.base + path)
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        assert not any(el.is_visible() for el in page.locator(selector).all()), selector
    assert page.locator("table").first.is_visible()
    mm = 96 / 25.4
    rows = page.evaluate("() => [...document.querySelectorAll('.kl-form td')].map(td => td.getBoundingClientRect().height)")
    assert rows and min(rows) >= 13 * mm  # room to write by hand
    boxes = page.evaluate("() => [...document.querySelectorAll('.kl-write')].map(box => box.getBoundingClientRect().height)")
    assert all(height >= 35 * mm for height in boxes)


NAVIGATION = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search", "h1"]


@pytest.mark.browser
def test_print_everything_for_day_2_is_one_card_per_page_or_two_a5_and_nothing_is_cut(visit, server, tmp_path):
    page = visit.page
    page.goto(server.base + "trainer/print-day-2.html")
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    for selector in NAVIGATION:
        assert not any(el.is_visible() for el in page.locator(selector).all()), f"'{selector}' is visible in print"
    assert not page.locator(".md-content__inner > p").first.is_visible()  # the page's own explanations stay off paper

    pdf = tmp_path / "day-2.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    assert abs(float(size[1]) - 595) < 2 and abs(float(size[2]) - 842) < 2  # A4 portrait
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    sheets = [" ".join(sheet.split()) for sheet in text.split("\f")][:-1]
    assert len(sheets) == int(re.search(r"Pages:\s+(\d+)", info)[1]) and all(sheets), "a blank sheet"

    # Each card (its label line and title): the title and the last word of its text on one sheet, in order.
    cards = page.evaluate("""() => [...document.querySelectorAll('.kl-card')].map(card => ({
        kind: [...card.classList].find(c => c.startsWith('kl-card--')).slice(9),
        title: (card.querySelector('.kl-card__head').innerText + ' '
                + card.querySelector('.kl-card__title').innerText).split(/\\s+/).join(' ').trim(),
        last: card.innerText.trim().split(/\\s+/).pop()}))""")
    on_sheet, sheet = [], 0
    for card in cards:
        while sheet < len(sheets) and card["title"] not in sheets[sheet]:
            sheet += 1
        assert sheet < len(sheets), f"card '{card['title']}' is not in the PDF"
        start = sheets[sheet].index(card["title"])
        assert card["last"] in sheets[sheet][start:], f"card '{card['title']}' runs onto the next sheet"
        on_sheet.append(sheet)

    card_sheets = sheets[:max(on_sheet) + 1]
    for card in cards:  # exactly one sheet of cards carries each card's title
        assert sum(card["title"] in sheet for sheet in card_sheets) == 1, card["title"]

    kinds = [card["kind"] for card in cards]
    assert kinds.count("case") == 2 and kinds.count("role") == 10 and kinds.count("inject") == 11
    per_sheet = {s: [k for k, t in zip(kinds, on_sheet) if t == s] for s in set(on_sheet)}
    for kinds_here in per_sheet.values():  # what the CSS promises, per kind
        assert kinds_here in (["case"], ["cover"]) or (len(kinds_here) <= 2 and set(kinds_here) <= {"role", "inject"}), kinds_here
    a5 = [s for s, k in per_sheet.items() if set(k) <= {"role", "inject"}]
    assert len(a5) == math.ceil(10 / 2) + math.ceil(11 / 2)  # two A5 cards to a sheet, each kind from a fresh sheet
    assert len(per_sheet) == len(set(on_sheet)) == 2 + 1 + len(a5)
    # After the cards: the control sheet and the observer checklist, each from a fresh sheet.
    rest = sheets[max(on_sheet) + 1:]
    assert rest and rest[0].startswith(page.locator(".kl-sheet--control h3").inner_text().split(":")[0])
    assert any(s.startswith(page.locator(".kl-sheet--checklist h3").inner_text().split(":")[0]) for s in rest)


@pytest.mark.browser
@pytest.mark.parametrize("path", ["trainer/post-test.html", "kk/trainer/pre-test.html"])
def test_test_page_shows_the_quiz_on_screen_and_prints_the_paper_copy(visit, server, path):
    page = visit.page
    page.goto(server.base + path)
    assert page.locator(".kl-quiz").is_visible() and not page.locator(".kl-paper").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".kl-quiz").is_visible() and page.locator(".kl-paper__answers").is_visible()


def test_scoring_key_has_a_table_for_the_groups_before_and_after_averages(built_site):
    for prefix, before in (("", "Входной тест"), ("kk/", "Бастапқы тест")):
        html = (built_site / prefix / "trainer/tests-key.html").read_text(encoding="utf-8")
        table = html[html.index('id="averages"'):]
        table = table[table.index('<div class="kl-form">'):table.index("</table>")]
        assert before in table and table.count("<tr>") == 7


@pytest.mark.browser
def test_paper_answer_sheet_starts_its_own_sheet_with_a_box_per_option(visit, server):
    page = visit.page
    page.goto(server.base + "kk/trainer/print-day-1.html")
    page.emulate_media(media="print")
    answers = page.locator("#answers-pre-test")
    assert answers.is_visible() and answers.evaluate("el => getComputedStyle(el).breakBefore") == "page"
    assert answers.locator("tbody tr").count() == 20
    assert page.locator(".kl-paper__questions .kl-paper__q").count() == 20
    mm = 96 / 25.4
    ticks = answers.locator(".kl-paper__tick").evaluate_all("els => els.map(el => el.getBoundingClientRect().width)")
    assert len(ticks) >= 60 and min(ticks) >= 5 * mm
