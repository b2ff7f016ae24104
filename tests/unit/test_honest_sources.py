"""Honest sources: an act has a legal status, 'checked' means compared with the official text, and every
document number the text mentions is a registry entry the page cites, given in full the first time."""

import datetime as dt

from conftest import problems, problems_with, write
from kelisim.checks import run_checks
from kelisim.sources import load_sources, stale, unchecked
from quiz_fixtures import BANK, add_bank

REGISTRY = """\
sources:
  - id: law-a
    title: {ru: "Закон от 11 октября 2011 года № 483-IV", kk: "2011 жылғы 11 қазандағы № 483-IV Заң"}
    type: law
    number: "483-IV"
    date: 2011-10-11
    status: amended
  - id: decree-97-2020
    title: {ru: "Приказ № 97 (2020)", kk: "№ 97 бұйрық (2020)"}
    type: order
    number: "97"
    date: 2020-03-31
    status: unverified
    checked: 2026-03-01
  - id: decree-97-2015
    title: {ru: "Указ № 97 (2015)", kk: "№ 97 Жарлық (2015)"}
    type: decree
    number: "97"
    year: 2015
    status: unverified
  - id: news
    title: {ru: "Новость", kk: "Жаңалық"}
    type: media
    status: reference
"""


def course_with(root, ru_body: str, kk_body: str | None = None):
    write(root, "course/sources.yml", REGISTRY)
    for lang, body in (("ru", ru_body), ("kk", kk_body if kk_body is not None else ru_body)):
        write(root, f"docs/{lang}/modules/first.md",
              "---\nmodule: m1\n---\n\n# Первый { #top }\n\n/// outcomes\n///\n\n## Раздел { #part }\n\n" + body)
    return root


def rules(root):
    return sorted((p.rule, p.file, p.line, p.id) for p in problems(root))


# ---------- legal status and 'checked' ----------------------------------------------------------

def test_an_act_with_a_reference_status_is_rejected(tiny_course):
    write(tiny_course, "course/sources.yml", REGISTRY.replace("type: order\n    number: \"97\"\n    date: 2020-03-31\n"
                                                             "    status: unverified",
                                                             "type: order\n    number: \"97\"\n    date: 2020-03-31\n"
                                                             "    status: reference"))
    found = problems(tiny_course, load_sources)
    assert [(p.rule, p.line, p.id) for p in found] == [("act-without-legal-status", 13, "decree-97-2020")]
    assert "in_force" in found[0].fix and "unverified" in found[0].fix


def test_unverified_and_no_checked_date_are_valid_and_listed(tiny_course, capsys):
    write(tiny_course, "course/sources.yml", REGISTRY)
    registry = load_sources(tiny_course)
    assert [s.id for s in unchecked(registry)] == ["decree-97-2015", "law-a"]  # not the news item, not the checked one
    assert [s.id for s in stale(registry, dt.date(2027, 3, 2))] == ["decree-97-2020"]
    assert registry["decree-97-2015"].year == "2015"


# ---------- document numbers --------------------------------------------------------------------

SOURCES_BLOCK = "\n\n/// sources\n- law-a\n///\n"


def test_a_number_in_the_text_must_be_registered(tiny_course):
    course_with(tiny_course, "Закон от 11 октября 2011 года № 483-IV и приказ № 777-X." + SOURCES_BLOCK)
    assert [(p.file, p.line, p.id) for p in problems_with(tiny_course, "document-unregistered")] == [
        ("docs/kk/modules/first.md", 12, "777-X"), ("docs/ru/modules/first.md", 12, "777-X")]


def test_a_registered_number_must_be_cited_on_its_page(tiny_course):
    course_with(tiny_course, "Закон от 11 октября 2011 года\n№ 483-IV.\n\n/// sources\n- news\n///\n")
    found = problems_with(tiny_course, "document-not-cited")
    assert [(p.file, p.line, p.id) for p in found] == [("docs/kk/modules/first.md", 13, "law-a"),
                                                       ("docs/ru/modules/first.md", 13, "law-a")]
    assert "- law-a" in found[0].fix


def test_the_first_mention_carries_the_full_date_later_ones_need_not(tiny_course):
    course_with(tiny_course, "Закон № 483-IV регулирует это.\n\nЗакон от 11 октября 2011 года № 483-IV." + SOURCES_BLOCK,
                "2011 жылғы 11 қазандағы № 483-IV Заң.\n\n№ 483-IV Заң." + SOURCES_BLOCK)
    assert rules(tiny_course) == [("citation-first-incomplete", "docs/ru/modules/first.md", 12, "law-a")]


def test_two_documents_with_one_number_are_told_apart_by_the_year(tiny_course):
    course_with(tiny_course, "Указ 2015 года № 97 и приказ от 31 марта 2020 года № 97.\n\n/// sources\n- decree-97-2015\n///\n")
    assert [(p.rule, p.id) for p in problems(tiny_course) if p.file.startswith("docs/ru")] == [
        ("document-not-cited", "decree-97-2020")]
    course_with(tiny_course, "Приказ № 97 без года.\n\n/// sources\n- decree-97-2015\n- decree-97-2020\n///\n")
    assert {p.rule for p in problems(tiny_course)} == {"document-unregistered"}


def test_a_quiz_bank_number_must_be_registered_and_cited_on_the_module_page(tiny_course):
    course_with(tiny_course, "Закон от 11 октября 2011 года № 483-IV." + SOURCES_BLOCK)
    text = BANK.replace("Какой орган решает спор?", "Какой орган решает спор по приказу № 5-ZZ?")
    add_bank(tiny_course, text)
    found = problems_with(tiny_course, "document-unregistered")
    assert [(p.file, p.id) for p in found] == [("quizzes/m1.yml", "5-ZZ")]
    assert found[0].line == next(n for n, line in enumerate(text.splitlines(), 1) if "№ 5-ZZ" in line)


def test_a_course_with_registered_cited_full_citations_passes(tiny_course):
    course_with(tiny_course, "Закон от 11 октября 2011 года № 483-IV. Потом просто № 483-IV." + SOURCES_BLOCK,
                "2011 жылғы 11 қазанда қол қойылған № 483-IV Заң. Кейін жай ғана № 483-IV." + SOURCES_BLOCK)
    assert run_checks(tiny_course).sources["law-a"].number == "483-IV"
