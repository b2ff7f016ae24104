from kelisim.model import load_course
from conftest import problems


def edit(root, old: str, new: str) -> None:
    path = root / "course" / "course.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def rules(root) -> list[tuple[str, int | None, str | None]]:
    return [(p.rule, p.line, p.id) for p in problems(root, load_course)]


def test_tiny_course_loads(tiny_course):
    course = load_course(tiny_course)
    assert [m.id for m in course.modules] == ["m1"]
    assert course.modules[0].page == "modules/first.md"
    assert course.day_of(course.modules[0]).number == 1
    assert course.outcomes_by_id["m1-a"].text["kk"] == "Түсіндіре алады"


def test_missing_translation_names_line_and_module(tiny_course):
    edit(tiny_course, 'title: {ru: "Первый модуль", kk: "Бірінші модуль"}', 'title: {ru: "Первый модуль"}')
    [(rule, line, ident)] = rules(tiny_course)
    assert (rule, line, ident) == ("schema", 9, "m1")


def test_unknown_field_is_rejected(tiny_course):
    edit(tiny_course, "    self_study_minutes: 30", "    self_study_minutes: 30\n    minutes: 30")
    assert rules(tiny_course)[0][0] == "schema"


def test_unknown_slot(tiny_course):
    edit(tiny_course, "seminar_slots: [d1-a]", "seminar_slots: [d9-z]")
    assert rules(tiny_course) == [("unknown-slot", 12, "m1")]


def test_duplicate_outcome_ids(tiny_course):
    edit(tiny_course, '      - {id: m1-a, ru: "Объяснять", kk: "Түсіндіре алады"}',
         '      - {id: m1-a, ru: "Объяснять", kk: "Түсіндіре алады"}\n'
         '      - {id: m1-a, ru: "Применять", kk: "Қолдана алады"}')
    assert rules(tiny_course) == [("duplicate-outcome-id", 15, "m1-a")]


def test_duplicate_module_slug_and_id(tiny_course):
    path = tiny_course / "course" / "course.yml"
    text = path.read_text(encoding="utf-8")
    module = text[text.index("  - id: m1"):text.index("seminar:")]
    path.write_text(text.replace("seminar:", module + "seminar:"), encoding="utf-8")
    found = {rule for rule, _, _ in rules(tiny_course)}
    assert {"duplicate-module-id", "duplicate-module-slug", "duplicate-outcome-id"} <= found


def test_bad_time_format(tiny_course):
    edit(tiny_course, 'time: "09:00–10:00"', 'time: "9-10"')
    assert rules(tiny_course)[0][0] == "schema"
