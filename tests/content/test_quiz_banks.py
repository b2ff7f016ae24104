"""The real question banks: valid, their generated pages current, exportable to Moodle."""

import html
import subprocess
import sys
import xml.etree.ElementTree as etree

import pytest

from conftest import ROOT
from kelisim.checks import read_pages
from kelisim.model import load_course
from kelisim.quiz import moodle
from kelisim.quiz.bank import MOODLE_PARTS, bank_files, check_banks


@pytest.fixture(scope="module")
def course():
    return load_course(ROOT)


@pytest.fixture(scope="module")
def checked(course):
    return check_banks(ROOT, course, read_pages(ROOT, course.languages))


def test_every_bank_passes_every_rule(checked):
    banks, problems = checked
    assert [str(p) for p in problems] == []
    assert {b.file for b in banks} == {f"quizzes/{p.name}" for p in bank_files(ROOT)}


def test_the_introduction_has_a_real_bank(checked):
    intro = next(b for b in checked[0] if b.id == "intro")
    assert intro.page == "index.md" and len(intro.questions) >= 5
    assert {q.type for q in intro.questions} == {"single", "multiple", "true-false", "matching", "ordering"}
    assert any(q.scenario for q in intro.questions)


def test_module_banks_belong_to_course_modules(checked, course):
    for bank in checked[0]:
        if bank.id != "intro":
            assert bank.module is not None and bank.module.id == bank.id


def test_generated_quiz_pages_are_current():
    result = subprocess.run([sys.executable, "-m", "kelisim", "quizzes", "--check"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_moodle_export_has_every_question(checked, course):
    banks = checked[0]
    for lang in course.languages:
        root = etree.fromstring(moodle.export(banks, course, lang).encode("utf-8"))
        assert len(root.findall("question[@type='category']")) == len(banks)
        questions = [q for q in root.findall("question") if q.get("type") != "category"]
        assert [q.findtext("idnumber") for q in questions] == [q.id for b in banks for q in b.questions]
        accepted = {"0"} | set(MOODLE_PARTS.values()) | {"-" + v for v in MOODLE_PARTS.values()}
        for element, question in zip(questions, (q for b in banks for q in b.questions)):
            assert question.text[lang] in html.unescape(element.findtext("questiontext/text"))
            assert {a.get("fraction") for a in element.findall("answer")} <= accepted
