"""Moodle XML export of the question banks: one file per language, a category per bank.

How each type is mapped (also in AUTHORING.md, «Тесты»):
- single      -> multichoice, single answer: 100 for the correct option, 0 for the others;
- multiple    -> multichoice, several answers: 100/n for each of n correct options and
                 -100/m for each of m wrong ones, both from Moodle's list of accepted grades
                 (3 correct -> 33.33333; the bank check rejects counts Moodle would not take);
- true-false  -> truefalse, the wrong answer's feedback from `wrong_feedback`;
- matching    -> matching (left item = sub-question, right item = its answer);
- ordering    -> matching "item -> position" (1, 2, 3 ...): older Moodle has no core ordering
                 type and the ordering plugin may be missing, while matching imports everywhere.
Scenario questions start with their case title, the composite-case label and the case text. Per-answer feedback goes with each answer,
the explanation is the general feedback, the hint is a Moodle hint. The question id is the
Moodle idnumber, so a re-import can be matched to the bank.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from html import escape
from pathlib import Path

from ..i18n import t
from .bank import MOODLE_PARTS, Bank, Question

QTYPE = {"single": "multichoice", "multiple": "multichoice", "true-false": "truefalse",
         "matching": "matching", "ordering": "matching"}


def _html(*paragraphs: str) -> str:
    return "".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs if p)


def _text(parent, tag: str, value: str, **attrs) -> etree.Element:
    element = etree.SubElement(parent, tag, attrs)
    etree.SubElement(element, "text").text = value
    return element


def category(bank: Bank, course, lang: str) -> str:
    """Category path; Moodle reads '/' as a level separator, so names double it."""
    name = (f"{t(lang, 'module', n=bank.module.number)}. {bank.module.title[lang]}" if bank.module
            else bank.title[lang])
    top = f"{course.title[lang]} [{lang}]"
    return "/".join(["$course$", "top", top.replace("/", "//"), name.replace("/", "//")])


def grade(question: Question, correct: bool) -> str:
    if question.type == "single":
        return "100" if correct else "0"
    right = sum(o.correct for o in question.options)
    return MOODLE_PARTS[right] if correct else "-" + MOODLE_PARTS[len(question.options) - right]


def question_text(question: Question, bank: Bank, lang: str) -> str:
    parts = []
    if question.scenario:
        scenario = bank.scenario(question.scenario)
        parts += [f"{t(lang, 'case')}: {scenario.title[lang]}", t(lang, "case.composite"), scenario.text[lang]]
    parts.append(question.text[lang])
    if question.type == "ordering":
        parts.append(t(lang, "quiz.order.moodle"))
    return _html(*parts)


def question_xml(question: Question, bank: Bank, lang: str) -> etree.Element:
    element = etree.Element("question", type=QTYPE[question.type])
    _text(element, "name", f"{question.id}: {question.text[lang][:80]}")
    _text(element, "questiontext", question_text(question, bank, lang), format="html")
    _text(element, "generalfeedback", _html(question.explanation[lang]), format="html")
    for tag, value in (("defaultgrade", "1"), ("penalty", "0.3333333"), ("hidden", "0"), ("idnumber", question.id)):
        etree.SubElement(element, tag).text = value
    if question.type in ("single", "multiple"):
        etree.SubElement(element, "single").text = "true" if question.type == "single" else "false"
        etree.SubElement(element, "shuffleanswers").text = "1" if question.shuffle else "0"
        etree.SubElement(element, "answernumbering").text = "abc"
        for tag, key in (("correctfeedback", "quiz.correct"), ("partiallycorrectfeedback", "quiz.partial"),
                         ("incorrectfeedback", "quiz.wrong")):
            _text(element, tag, _html(t(lang, key)), format="html")
        for option in question.options:
            answer = _text(element, "answer", _html(option.text[lang]), fraction=grade(question, option.correct),
                           format="html")
            _text(answer, "feedback", _html(option.feedback[lang]) if option.feedback else "", format="html")
    elif question.type == "true-false":
        for value in (True, False):
            right = value == question.answer
            answer = _text(element, "answer", "true" if value else "false", fraction="100" if right else "0",
                           format="moodle_auto_format")
            _text(answer, "feedback", "" if right else _html(question.wrong_feedback[lang]), format="html")
    else:
        etree.SubElement(element, "shuffleanswers").text = "1"
        if question.type == "matching":
            pairs = [(p.left.text[lang], p.right.text[lang]) for p in question.pairs]
        else:
            pairs = [(item.text[lang], str(n)) for n, item in enumerate(question.items, start=1)]
        for left, right in pairs:
            sub = _text(element, "subquestion", _html(left), format="html")
            _text(sub, "answer", right)
    if question.hint:
        _text(element, "hint", _html(question.hint[lang]), format="html")
    return element


def export(banks: list[Bank], course, lang: str) -> str:
    """The Moodle XML document for one language."""
    quiz = etree.Element("quiz")
    for bank in banks:
        holder = etree.SubElement(quiz, "question", type="category")
        _text(holder, "category", category(bank, course, lang))
        for question in bank.questions:
            quiz.append(question_xml(question, bank, lang))
    etree.indent(quiz)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(quiz, encoding="unicode") + "\n"


def write(banks: list[Bank], course, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in course.languages:
        path = out_dir / f"{course.id}-{lang}.xml"
        path.write_text(export(banks, course, lang), encoding="utf-8")
        written.append(path)
    return written
