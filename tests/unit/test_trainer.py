"""The trainer kit (course/trainer.yml + `/// day-guide`): validation with file:line:id, and the day guide."""

import re

import pytest

from conftest import problem_at, problems_with, render_markdown, write

pytestmark = pytest.mark.usefixtures("fresh_blocks")

MODULE_PAGE = ("---\nmodule: m1\n---\n\n# Первый { #top }\n\n## Раздел { #part }\n\nТекст.\n\n## Практикум { #practice }\n\n"
               "/// trainer-note\nХод упражнения.\n///\n\n"
               "//// case | Дорога\n    id: m1-road\n\nСитуация.\n\n/// questions\n1. Что?\n///\n////\n")

GOOD = """\
slots:
  - slot: d1-a
    aim: {ru: "Разобрать кейс.", kk: "Кейсті талдау."}
    materials: {ru: "Флипчарт.", kk: "Флипчарт."}
    notes: [practice]
    cases: [m1-road]
    steps:
      - {minutes: 20, ru: "Вводная.", kk: "Кіріспе."}
      - {minutes: 40, ru: "Работа групп.", kk: "Топтық жұмыс."}
    open: {ru: "Начнём с дороги.", kk: "Жолдан бастайық."}
    close: {ru: "Спасибо за работу.", kk: "Жұмысыңызға рақмет."}
    risk: {ru: "Не называйте сёл.", kk: "Ауыл атауын айтпаңыз."}
"""

GUIDE_PAGE = "# Тренеру { #top }\n\n/// day-guide\n    day: d1\n///\n"


@pytest.fixture
def course(tiny_course):
    for lang in ("ru", "kk"):
        write(tiny_course, f"docs/{lang}/modules/first.md", MODULE_PAGE)
        write(tiny_course, f"docs/{lang}/trainer/day-1.md", GUIDE_PAGE)
    write(tiny_course, "course/trainer.yml", GOOD)
    return tiny_course


def test_a_valid_trainer_file_passes_the_checks(course):
    from kelisim.checks import run_checks

    guide = run_checks(course).trainer.slots["d1-a"]
    assert [step.minutes for step in guide.steps] == [20, 40] and guide.cases == ("m1-road",)


@pytest.mark.parametrize("old, new, rule, line", [
    ("slot: d1-a", "slot: d9-z", "trainer-unknown-slot", 2),
    ("minutes: 40", "minutes: 45", "trainer-minutes", 7),
    ("notes: [practice]", "notes: [theory]", "trainer-unknown-note", 5),
    ("cases: [m1-road]", "cases: [m1-river]", "trainer-unknown-case", 6),
    ("    cases: [m1-road]", "    cases: [m1-road]\n    exercises: [drill]", "trainer-unknown-exercise", 7),
    ('close: {ru: "Спасибо за работу.", kk: "Жұмысыңызға рақмет."}', 'close: {ru: "Спасибо за работу."}',
     "schema", 11),
    ('kk: "Жұмысыңызға рақмет."', 'kk: "  "', "translation-empty", 11),
    ("    open:", "    opening:", "schema", 2),
])
def test_bad_trainer_data_names_file_line_and_rule(course, old, new, rule, line):
    assert old in GOOD
    write(course, "course/trainer.yml", GOOD.replace(old, new, 1))
    problem_at(course, rule, "course/trainer.yml", line)


def test_a_slot_described_twice_is_reported(course):
    write(course, "course/trainer.yml", GOOD + GOOD.split("\n", 1)[1])
    [problem] = problems_with(course, "duplicate-trainer-slot")
    assert problem.line == 13 and "line 2" in problem.message


def test_a_day_guide_needs_every_slot_of_its_day(course):
    (course / "course/trainer.yml").unlink()
    found = problems_with(course, "trainer-missing-slot")
    assert {p.file for p in found} == {"docs/ru/trainer/day-1.md", "docs/kk/trainer/day-1.md"}
    assert all(p.id == "d1-a" and p.line == 3 for p in found)


def test_day_guide_block_must_name_a_known_day(course):
    write(course, "docs/ru/trainer/day-1.md", GUIDE_PAGE.replace("day: d1", "day: d7"))
    write(course, "docs/kk/trainer/day-1.md", GUIDE_PAGE.replace("    day: d1\n", ""))
    [unknown] = problems_with(course, "unknown-day")
    assert unknown.file == "docs/ru/trainer/day-1.md" and unknown.line == 3 and unknown.id == "d7"
    [missing] = problems_with(course, "day-guide-day")
    assert missing.file == "docs/kk/trainer/day-1.md"


def test_day_guide_takes_no_text(course):
    write(course, "docs/ru/trainer/day-1.md", GUIDE_PAGE.replace("///\n", "\nТекст.\n///\n").replace(
        "/// day-guide\n\nТекст.\n///\n", "/// day-guide\n"))
    assert problems_with(course, "block-generated")[0].file == "docs/ru/trainer/day-1.md"


@pytest.mark.parametrize("lang, expected", [
    ("ru", ["09:00–10:00 · Лекция", "Цель.", "Разобрать кейс.", "Что подготовить", "Флипчарт.",
            "Ход занятия", "20 мин.", "Работа групп.", "Открыть словами", "Начнём с дороги.",
            "Закрыть словами", "Деликатные моменты.", "Не называйте сёл.",
            "Заметка для тренера. Модуль 1: Практикум", "Кейс. Модуль 1: Дорога"]),
    ("kk", ["09:00–10:00 · Дәріс", "Мақсаты.", "Кейсті талдау.", "Не дайындау керек", "Сабақтың барысы",
            "40 мин.", "Топтық жұмыс.", "Ашқанда айтылатын сөз", "Жолдан бастайық.", "Нәзік тұстар.",
            "Тренерге арналған ескертпе. 1-модуль: Практикум"]),
])
def test_day_guide_renders_course_data_and_trainer_detail_in_the_page_language(course, lang, expected):
    html = render_markdown(course, GUIDE_PAGE, lang, "trainer/day-1.md")
    for text in expected:
        assert text in html, text
    assert 'data-kl-block="day-guide"' in html and 'id="slot-d1-a"' in html
    assert 'href="../modules/first.md#practice"' in html and 'href="../modules/first.md#case-m1-road"' in html
    assert 'href="index.md#sensitive"' in html


def test_trainer_kit_is_a_menu_section_after_the_glossary(course):
    from kelisim.build import navigation, trainer_pages
    from kelisim.checks import run_checks

    for lang in ("ru", "kk"):
        write(course, f"docs/{lang}/trainer/index.md", "# Набор { #top }\n")
    data = run_checks(course)
    assert trainer_pages(data) == ("trainer/index.md", "trainer/day-1.md")
    nav = navigation(data.course, lang="kk", trainer=trainer_pages(data))
    assert nav[-2:] == ["glossary.md", {"Тренерге": ["trainer/index.md", "trainer/day-1.md"]}]


# ---------- the pre-test and post-test ---------------------------------------------------------

TESTS = """
tests:
  - id: pre-test
    title: {ru: "Входной тест", kk: "Бастапқы тест"}
    questions: [m1-single, m1-true-false]
  - id: post-test
    title: {ru: "Итоговый тест", kk: "Қорытынды тест"}
    questions: [m1-multiple, m1-ordering]
"""


@pytest.fixture
def with_tests(course):
    from quiz_fixtures import add_bank

    add_bank(course)
    write(course, "course/trainer.yml", GOOD + TESTS)
    return course


def test_tests_draw_questions_from_the_banks_in_listed_order(with_tests):
    from kelisim.checks import run_checks

    tests = run_checks(with_tests).trainer.tests
    assert [q.id for q in tests["pre-test"].bank.questions] == ["m1-single", "m1-true-false"]
    assert tests["post-test"].bank.title["kk"] == "Қорытынды тест"


@pytest.mark.parametrize("old, new, rule, line", [
    ("[m1-single, m1-true-false]", "[m1-single, m1-nope]", "test-unknown-question", 17),
    ("[m1-multiple, m1-ordering]", "[m1-multiple, m1-single]", "test-question-repeated", 20),
    ("  - id: post-test", "  - id: pre-test", "duplicate-test-id", 18),
])
def test_bad_test_lists_name_file_line_and_rule(with_tests, old, new, rule, line):
    write(with_tests, "course/trainer.yml", GOOD + TESTS.replace(old, new, 1))
    problem_at(with_tests, rule, "course/trainer.yml", line)


def test_a_test_must_ask_every_module(with_tests):
    course_yml = with_tests / "course/course.yml"
    course_yml.write_text(course_yml.read_text(encoding="utf-8").replace("seminar:", """\
  - id: m2
    slug: second
    title: {ru: "Второй модуль", kk: "Екінші модуль"}
    self_study_minutes: 30
    status_as_of: 2026-03-18
    seminar_slots: []
    outcomes:
      - {id: m2-a, ru: "Применять", kk: "Қолдана алады"}
seminar:"""), encoding="utf-8")
    for lang in ("ru", "kk"):
        write(with_tests, f"docs/{lang}/modules/second.md", "---\nmodule: m2\n---\n\n# Второй { #top }\n\n/// outcomes\n///\n")
    found = problems_with(with_tests, "test-module-missing")
    assert {(p.id, p.line) for p in found} == {("pre-test", 17), ("post-test", 20)}


def test_seminar_test_block_names_a_known_test(with_tests):
    write(with_tests, "docs/ru/trainer/pre.md", "# Тест { #top }\n\n/// seminar-test\n    id: mid-test\n///\n")
    write(with_tests, "docs/kk/trainer/pre.md", "# Тест { #top }\n\n/// seminar-test\n    id: pre-test\n///\n")
    [problem] = problems_with(with_tests, "unknown-test")
    assert problem.file == "docs/ru/trainer/pre.md" and problem.line == 3 and problem.id == "mid-test"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_test_renders_as_a_quiz_and_as_a_numbered_scoring_key(with_tests, lang):
    quiz = render_markdown(with_tests, "/// seminar-test\n    id: pre-test\n///", lang, "trainer/pre-test.md")
    assert quiz.count('class="kl-quiz__q"') == 2 and 'data-kl-quiz="pre-test"' in quiz
    # The test's answers are stored apart from the module quiz's: scoped ids, bank ids nowhere in the widget.
    assert re.findall(r'data-kl-q="([^"]*)"', quiz) == ["pre-test--m1-single", "pre-test--m1-true-false"]
    assert 'id="q-pre-test--m1-single"' in quiz and 'name="q-pre-test--m1-single"' in quiz
    assert '"q-m1-single' not in quiz
    assert ("Входной тест" if lang == "ru" else "Бастапқы тест") in quiz
    key = render_markdown(with_tests, "/// seminar-test\n    id: post-test\n    key: true\n///", lang, "trainer/key.md")
    assert key.count('class="kl-key__q"') == 2 and 'class="kl-quiz__q"' not in key
    assert ("Ключ для проверки" if lang == "ru" else "Тексеру кілті") in key
    assert key.count('class="kl-test-key__num"') == 2
    assert key.index('id="key-m1-multiple"') < key.index('id="key-m1-ordering"')
    assert "<code>m1-multiple</code>" in key and "post-test--" not in key  # trainers see the bank's ids


def test_progress_data_judges_the_tests_answers_apart_from_the_modules(with_tests):
    from kelisim.checks import run_checks
    from kelisim.quiz import progress

    data = run_checks(with_tests)
    found = progress.data(data.course, data.banks, data.trainer.tests)
    assert found["tests"] == [{"id": "pre-test", "q": ["pre-test--m1-single", "pre-test--m1-true-false"]},
                              {"id": "post-test", "q": ["post-test--m1-multiple", "post-test--m1-ordering"]}]
    modules = [ident for part in found["parts"] for ident in part["q"]]
    assert modules and not any("--" in ident for ident in modules)  # module figures never count test answers
    bank = {q.id: q for q in data.banks[0].questions}
    for test in found["tests"]:
        for ident in test["q"]:
            assert found["q"][ident] == progress.question_data(bank[ident.split("--")[1]])
    assert set(found["q"]) == set(modules) | {i for test in found["tests"] for i in test["q"]}


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_paper_test_prints_questions_and_an_answer_sheet_that_the_key_scores(with_tests, lang):
    import re

    paper = render_markdown(with_tests, "/// seminar-test\n    id: post-test\n    paper: true\n///", lang, "trainer/print.md")
    assert 'class="kl-quiz__q"' not in paper  # no widget on paper
    assert paper.count('class="kl-paper__q"') == 2
    sheet = paper[paper.index('class="kl-paper__answers"'):]
    assert ("Бланк ответов" if lang == "ru" else "Жауап парағы") in sheet
    assert ("Группа: ____" if lang == "ru" else "Топ: ____") in sheet
    rows = re.findall(r'<tr>\s*<th scope="row">(\d+)</th>\s*<td>(.*?)</td>\s*</tr>', sheet, re.S)
    assert [number for number, _ in rows] == ["1", "2"]
    assert [cell.count('class="kl-paper__tick"') for _, cell in rows] == [5, 3]  # 5 options, 3 steps to order

    # The key's letters point at the right options as printed on this sheet.
    key = render_markdown(with_tests, "/// seminar-test\n    id: post-test\n    key: true\n///", lang, "trainer/key.md")
    answers = dict(re.findall(r'<tr>\s*<th scope="row">(\d+)</th>\s*<td>([^<]*)</td>\s*</tr>', key))
    first = paper[paper.index('id="paper-post-test-1"'):paper.index('id="paper-post-test-2"')]
    printed = dict(re.findall(r"<li>(\w)\) ([^<]*)</li>", first))
    right = {"ru": {"Слушать", "Уточнять", "Уважать"}, "kk": {"Тыңдау", "Нақтылау", "Құрметтеу"}}[lang]
    assert {printed[letter] for letter in answers["1"].split(", ")} == right
    assert len(answers["2"].split(", ")) == 3


def test_paper_options_are_not_in_bank_order_but_stay_fixed(with_tests):
    from kelisim.checks import run_checks
    from kelisim.trainer import paper_choices

    question = run_checks(with_tests).trainer.tests["post-test"].bank.questions[0]
    order = [o.key for o in paper_choices(question)]
    assert sorted(order) == sorted(o.key for o in question.options) and order == [o.key for o in paper_choices(question)]
    assert order != [o.key for o in question.options]  # the bank lists the correct options first


CASES_PAGE = "# Печать { #top }\n\n/// case-cards\n    day: d1\n///\n"


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_case_cards_print_the_days_cases_from_the_module_pages(course, lang):
    html = render_markdown(course, CASES_PAGE, lang, "trainer/print-day-1.md")
    assert html.count('class="kl-card kl-card--case"') == 1 and 'id="case-card-m1-road"' in html
    card = html[html.index('id="case-card-m1-road"'):html.index("</article>")]
    for text in ("Дорога", "Ситуация.", "<li>Что?</li>", "Модуль 1" if lang == "ru" else "1-модуль"):
        assert text in card, text


def test_case_cards_block_names_a_known_day_or_none_for_the_whole_seminar(course):
    every_day = CASES_PAGE.replace("    day: d1\n", "")
    write(course, "docs/ru/trainer/print.md", CASES_PAGE.replace("day: d1", "day: d5"))
    write(course, "docs/kk/trainer/print.md", every_day)
    [problem] = problems_with(course, "unknown-day")
    assert problem.file == "docs/ru/trainer/print.md" and problem.line == 3 and problem.id == "d5"
    assert 'id="case-card-m1-road"' in render_markdown(course, every_day, "kk", "trainer/cases.md")


def test_day_guide_links_each_case_to_its_printed_sheet(course):
    before = render_markdown(course, GUIDE_PAGE, "ru", "trainer/day-1.md")
    assert "#case-card-" not in before  # no page prints the day's cases yet
    for lang in ("ru", "kk"):
        write(course, f"docs/{lang}/trainer/print-day-1.md", CASES_PAGE)
    from kelisim import blocks
    blocks.reset(course)  # the pages changed: read them again
    html = render_markdown(course, GUIDE_PAGE, "kk", "trainer/day-1.md")
    assert 'href="print-day-1.md#case-card-m1-road"' in html and "Басып шығаруға. Кейс: Дорога" in html
