"""The trainer kit as data (course/trainer.yml): how each seminar slot is run, rendered per day.

course.yml says when a slot happens and what it is; trainer.yml says how to run it (aim, timed
steps, opening and closing words, sensitive ground). `/// day-guide` + `day: <day id>` joins the
two into a facilitation guide and links what the slot uses: its module's trainer notes, deck,
cases and printable exercise cards, so nothing is written twice. `check_trainer` validates the
file and the blocks; `render` draws a day's guide in the page's language (called by kelisim.blocks).
"""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path

from . import yamlio
from .i18n import t
from .model import LANGUAGES, Course
from .pages import blocks_named
from .problems import Problem, rel
from .quiz.bank import translation_problems  # the same {ru, kk} rules as the quiz banks

FILE = "course/trainer.yml"
SCHEMA = "course/trainer.schema.json"
BLOCK = "day-guide"
TEST_BLOCK = "seminar-test"
CASES_BLOCK = "case-cards"
OVERVIEW = "trainer/index.md"  # the trainer section's overview; its #sensitive section is linked from each guide
RE_TIME = re.compile(r"^(\d\d):(\d\d)–(\d\d):(\d\d)$")


@dataclass(frozen=True)
class Step:
    minutes: int
    text: dict[str, str]


@dataclass(frozen=True)
class SlotGuide:
    slot: str
    aim: dict[str, str]
    materials: dict[str, str] | None
    notes: tuple[str, ...]
    cases: tuple[str, ...]
    exercises: tuple[str, ...]
    steps: tuple[Step, ...]
    open: dict[str, str]
    close: dict[str, str]
    risk: dict[str, str] | None


@dataclass(frozen=True)
class SeminarTest:
    """The pre-test or post-test: a bank-like selection of questions from quizzes/*.yml."""

    id: str
    title: dict[str, str]
    bank: object  # a kelisim.quiz.bank.Bank holding the chosen questions (and their scenarios) in test order


@dataclass(frozen=True)
class Kit:
    slots: dict[str, SlotGuide]
    tests: dict[str, SeminarTest]


def slot_minutes(time: str) -> int | None:
    """Length of a timed slot ('09:30–11:00' -> 90); None for 'evening'."""
    match = RE_TIME.match(time)
    if not match:
        return None
    h1, m1, h2, m2 = (int(part) for part in match.groups())
    return (h2 * 60 + m2) - (h1 * 60 + m1)


def check_trainer(root: Path, course: Course, pages, exercises, banks=()) -> tuple[Kit, list[Problem]]:
    """(the kit, problems): the file's rules and the `/// day-guide` and `/// seminar-test` blocks."""
    path = root / FILE
    problems: list[Problem] = []
    guides: dict[str, SlotGuide] = {}
    tests: dict[str, SeminarTest] = {}
    if path.exists():
        schema = json.loads((root / SCHEMA).read_text(encoding="utf-8"))
        data = yamlio.load(path, problems, FILE)
        if data is not None:
            problems += yamlio.schema_problems(data, schema, FILE)
        if data is not None and not problems:
            problems += translation_problems(data, schema, FILE)
            problems += yamlio.duplicate_ids(data["slots"], FILE, "trainer-slot",
                                             "describe each slot once", key="slot")
            for node in data["slots"]:
                found = _slot_problems(node, course, pages, {e.id for e in exercises})
                problems += found
                if not found:
                    guides[node["slot"]] = _build(node)
            found = _test_problems(data.get("tests", []), course, list(banks))
            problems += found
            if not found:
                tests = {node["id"]: _build_test(node, list(banks)) for node in data.get("tests", [])}
    problems += _block_problems(root, course, pages, guides)
    problems += _test_block_problems(root, pages, tests)
    problems += _case_block_problems(root, course, pages)
    return Kit(guides, tests), problems


def _test_problems(nodes, course: Course, banks) -> list[Problem]:
    """Every id names a bank question; no id twice in a test or in two tests; every module is asked."""
    problems = yamlio.duplicate_ids(nodes, FILE, "test-id", "give each test its own id")
    questions = {q.id: bank for bank in banks for q in bank.questions}
    seen: dict[str, str] = {}
    for node in nodes:
        asked = set()
        for index, ident in enumerate(node["questions"]):
            line = node["questions"].line_of(index)
            if ident not in questions:
                problems.append(Problem(FILE, line, ident, "test-unknown-question", f"no question '{ident}' in quizzes/*.yml",
                                        "use the id of a question in one of the banks"))
                continue
            if ident in seen:
                problems.append(Problem(FILE, line, ident, "test-question-repeated",
                                        f"the question is already in test '{seen[ident]}'",
                                        "the tests are parallel, not identical: choose another question on the same topic"))
            seen[ident] = node["id"]
            if questions[ident].module:
                asked.add(questions[ident].module.id)
        for module in course.modules:
            if module.id not in asked:
                problems.append(Problem(FILE, node.line_of("questions"), node["id"], "test-module-missing",
                                        f"the test asks nothing from module {module.number} ({module.id})",
                                        f"add a question of quizzes/{module.id}.yml"))
    return problems


def _build_test(node, banks) -> SeminarTest:
    from dataclasses import replace

    by_id = {q.id: (q, bank) for bank in banks for q in bank.questions}
    chosen = [by_id[ident] for ident in node["questions"]]
    scenarios = {s.id: s for _, bank in chosen for s in bank.scenarios}
    used = [scenarios[ident] for ident in dict.fromkeys(q.scenario for q, _ in chosen if q.scenario)]
    outcomes = tuple(o for bank in banks for o in bank.outcomes)
    title = {lang: node["title"][lang] for lang in LANGUAGES}
    # scope: answers given on the test are stored apart from the module quizzes' and the other test's.
    bank = replace(banks[0], id=node["id"], file=FILE, questions=tuple(q for q, _ in chosen),
                   scenarios=tuple(used), module=None, title=title, own_outcomes=outcomes, page=None,
                   scope=node["id"])
    return SeminarTest(node["id"], title, bank)


def _test_block_problems(root: Path, pages, tests: dict) -> list[Problem]:
    return [Problem(rel(page.path, root), block.line, block.options.get("id") or TEST_BLOCK,
                    "unknown-test", f"no test with this id in {FILE} (tests:)",
                    f"use one of {', '.join(tests) or 'the tests listed in ' + FILE}")
            for page, block in blocks_named(pages, TEST_BLOCK) if block.options.get("id") not in tests]


def _slot_problems(node, course: Course, pages, exercise_ids: set[str]) -> list[Problem]:
    ident = node["slot"]
    slot = course.slots_by_id.get(ident)
    if slot is None:
        return [Problem(FILE, node.line_of("slot"), ident, "trainer-unknown-slot",
                        "no slot with this id in course/course.yml's seminar timetable",
                        "use a slot id from course.yml (seminar: days: slots: id)")]
    problems = []
    minutes, total = slot_minutes(slot.time), sum(step["minutes"] for step in node["steps"])
    if minutes is not None and total != minutes:
        problems.append(Problem(FILE, node.line_of("steps"), ident, "trainer-minutes",
                                f"the steps take {total} minutes, the slot ({slot.time}) {minutes}",
                                "make the steps' minutes add up to the slot's length"))
    modules = course.modules_in_slot(ident)
    for key, rule in (("notes", "trainer-unknown-note"), ("cases", "trainer-unknown-case")):
        for index, anchor in enumerate(node.get(key, [])):
            for lang in LANGUAGES:
                found = [m for m in modules if anchor in _module_refs(pages, lang, m.page, key)]
                if not found:
                    what = "section with a '/// trainer-note'" if key == "notes" else "'//// case' block"
                    problems.append(Problem(FILE, node[key].line_of(index), anchor, rule,
                                            f"no {what} '{anchor}' on the page of the slot's module in docs/{lang}/",
                                            f"name a {what} of {', '.join(m.page for m in modules) or 'a module that lists this slot'}"))
    for index, exercise in enumerate(node.get("exercises", [])):
        if exercise not in exercise_ids:
            problems.append(Problem(FILE, node["exercises"].line_of(index), exercise, "trainer-unknown-exercise",
                                    f"no valid course/exercises/{exercise}.yml", "name an existing exercise"))
    return problems


def _module_refs(pages, lang: str, page_path: str, key: str) -> set[str]:
    """Anchors of sections holding a trainer note ('notes') or ids of cases ('cases') on a page."""
    page = pages.get(lang, {}).get(page_path)
    if page is None:
        return set()
    if key == "notes":
        return {b.section for b in page.walk_blocks() if b.name == "trainer-note" and b.section}
    return {b.options.get("id") for b in page.walk_blocks() if b.name == "case"}


def _block_problems(root: Path, course: Course, pages, guides: dict) -> list[Problem]:
    problems = []
    days = {day.id: day for day in course.days}
    for page, block in blocks_named(pages, BLOCK):
        file, ident = rel(page.path, root), block.options.get("day")
        if not ident:
            problems.append(Problem(file, block.line, BLOCK, "day-guide-day", "the block does not say which day to print",
                                    "add an indented option line right under the header: '    day: d1'"))
        elif ident not in days:
            problems.append(Problem(file, block.line, ident, "unknown-day", "no seminar day with this id in course.yml",
                                    f"use one of {', '.join(days)}"))
        else:
            for slot in days[ident].slots:
                if slot.id not in guides:
                    problems.append(Problem(file, block.line, slot.id, "trainer-missing-slot",
                                            f"{FILE} does not describe this slot of day '{ident}'",
                                            f"add an entry 'slot: {slot.id}' to {FILE} (aim, steps, open, close)"))
    return problems


def _build(node) -> SlotGuide:
    def text(value) -> dict[str, str] | None:
        return None if value is None else {lang: value[lang] for lang in LANGUAGES}

    return SlotGuide(node["slot"], text(node["aim"]), text(node.get("materials")), tuple(node.get("notes", [])),
                     tuple(node.get("cases", [])), tuple(node.get("exercises", [])),
                     tuple(Step(s["minutes"], text(s)) for s in node["steps"]),
                     text(node["open"]), text(node["close"]), text(node.get("risk")))


# ---------- the day guide ---------------------------------------------------------------------

def render(parent, day_id: str, ctx, md) -> etree.Element:
    """One section per slot: time and activity (from course.yml), aim, what to open (links), timed
    steps, the opening and closing words, the sensitive ground."""
    from .blocks import child
    from .slides import deck_modules, deck_path

    lang, course = ctx.lang, ctx.course
    day = next(d for d in course.days if d.id == day_id)
    with_decks = {m.id for m in deck_modules(course, ctx.pages)}
    wrapper = child(parent, "div", class_="kl-day-guide", data_kl_block=BLOCK, data_kl_day=day_id)
    for slot in day.slots:
        guide = ctx.trainer.slots[slot.id]
        section = child(wrapper, "section", class_="kl-day-guide__slot", id=f"guide-{slot.id}")
        time = t(lang, "timetable.evening") if slot.time == "evening" else slot.time
        child(section, "h2", f"{time} · {slot.text[lang]}", id=f"slot-{slot.id}")
        aim = child(section, "p")
        child(aim, "strong", f"{t(lang, 'trainer.aim')}. ")
        child(aim, "span", guide.aim[lang])
        links = []  # (label, href, raw): raw links point at decks, written after MkDocs checks links
        for module in course.modules_in_slot(slot.id):
            name, page = t(lang, "module", n=module.number), ctx.pages.get(lang, {}).get(module.page)
            headings = {h.anchor: h.text for h in page.headings} if page else {}
            cases = {b.options.get("id"): b.argument for b in page.walk_blocks() if b.name == "case"} if page else {}
            for anchor in guide.notes:
                if anchor in _module_refs(ctx.pages, lang, module.page, "notes"):
                    links.append((f"{t(lang, 'trainer.note')}. {name}: {headings.get(anchor, anchor)}",
                                  f"{ctx.link(module.page)}#{anchor}", False))
            for case in guide.cases:
                if case in cases:
                    links.append((f"{t(lang, 'case')}. {name}: {cases[case]}", f"{ctx.link(module.page)}#case-{case}", False))
            if module.id in with_decks:
                # The deck opens at the slot's first section with trainer notes (reveal.js: #/<slide id>).
                first = next((a for a in guide.notes if a in _module_refs(ctx.pages, lang, module.page, "notes")), None)
                links.append((f"{t(lang, 'trainer.deck')}. {name}: {module.title[lang]}", posixpath.relpath(
                    deck_path(module.slug), posixpath.dirname(ctx.path) or ".") + (f"#/{first}" if first else ""), True))
        printed = _print_page(ctx.pages.get(lang, {}), day_id)
        for module, block in day_cases(course, ctx.trainer, ctx.pages, lang, day_id) if printed else ():
            if block.options["id"] in guide.cases:
                links.append((f"{t(lang, 'trainer.print')}. {t(lang, 'case')}: {block.argument}",
                              f"{ctx.link(printed)}#case-card-{block.options['id']}", False))
        for exercise in guide.exercises:
            page = f"materials/{exercise}.md"
            if page in ctx.pages.get(lang, {}):
                links.append((f"{t(lang, 'trainer.cards')}. {ctx.exercises[exercise].title[lang]}", ctx.link(page), False))
        if links or guide.materials:
            child(section, "h3", t(lang, "trainer.materials"), id=f"slot-{slot.id}-materials")
            items = child(section, "ul")
            for label, href, raw in links:
                item = child(items, "li")
                if raw:
                    item.text = md.htmlStash.store(f'<a href="{href}" data-kl-deck>{_escape(label)}</a>')
                else:
                    child(item, "a", label, href=href)
            if guide.materials:
                child(items, "li", guide.materials[lang])
        child(section, "h3", t(lang, "trainer.steps"), id=f"slot-{slot.id}-steps")
        steps = child(section, "ol", class_="kl-day-guide__steps")
        for step in guide.steps:
            item = child(steps, "li")
            child(item, "strong", t(lang, "trainer.minutes", n=step.minutes) + " ")
            child(item, "span", step.text[lang])
        for key, value in (("trainer.open", guide.open), ("trainer.close", guide.close)):
            para = child(section, "p", class_="kl-day-guide__say")
            child(para, "strong", f"{t(lang, key)}: ")
            child(para, "q", value[lang])
        if guide.risk:
            para = child(section, "p", class_="kl-day-guide__risk")
            child(para, "strong", f"{t(lang, 'trainer.risk')}. ")
            child(para, "span", guide.risk[lang] + " ")
            child(para, "a", t(lang, "trainer.risk.general"), href=f"{ctx.link(OVERVIEW)}#sensitive")
    return wrapper


def _print_page(pages: dict, day_id: str) -> str | None:
    """The page that prints a day's cases (its `/// case-cards` block names the day), if any."""
    return next((path for path, page in pages.items() for block in page.walk_blocks()
                 if block.name == CASES_BLOCK and block.options.get("day") == day_id), None)


def _escape(text: str) -> str:
    from html import escape
    return escape(text)


def render_test(parent, test: SeminarTest, ctx, key: bool) -> etree.Element:
    """The online test (the quiz widget), or with `key` the trainer's scoring key: every question
    numbered as on the test, its correct answer, and how to score."""
    from .blocks import child
    from .quiz import render as quiz

    if not key:
        return quiz.quiz(parent, test.bank, ctx)
    lang = ctx.lang
    section = child(parent, "section", class_="kl-key kl-test-key", data_kl_block=TEST_BLOCK, data_kl_test=test.id)
    child(section, "link", rel="stylesheet", href=quiz.asset(ctx, "quiz.css"))
    child(section, "h2", f"{t(lang, 'test.key')}: {test.title[lang]}", id=f"key-{test.id}")
    child(section, "p", t(lang, "test.scoring", n=len(test.bank.questions)), class_="kl-key__lead")
    ordered = [q for _, questions in quiz.display_order(test.bank) for q in questions]  # numbered as on the test
    child(section, "h3", t(lang, "test.paper.key"), id=f"key-{test.id}-paper")
    table = child(section, "table", class_="kl-test-key__paper")
    head = child(child(table, "thead"), "tr")
    for key in ("paper.item", "paper.answer"):
        child(head, "th", t(lang, key), scope="col")
    body = child(table, "tbody")
    for number, question in enumerate(ordered, start=1):
        row = child(body, "tr")
        child(row, "th", str(number), scope="row")
        child(row, "td", paper_answer(question, lang))
    outcomes = {o.id: o for o in test.bank.own_outcomes}
    for number, question in enumerate(ordered, start=1):
        holder = child(section, "div", class_="kl-test-key__item")
        child(holder, "p", t(lang, "quiz.number", n=number, total=len(ordered)), class_="kl-test-key__num")
        quiz._key_question(holder, question, test.bank, outcomes, ctx)
    return section


# ---------- printed cases ---------------------------------------------------------------------

RE_QUESTION = re.compile(r"^\s*\d+\.\s+(.*\S)\s*$")


def day_cases(course: Course, kit: Kit, pages, lang: str, day_id: str | None) -> list[tuple[object, object]]:
    """(module, case block) of every case the day's slots use (trainer.yml `cases:`), in slot order;
    with no day, those of the whole seminar."""
    found, seen = [], set()
    for slot in (s for d in course.days if day_id in (None, d.id) for s in d.slots):
        guide = kit.slots.get(slot.id)
        for case in guide.cases if guide else ():
            for module in course.modules_in_slot(slot.id):
                page = pages.get(lang, {}).get(module.page)
                block = next((b for b in page.walk_blocks() if b.name == "case" and b.options.get("id") == case), None) \
                    if page else None
                if block is not None and case not in seen:
                    seen.add(case)
                    found.append((module, block))
    return found


def render_cases(parent, day_id: str | None, ctx, stylesheet: str) -> etree.Element:
    """The day's (or with no day, the seminar's) cases as cards to hand out, one A4 sheet each: the
    scenario and its questions, read from the module pages' `//// case` blocks (the text learners see)."""
    from .blocks import child

    lang = ctx.lang
    wrapper = child(parent, "div", class_="kl-print kl-case-cards", data_kl_block=CASES_BLOCK, data_kl_day=day_id or "")
    child(wrapper, "link", rel="stylesheet", href=stylesheet)
    for module, block in day_cases(ctx.course, ctx.trainer, ctx.pages, lang, day_id):
        article = child(wrapper, "article", class_="kl-card kl-card--case", id=f"case-card-{block.options['id']}")
        head = child(article, "p", class_="kl-card__head")
        child(head, "span", t(lang, "case"), class_="kl-card__kind")
        child(head, "span", t(lang, "module", n=module.number), class_="kl-card__exercise")
        child(article, "h2", block.argument, class_="kl-card__title")  # a sheet of its own, right under h1 or h2
        child(article, "p", t(lang, "case.composite"), class_="kl-card__label")
        for paragraph in re.split(r"\n\s*\n", block.content):
            if paragraph.strip():
                child(article, "p", " ".join(paragraph.split()))
        for questions in (c for c in block.children if c.name == "questions"):
            child(article, "p", t(lang, "case.questions"), class_="kl-card__questions")
            items = child(article, "ol")
            for line in questions.body:
                match = RE_QUESTION.match(line)
                if match:
                    child(items, "li", match.group(1))
    return wrapper


def _case_block_problems(root: Path, course: Course, pages) -> list[Problem]:
    """A `/// case-cards` block names a seminar day, or none (then it prints the whole seminar's cases)."""
    days = {day.id for day in course.days}
    return [Problem(rel(page.path, root), block.line, block.options["day"], "unknown-day",
                    "no seminar day with this id in course.yml",
                    f"use one of {', '.join(sorted(days))}, or drop the 'day:' line to print every day's cases")
            for page, block in blocks_named(pages, CASES_BLOCK) if block.options.get("day", "") not in days | {""}]


# ---------- the test on paper -----------------------------------------------------------------

def paper_choices(question) -> list:
    """The options of a choice question in the order printed on paper: a fixed scramble (by a hash
    of question and option), so the printed sheet, the answer sheet and the key agree, and the
    correct option is not always first as in the bank."""
    import hashlib

    if not question.shuffle:
        return list(question.options)
    return sorted(question.options, key=lambda o: hashlib.sha1(f"{question.id}:{o.key}".encode()).hexdigest())


def paper_answer(question, lang: str) -> str:
    """The correct answer as written on the paper answer sheet (letters, numbers, true/false)."""
    from .quiz.render import scrambled

    letters = _letters(lang)
    if question.type in ("single", "multiple"):
        return ", ".join(letters[i] for i, o in enumerate(paper_choices(question)) if o.correct)
    if question.type == "true-false":
        return t(lang, "quiz.true" if question.answer else "quiz.false")
    if question.type == "matching":
        rights = _paper_rights(question, lang)
        return ", ".join(f"{n}–{letters[rights.index(p.right)]}" for n, p in enumerate(question.pairs, start=1))
    shown = scrambled(list(question.items), question.correct)
    return ", ".join(letters[shown.index(item)] for item in question.items)


def _letters(lang: str) -> list[str]:
    """Option labels on paper: the language's letters (а, б, в …), then numbers if a question ever has more."""
    return [*t(lang, "paper.letters"), *(str(n) for n in range(len(t(lang, "paper.letters")) + 1, 100))]


def _paper_rights(question, lang: str) -> list:
    return sorted((p.right for p in question.pairs), key=lambda c: c.text[lang].lower())


def render_paper(parent, test: SeminarTest, ctx, stylesheet: str) -> etree.Element:
    """The test on paper: the question sheet (letters for the options), then the answer sheet the
    participant ticks (a name/group line, each item's number with a box per option)."""
    from .blocks import child
    from .quiz.render import display_order, scrambled

    lang, bank = ctx.lang, test.bank
    letters = _letters(lang)
    total = len(bank.questions)
    wrapper = child(parent, "div", class_="kl-print kl-paper", data_kl_block=TEST_BLOCK, data_kl_test=test.id)
    child(wrapper, "link", rel="stylesheet", href=stylesheet)
    sheet = child(wrapper, "section", class_="kl-paper__questions", id=f"paper-{test.id}")
    child(sheet, "h2", test.title[lang])
    child(sheet, "p", t(lang, "paper.lead", n=total), class_="kl-paper__lead")
    number = 0
    for scenario, questions in display_order(bank):
        holder = sheet
        if scenario is not None:
            holder = child(sheet, "div", class_="kl-paper__scenario")
            child(holder, "p", f"{t(lang, 'case')}: {scenario.title[lang]}", class_="kl-paper__scenario-title")
            child(holder, "p", scenario.text[lang])
        for question in questions:
            number += 1
            item = child(holder, "div", class_="kl-paper__q", id=f"paper-{test.id}-{number}")
            text = child(item, "p", class_="kl-paper__text")
            child(text, "strong", f"{number}. ")
            child(text, "span", question.text[lang])
            child(item, "p", t(lang, f"paper.how.{question.type}"), class_="kl-paper__how")
            if question.type in ("single", "multiple"):
                listing = child(item, "ul", class_="kl-paper__options")
                for index, option in enumerate(paper_choices(question)):
                    child(listing, "li", f"{letters[index]}) {option.text[lang]}")
            elif question.type == "matching":
                table = child(item, "table", class_="kl-paper__pairs")
                rights = _paper_rights(question, lang)
                for index in range(max(len(question.pairs), len(rights))):
                    row = child(table, "tr")
                    left = question.pairs[index].left.text[lang] if index < len(question.pairs) else ""
                    child(row, "td", f"{index + 1}. {left}")
                    child(row, "td", f"{letters[index]}) {rights[index].text[lang]}" if index < len(rights) else "")
            elif question.type == "ordering":
                listing = child(item, "ul", class_="kl-paper__options")
                for index, entry in enumerate(scrambled(list(question.items), question.correct)):
                    child(listing, "li", f"{letters[index]}) {entry.text[lang]}")

    answers = child(wrapper, "section", class_="kl-paper__answers", id=f"answers-{test.id}")
    child(answers, "h2", f"{t(lang, 'paper.answers')}: {test.title[lang]}")
    child(answers, "p", t(lang, "paper.name"), class_="kl-paper__name")
    child(answers, "p", t(lang, "paper.answers.lead"), class_="kl-paper__lead")
    table = child(answers, "table", class_="kl-paper__grid")
    head = child(child(table, "thead"), "tr")
    for key in ("paper.item", "paper.answer"):
        child(head, "th", t(lang, key), scope="col")
    body = child(table, "tbody")
    for number, question in enumerate((q for _, qs in display_order(bank) for q in qs), start=1):
        row = child(body, "tr")
        child(row, "th", str(number), scope="row")
        cell = child(row, "td")
        if question.type in ("single", "multiple"):
            boxes = [letters[i] for i in range(len(question.options))]
        elif question.type == "true-false":
            boxes = [t(lang, "quiz.true"), t(lang, "quiz.false")]
        elif question.type == "matching":
            boxes = [f"{n} →" for n in range(1, len(question.pairs) + 1)]
        else:  # ordering: the first, second … place, each a box for a letter
            boxes = [f"{n}." for n in range(1, len(question.items) + 1)]
        for label in boxes:
            mark = child(cell, "span", class_="kl-paper__box")
            child(mark, "span", label, class_="kl-paper__label")
            child(mark, "span", "", class_="kl-paper__tick", aria_hidden="true")
    return wrapper
