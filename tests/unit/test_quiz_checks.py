"""Every question-bank rule, each with its own broken bank: rule, file, line and id are reported."""

import pytest

from kelisim.checks import run_checks
from conftest import problems, problems_with, write
from quiz_fixtures import BANK, add_bank


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    lines = [n for n, line in enumerate(text.splitlines(), start=1) if needle in line]
    return lines[occurrence - 1]


def broken(root, old: str, new: str, name: str = "m1.yml") -> str:
    assert old in BANK, old
    text = BANK.replace(old, new, 1)
    add_bank(root, text, name)
    return text


def expect(root, rule: str, ident, line, file="quizzes/m1.yml"):
    problem = problems_with(root, rule)[0]
    assert problem.file.endswith(file), problem
    assert problem.line == line, problem
    assert problem.id == ident, problem
    assert f"(rule: {rule})" in str(problem) and "Fix:" in str(problem)
    return problem


def test_the_fixture_bank_passes(tiny_course):
    add_bank(tiny_course)
    assert run_checks(tiny_course).course.id == "tiny"


def test_bank_problems_name_the_file_relative_to_the_course_root(tiny_course):
    """Not to the toolkit's checkout: a course elsewhere (or a test's copy) gets short names too."""
    broken(tiny_course, "type: single", "type: singel")
    assert {p.file for p in problems(tiny_course) if p.file.endswith("m1.yml")} == {"quizzes/m1.yml"}
    add_bank(tiny_course, "module: m1\nquestions: [\n", "m1.yml", pages=False)
    assert [p.file for p in problems(tiny_course) if p.rule == "yaml-syntax"] == ["quizzes/m1.yml"]


# (rule, text to replace, replacement, id reported, text on the reported line, occurrence)
CASES = [
    ("schema", "    hint: {ru:", "    hnit: {ru:", "m1-single", "hnit:", 1),
    ("bank-file-name", "module: m1\n", "module: m1\n", "m1", "module: m1", 1),
    ("quiz-unknown-module", "module: m1\n", "module: m9\n", "m9", "module: m9", 1),
    ("module-bank-fields", "shuffle: true\n", "shuffle: true\npage: index.md\n", "m1", "page: index.md", 1),
    ("unused-scenario", "    scenario: m1-case\n", "", "m1-case", "- id: m1-case", 1),
    ("unknown-scenario", "    scenario: m1-case\n", "    scenario: m1-other\n", "m1-true-false", "scenario: m1-other", 1),
    ("type-fields", "    answer: true\n", "    answer: true\n    items: [{ru: Один, kk: Бір}]\n", "m1-true-false",
     "items: [{ru: Один", 1),
    ("unknown-outcome", "    outcomes: [m1-a]\n    section: modules/first.md#part\n    text: {ru: \"Какой",
     "    outcomes: [m1-zz]\n    section: modules/first.md#part\n    text: {ru: \"Какой", "m1-single", "outcomes: [m1-zz]", 1),
    ("dangling-section", "    section: modules/first.md#part\n    text: {ru: \"Какой",
     "    section: modules/first.md#nowhere\n    text: {ru: \"Какой", "m1-single", "#nowhere", 1),
    ("option-count", "      - {ru: \"Договориться\", kk: \"Келісу\"}\n", "", "m1-ordering", "    items:", 1),
    ("single-correct", "        feedback: {ru: \"Соседям нужна помощь.\", kk: \"Көршілерге көмек керек.\"}\n",
     "        correct: true\n", "m1-single", "    options:", 1),
    ("feedback-missing", "        feedback: {ru: \"Это пугает.\", kk: \"Бұл қорқытады.\"}\n", "", "m1-multiple",
     "Кричать", 1),
    ("duplicate-option", "{ru: \"Кричать\", kk: \"Айқайлау\"}", "{ru: \"Слушать\", kk: \"Айқайлау\"}", "m1-multiple",
     "{ru: \"Слушать\", kk: \"Айқайлау\"}", 1),
    ("translation-missing", "text: {ru: \"Что помогает диалогу?\", kk: \"Диалогқа не көмектеседі?\"}",
     "text: {ru: \"Что помогает диалогу?\"}", "m1-multiple", "Что помогает диалогу?", 1),
    ("translation-empty", "kk: \"Диалогқа не көмектеседі?\"", "kk: \"  \"", "m1-multiple", "Что помогает диалогу?", 1),
    ("translation-identical", "kk: \"Диалогқа не көмектеседі?\"", "kk: \"Что помогает диалогу?\"", "m1-multiple",
     "Что помогает диалогу?", 1),
    ("mixed-script", "kk: \"Бұл қорқытады.\"", "kk: \"Бұл қорқытады бiлiм.\"", "m1-multiple", "бiлiм", 1),
    ("duplicate-question-id", "  - id: m1-matching\n", "  - id: m1-single\n", "m1-single", "- id: m1-single", 2),
]


@pytest.mark.parametrize("rule, old, new, ident, needle, occurrence", CASES, ids=[c[0] for c in CASES])
def test_bank_rule(tiny_course, rule, old, new, ident, needle, occurrence):
    name = "first.yml" if rule == "bank-file-name" else "m1.yml"
    text = broken(tiny_course, old, new, name)
    line = line_of(text, needle, occurrence)
    expect(tiny_course, rule, ident, line, file=f"quizzes/{name}")


def test_multiple_answer_needs_a_wrong_option(tiny_course):
    text = BANK
    for wrong in ('"Это мешает.", kk: "Бұл кедергі келтіреді."', '"Это пугает.", kk: "Бұл қорқытады."'):
        text = text.replace(f"        feedback: {{ru: {wrong}}}\n", "        correct: true\n")
    add_bank(tiny_course, text)
    line = [n for n, l in enumerate(text.splitlines(), 1) if l == "    options:"][1]
    assert "5 correct, 0 wrong" in expect(tiny_course, "multiple-correct", "m1-multiple", line).message


def test_yaml_syntax_error_names_the_line(tiny_course):
    add_bank(tiny_course, BANK.replace("    type: ordering\n", "    type: ordering: wrong\n"), pages=False)
    expect(tiny_course, "yaml-syntax", None, line_of(BANK, "type: ordering"))


def test_duplicate_key(tiny_course):
    text = BANK.replace("    type: single\n", "    type: single\n    type: multiple\n", 1)
    add_bank(tiny_course, text, pages=False)
    expect(tiny_course, "duplicate-key", "type", line_of(text, "type: multiple"))


def test_grade_moodle_would_reject(tiny_course):
    """12 wrong options would each be worth -100/12 %, which is not on Moodle's list."""
    words = ["Север", "Юг", "Запад", "Восток", "Верх", "Низ", "Лево", "Право", "Центр", "Край", "Угол"]
    kk = ["Солтүстік", "Оңтүстік", "Батыс", "Шығыс", "Жоғары", "Төмен", "Сол", "Оң", "Орта", "Шет", "Бұрыш"]
    extra = "".join(f'      - text: {{ru: "{r}", kk: "{k}"}}\n        feedback: {{ru: "Нет, не это.", kk: "Жоқ, бұл емес."}}\n'
                    for r, k in zip(words, kk))
    marker = '      - text: {ru: "Перебивать", kk: "Сөзін бөлу"}\n'
    text = BANK.replace(marker, extra + marker).replace(
        '      - text: {ru: "Кричать", kk: "Айқайлау"}\n        feedback: {ru: "Это пугает.", kk: "Бұл қорқытады."}\n', "")
    add_bank(tiny_course, text)
    problem = expect(tiny_course, "moodle-grade", "m1-multiple", [n for n, l in enumerate(text.splitlines(), 1)
                                                                  if l == "    options:"][1])
    assert "12 wrong" in problem.message


def test_duplicate_scenario_and_question_ids_across_banks(tiny_course):
    add_bank(tiny_course)
    other = BANK.replace("module: m1", "module: intro\ntitle: {ru: \"Введение\", kk: \"Кіріспе\"}\npage: index.md\n"
                         "outcomes:\n  - {id: intro-a, ru: \"Знать курс\", kk: \"Курсты білу\"}")
    add_bank(tiny_course, other, "intro.yml")
    found = {(p.rule, p.id) for p in problems(tiny_course) if p.file.endswith("quizzes/m1.yml")}
    assert ("duplicate-scenario-id", "m1-case") in found
    assert ("duplicate-question-id", "m1-single") in found


def test_standalone_bank_outcome_clashes_with_course(tiny_course):
    text = BANK.replace("module: m1", "module: intro\ntitle: {ru: \"Введение\", kk: \"Кіріспе\"}\npage: index.md\n"
                        "outcomes:\n  - {id: m1-a, ru: \"Знать курс\", kk: \"Курсты білу\"}")
    add_bank(tiny_course, text, "intro.yml")
    expect(tiny_course, "duplicate-outcome-id", "m1-a", line_of(text, "{id: m1-a"), "quizzes/intro.yml")


def test_standalone_bank_page_must_exist(tiny_course):
    text = BANK.replace("module: m1", "module: intro\ntitle: {ru: \"Введение\", kk: \"Кіріспе\"}\npage: nowhere.md\n"
                        "outcomes:\n  - {id: intro-a, ru: \"Знать курс\", kk: \"Курсты білу\"}")
    add_bank(tiny_course, text, "intro.yml")
    expect(tiny_course, "bank-page", "intro", line_of(text, "page: nowhere.md"), "quizzes/intro.yml")


def test_stale_generated_page(tiny_course):
    add_bank(tiny_course)
    write(tiny_course, "docs/kk/quizzes/first.md", "/// quiz\n    id: m1\n///\n\nhand-edited\n")
    expect(tiny_course, "quiz-page-stale", "quizzes/first.md", None, "docs/kk/quizzes/first.md")


def test_missing_and_orphan_generated_pages(tiny_course):
    add_bank(tiny_course, pages=False)
    write(tiny_course, "docs/ru/quizzes/old.md", "/// quiz\n    id: old\n///\n")
    messages = [p.message for p in problems(tiny_course) if p.rule == "quiz-page-stale"]
    assert any("docs/ru/quizzes/first.md is missing" in m for m in messages)
    assert any("docs/ru/answer-key.md is missing" in m for m in messages)
    assert any("docs/ru/quizzes/old.md is a generated page that no bank needs" in m for m in messages)


def test_quiz_block_naming_an_unknown_bank(tiny_course):
    add_bank(tiny_course)
    for lang in ("ru", "kk"):
        write(tiny_course, f"docs/{lang}/extra.md", "# Ещё { #top }\n\n/// quiz\n    id: m7\n///\n")
    expect(tiny_course, "unknown-bank", "m7", 3, "/extra.md")


def test_every_problem_is_reported_at_once(tiny_course):
    text = BANK.replace("kk: \"Бұл қорқытады.\"", "kk: \"бiлiм\"").replace("#part\n    text: {ru: \"Какой", "#gone\n    text: {ru: \"Какой")
    text = text.replace("    hint: {ru:", "    hnit: {ru:")
    add_bank(tiny_course, text)
    rules = {p.rule for p in problems(tiny_course)}
    # The unknown field breaks m1-single's shape; the other questions are still checked.
    assert {"schema", "mixed-script"} <= rules
    text = BANK.replace("kk: \"Бұл қорқытады.\"", "kk: \"бiлiм\"").replace("#part\n    text: {ru: \"Какой", "#gone\n    text: {ru: \"Какой")
    add_bank(tiny_course, text)
    assert {"dangling-section", "mixed-script"} <= {p.rule for p in problems(tiny_course)}


def test_a_scenario_must_declare_itself_composite(tiny_course):
    text = broken(tiny_course, "    composite: true\n", "")
    expect(tiny_course, "scenario-unlabelled", "m1-case", line_of(text, "- id: m1-case"))
    text = broken(tiny_course, "    composite: true\n", "    composite: false\n")
    expect(tiny_course, "scenario-unlabelled", "m1-case", line_of(text, "composite: false"))
