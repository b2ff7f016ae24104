"""Question banks: quizzes/<module-id>.yml loaded, validated and typed.

`check_banks` reports every problem of every bank at once (file, line, question id, rule,
fix); `load_banks` builds the model from banks that passed. Options, pairs and items get
stable keys derived from the bank (not from their position), which is what learners'
saved answers refer to.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import yamlio
from ..model import LANGUAGES, Course, Module, Outcome
from ..problems import Problem, raise_if_any, rel

SCHEMA = "quizzes/quiz.schema.json"
#: The fields each type needs; every other type-specific field is an error.
TYPE_FIELDS = {"single": {"options"}, "multiple": {"options"}, "true-false": {"answer", "wrong_feedback"},
               "matching": {"pairs"}, "ordering": {"items"}}
SPECIFIC = set().union(*TYPE_FIELDS.values())
#: Moodle accepts an answer grade only from a fixed list: 100/n for these n (its values, as Moodle
#: writes them, are what quiz/moodle.py exports for `multiple` questions).
MOODLE_PARTS = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667", 7: "14.28571",
                8: "12.5", 9: "11.11111", 10: "10", 20: "5"}
MIN_OPTIONS = 2
#: Moodle's matching question needs 2 sub-questions and 3 answers; with no distractors, 3 pairs.
MIN_PAIRS = 3
MIN_ITEMS = 3  # ordering is exported as matching (item -> position)

LATIN = re.compile(r"[A-Za-z]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LETTER_RUN = re.compile(r"[^\W\d_]+")
WORD = re.compile(r"[^\W\d_]{2,}")
#: Latin letters typed for their Cyrillic look-alikes (Kazakh і above all).
LOOKALIKE = {"i": "і", "I": "І", "a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х", "y": "у",
             "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р",
             "T": "Т", "X": "Х", "h": "һ"}


# ---------- model ------------------------------------------------------------------------

Text = dict  # {"ru": ..., "kk": ...}


def text_key(text: Text) -> str:
    """A stable identity for a choice: a hash of its Russian text, whitespace-normalised."""
    return hashlib.sha1(" ".join(str(text.get("ru") or "").split()).encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Choice:
    """An option (single/multiple), a matching side, or an ordering item."""

    key: str
    text: Text
    correct: bool = False
    feedback: Text | None = None


@dataclass(frozen=True)
class Pair:
    left: Choice
    right: Choice


@dataclass(frozen=True)
class Scenario:
    id: str
    title: Text
    text: Text
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    outcomes: tuple[str, ...]
    section: str
    text: Text
    explanation: Text
    hint: Text | None = None
    scenario: str | None = None
    shuffle: bool = False
    options: tuple[Choice, ...] = ()
    answer: bool | None = None
    wrong_feedback: Text | None = None
    pairs: tuple[Pair, ...] = ()
    items: tuple[Choice, ...] = ()
    line: int = field(default=0, compare=False)

    @property
    def correct(self):
        """The correct answer in the form the widget stores answers (see progress.js)."""
        if self.type == "single":
            return next(o.key for o in self.options if o.correct)
        if self.type == "multiple":
            return sorted(o.key for o in self.options if o.correct)
        if self.type == "true-false":
            return self.answer
        if self.type == "matching":
            return {p.left.key: p.right.key for p in self.pairs}
        return [item.key for item in self.items]


@dataclass(frozen=True)
class Bank:
    id: str
    file: str
    questions: tuple[Question, ...]
    scenarios: tuple[Scenario, ...]
    module: Module | None = None
    title: Text | None = None  # standalone banks only
    own_outcomes: tuple[Outcome, ...] = ()
    page: str | None = None  # standalone banks only
    outcome_lines: dict = field(default_factory=dict, compare=False)
    #: A seminar test's id (kelisim.trainer): its answers are stored apart from the module quizzes'.
    scope: str | None = None

    @property
    def quiz_page(self) -> str:
        """The generated page (inside docs/<lang>/) that shows this quiz."""
        return f"quizzes/{self.module.slug if self.module else self.id}.md"

    @property
    def attached_page(self) -> str:
        """The page that ends with a link to the quiz."""
        return self.module.page if self.module else self.page

    @property
    def outcomes(self) -> tuple[Outcome, ...]:
        return self.module.outcomes if self.module else self.own_outcomes

    def scenario(self, scenario_id: str) -> Scenario:
        return next(s for s in self.scenarios if s.id == scenario_id)

    def stored_id(self, question: Question) -> str:
        """The id the quiz widget stores the learner's answer under (and its form's HTML id is made
        of): the question's own id, or in a seminar test '<test id>--<question id>'. Bank and test
        ids never hold '--' (schema: ^[a-z0-9]+(-[a-z0-9]+)*$), so a scoped id never equals a bank id
        and the pre-test's never equals the post-test's; it is safe in HTML ids and CSS selectors."""
        return f"{self.scope}--{question.id}" if self.scope else question.id


# ---------- loading ----------------------------------------------------------------------

def bank_files(root: Path) -> list[Path]:
    return sorted((root / "quizzes").glob("*.yml"))


def _schema(root: Path) -> dict:
    return json.loads((root / SCHEMA).read_text(encoding="utf-8"))


def load_banks(root: Path, course: Course) -> list[Bank]:
    """Every bank, standalone ones first, then modules in course order; raises CourseError if any is invalid."""
    banks, problems = check_banks(root, course)
    raise_if_any(problems)
    return banks


def check_banks(root: Path, course: Course, pages: dict | None = None) -> tuple[list[Bank], list[Problem]]:
    """(the banks that could be built, every problem found); `pages` ({lang: {path: Page}}) enables section checks."""
    files = bank_files(root)
    schema = _schema(root) if files else {}
    banks, problems = [], []
    for path in files:
        bank, found = _check_file(path, rel(path, root), schema, course, pages)
        problems += found
        if bank is not None:
            banks.append(bank)
    problems += _course_wide_problems(banks, course)
    order = {m.id: m.number for m in course.modules}
    banks.sort(key=lambda b: (b.module is not None, order.get(b.id, 0), b.id))
    return banks, problems


def _check_file(path: Path, file: str, schema: dict, course: Course, pages) -> tuple[Bank | None, list[Problem]]:
    """`file` is the bank's path as authors see it, relative to the course root."""
    problems: list[Problem] = []
    data = yamlio.load(path, problems, file)
    if data is None:
        return None, problems
    if not isinstance(data, yamlio.Node):
        return None, problems + [Problem(file, 1, None, "schema", "a bank is a mapping with 'module' and 'questions'",
                                         "start from the example in AUTHORING.md (section «Тесты»)")]
    problems += translation_problems(data, schema, file)
    # ru/kk missing or empty is reported by the translation rules above, with a clearer fix.
    errors = [error for error in yamlio.schema_errors(data, schema) if not _is_translation_error(error)]
    problems += yamlio.error_problems(data, errors, file)
    if not isinstance(data.get("module"), str) or not isinstance(data.get("questions"), list):
        return None, problems
    broken_questions, top_broken = _broken_parts(errors)
    ctx = _BankContext(file, data, course)
    problems += ctx.bank_problems(pages)
    questions = []
    for index, node in enumerate(data["questions"]):
        if index in broken_questions:
            continue
        problems += ctx.question_problems(node, pages)
        questions.append(node)
    incomplete = ctx.standalone and not all(key in data for key in ("title", "outcomes", "page"))
    return (None if top_broken or incomplete else ctx.build(questions)), problems


def _is_translation_error(error) -> bool:
    """Is this schema error a ru/kk text missing or empty?"""
    if error.validator == "required":
        return any(f"'{lang}' is a required property" == error.message for lang in LANGUAGES)
    return error.validator == "minLength" and bool(error.absolute_path) and error.absolute_path[-1] in LANGUAGES


def _broken_parts(errors) -> tuple[set[int], bool]:
    """Question indexes with schema errors, and whether anything outside the questions is broken."""
    broken, top = set(), False
    for error in errors:
        path = list(error.absolute_path)
        if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
            broken.add(path[1])
        else:
            top = True
    return broken, top


# ---------- translation rules (every {ru, kk} text in the bank) ------------------------------

def _text_nodes(data, schema, node_schema=None, ident=None):
    """Yield (mapping, id of the enclosing question or scenario) for each {ru, kk} text in `data`."""
    node_schema = node_schema if node_schema is not None else schema
    while "$ref" in node_schema:
        node_schema = schema["$defs"][node_schema["$ref"].rsplit("/", 1)[1]]
    props = node_schema.get("properties", {})
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            ident = data["id"]
        if "ru" in props and "kk" in props:
            yield data, ident
            return
        for key, value in data.items():
            if key in props:
                yield from _text_nodes(value, schema, props[key], ident)
    elif isinstance(data, list) and "items" in node_schema:
        for item in data:
            yield from _text_nodes(item, schema, node_schema["items"], ident)


def translation_problems(data, schema, file: str) -> list[Problem]:
    problems = []
    for node, ident in _text_nodes(data, schema):
        texts = {}
        for lang in LANGUAGES:
            value = node.get(lang)
            if lang not in node:
                problems.append(Problem(file, node.line, ident, "translation-missing",
                                        f"the text has no '{lang}' version", f"add '{lang}: ...' next to the other language"))
            elif isinstance(value, str) and not value.strip():
                problems.append(Problem(file, node.line_of(lang), ident, "translation-empty",
                                        f"the '{lang}' text is empty", f"write the {lang} text"))
            elif isinstance(value, str):
                texts[lang] = value
                problems += _script_problems(file, node.line_of(lang), ident, lang, value)
        if len(texts) == 2 and " ".join(texts["ru"].split()) == " ".join(texts["kk"].split()) \
                and len(WORD.findall(texts["ru"])) >= 2:
            problems.append(Problem(file, node.line_of("kk"), ident, "translation-identical",
                                    "the kk text is identical to the ru text",
                                    "translate it (only a single word, a name or a number may be the same in both)"))
    return problems


def _script_problems(file, line, ident, lang, text) -> list[Problem]:
    problems = []
    for word in LETTER_RUN.findall(text):
        if LATIN.search(word) and CYRILLIC.search(word):
            latin = sorted(set(LATIN.findall(word)))
            hint = ", ".join(f"'{c}' -> '{LOOKALIKE[c]}'" for c in latin if c in LOOKALIKE)
            problems.append(Problem(file, line, ident, "mixed-script",
                                    f"the {lang} word '{word}' mixes Latin ({''.join(latin)}) and Cyrillic letters",
                                    f"retype it in Cyrillic{': ' + hint if hint else ''} (a Latin i is often typed for Kazakh і)"))
    return problems


# ---------- bank and question rules ---------------------------------------------------------

class _BankContext:
    def __init__(self, file: str, data, course: Course):
        self.file, self.data, self.course = file, data, course
        self.module = course.modules_by_id.get(data["module"])
        self.standalone = self.module is None
        self.outcome_ids = set(course.outcomes_by_id)
        if self.standalone:
            self.outcome_ids |= {o.get("id") for o in _mappings(data.get("outcomes"))}
        self.scenario_ids = {s.get("id") for s in _mappings(data.get("scenarios"))}

    def problem(self, line, ident, rule, message, fix) -> Problem:
        return Problem(self.file, line, ident, rule, message, fix)

    def bank_problems(self, pages) -> list[Problem]:
        data, problems = self.data, []
        module = data["module"]
        stem = Path(self.file).stem
        if stem != module:
            problems.append(self.problem(data.line_of("module"), module, "bank-file-name",
                                         f"the bank says module '{module}' but the file is named {stem}.yml",
                                         f"rename the file to quizzes/{module}.yml (or fix 'module')"))
        own = [key for key in ("title", "outcomes", "page") if key in data]
        if self.standalone and len(own) < 3:
            known = ", ".join(m.id for m in self.course.modules)
            problems.append(self.problem(data.line_of("module"), module, "quiz-unknown-module",
                                         f"module '{module}' is not in course/course.yml",
                                         f"use a module id ({known}); a quiz that is not about one module "
                                         "(like intro.yml) declares title, outcomes and page instead"))
        if not self.standalone and own:
            problems.append(self.problem(data.line_of(own[0]), module, "module-bank-fields",
                                         f"{', '.join(own)}: only a quiz that is not about a module declares these",
                                         "remove them: the module's title, outcomes and page come from course.yml"))
        if self.standalone and "page" in data and pages is not None:
            for lang in self.course.languages:
                if data["page"] not in pages.get(lang, {}):
                    problems.append(self.problem(data.line_of("page"), module, "bank-page",
                                                 f"page '{data['page']}' does not exist in docs/{lang}/",
                                                 "name a page that exists in every language, e.g. index.md"))
        used = {q.get("scenario") for q in data["questions"] if isinstance(q, dict)}
        for scenario in _mappings(data.get("scenarios")):
            if scenario.get("composite") is not True:
                line = scenario.line_of("composite") if "composite" in scenario else scenario.line_of("id")
                problems.append(self.problem(line, scenario.get("id"), "scenario-unlabelled",
                                             "a quiz scenario must be a composite, anonymised case, and say so "
                                             "(learners then see it labelled as one, brief §4.3)",
                                             "make sure place, people and details are invented and no real incident "
                                             "can be recognised, then add 'composite: true' under the scenario's id"))
            if scenario.get("id") not in used:
                problems.append(self.problem(scenario.line_of("id"), scenario.get("id"), "unused-scenario",
                                             "no question refers to this scenario",
                                             "add 'scenario: <id>' to its questions or remove the scenario"))
        return problems

    def question_problems(self, q, pages) -> list[Problem]:
        problems = []
        qid, kind = q["id"], q["type"]

        def add(key, rule, message, fix, line=None):
            problems.append(self.problem(line or q.line_of(key), qid, rule, message, fix))

        for key in sorted((TYPE_FIELDS[kind] - set(q)) | ((set(q) & SPECIFIC) - TYPE_FIELDS[kind])):
            needed = key in TYPE_FIELDS[kind]
            add(key if not needed else "type", "type-fields",
                f"a {kind} question {'needs' if needed else 'does not use'} '{key}'",
                f"{'add' if needed else 'remove'} '{key}' (or change 'type'); see the types in AUTHORING.md")
        if q.get("scenario") and q["scenario"] not in self.scenario_ids:
            add("scenario", "unknown-scenario", f"scenario '{q['scenario']}' is not defined in this bank",
                "define it under 'scenarios:' or fix the id")
        for index, outcome in enumerate(q["outcomes"]):
            if outcome not in self.outcome_ids:
                mine = ", ".join(o.id for o in self.module.outcomes) if self.module else ""
                add("outcomes", "unknown-outcome", f"outcome '{outcome}' is not defined",
                    f"use an outcome id from course/course.yml{' (this module: ' + mine + ')' if mine else ''}",
                    line=q["outcomes"].line_of(index))
        if pages is not None:
            problems += self._section_problems(q, pages)
        if kind in ("single", "multiple") and "options" in q:
            problems += self._option_problems(q, kind)
        if kind == "matching" and "pairs" in q:
            pairs = q["pairs"]
            if len(pairs) < MIN_PAIRS:
                add("pairs", "option-count", f"a matching question has {len(pairs)} pairs; it needs at least {MIN_PAIRS}",
                    f"add pairs (Moodle rejects matching with fewer than {MIN_PAIRS} answers)")
            for side in ("left", "right"):
                problems += self._duplicates(q, "pairs", [p[side] for p in pairs], f"{side} side")
        if kind == "ordering" and "items" in q:
            if len(q["items"]) < MIN_ITEMS:
                add("items", "option-count", f"an ordering question has {len(q['items'])} items; it needs at least {MIN_ITEMS}",
                    "add items or ask a true-false question instead")
            problems += self._duplicates(q, "items", list(q["items"]), "item")
        return problems

    def _section_problems(self, q, pages) -> list[Problem]:
        page, _, anchor = q["section"].partition("#")
        problems = []
        for lang in self.course.languages:
            found = pages.get(lang, {}).get(page)
            if found is None:
                reason = f"docs/{lang}/{page} does not exist"
            elif anchor not in section_anchors(found):
                reason = f"docs/{lang}/{page} has no heading with {{ #{anchor} }}"
            else:
                continue
            problems.append(self.problem(q.line_of("section"), q["id"], "dangling-section",
                                         f"section '{q['section']}' is not found: {reason}",
                                         "point at a page and an explicit heading anchor that exist in both languages"))
        return problems

    def _option_problems(self, q, kind) -> list[Problem]:
        problems, options = [], q["options"]
        line = q.line_of("options")

        def add(rule, message, fix, at=line):
            problems.append(self.problem(at, q["id"], rule, message, fix))

        correct = [o for o in options if o.get("correct")]
        wrong = [o for o in options if not o.get("correct")]
        if len(options) < MIN_OPTIONS:
            add("option-count", f"a {kind} question has {len(options)} option(s); it needs at least {MIN_OPTIONS}",
                "add options")
        if kind == "single" and len(correct) != 1:
            add("single-correct", f"a single-choice question must have exactly one correct option, not {len(correct)}",
                "mark exactly one option 'correct: true' (or make it a multiple question)")
        if kind == "multiple":
            if not correct or not wrong:
                add("multiple-correct", f"a multiple-answer question needs correct and wrong options "
                                        f"(it has {len(correct)} correct, {len(wrong)} wrong)",
                    "mark at least one option 'correct: true' and leave at least one wrong")
            for count, what in ((len(correct), "correct"), (len(wrong), "wrong")):
                if count and count not in MOODLE_PARTS:
                    add("moodle-grade", f"{count} {what} options give each a grade of 100/{count} %, which Moodle rejects",
                        f"use 1-10 or 20 {what} options (Moodle accepts only {', '.join(MOODLE_PARTS.values())} and their negatives)")
        for index, option in enumerate(options):
            if not option.get("correct") and "feedback" not in option:
                add("feedback-missing", "a wrong option has no feedback",
                    "add 'feedback: {ru: ..., kk: ...}' saying why this option is wrong", at=options.line_of(index))
        problems += self._duplicates(q, "options", [o["text"] for o in options], "option",
                                     explicit=[o.get("key") for o in options])
        return problems

    def _duplicates(self, q, field_name, texts, what, explicit=None) -> list[Problem]:
        """Two choices with the same text (or the same key) would be indistinguishable to learners and storage."""
        problems, seen = [], {}
        explicit = explicit or [None] * len(texts)
        for index, (text, key) in enumerate(zip(texts, explicit)):
            if not isinstance(text, dict) or not all(isinstance(text.get(lang), str) for lang in LANGUAGES):
                continue
            for ident in {key or text_key(text), *(f"{lang}:{' '.join(text[lang].split()).lower()}" for lang in LANGUAGES)}:
                if ident in seen and seen[ident] != index:
                    problems.append(self.problem(q[field_name].line_of(index), q["id"], "duplicate-option",
                                                 f"this {what} repeats {what} {seen[ident] + 1} (same text or key)",
                                                 "make every choice different (or give them different 'key's)"))
                    break
                seen.setdefault(ident, index)
        return problems

    def build(self, questions) -> Bank:
        data = self.data
        shuffle = bool(data.get("shuffle", False))
        built = []
        for q in questions:
            def text(key):
                return dict(q[key]) if key in q else None
            built.append(Question(
                id=q["id"], type=q["type"], outcomes=tuple(q["outcomes"]), section=q["section"],
                text=text("text"), explanation=text("explanation"), hint=text("hint"), scenario=q.get("scenario"),
                shuffle=bool(q.get("shuffle", shuffle)),
                options=tuple(Choice(o.get("key") or text_key(o["text"]), dict(o["text"]), bool(o.get("correct")),
                                     dict(o["feedback"]) if "feedback" in o else None) for o in q.get("options", [])),
                answer=q.get("answer"), wrong_feedback=text("wrong_feedback"),
                pairs=tuple(Pair(Choice(text_key(p["left"]), dict(p["left"])), Choice(text_key(p["right"]), dict(p["right"])))
                            for p in q.get("pairs", [])),
                items=tuple(Choice(text_key(i), dict(i)) for i in q.get("items", [])),
                line=q.line_of("id")))
        scenarios = tuple(Scenario(s["id"], dict(s["title"]), dict(s["text"]), s.line_of("id"))
                          for s in data.get("scenarios", []))
        outcomes = data.get("outcomes", []) if self.standalone else []
        own = tuple(Outcome(o["id"], {lang: o.get(lang, "") for lang in LANGUAGES}) for o in outcomes)
        return Bank(data["module"], self.file, tuple(built), scenarios, self.module,
                    dict(data["title"]) if self.standalone and "title" in data else None,
                    own, data.get("page") if self.standalone else None,
                    {o["id"]: o.line_of("id") for o in outcomes})


def _mappings(value) -> list:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def section_anchors(page) -> set[str]:
    """Anchors a question may point at: explicit heading anchors and case blocks (case-<id>)."""
    cases = {f"case-{b.options['id']}" for b in page.walk_blocks() if b.name == "case" and b.options.get("id")}
    return set(page.anchors) | cases


def _course_wide_problems(banks: list[Bank], course: Course) -> list[Problem]:
    """Ids that must be unique across the course: questions (storage keys), scenarios (anchors), outcomes."""
    problems = []
    seen: dict[tuple[str, str], str] = {}
    for bank in banks:
        entries = [("question", q.id, q.line) for q in bank.questions] + \
                  [("scenario", s.id, s.line) for s in bank.scenarios]
        for kind, ident, line in entries:
            where = seen.get((kind, ident))
            if where is not None:
                problems.append(Problem(bank.file, line, ident, f"duplicate-{kind}-id",
                                        f"{kind} id '{ident}' is already used at {where}",
                                        f"give it a new id, unique across the course (e.g. prefixed '{bank.id}-')"))
            else:
                seen[(kind, ident)] = f"{bank.file}:{line}"
        for outcome in bank.own_outcomes:
            if outcome.id in course.outcomes_by_id:
                problems.append(Problem(bank.file, bank.outcome_lines.get(outcome.id), outcome.id, "duplicate-outcome-id",
                                        f"outcome id '{outcome.id}' is already defined in course/course.yml",
                                        f"rename it, e.g. '{bank.id}-{outcome.id}'"))
    return problems
