"""Exercise materials (course/exercises/*.yml): validation with file:line:id, and the printable cards."""

import pytest

from conftest import problem_at, problems, problems_with, render_markdown, write

pytestmark = pytest.mark.usefixtures("fresh_blocks")

CASE_PAGE = ("---\nmodule: m1\n---\n\n# Первый { #top }\n\n## Раздел { #part }\n\n"
             "//// case | Дорога\n    id: m1-road\n\nСитуация.\n\n/// questions\n1. Что?\n///\n////\n")

GOOD = """\
id: drill
module: m1
case: m1-road
title: {ru: "Учение", kk: "Оқу-жаттығу"}
intro: {ru: "Как идёт учение.", kk: "Оқу-жаттығу қалай өтеді."}
roles:
  - id: akim
    title: {ru: "Заместитель акима", kk: "Әкімнің орынбасары"}
    card: {ru: "Вы отвечаете за район.", kk: "Сіз аудан үшін жауап бересіз."}
injects:
  - id: fight
    minute: 0
    title: {ru: "Драка", kk: "Төбелес"}
    text: {ru: "Сообщают о драке у магазина.", kk: "Дүкен жанындағы төбелес туралы хабар келді."}
    control: {ru: "Смотрим, кто звонит первым.", kk: "Кім бірінші қоңырау шалатынын бақылаймыз."}
  - id: video
    minute: 15
    title: {ru: "Видео", kk: "Бейнежазба"}
    text: {ru: "В чате появилось видео.", kk: "Чатта бейнежазба пайда болды."}
    control: {ru: "Видео не показываем.", kk: "Бейнежазбаны көрсетпейміз."}
checklist:
  - id: facts
    item: {ru: "Только факты", kk: "Тек фактілер"}
    look_for: {ru: "Нет слухов в заявлении.", kk: "Мәлімдемеде қауесет жоқ."}
"""


@pytest.fixture
def course(tiny_course):
    for lang in ("ru", "kk"):
        write(tiny_course, f"docs/{lang}/modules/first.md", CASE_PAGE)
    write(tiny_course, "course/exercises/drill.yml", GOOD)
    return tiny_course


def test_a_valid_exercise_passes_the_checks(course):
    from kelisim.checks import run_checks

    data = run_checks(course)
    [drill] = data.exercises
    assert drill.id == "drill" and [i.minute for i in drill.injects] == [0, 15]
    assert drill.roles[0].card["kk"] == "Сіз аудан үшін жауап бересіз."


@pytest.mark.parametrize("old, new, rule, line", [
    ("module: m1", "module: m9", "exercise-unknown-module", 2),
    ("case: m1-road", "case: m1-river", "exercise-unknown-case", 3),
    ("id: drill", "id: drills", "exercise-file-name", 1),
    ("minute: 15", "minute: -1", "schema", 17),
    ("  - id: video", "  - id: fight", "duplicate-inject-id", 16),
    ("minute: 0", "minute: 30", "inject-order", 17),
    ('kk: "Әкімнің орынбасары"', 'kk: ""', "translation-empty", 8),
    ('card: {ru: "Вы отвечаете за район.", kk: "Сіз аудан үшін жауап бересіз."}',
     'card: {ru: "Вы отвечаете за район."}', "schema", 9),
    ("    item: {ru", "    itm: {ru", "schema", 22),
])
def test_bad_exercise_data_names_file_line_and_rule(course, old, new, rule, line):
    assert old in GOOD
    write(course, "course/exercises/drill.yml", GOOD.replace(old, new, 1))
    problem_at(course, rule, "course/exercises/drill.yml", line)


def test_unknown_case_is_reported_for_the_language_that_lacks_it(course):
    write(course, "docs/kk/modules/first.md", CASE_PAGE.replace("m1-road", "m1-other"))
    found = [p for p in problems(course) if p.rule == "exercise-unknown-case"]
    assert len(found) == 1 and "docs/kk/modules/first.md" in found[0].message


def test_yaml_syntax_error_points_at_the_line(course):
    write(course, "course/exercises/drill.yml", GOOD.replace('title: {ru: "Учение"', 'title: {ru: "Учение"]', 1))
    [problem] = problems_with(course, "yaml-syntax")
    assert problem.file == "course/exercises/drill.yml" and problem.line == 4


def test_exercise_block_must_name_a_known_exercise(course):
    write(course, "docs/ru/materials.md", "# Материалы { #top }\n\n/// exercise-cards\n    id: nope\n///\n")
    write(course, "docs/kk/materials.md", "# Материалдар { #top }\n\n/// exercise-cards\n///\n")
    [unknown] = problems_with(course, "unknown-exercise")
    assert unknown.file == "docs/ru/materials.md" and unknown.line == 3 and unknown.id == "nope"
    [missing] = problems_with(course, "exercise-id")
    assert missing.file == "docs/kk/materials.md"


def test_exercise_block_takes_no_text(course):
    write(course, "docs/ru/materials.md", "# М { #top }\n\n/// exercise-cards\n    id: drill\n\nТекст.\n///\n")
    write(course, "docs/kk/materials.md", "# М { #top }\n\n/// exercise-cards\n    id: drill\n///\n")
    assert problems_with(course, "block-generated")[0].file == "docs/ru/materials.md"


@pytest.mark.parametrize("lang, expected", [
    ("ru", ["Материалы упражнения", "Роль", "Заместитель акима", "Вводная 2/2 · 15-я минута",
            "Лист команды управления", "Видео не показываем.", "Лист наблюдателя", "Нет слухов в заявлении.",
            "Составной анонимизированный кейс"]),
    ("kk", ["Жаттығу материалдары", "Рөл", "Әкімнің орынбасары", "Жаңа хабар 2/2 · 15-минут",
            "Басқару тобының парағы", "Бейнежазбаны көрсетпейміз.", "Бақылаушы парағы", "Мәлімдемеде қауесет жоқ."]),
])
def test_cards_render_in_the_page_language(course, lang, expected):
    html = render_markdown(course, "/// exercise-cards\n    id: drill\n///", lang, "materials/drill.md")
    for text in expected:
        assert text in html, text
    assert 'data-kl-block="exercise-cards"' in html and 'id="role-akim"' in html and 'id="inject-video"' in html
    assert html.count('class="kl-card kl-card--inject"') == 2
    prefix = "../../" if lang == "kk" else "../"
    assert f'href="{prefix}assets/kelisim/exercise.css"' in html


def test_control_notes_stay_off_the_participants_cards(course):
    html = render_markdown(course, "/// exercise-cards\n    id: drill\n///", "ru", "materials/drill.md")
    inject_card = html[html.index('id="inject-video"'):]
    inject_card = inject_card[:inject_card.index("</article>")]
    assert "В чате появилось видео." in inject_card and "Видео не показываем." not in inject_card


def test_printable_page_joins_the_menu_after_its_module(course):
    from kelisim.build import materials_pages, navigation
    from kelisim.checks import run_checks

    for lang in ("ru", "kk"):
        write(course, f"docs/{lang}/materials/drill.md", "# Материалы { #top }\n\n/// exercise-cards\n    id: drill\n///\n")
    data = run_checks(course)
    assert materials_pages(data) == (("m1", "materials/drill.md"),)
    nav = navigation(data.course, materials=materials_pages(data))
    assert nav[nav.index("modules/first.md") + 1] == "materials/drill.md"


CLINIC = GOOD + """\
task: {ru: "Законно ли это?", kk: "Бұл заңды ма?"}
situations:
  - id: leaflets
    title: {ru: "Листовки", kk: "Парақшалар"}
    text: {ru: "Раздают листовки.", kk: "Парақша таратады."}
template:
  title: {ru: "Шаблон справки", kk: "Анықтама үлгісі"}
  lead: {ru: "Заполняет секретарь.", kk: "Хатшы толтырады."}
"""


@pytest.mark.parametrize("lang, expected", [
    ("ru", ["Ситуация 1/1", "Листовки", "Раздают листовки.", "Законно ли это?", "Шаблон справки: Учение",
            "Заполняет секретарь.", "Поле справки", "Только факты"]),
    ("kk", ["Жағдаят 1/1", "Парақшалар", "Бұл заңды ма?", "Анықтама үлгісі: Оқу-жаттығу", "Топтың жазбасы"]),
])
def test_situation_cards_carry_the_task_and_the_template_lists_the_checklist_fields(course, lang, expected):
    write(course, "course/exercises/drill.yml", CLINIC)
    html = render_markdown(course, "/// exercise-cards\n    id: drill\n///", lang, "materials/drill.md")
    for text in expected:
        assert text in html, text
    card = html[html.index('id="situation-leaflets"'):]
    assert 'class="kl-card__task"' in card[:card.index("</article>")]
    assert html.count('class="kl-sheet__write"') == 1  # one row per checklist item


def test_a_situation_id_used_twice_is_reported(course):
    second = '  - id: leaflets\n    title: {ru: "Ещё", kk: "Тағы"}\n    text: {ru: "Снова.", kk: "Қайтадан."}\n'
    write(course, "course/exercises/drill.yml", CLINIC.replace("template:\n", second + "template:\n"))
    [problem] = problems_with(course, "duplicate-situation-id")
    assert problem.file == "course/exercises/drill.yml" and problem.line == 30 and "line 27" in problem.message


def test_a_module_page_lists_the_situations_from_the_same_data(course):
    write(course, "course/exercises/drill.yml", CLINIC)
    html = render_markdown(course, "/// exercise-cards\n    id: drill\n    part: situations\n///", "kk", "modules/first.md")
    assert '<ol class="kl-situations"' in html and "<strong>Парақшалар.</strong>" in html and "Парақша таратады." in html
    assert "kl-print" not in html and "kl-card" not in html  # the module page prints as usual


def test_a_part_the_exercise_lacks_is_reported(course):
    for lang in ("ru", "kk"):
        write(course, f"docs/{lang}/materials.md", "# М { #top }\n\n/// exercise-cards\n    id: drill\n    part: situations\n///\n")
    found = problems_with(course, "exercise-part")  # GOOD has no situations
    assert {p.file for p in found} == {"docs/ru/materials.md", "docs/kk/materials.md"} and found[0].line == 3
