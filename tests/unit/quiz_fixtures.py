"""A valid question bank for the tiny course (tests/conftest.py), with every question type."""

import shutil
from pathlib import Path

import pytest

from conftest import ROOT

BANK = """\
# yaml-language-server: $schema=quiz.schema.json
module: m1
shuffle: true
scenarios:
  - id: m1-case
    composite: true
    title: {ru: "Спор о празднике", kk: "Мереке туралы дау"}
    text: {ru: "Жители двух улиц спорят о празднике.", kk: "Екі көшенің тұрғындары мереке туралы дауласады."}
questions:
  - id: m1-single
    type: single
    outcomes: [m1-a]
    section: modules/first.md#part
    text: {ru: "Какой орган решает спор?", kk: "Дауды қай орган шешеді?"}
    hint: {ru: "Вспомните раздел.", kk: "Бөлімді еске түсіріңіз."}
    explanation: {ru: "Спор решает акимат.", kk: "Дауды әкімдік шешеді."}
    options:
      - text: {ru: "Акимат района", kk: "Аудан әкімдігі"}
        correct: true
      - text: {ru: "Соседи сами", kk: "Көршілердің өздері"}
        feedback: {ru: "Соседям нужна помощь.", kk: "Көршілерге көмек керек."}
  - id: m1-multiple
    type: multiple
    outcomes: [m1-a]
    section: modules/first.md#part
    text: {ru: "Что помогает диалогу?", kk: "Диалогқа не көмектеседі?"}
    explanation: {ru: "Слушать, уточнять и уважать.", kk: "Тыңдау, нақтылау және құрметтеу."}
    options:
      - text: {ru: "Слушать", kk: "Тыңдау"}
        correct: true
      - text: {ru: "Уточнять", kk: "Нақтылау"}
        correct: true
      - text: {ru: "Уважать", kk: "Құрметтеу"}
        correct: true
      - text: {ru: "Перебивать", kk: "Сөзін бөлу"}
        feedback: {ru: "Это мешает.", kk: "Бұл кедергі келтіреді."}
      - text: {ru: "Кричать", kk: "Айқайлау"}
        feedback: {ru: "Это пугает.", kk: "Бұл қорқытады."}
  - id: m1-true-false
    type: true-false
    scenario: m1-case
    outcomes: [m1-a]
    section: modules/first.md#part
    text: {ru: "Спор можно решить разговором.", kk: "Дауды әңгімемен шешуге болады."}
    explanation: {ru: "Разговор помогает всегда.", kk: "Әңгіме әрқашан көмектеседі."}
    answer: true
    wrong_feedback: {ru: "Разговор помогает.", kk: "Әңгіме көмектеседі."}
  - id: m1-matching
    type: matching
    outcomes: [m1-a]
    section: modules/first.md#part
    text: {ru: "Соотнесите день и занятие.", kk: "Күн мен сабақты сәйкестендіріңіз."}
    explanation: {ru: "Так в расписании.", kk: "Кестеде солай."}
    pairs:
      - left: {ru: "Первый день", kk: "Бірінші күн"}
        right: {ru: "Лекция", kk: "Дәріс"}
      - left: {ru: "Второй день", kk: "Екінші күн"}
        right: {ru: "Практикум", kk: "Практикум сабағы"}
      - left: {ru: "Третий день", kk: "Үшінші күн"}
        right: {ru: "Диалог", kk: "Сұхбат"}
  - id: m1-ordering
    type: ordering
    outcomes: [m1-a]
    section: modules/first.md#part
    text: {ru: "Расставьте шаги по порядку.", kk: "Қадамдарды ретімен қойыңыз."}
    explanation: {ru: "Сначала слушаем.", kk: "Алдымен тыңдаймыз."}
    items:
      - {ru: "Выслушать", kk: "Тыңдау"}
      - {ru: "Уточнить", kk: "Нақтылау"}
      - {ru: "Договориться", kk: "Келісу"}
"""


def add_bank(root: Path, text: str = BANK, name: str = "m1.yml", pages: bool = True) -> Path:
    """Put a bank (and the bank schema) into a course root and (by default) write its generated pages."""
    from kelisim.model import load_course
    from kelisim.quiz.bank import check_banks
    from kelisim.quiz.pages import write_pages

    folder = root / "quizzes"
    folder.mkdir(exist_ok=True)
    shutil.copy(ROOT / "quizzes" / "quiz.schema.json", folder)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    if pages:
        course = load_course(root)
        write_pages(root, check_banks(root, course)[0], course)
    return path


@pytest.fixture
def quiz_course(tiny_course):
    """The tiny course with one valid quiz bank."""
    add_bank(tiny_course)
    return tiny_course
