"""Quizzes on the built site: links to them, the answer key, and the widget driven in Chromium."""

import json
import re

import pytest

from kelisim import ROOT
from kelisim.model import load_course
from kelisim.quiz.bank import load_banks

QUIZ = "quizzes/intro.html"
PREFIX = "kelisim:kelisim:q:"


@pytest.fixture(scope="module")
def banks():
    return load_banks(ROOT, load_course(ROOT))


def intro(banks):
    return {q.id: q for q in next(b for b in banks if b.id == "intro").questions}


# ---------- the built pages ------------------------------------------------------------------

def test_each_page_with_a_bank_links_to_its_quiz_in_both_languages(built_site, banks):
    for bank in banks:
        for prefix in ("", "kk/"):
            page = (built_site / prefix / bank.attached_page.replace(".md", ".html")).read_text(encoding="utf-8")
            target = bank.quiz_page.replace(".md", ".html")
            assert re.search(rf'class="[^"]*kl-quiz-link[^"]*" href="(\.\./)?{re.escape(target)}"', page), \
                f"{prefix}{bank.attached_page} does not link to {target}"
            assert (built_site / prefix / target).is_file()


def test_widget_loads_only_on_quiz_pages(built_site, banks):
    for bank in banks:
        assert "quiz.js" in (built_site / bank.quiz_page.replace(".md", ".html")).read_text(encoding="utf-8")
        assert "quiz.js" not in (built_site / bank.attached_page.replace(".md", ".html")).read_text(encoding="utf-8")


def test_answer_key_lists_every_question_and_stays_out_of_search(built_site, banks):
    for prefix in ("", "kk/"):
        page = (built_site / prefix / "answer-key.html").read_text(encoding="utf-8")
        for bank in banks:
            for question in bank.questions:
                assert f'id="key-{question.id}"' in page
        index = json.loads((built_site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        assert not [d for d in index["docs"] if d["location"].startswith("answer-key")]


# ---------- the widget ------------------------------------------------------------------------

def open_quiz(visit, server, path=QUIZ):
    page = visit.page
    page.goto(server.base + path)
    page.wait_for_selector(".kl-quiz--ready")
    return page


def choose(page, qid, text):
    page.locator(f"#q-{qid} label").filter(has_text=re.compile(f"^{re.escape(text)}$")).click()


def check(page, qid):
    page.click(f"#q-{qid} button[type=submit]")


def result(page, qid):
    return page.inner_text(f"#q-{qid} .kl-quiz__result")


def stored(page):
    return page.evaluate("() => KelisimProgress.all()")


@pytest.mark.browser
def test_right_and_wrong_answers_get_feedback_and_score(visit, server, banks):
    page = open_quiz(visit, server)
    page.evaluate("() => { window.events = []; addEventListener('kelisim:progress', e => events.push(e.detail)); }")
    assert page.get_attribute("#q-intro-module-count .kl-quiz__result", "aria-live") == "polite"
    choose(page, "intro-module-count", "Три")
    check(page, "intro-module-count")
    text = result(page, "intro-module-count")
    assert "✗ Неправильно" in text and "Баллы: 0 из 1" in text
    assert "«Три» — Три дня длится семинар" in text and "Курс состоит из пяти модулей" in text
    assert page.get_attribute("#q-intro-module-count .kl-quiz__result a", "href") == "../index.html#top"
    assert "✗ неверно" in page.inner_text("#q-intro-module-count .is-wrong")
    assert "Отвечено вопросов: 1 из 8" in page.inner_text(".kl-quiz__summary")

    choose(page, "intro-module-count", "Пять")
    assert result(page, "intro-module-count") == ""  # a changed answer drops the old feedback
    check(page, "intro-module-count")
    assert "✓ Правильно" in result(page, "intro-module-count")
    key = intro(banks)["intro-module-count"].correct
    record = stored(page)["intro-module-count"]
    assert record["v"] == 1 and record["answer"] == key and record["score"] == 1 and record["max"] == 1
    assert [e["record"]["score"] for e in page.evaluate("events")] == [0, 1]

    # Two of three correct options, no wrong one: partial credit.
    choose(page, "intro-seminar-activities", "Симуляция «Дорожный инцидент»")
    choose(page, "intro-seminar-activities", "Диалог в формате «аквариум»")
    check(page, "intro-seminar-activities")
    assert "◐ Частично правильно · Баллы: 0,67 из 1" in result(page, "intro-seminar-activities")
    assert "Результат: 1,67 из 8 (21 %). Отвечено вопросов: 2 из 8." == page.inner_text(".kl-quiz__summary")


@pytest.mark.browser
def test_arrow_keys_move_the_selection_and_never_submit(visit, server):
    page = open_quiz(visit, server)
    radios = "#q-intro-module-count input[type=radio]"
    page.focus(f"{radios} >> nth=0")
    page.keyboard.press("Space")
    for key in ("ArrowDown", "ArrowDown", "ArrowUp"):
        page.keyboard.press(key)
    checked = page.eval_on_selector_all(radios, "rs => rs.map(r => r.checked)")
    assert checked.count(True) == 1 and checked[0] is False
    assert result(page, "intro-module-count") == ""
    assert stored(page) == {}
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the Check button
    assert result(page, "intro-module-count") != ""
    assert list(stored(page)) == ["intro-module-count"]


@pytest.mark.browser
def test_answers_survive_a_reload(visit, server, banks):
    page = open_quiz(visit, server)
    choose(page, "intro-module-count", "Пять")
    check(page, "intro-module-count")
    for select in page.query_selector_all("#q-intro-seminar-days select"):
        select.select_option(index=1)
    check(page, "intro-seminar-days")
    page.click("#q-intro-module-order li >> nth=0 >> [data-kl-move='1']")
    check(page, "intro-module-order")
    before = stored(page)
    summary = page.inner_text(".kl-quiz__summary")
    page.reload()
    page.wait_for_selector(".kl-quiz--ready")
    assert stored(page) == before
    assert page.is_checked(f"#q-intro-module-count input[value='{intro(banks)['intro-module-count'].correct}']")
    assert "✓ Правильно" in result(page, "intro-module-count")
    assert page.eval_on_selector_all("#q-intro-module-order li", "ls => ls.map(l => l.dataset.klKey)") == \
        before["intro-module-order"]["answer"]
    shown = page.eval_on_selector_all("#q-intro-seminar-days .kl-quiz__pair",
                                      "rs => Object.fromEntries(rs.map(r => [r.dataset.klKey, r.querySelector('select').value]))")
    assert shown == before["intro-seminar-days"]["answer"]
    assert page.inner_text(".kl-quiz__summary") == summary


@pytest.mark.browser
def test_progress_follows_the_learner_to_the_other_language(visit, server, banks):
    page = open_quiz(visit, server)
    choose(page, "intro-module-count", "Пять")
    check(page, "intro-module-count")
    choose(page, "intro-evening-visits", "Верно")
    check(page, "intro-evening-visits")
    page = open_quiz(visit, server, "kk/" + QUIZ)
    key = intro(banks)["intro-module-count"].correct
    assert page.is_checked(f"#q-intro-module-count input[value='{key}']")
    assert page.inner_text(f"#q-intro-module-count label[for='q-intro-module-count-{key}']") == "Бес"
    assert "✓ Дұрыс жауап" in result(page, "intro-module-count")
    wrong = result(page, "intro-evening-visits")
    assert "✗ Қате жауап" in wrong and "«қалаушыларға»" in wrong
    assert "8 сұрақтың 2 сұрағына жауап берілді." in page.inner_text(".kl-quiz__summary")


CORRUPT = {
    "intro-module-count": "{not json",
    "intro-self-study-total": json.dumps({"v": 2, "answer": "x", "score": 1, "max": 1, "at": "2026"}),
    "intro-seminar-days": json.dumps({"v": 1, "answer": {"left": "right"}, "score": 1, "max": 1, "at": "2026"}),
    "intro-module-order": json.dumps({"v": 1, "answer": ["a8373e3e", "158c276d"], "score": 1, "max": 1, "at": "2026"}),
    "intro-seminar-activities": json.dumps({"v": 1, "answer": ["deadbeef"], "score": 5, "max": 1, "at": "2026"}),
    "intro-plan-modules": "[1, 2, 3]",
    "intro-plan-time": json.dumps({"v": 1, "answer": "yes", "score": 1, "max": 1, "at": "2026"}),
}


@pytest.mark.browser
def test_corrupted_or_foreign_storage_is_ignored(visit, server, banks):
    # A record from an older release with a stale score: restored, and re-scored against the bank.
    old = json.dumps({"v": 1, "answer": False, "score": 0, "max": 1, "at": "2026-01-01T00:00:00Z"})
    other_course = json.dumps({"v": 1, "answer": intro(banks)["intro-module-count"].correct, "score": 1, "max": 1,
                               "at": "2026"})
    values = {PREFIX + k: v for k, v in CORRUPT.items()}
    values[PREFIX + "intro-evening-visits"] = old
    values["kelisim:other-course:q:intro-module-count"] = other_course
    visit.context.add_init_script(f"for (const [k, v] of Object.entries({json.dumps(values)})) localStorage.setItem(k, v);")
    page = open_quiz(visit, server)
    assert visit.errors == []
    for qid in CORRUPT:
        assert result(page, qid) == "", qid
        assert page.eval_on_selector_all(f"#q-{qid} input:checked", "x => x.length") == 0
    assert "✓ Правильно" in result(page, "intro-evening-visits")
    assert page.evaluate("() => KelisimProgress.get('intro-evening-visits').score") == 1
    # Shape-valid records whose answers no longer fit are left alone, but never shown.
    assert set(stored(page)) == {"intro-evening-visits", "intro-seminar-days", "intro-module-order", "intro-plan-time"}
    choose(page, "intro-module-count", "Пять")
    check(page, "intro-module-count")
    assert "✓ Правильно" in result(page, "intro-module-count")


@pytest.mark.browser
def test_keyboard_only_path(visit, server):
    page = open_quiz(visit, server)
    page.focus("#q-intro-module-count input >> nth=0")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert result(page, "intro-module-count")
    page.keyboard.press("Tab")  # Retry appears after checking
    assert page.evaluate("document.activeElement.classList.contains('kl-quiz__retry')")
    page.keyboard.press("Enter")
    assert result(page, "intro-module-count") == "" and stored(page) == {}
    assert page.evaluate("document.activeElement.name") == "q-intro-module-count"
    # Ordering: move the first item down with its button, from the keyboard.
    first = page.eval_on_selector("#q-intro-module-order li", "li => li.dataset.klKey")
    page.focus("#q-intro-module-order li >> nth=0 >> [data-kl-move='1']")
    page.keyboard.press("Enter")
    order = page.eval_on_selector_all("#q-intro-module-order li", "ls => ls.map(l => l.dataset.klKey)")
    assert order[1] == first
    assert page.evaluate("document.activeElement.closest('li').dataset.klKey") == first
    assert "теперь 2-й из 5" in result(page, "intro-module-order")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # move it back up
    assert page.eval_on_selector("#q-intro-module-order li", "li => li.dataset.klKey") == first


@pytest.mark.browser
def test_reset_forgets_this_quiz(visit, server):
    page = open_quiz(visit, server)
    choose(page, "intro-module-count", "Пять")
    check(page, "intro-module-count")
    choose(page, "intro-evening-visits", "Неверно")
    check(page, "intro-evening-visits")
    assert len(stored(page)) == 2
    page.click(".kl-quiz__reset")
    assert stored(page) == {}
    assert page.eval_on_selector_all(".kl-quiz input:checked", "x => x.length") == 0
    assert page.inner_text(".kl-quiz__summary") == "Ваши ответы на этот тест удалены."
    page.reload()
    page.wait_for_selector(".kl-quiz--ready")
    assert result(page, "intro-module-count") == ""


@pytest.mark.browser
def test_quiz_pages_load_nothing_from_outside_and_nothing_missing(visit, server):
    for path in (QUIZ, "kk/" + QUIZ, "answer-key.html", "kk/answer-key.html"):
        before = len(server.missing)
        visit.page.goto(server.base + path)
        visit.page.wait_for_load_state("networkidle")
        assert server.missing[before:] == [], path
    assert visit.external == [] and visit.errors == []


@pytest.mark.browser
def test_without_javascript_the_quiz_says_so_in_the_page_language(browser, server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server.base + "kk/" + QUIZ)
        assert "JavaScript-ті қосыңыз" in page.inner_text(".kl-quiz")
        assert not page.is_visible(".kl-quiz__actions button")
        assert page.is_visible("#q-intro-module-count legend")
    finally:
        context.close()


@pytest.mark.browser
def test_quiz_works_from_a_usb_copy(browser, built_site):
    context = browser.new_context()
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto((built_site / "kk" / QUIZ).as_uri())
        page.wait_for_selector(".kl-quiz--ready")
        choose(page, "intro-module-count", "Бес")
        check(page, "intro-module-count")
        assert "✓ Дұрыс жауап" in result(page, "intro-module-count")
        assert errors == []
    finally:
        context.close()
