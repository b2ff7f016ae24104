"""axe-core (tests/vendor, never published) finds no violation on any page type, in both languages."""

import pytest

from conftest import ROOT, open_visit

AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
QUIZ = "quizzes/intro.html"
PAGES = {"home": "index.html", "syllabus": "syllabus.html", "seminar": "seminar.html",
         "module": "modules/kazaktanu.html", "quiz": QUIZ, "glossary": "glossary.html",
         "answer key": "answer-key.html", "deck": "slides/kazaktanu.html", "404": "404.html",
         "printed cards": "materials/legal-clinic.html", "print day": "trainer/print-day-1.html"}


@pytest.fixture(scope="module")
def tab(browser, server):
    """One browser tab for every page: axe needs no fresh context, and this keeps the run short."""
    visit = open_visit(browser, server)
    yield visit
    visit.context.close()


def violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}" for v in found]


def answer_every_question(page) -> None:
    """Some answers right, some wrong: the feedback of both kinds is on the page."""
    for form in page.locator("form[data-kl-q]").all():
        if form.get_attribute("data-kl-type") == "matching":
            for select in form.locator("select").all():
                select.select_option(index=1)
        elif form.get_attribute("data-kl-type") != "ordering":  # an order is always a complete answer
            form.locator("input").first.check()
        form.locator("button[type=submit]").click()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ru", "kk"])
@pytest.mark.parametrize("kind", [*PAGES, "quiz answered", "progress"])  # progress: with those answers
def test_no_axe_violations(tab, server, kind, lang):
    page = tab.page
    page.goto(server.base + ("" if lang == "ru" else "kk/") + PAGES.get(kind, "progress.html" if kind == "progress" else QUIZ))
    page.wait_for_load_state("load")
    if kind.startswith("quiz"):
        page.wait_for_selector(".kl-quiz--ready")
        page.evaluate("() => localStorage.clear()")
    if kind == "quiz answered":
        answer_every_question(page)
        assert page.locator(".kl-quiz__result:not(:empty)").count()
    assert violations(page) == []


@pytest.mark.browser
@pytest.mark.parametrize("lang, name", [("ru", "Поиск"), ("kk", "Іздеу")])
def test_search_dialog_is_named_and_reached_from_the_keyboard(tab, server, lang, name):
    page = tab.page
    page.goto(server.base + ("" if lang == "ru" else "kk/") + "index.html")
    page.keyboard.press("/")  # Material's shortcut: focus the search box
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("семинар")
    page.keyboard.press("ArrowDown")
    dialog = page.get_by_role("dialog", name=name)
    assert dialog.count() == 1
    page.wait_for_selector(".md-search-result__link")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
