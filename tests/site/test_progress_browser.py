"""The learner's progress on the built site, driven in Chromium: the indicators, the progress page in
both languages, export / import (good and bad files), stale records, reset, printing; over http under
a sub-path and from file://; the seminar tests' answers kept apart from the modules'."""

import json

import pytest

from conftest import ROOT, open_visit
from kelisim import trainer, yamlio
from kelisim.model import load_course
from kelisim.quiz.bank import load_banks
from kelisim.quiz.render import display_order

LANG_DIR = {"ru": "", "kk": "kk/"}


@pytest.fixture(scope="module")
def banks():
    return {bank.id: bank for bank in load_banks(ROOT, load_course(ROOT))}


def html(path: str) -> str:
    return path.removesuffix(".md") + ".html"


def singles(bank, n: int):
    return [q for q in bank.questions if q.type == "single"][:n]


def answer(page, question, right: bool, ident: str | None = None) -> None:
    """Choose the correct option of a single-choice question (or a wrong one) and check it; `ident` is
    the id its form has on the page when it is not the bank's (a seminar test's: 'pre-test--<id>')."""
    key = question.correct if right else next(o.key for o in question.options if not o.correct)
    page.check(f"#q-{ident or question.id} input[value='{key}']")
    page.click(f"#q-{ident or question.id} button[type=submit]")


def answered(page, ident: str) -> bool:
    """Does the question's form on this page show a stored answer (an option chosen or a result)?"""
    return page.locator(f"#q-{ident} input:checked").count() > 0 or \
        page.inner_text(f"#q-{ident} .kl-quiz__result").strip() != ""


def badge(page, target: str) -> str:
    """The indicator's visible text beside the navigation entry of `target` ('' when hidden)."""
    return page.evaluate("""target => {
        const link = [...document.querySelectorAll('a.md-nav__link')].find(a => a.href.endsWith(target));
        const badge = link && link.querySelector('.kl-badge');
        return badge && !badge.hidden ? badge.firstChild.textContent : '';
    }""", target)


def figures(page) -> dict:
    """{part id ('' for the whole course): (answered, total)} as the progress bars show them."""
    return page.eval_on_selector_all("[data-kl-part]", """parts => Object.fromEntries(parts.map(p =>
        [p.dataset.klPart, [p.querySelector('progress').value, p.querySelector('progress').max]]))""")


def counts(page, part: str) -> str:
    return page.inner_text(f"[data-kl-part='{part}'] .kl-progress__counts")


def stored(page) -> dict:
    return page.evaluate("() => KelisimProgress.all()")


def upload(page, content: str) -> str:
    """Import a file with this content; the message the page announces."""
    page.evaluate("() => document.querySelector('.kl-progress__status').textContent = ''")
    page.set_input_files("#kl-progress-import", files=[
        {"name": "answers.json", "mimeType": "application/json", "buffer": content.encode("utf-8")}])
    page.wait_for_function("() => document.querySelector('.kl-progress__status').textContent !== ''")
    return page.inner_text(".kl-progress__status")


@pytest.mark.browser
def test_progress_across_languages_export_import_reset(browser, server, banks):
    visit = open_visit(browser, server)
    page = visit.page
    missing_before = len(server.missing)  # the session's server: other tests ask for missing pages on purpose
    m1, m2 = banks["m1"], banks["m2"]
    right, wrong = singles(m1, 2)
    n1, n2 = len(m1.questions), len(m2.questions)

    # Module 1 answered in Kazakh: the navigation's indicator follows each answer.
    page.goto(server.base + "kk/" + html(m1.quiz_page))
    page.wait_for_selector(".kl-quiz--ready")
    module_page = html(m1.attached_page)
    assert badge(page, "kk/" + module_page) == ""
    answer(page, right, True)
    assert badge(page, "kk/" + module_page) == f"1 / {n1}"
    answer(page, wrong, False)
    assert badge(page, "kk/" + module_page) == f"2 / {n1}"
    assert page.locator(f"a.md-nav__link[href$='{module_page}'] .kl-sr").text_content() == \
        f" (Тест: {n1} сұрақтың 2 сұрағына жауап берілді)"
    # Module 2 in Russian.
    page.goto(server.base + html(m2.quiz_page))
    page.wait_for_selector(".kl-quiz--ready")
    answer(page, singles(m2, 1)[0], True)
    page.goto(server.base + module_page)
    assert page.inner_text(".kl-here") .startswith(f"Тест модуля: отвечено 2 из {n1}, правильно 1.")
    assert page.get_attribute(".kl-here progress", "aria-valuetext") == f"Тест: отвечено 2 из {n1}"
    assert page.eval_on_selector(".kl-here a", "a => a.href") == server.base + "progress.html"

    # The same figures on the progress page in both languages.
    expected = {"m1": [2, n1], "m2": [1, n2]}
    for lang in ("ru", "kk"):
        page.goto(server.base + LANG_DIR[lang] + "progress.html")
        shown = figures(page)
        assert {part: shown[part] for part in expected} == expected
        assert shown[""][0] == 3 and shown["m3"][0] == 0
    assert counts(page, "m1") == f"{n1} сұрақтың 2 сұрағына жауап берілді, дұрысы — 1."
    first_open = next(q for _, group in display_order(m1) for q in group if q not in (right, wrong))
    assert page.get_attribute("[data-kl-part='m1'] .kl-progress__next", "href") == \
        f"quizzes/{m1.module.slug}.html#q-{first_open.id}"

    # A bank edit: an option changed (its key with it), a question removed. Not wrong, not counted.
    third = next(q for q in m1.questions if q.type == "single" and q not in (right, wrong))
    page.evaluate("""([changed, removed]) => {
        const at = new Date().toISOString();
        KelisimProgress.set(changed, {v: 1, answer: 'f0f0f0f0', score: 0, max: 1, at});
        KelisimProgress.set(removed, {v: 1, answer: 'a1a1a1a1', score: 1, max: 1, at});
    }""", [third.id, "m1-removed-question"])
    assert figures(page)["m1"] == [2, n1]
    assert counts(page, "m1") == f"{n1} сұрақтың 2 сұрағына жауап берілді, дұрысы — 1."
    assert page.inner_text(".kl-progress__older").startswith("Курстың бұрынғы нұсқасынан қалған жауаптар: 2.")

    # Export, clear the browser, import: everything is back; importing again adds nothing (newer wins).
    before = stored(page)
    with page.expect_download() as download:
        page.click("[data-kl-do=export]")
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert exported["schema"] == 1 and exported["course"] == "kelisim" and exported["answers"] == before
    page.evaluate("() => localStorage.clear()")
    page.reload()
    assert figures(page)[""][0] == 0
    text = json.dumps(exported)
    assert upload(page, text) == "Файл жүктелді. Қосылған жауап саны: 5."
    assert stored(page) == before and figures(page)["m1"] == [2, n1]
    assert upload(page, text) == "Файл жүктелді. Қосылған жауап саны: 0."

    # Bad files change nothing and say why, in the page's language.
    other = {**exported, "course": "other-course"}
    future = {**exported, "schema": 2}
    broken = {**exported, "answers": {right.id: {"v": 1, "answer": "x", "score": 3, "max": 1, "at": "2026-11-29"}}}
    for content, message in (
            (json.dumps(other), "Файл басқа курста сақталған («other-course»). Ештеңе өзгертілген жоқ."),
            (json.dumps(future), "Файлды курстың жаңарақ нұсқасы сақтаған (пішімі: 2). Осы компьютердегі курсты "
                                 "жаңартып, файлды қайта жүктеңіз. Ештеңе өзгертілген жоқ."),
            (text[:-20], "Бұл файлда осы курстың жауаптары жоқ немесе файл бүлінген. Ештеңе өзгертілген жоқ."),
            (json.dumps(broken), "Бұл файлда осы курстың жауаптары жоқ немесе файл бүлінген. Ештеңе өзгертілген жоқ.")):
        assert upload(page, content) == message
        assert stored(page) == before
    page.goto(server.base + "progress.html")
    assert upload(page, json.dumps(future)).startswith("Файл сохранён более новой версией курса (формат 2).")

    # A newer answer in the file replaces the older one here.
    newer = {**exported, "answers": {wrong.id: {**before[wrong.id], "answer": wrong.correct, "score": 1,
                                                "at": "2099-01-01T00:00:00.000Z"}}}
    assert upload(page, json.dumps(newer)) == "Файл загружен. Добавлено ответов: 1."
    assert counts(page, "m1") == f"Отвечено 2 из {n1}, правильно 2."

    # Printing shows the figures without the buttons.
    page.emulate_media(media="print")
    assert page.is_visible(".kl-progress__printed") and page.is_visible("[data-kl-part='m1'] .kl-progress__counts")
    assert not page.is_visible("[data-kl-do=export]") and not page.is_visible("[data-kl-reset='m1']")
    page.emulate_media(media="screen")

    # Reset asks first: dismissed, nothing changes; accepted, only that module's answers go.
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("[data-kl-reset='m1']")
    assert figures(page)["m1"] == [2, n1]
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-kl-reset='m1']")
    assert figures(page)["m1"] == [0, n1] and figures(page)["m2"] == [1, n2]
    assert page.inner_text(".kl-progress__status") == "Ответы удалены: Модуль 1."
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-kl-do=reset-all]")
    assert stored(page) == {} and figures(page)[""][0] == 0
    assert page.is_hidden(".kl-progress__older")
    assert visit.errors == [] and visit.external == [] and server.missing[missing_before:] == []
    visit.context.close()


@pytest.mark.browser
def test_progress_page_without_javascript_shows_only_its_note(browser, built_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((built_site / "kk" / "progress.html").as_uri())
    assert page.is_visible(".kl-progress noscript")
    assert page.inner_text(".kl-progress noscript").strip() == \
        "Үлгерім браузерде есептеледі: оны көру үшін JavaScript-ті қосыңыз."
    assert not page.is_visible("[data-kl-do=export]") and not page.is_visible(".kl-progress__bar")
    context.close()


@pytest.mark.browser
def test_progress_from_a_usb_copy(browser, built_site, banks):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    m3 = banks["m3"]
    page.goto((built_site / "kk" / html(m3.quiz_page)).as_uri())
    page.wait_for_selector(".kl-quiz--ready")
    answer(page, singles(m3, 1)[0], True)
    assert badge(page, "kk/" + html(m3.attached_page)) == f"1 / {len(m3.questions)}"
    page.goto((built_site / "progress.html").as_uri())
    assert figures(page)["m3"] == [1, len(m3.questions)]
    assert counts(page, "m3") == f"Отвечено 1 из {len(m3.questions)}, правильно 1."
    with page.expect_download() as download:
        page.click("[data-kl-do=export]")
    exported = open(download.value.path(), encoding="utf-8").read()
    assert list(json.loads(exported)["answers"]) == [singles(m3, 1)[0].id]
    page.evaluate("() => localStorage.clear()")
    page.reload()
    assert figures(page)["m3"] == [0, len(m3.questions)]
    assert upload(page, exported) == "Файл загружен. Добавлено ответов: 1."
    assert figures(page)["m3"] == [1, len(m3.questions)]
    assert errors == []
    context.close()


@pytest.mark.browser
def test_seminar_tests_keep_their_answers_apart_from_the_modules_and_each_other(browser, server, banks):
    visit = open_visit(browser, server)
    page = visit.page
    tests = {test["id"]: test["questions"] for test in yamlio.load_checked(ROOT, trainer.FILE, trainer.SCHEMA)[0]["tests"]}
    questions = {q.id: (q, bank) for bank in banks.values() for q in bank.questions}
    before, bank_before = next(questions[i] for i in tests["pre-test"] if questions[i][0].type == "single")
    after, bank_after = next(questions[i] for i in tests["post-test"] if questions[i][0].type == "single")

    # A post-test question answered in its module's quiz: the post-test page does not show it answered.
    page.goto(server.base + html(bank_after.quiz_page))
    page.wait_for_selector(".kl-quiz--ready")
    answer(page, after, True)
    page.goto(server.base + "trainer/post-test.html")
    page.wait_for_selector(".kl-quiz--ready")
    assert page.locator(f"#q-{after.id}").count() == 0 and not answered(page, f"post-test--{after.id}")

    # A pre-test question answered on the pre-test: neither the post-test nor the module quiz shows it.
    page.goto(server.base + "trainer/pre-test.html")
    page.wait_for_selector(".kl-quiz--ready")
    answer(page, before, True, f"pre-test--{before.id}")
    assert answered(page, f"pre-test--{before.id}")
    assert stored(page).keys() == {after.id, f"pre-test--{before.id}"}  # the module's answer is kept as it was
    page.goto(server.base + "trainer/post-test.html")
    page.wait_for_selector(".kl-quiz--ready")
    assert page.locator(".kl-quiz__q input:checked").count() == 0
    page.goto(server.base + html(bank_before.quiz_page))
    page.wait_for_selector(".kl-quiz--ready")
    assert not answered(page, before.id) and answered(page, after.id) == (bank_before is bank_after)

    # The progress page: the pre-test counts its own answer only, the modules only theirs.
    page.goto(server.base + "progress.html")
    shown = figures(page)
    assert shown[bank_after.id][0] == 1 and shown[""][0] == 1
    assert shown[bank_before.id][0] == (1 if bank_before is bank_after else 0)
    results = page.locator("[data-kl-test]").all_inner_texts()
    assert results == ["Входной тест семинара: отвечено 1 из 20, результат 1 из 20 (5 %).",
                       "Итоговый тест семинара: ещё не пройден."]
    assert page.is_hidden(".kl-progress__older")  # a test answer is judged, not taken for a stale one
    assert visit.errors == [] and visit.external == []
    visit.context.close()
