"""Every rule of the pre-build checks, each with its own broken input."""

import pytest

from kelisim.checks import run_checks
from kelisim.problems import CourseError
from conftest import problems, problems_with, write

MODULE = "---\nmodule: m1\n---\n\n# Первый {{ #top }}\n\n{body}\n"


def only(root, rule):
    return problems_with(root, rule)[0]


def page(root, lang, body, path="modules/first.md"):
    write(root, f"docs/{lang}/{path}", MODULE.format(body=body))


def test_tiny_course_passes(tiny_course):
    assert run_checks(tiny_course).course.id == "tiny"


def test_page_missing_in_kk(tiny_course):
    (tiny_course / "docs/kk/index.md").unlink()
    problem = only(tiny_course, "page-missing")
    assert problem.file == "docs/kk/index.md" and "create docs/kk/index.md" in problem.fix


def test_page_only_in_kk(tiny_course):
    write(tiny_course, "docs/kk/extra.md", "# Қосымша { #top }\n")
    assert only(tiny_course, "page-missing").file == "docs/ru/extra.md"


def test_anchor_missing_in_translation(tiny_course):
    page(tiny_course, "ru", "## Раздел { #part }\n\n## Ещё { #more }")
    page(tiny_course, "kk", "## Бөлім { #part }")
    problem = only(tiny_course, "parity-anchors")
    assert problem.file.endswith("docs/kk/modules/first.md") and "more" in problem.message


def test_anchor_renamed_in_translation_points_at_its_line(tiny_course):
    page(tiny_course, "kk", "## Бөлім { #bolim }")
    page(tiny_course, "ru", "## Раздел { #part }")
    problem = only(tiny_course, "parity-anchors")
    assert problem.line == 7 and "bolim" in problem.message


def test_block_missing_in_translation(tiny_course):
    page(tiny_course, "ru", "/// key-points\n- Главное\n///")
    page(tiny_course, "kk", "Мәтін.")
    assert "key-points" in only(tiny_course, "parity-blocks").message


def test_case_id_differs_between_languages(tiny_course):
    case = "//// case | Кейс\n    id: {id}\n\nСитуация.\n\n/// questions\n1. Что?\n///\n////"
    page(tiny_course, "ru", case.format(id="m1-a"))
    page(tiny_course, "kk", case.format(id="m1-b"))
    assert "case#m1-b" in only(tiny_course, "parity-blocks").message


def test_image_missing_in_translation(tiny_course):
    page(tiny_course, "ru", "![схема](../img/a.svg)")
    page(tiny_course, "kk", "Сурет жоқ.")
    assert "../img/a.svg" in only(tiny_course, "parity-images").message


def test_front_matter_differs(tiny_course):
    write(tiny_course, "docs/kk/modules/first.md", "---\nmodule: m1\nslides: true\n---\n\n# Бірінші { #top }\n")
    assert only(tiny_course, "parity-front-matter").file.endswith("docs/kk/modules/first.md")


def test_front_matter_problems_point_at_the_key(tiny_course):
    write(tiny_course, "docs/kk/modules/first.md", "---\nmodule: m1\nslides: true\n---\n\n# Бірінші { #top }\n")
    problem = only(tiny_course, "parity-front-matter")
    assert (problem.line, problem.id) == (3, "slides")
    assert "slides: ru '(none)', kk True" in problem.message
    write(tiny_course, "docs/ru/modules/first.md", "---\ntitle: Первый\nauthor: me\nmodule: m9\n---\n# Первый { #top }\n")
    assert (only(tiny_course, "unknown-front-matter").line, only(tiny_course, "unknown-module").line) == (3, 4)


def test_heading_without_anchor(tiny_course):
    page(tiny_course, "ru", "## Без якоря")
    problem = only(tiny_course, "heading-anchor")
    assert (problem.file, problem.line) == ("docs/ru/modules/first.md", 7)


def test_unknown_block_names_file_and_line(tiny_course):
    for lang in ("ru", "kk"):
        page(tiny_course, lang, "/// warning\nТекст\n///")
    problem = only(tiny_course, "block-unknown")
    assert (problem.line, problem.id) == (7, "warning") and "key-points" in problem.fix


def test_unclosed_block(tiny_course):
    page(tiny_course, "ru", "/// key-points\n- Главное")
    assert only(tiny_course, "block-unclosed").line == 7


@pytest.mark.parametrize("case, rule", [
    ("//// case | Кейс\n    id: m1-a\n\nСитуация.\n////", "case-questions"),
    ("//// case | Кейс\n\nСитуация.\n\n/// questions\n1. Что?\n///\n////", "case-id"),
    ("//// case\n    id: m1-a\n\nСитуация.\n\n/// questions\n1. Что?\n///\n////", "case-title"),
    ("//// case | Кейс\n    id: m1-a\n\n/// questions\n1. Что?\n///\n////", "case-scenario"),
    ("/// questions\n1. Что?\n///", "questions-outside-case"),
    ("/// outcomes\nЛишний текст\n///", "block-generated"),
    ("/// key-points\n///", "block-empty"),
])
def test_block_rules(tiny_course, case, rule):
    page(tiny_course, "ru", case)
    problem = only(tiny_course, rule)
    assert problem.file == "docs/ru/modules/first.md" and problem.line == 7


def test_outcomes_need_a_module_page(tiny_course):
    write(tiny_course, "docs/ru/index.md", "# Главная { #home }\n\n/// outcomes\n///\n")
    assert only(tiny_course, "block-needs-module").file == "docs/ru/index.md"


def test_unknown_source(tiny_course):
    page(tiny_course, "ru", "/// sources\n- no-such-law\n///")
    problem = only(tiny_course, "unknown-source")
    assert (problem.id, problem.line) == ("no-such-law", 8)


def test_replaced_source_needs_historical_mark(tiny_course):
    page(tiny_course, "ru", "/// sources\n- old-law\n///")
    assert "(historical)" in only(tiny_course, "source-not-current").fix
    page(tiny_course, "ru", "/// sources\n- old-law (historical)\n- new-law\n///")
    page(tiny_course, "kk", "/// sources\n- old-law (historical)\n- new-law\n///")
    run_checks(tiny_course)


def test_module_page_missing(tiny_course):
    for lang in ("ru", "kk"):
        (tiny_course / f"docs/{lang}/modules/first.md").unlink()
    assert only(tiny_course, "module-page-missing").id == "m1"


def test_module_front_matter_wrong(tiny_course):
    write(tiny_course, "docs/ru/modules/first.md", "# Первый { #top }\n")
    assert "module: m1" in only(tiny_course, "module-front-matter").fix


def test_unknown_front_matter_and_module(tiny_course):
    write(tiny_course, "docs/ru/modules/first.md", "---\nmodule: m9\nauthor: me\n---\n# Первый { #top }\n")
    found = {p.rule for p in problems(tiny_course)}
    assert {"unknown-module", "unknown-front-matter"} <= found


def test_all_problems_reported_at_once(tiny_course):
    (tiny_course / "docs/kk/index.md").unlink()
    page(tiny_course, "ru", "## Без якоря\n\n/// warning\n///")
    found = problems(tiny_course)
    assert {p.rule for p in found} == {"page-missing", "heading-anchor", "block-unknown", "parity-blocks", "parity-anchors"}
    report = CourseError(found).report()
    assert report.startswith(f"{len(found)} problems in the course sources:")
    assert "docs/ru/modules/first.md:7: " in report


BRIEFING = ("/// briefing | Посёлок, 2006\n    id: village-2006\n    sources: {sources}\n\n"
            "{fields}\n///\n\n/// sources\n- new-law\n- old-law (historical)\n///")
RU_FIELDS = ["Где и когда", "Повод", "Интерпретация", "Мобилизация", "Реакция", "Суд", "Выводы для района"]
KK_FIELDS = ["Қайда және қашан", "Түрткі", "Түсіндірілуі", "Жұмылдыру", "Ден қою", "Сот", "Аудан үшін тағылым"]


def briefing(labels, sources="new-law old-law"):
    return BRIEFING.format(sources=sources, fields="\n\n".join(f"**{label}.** Текст." for label in labels))


def test_briefing_with_its_fields_and_two_sources_passes(tiny_course):
    page(tiny_course, "ru", briefing(RU_FIELDS))
    page(tiny_course, "kk", briefing(KK_FIELDS))
    run_checks(tiny_course)


def test_briefing_fields_out_of_order(tiny_course):
    swapped = RU_FIELDS[:1] + [RU_FIELDS[2], RU_FIELDS[1]] + RU_FIELDS[3:]
    page(tiny_course, "ru", briefing(swapped))
    page(tiny_course, "kk", briefing(KK_FIELDS))
    problem = only(tiny_course, "briefing-fields")
    assert problem.file == "docs/ru/modules/first.md" and "Повод, Интерпретация" in problem.message


def test_briefing_in_kazakh_needs_kazakh_labels(tiny_course):
    page(tiny_course, "ru", briefing(RU_FIELDS))
    page(tiny_course, "kk", briefing(RU_FIELDS))
    assert only(tiny_course, "briefing-fields").file == "docs/kk/modules/first.md"


def test_briefing_needs_two_sources_cited_on_the_page(tiny_course):
    page(tiny_course, "ru", briefing(RU_FIELDS, sources="new-law"))
    page(tiny_course, "kk", briefing(KK_FIELDS, sources="new-law elsewhere"))
    rules = {(p.file.split("/")[1], p.rule) for p in problems(tiny_course)}
    assert rules == {("ru", "briefing-sources"), ("kk", "unknown-source")}


def test_briefing_source_missing_from_the_sources_block(tiny_course):
    text = briefing(RU_FIELDS).replace("- old-law (historical)\n", "")
    page(tiny_course, "ru", text)
    page(tiny_course, "kk", briefing(KK_FIELDS).replace("- old-law (historical)\n", ""))
    assert "'- old-law'" in problems_with(tiny_course, "briefing-sources")[0].fix
