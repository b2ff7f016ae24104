"""The style sheets (course/style-<lang>.yml): discouraged variants are found in inflected forms, across
line breaks, in pages, course data and interface strings; legitimate uses are left alone."""

import shutil

import pytest

from conftest import problems, write
from kelisim import ROOT, i18n, style
from kelisim.checks import run_checks


@pytest.fixture
def styled(tiny_course):
    for lang in ("ru", "kk"):
        shutil.copy(ROOT / "course" / f"style-{lang}.yml", tiny_course / "course")
    return tiny_course


def kk_page(root, body: str):
    write(root, "docs/kk/modules/first.md",
          "---\nmodule: m1\n---\n\n# Бірінші { #top }\n\n/// outcomes\n///\n\n## Бөлім { #part }\n\n" + body)


def found(root):
    return [(p.rule, p.file, p.line, p.id) for p in problems(root) if p.rule.startswith(("kk-", "ru-"))]


@pytest.mark.parametrize("text, rule, word", [
    ("Этникалықтың белгісі.", "kk-ethnic", "Этникалықтың"),
    ("Қылмыстық жауапкершілігі бар.", "kk-legal-liability", "Қылмыстық жауапкершілігі"),
    ("Бұл құрастырылған жасырын кейс.", "kk-composite-case", "жасырын кейс"),
    ("ДУМК-ның өкілі келді.", "kk-russian-abbreviation", "ДУМК"),
    ("Жергілікті шенеуніктердің сөзі.", "kk-civil-servant", "шенеуніктердің"),
    ("Әлемдік және дәстүрлі діндер лидерлерінің съезі өтті.", "kk-congress-name", "діндер лидерлерінің"),
    ("Оларға жапсырма тақпаңыз.", "kk-label", "жапсырма"),
])
def test_a_discouraged_variant_is_reported_with_its_rule_and_replacement(styled, text, rule, word):
    kk_page(styled, text)
    problem = next(p for p in problems(styled) if p.rule == rule)
    assert (problem.file, problem.line, problem.id) == ("docs/kk/modules/first.md", 12, word)
    assert problem.message.startswith(f"use «") and f"not «{word}» (" in problem.message


def test_a_phrase_broken_across_lines_is_found_on_its_first_line(styled):
    kk_page(styled, "Модульдегі құқықтық\nбазасы туралы.")
    assert found(styled) == [("kk-legal-basis", "docs/kk/modules/first.md", 12, "құқықтық базасы")]


@pytest.mark.parametrize("text", [
    "Тыңдаушылар жасырын сауалнама толтырды.",   # «жасырын» in its own meaning
    "Қоғам алдындағы моральдық жауапкершілік.",  # moral responsibility keeps «жауапкершілік»
    "Бұл өзекті мәселе.",                         # «өзекті» = pressing
    "ҚМДБ мен ҚХА өкілдері.",                     # Kazakh abbreviations
    "Этностық топтар мен құқықтық негіз.",
    "Аудандық профилактика жұмысы.",             # «профил…» as a stem would catch prevention
])
def test_legitimate_uses_are_not_reported(styled, text):
    kk_page(styled, text)
    assert run_checks(styled).course.id == "tiny"


def test_course_data_is_checked_at_the_line_of_its_text(styled):
    text = (styled / "course/course.yml").read_text(encoding="utf-8")
    write(styled, "course/course.yml", text.replace('kk: "Түсіндіре алады"', 'kk: "Шенеунікке түсіндіре алады"'))
    line = next(n for n, l in enumerate((styled / "course/course.yml").read_text(encoding="utf-8").splitlines(), 1)
                if "Шенеунікке" in l)
    assert found(styled) == [("kk-civil-servant", "course/course.yml", line, "Шенеунікке")]


def test_russian_pages_follow_the_russian_sheet(styled):
    write(styled, "docs/ru/modules/first.md", "---\nmodule: m1\n---\n\n# Первый { #top }\n\n/// outcomes\n///\n\n"
          "## Раздел { #part }\n\nВероятность вреда и его неотвратимость.\n")
    assert found(styled) == [("ru-imminence", "docs/ru/modules/first.md", 12, "неотвратимость")]


def test_an_allowed_phrase_is_not_reported(styled):
    write(styled, "docs/ru/modules/first.md", "---\nmodule: m1\n---\n\n# Первый { #top }\n\n/// outcomes\n///\n\n"
          "## Раздел { #part }\n\nПринцип неотвратимости наказания.\n")
    assert run_checks(styled).course.id == "tiny"


def test_interface_strings_are_checked_too(monkeypatch):
    monkeypatch.setitem(i18n.STRINGS["kk"], "case.composite", "Құрастырылған жасырын кейс")
    reported = [p for p in style.check(ROOT, ("kk",)) if p.file == "scripts/kelisim/i18n.py"]
    lines = (ROOT / "scripts/kelisim/i18n.py").read_text(encoding="utf-8").splitlines()
    kk_start = lines.index('    "kk": {')
    expected = next(n for n in range(kk_start, len(lines)) if lines[n].strip().startswith('"case.composite":')) + 1
    assert [(p.rule, p.line) for p in reported] == [("kk-composite-case", expected)]


def test_the_real_course_is_clean_and_every_rule_is_documented():
    assert style.check(ROOT) == []
    guide = (ROOT / "AUTHORING.md").read_text(encoding="utf-8")
    for lang in ("ru", "kk"):
        for rule in style.load_style(ROOT, lang):
            assert f"`{rule.id}`" in guide, rule.id
