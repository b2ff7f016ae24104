"""Exercise materials as data (course/exercises/<id>.yml): role cards, situation cards, timed injects,
observer checklists and fill-in templates.

Module pages describe a seminar exercise in prose; the printable parts live here, once for both
languages. `check_exercises` validates every file (schema, translations, ids, the module and case
it names) and the `/// exercise-cards` blocks that print them; `render` draws the cards in a page's
language (called by kelisim.blocks). Print layout: overrides/assets/kelisim/exercise.css.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path

from . import yamlio
from .i18n import t
from .model import LANGUAGES, Course
from .pages import blocks_named
from .problems import Problem, rel
from .quiz.bank import translation_problems  # the same {ru, kk} rules as the quiz banks

FOLDER = "course/exercises"
SCHEMA = "course/exercise.schema.json"
BLOCK = "exercise-cards"


@dataclass(frozen=True)
class Role:
    id: str
    title: dict[str, str]
    card: dict[str, str]


@dataclass(frozen=True)
class Situation:
    id: str
    title: dict[str, str]
    text: dict[str, str]


@dataclass(frozen=True)
class Inject:
    id: str
    minute: int
    title: dict[str, str]
    text: dict[str, str]
    control: dict[str, str]


@dataclass(frozen=True)
class CheckItem:
    id: str
    item: dict[str, str]
    look_for: dict[str, str]


@dataclass(frozen=True)
class Exercise:
    id: str
    module: str
    case: str | None
    title: dict[str, str]
    intro: dict[str, str]
    roles: tuple[Role, ...]
    injects: tuple[Inject, ...]
    checklist: tuple[CheckItem, ...]
    situations: tuple[Situation, ...] = ()
    task: dict[str, str] | None = None  # printed on every situation card
    template: dict[str, dict[str, str]] | None = None  # {title, lead}: the checklist as a fill-in form


def exercise_files(root: Path) -> list[Path]:
    return sorted((root / FOLDER).glob("*.yml"))


def check_exercises(root: Path, course: Course, pages) -> tuple[list[Exercise], list[Problem]]:
    """(valid exercises, problems): every file's rules, and `/// exercise-cards` blocks naming real exercises."""
    schema = json.loads((root / SCHEMA).read_text(encoding="utf-8"))
    exercises, problems = [], []
    for path in exercise_files(root):
        name = rel(path, root)
        found: list[Problem] = []
        data = yamlio.load(path, found, name)
        if data is not None:
            found += yamlio.schema_problems(data, schema, name)
        if data is not None and not found:
            found += translation_problems(data, schema, name)
            found += _data_problems(data, name, path.stem, course, pages)
        problems += found
        if data is not None and not found:
            exercises.append(_build(data))
    known = {path.stem for path in exercise_files(root)}
    for page, block in blocks_named(pages, BLOCK):
        ident = block.options.get("id")
        file = rel(page.path, root)
        if not ident:
            problems.append(Problem(file, block.line, BLOCK, "exercise-id", "the block does not say which exercise to print",
                                    "add an indented option line right under the header: '    id: road-incident'"))
        elif ident not in known:
            problems.append(Problem(file, block.line, ident, "unknown-exercise",
                                    f"no {FOLDER}/{ident}.yml for this block", "name an existing exercise in the block's '    id:' line"))
        elif block.options.get("part") and (block.options["part"] != "situations" or not any(
                e.situations for e in exercises if e.id == ident)):
            problems.append(Problem(file, block.line, ident, "exercise-part",
                                    f"'part: {block.options['part']}' is not a list this exercise has",
                                    "use 'part: situations' on an exercise with situations, or drop the line to print the cards"))
    return exercises, problems


def _data_problems(data, name: str, stem: str, course: Course, pages) -> list[Problem]:
    problems = []
    if data["id"] != stem:
        problems.append(Problem(name, data.line_of("id"), data["id"], "exercise-file-name",
                                f"the id '{data['id']}' differs from the file name '{stem}.yml'",
                                f"rename the file to {data['id']}.yml or set 'id: {stem}'"))
    module = course.modules_by_id.get(data["module"])
    if module is None:
        problems.append(Problem(name, data.line_of("module"), data["id"], "exercise-unknown-module",
                                f"module '{data['module']}' is not in course/course.yml",
                                f"use one of {', '.join(sorted(course.modules_by_id))}"))
    elif data.get("case"):
        for lang in LANGUAGES:
            page = pages.get(lang, {}).get(module.page)
            cases = {b.options.get("id") for b in page.walk_blocks() if b.name == "case"} if page else set()
            if data["case"] not in cases:
                problems.append(Problem(name, data.line_of("case"), data["id"], "exercise-unknown-case",
                                        f"docs/{lang}/{module.page} has no case with id '{data['case']}'",
                                        "use the id of a '//// case' block on the module's page (in both languages) or drop 'case:'"))
    for key, what in (("roles", "role-id"), ("situations", "situation-id"), ("injects", "inject-id"),
                      ("checklist", "check-id")):
        problems += yamlio.duplicate_ids(data.get(key, []), name, what, f"give each entry of '{key}' its own id")
    injects = data.get("injects", [])
    for index, (before, after) in enumerate(zip(injects, injects[1:]), start=1):
        if after["minute"] < before["minute"]:
            problems.append(Problem(name, injects[index].line_of("minute"), after["id"], "inject-order",
                                    f"inject at minute {after['minute']} comes after one at minute {before['minute']}",
                                    "list injects in the order they arrive (by minute)"))
    return problems


def _build(data) -> Exercise:
    def text(node) -> dict[str, str]:
        return {lang: node[lang] for lang in LANGUAGES}

    return Exercise(
        data["id"], data["module"], data.get("case"), text(data["title"]), text(data["intro"]),
        tuple(Role(r["id"], text(r["title"]), text(r["card"])) for r in data.get("roles", [])),
        tuple(Inject(i["id"], i["minute"], text(i["title"]), text(i["text"]), text(i["control"]))
              for i in data.get("injects", [])),
        tuple(CheckItem(c["id"], text(c["item"]), text(c["look_for"])) for c in data.get("checklist", [])),
        tuple(Situation(s["id"], text(s["title"]), text(s["text"])) for s in data.get("situations", [])),
        text(data["task"]) if "task" in data else None,
        {key: text(data["template"][key]) for key in ("title", "lead")} if "template" in data else None,
    )


# ---------- printable cards -------------------------------------------------------------------

def render_situations(parent, exercise: Exercise, ctx) -> etree.Element:
    """The situations as a numbered list in the module page's text (`part: situations`): the same
    data as the cards, so the page and the printed cards never drift apart."""
    from .blocks import child

    listing = child(parent, "ol", class_="kl-situations", data_kl_block=BLOCK, data_kl_exercise=exercise.id)
    for situation in exercise.situations:
        item = child(listing, "li", id=f"{exercise.id}-{situation.id}")
        child(item, "strong", f"{situation.title[ctx.lang]}.")
        child(item, "span", f" {situation.text[ctx.lang]}")
    return listing


def render(parent, exercise: Exercise, ctx, stylesheet: str) -> etree.Element:
    """Cover, role, situation and inject cards (one A5 card each, two per A4 sheet), then the control
    sheet (every inject with what the control team does), the observer checklist and the fill-in
    template (each on its own sheets)."""
    from .blocks import child

    lang = ctx.lang
    wrapper = child(parent, "div", class_="kl-print kl-exercise", data_kl_block=BLOCK, data_kl_exercise=exercise.id)
    child(wrapper, "link", rel="stylesheet", href=stylesheet)
    title = exercise.title[lang]

    def card(kind: str, heading: str, ident: str, label: str) -> etree.Element:
        article = child(wrapper, "article", class_=f"kl-card kl-card--{kind}", id=ident)
        head = child(article, "p", class_="kl-card__head")
        child(head, "span", label, class_="kl-card__kind")
        child(head, "span", title, class_="kl-card__exercise")
        # The cover heads the exercise (h2, right under the page title or a section's), the rest h3.
        child(article, "h2" if kind == "cover" else "h3", heading, class_="kl-card__title")
        return article

    cover = card("cover", title, f"exercise-{exercise.id}", t(lang, "exercise.cover"))
    child(cover, "p", exercise.intro[lang])
    child(cover, "p", t(lang, "case.composite"), class_="kl-card__label")
    counts = [(len(exercise.roles), "exercise.roles"), (len(exercise.situations), "exercise.situations"),
              (len(exercise.injects), "exercise.injects"),
              (len(exercise.checklist), "exercise.check.count")]
    child(cover, "p", " · ".join(f"{t(lang, key)}: {n}" for n, key in counts if n), class_="kl-card__facts")
    for role in exercise.roles:
        article = card("role", role.title[lang], f"role-{role.id}", t(lang, "exercise.role"))
        child(article, "p", role.card[lang])
    for number, situation in enumerate(exercise.situations, start=1):
        label = t(lang, "exercise.situation", n=number, total=len(exercise.situations))
        article = card("situation", situation.title[lang], f"situation-{situation.id}", label)
        child(article, "p", situation.text[lang])
        if exercise.task:
            child(article, "p", exercise.task[lang], class_="kl-card__task")
        child(article, "div", "", class_="kl-card__write", aria_hidden="true")
    total = len(exercise.injects)
    for number, inject in enumerate(exercise.injects, start=1):
        label = t(lang, "exercise.inject", n=number, total=total, minute=inject.minute)
        article = card("inject", inject.title[lang], f"inject-{inject.id}", label)
        child(article, "p", inject.text[lang])
    if exercise.injects:
        sheet = child(wrapper, "section", class_="kl-sheet kl-sheet--control", id=f"control-{exercise.id}")
        child(sheet, "h3", f"{t(lang, 'exercise.control')}: {title}")
        table = child(sheet, "table")
        head = child(child(table, "thead"), "tr")
        for key in ("exercise.minute", "exercise.inject.title", "exercise.control.action"):
            child(head, "th", t(lang, key), scope="col")
        body = child(table, "tbody")
        for inject in exercise.injects:
            row = child(body, "tr")
            child(row, "td", str(inject.minute))
            child(row, "th", inject.title[lang], scope="row")
            child(row, "td", inject.control[lang])
    if exercise.checklist:
        sheet = child(wrapper, "section", class_="kl-sheet kl-sheet--checklist", id=f"checklist-{exercise.id}")
        child(sheet, "h3", f"{t(lang, 'exercise.checklist')}: {title}")
        table = child(sheet, "table")
        head = child(child(table, "thead"), "tr")
        for key in ("exercise.check.item", "exercise.check.look_for", "exercise.check.notes"):
            child(head, "th", t(lang, key), scope="col")
        body = child(table, "tbody")
        for item in exercise.checklist:
            row = child(body, "tr", id=f"check-{item.id}")
            child(row, "th", item.item[lang], scope="row")
            child(row, "td", item.look_for[lang])
            child(row, "td", "", class_="kl-sheet__blank")
    if exercise.template:
        sheet = child(wrapper, "section", class_="kl-sheet kl-sheet--template", id=f"template-{exercise.id}")
        child(sheet, "h3", f"{exercise.template['title'][lang]}: {title}")
        child(sheet, "p", exercise.template["lead"][lang])
        child(sheet, "p", t(lang, "exercise.template.group"), class_="kl-sheet__name")
        table = child(sheet, "table")
        head = child(child(table, "thead"), "tr")
        for key in ("exercise.template.field", "exercise.template.entry"):
            child(head, "th", t(lang, key), scope="col")
        body = child(table, "tbody")
        for item in exercise.checklist:
            row = child(body, "tr", id=f"field-{item.id}")
            cell = child(row, "th", scope="row")
            child(cell, "strong", item.item[lang])
            child(cell, "span", item.look_for[lang], class_="kl-sheet__hint")
            child(row, "td", "", class_="kl-sheet__write")
    return wrapper
