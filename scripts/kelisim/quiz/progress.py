"""The learner's progress: the course structure its script reads, and the «Мой прогресс» page.

Answers are kept in the browser by question id (overrides/assets/kelisim/progress.js). To count them
per module without opening the quiz pages, progress-view.js needs the banks' structure: `data` gives
it per part (a bank: module quiz or standalone quiz) its pages and question ids in display order, and
per question its type, option keys (hashes of the option texts: a changed option gets a new key, so an
old answer no longer fits), correct answer and outcomes, plus the seminar's pre- and post-test, whose
answers are stored under ids of their own ('pre-test--<question id>': Bank.stored_id).
`write_data` writes it into the built site as a script (file:// pages cannot fetch JSON); `render`
draws the progress page (`/// progress` block) in the page's language, the script fills in the figures.
"""

from __future__ import annotations

import json
from pathlib import Path

from markdown.util import AtomicString

from .. import blocks
from ..i18n import STRINGS, for_script, t
from .bank import Bank, Question
from .render import display_order

#: Where the data lands in the built site (next to the theme's scripts) and the global it sets.
DATA = Path("assets") / "kelisim" / "progress-data.js"
GLOBAL = "KelisimCourse"
#: Strings every page needs for the indicators (both languages travel in the data file).
INDICATOR_STRINGS = ("progress.badge", "progress.here", "progress.link")
#: Strings the progress page's script shows (data-kl-strings on the page).
PAGE_STRINGS = ("progress.counts", "progress.bar", "progress.last", "progress.never", "progress.next",
                "progress.open", "progress.outcomes", "progress.test", "progress.test.none", "progress.older",
                "progress.date", "progress.months", "progress.printed", "progress.confirm", "progress.confirm.all",
                "progress.reset.done", "progress.reset.all.done", "progress.import.added", "progress.import.bad",
                "progress.import.course", "progress.import.future")
#: The progress page, inside each language folder.
PAGE = "progress.md"


def _html(path: str) -> str:
    return path.removesuffix(".md") + ".html"


def question_data(q: Question) -> dict:
    """What the script needs to judge a stored answer: t type, k keys, r matching's right keys, c correct, o outcomes."""
    data = {"t": q.type, "k": [], "c": q.correct, "o": list(q.outcomes)}
    if q.type in ("single", "multiple"):
        data["k"] = [o.key for o in q.options]
    elif q.type == "matching":
        data["k"] = [p.left.key for p in q.pairs]
        data["r"] = sorted(p.right.key for p in q.pairs)
    elif q.type == "ordering":
        data["k"] = [item.key for item in q.items]
    return data


def _ordered(bank: Bank) -> list[str]:
    return [q.id for _, questions in display_order(bank) for q in questions]


def data(course, banks: list[Bank], tests: dict, page: bool = True) -> dict:
    """The course structure for progress-view.js: language folders, the progress page (if the course has
    one: `page`), parts, questions, seminar tests, strings."""
    return {
        "course": course.id,
        "version": course.version,
        "page": _html(PAGE) if page else None,
        "langs": {lang: "" if lang == course.default_language else f"{lang}/" for lang in course.languages},
        "parts": [{"id": bank.id, "page": _html(bank.attached_page), "quiz": _html(bank.quiz_page),
                   "q": _ordered(bank)} for bank in banks],
        # A seminar test's answers are stored under its own ids (Bank.stored_id): judged here, never
        # counted in the modules' figures, and a module answer never counts as a test answer.
        "q": {bank.stored_id(q): question_data(q) for bank in [*banks, *(test.bank for test in tests.values())]
              for q in bank.questions},
        "tests": [{"id": test.id, "q": [test.bank.stored_id(q) for q in test.bank.questions]}
                  for test in tests.values()],
        "strings": {lang: for_script(lang, INDICATOR_STRINGS, "progress.") for lang in course.languages},
    }


def write_data(site_dir: Path, course, banks: list[Bank], tests: dict, page: bool = True) -> None:
    """Always written (every page loads it), even for a course without quizzes."""
    target = site_dir / DATA
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data(course, banks, tests, page), ensure_ascii=False, separators=(",", ":"))
    target.write_text(f"window.{GLOBAL}={text};\n", encoding="utf-8")


# ---------- the page --------------------------------------------------------------------------

def _el(parent, tag: str, text: str | None = None, **attrs):
    return blocks.child(parent, tag, None if text is None else AtomicString(text), **attrs)


def part_name(bank: Bank, lang: str) -> str:
    return t(lang, "module", n=bank.module.number) if bank.module else bank.title[lang]


def render(parent, banks: list[Bank], tests: dict, ctx):
    """Per part: heading, figures, bar, last answer, link onwards, outcomes, reset; then the seminar
    tests, moving answers between computers, printing, resetting the whole course."""
    lang = ctx.lang
    strings = for_script(lang, PAGE_STRINGS, "progress.")
    strings["months"] = STRINGS[lang]["progress.months"].split()
    section = _el(parent, "section", class_="kl-progress", data_kl_block="progress",
                  data_kl_strings=json.dumps(strings, ensure_ascii=False))
    noscript = _el(section, "noscript")
    _el(noscript, "p", t(lang, "progress.noscript"))
    _el(section, "p", "", class_="kl-progress__printed")
    total = _el(section, "div", class_="kl-progress__total", data_kl_part="")
    _el(total, "h2", t(lang, "progress.total"), id="progress-total")
    _figures(total, t(lang, "progress.total"), lang, "total")
    _el(section, "p", "", class_="kl-progress__older", hidden="hidden")
    for bank in banks:
        name = part_name(bank, lang)
        part = _el(section, "section", class_="kl-progress__part", data_kl_part=bank.id)
        heading = _el(part, "h2", id=f"progress-{bank.id}")
        if bank.module:
            heading.text = AtomicString(f"{name}. ")
            _el(heading, "a", bank.module.title[lang], href=ctx.link(bank.module.page))
        else:
            _el(heading, "a", name, href=ctx.link(bank.quiz_page))
        _figures(part, name, lang, bank.id)
        _el(part, "p", "", class_="kl-progress__last")
        onwards = _el(part, "p", class_="kl-progress__onwards")
        _el(onwards, "a", t(lang, "progress.open"), href=ctx.link(bank.quiz_page), class_="kl-progress__next")
        asked = [o for o in bank.outcomes if any(o.id in q.outcomes for q in bank.questions)]
        if asked:
            box = _el(part, "details", class_="kl-progress__outcomes")
            _el(box, "summary", t(lang, "outcomes"))
            items = _el(box, "ul")
            for outcome in asked:
                _el(items, "li", outcome.text[lang], data_kl_outcome=outcome.id)
        _el(part, "button", t(lang, "progress.reset", name=name), type="button", class_="md-button kl-progress__reset",
            data_kl_reset=bank.id, data_kl_name=name)
    if tests:
        box = _el(section, "section", class_="kl-progress__tests")
        _el(box, "h2", t(lang, "progress.tests"), id="progress-seminar-tests")
        _el(box, "p", t(lang, "progress.tests.lead"))
        items = _el(box, "ul")
        for test in tests.values():
            _el(items, "li", test.title[lang], data_kl_test=test.id, data_kl_name=test.title[lang])
    tools = _el(section, "section", class_="kl-progress__tools")
    _el(tools, "h2", t(lang, "progress.move"), id="progress-move")
    _el(tools, "p", t(lang, "progress.move.lead"))
    buttons = _el(tools, "p")
    _el(buttons, "button", t(lang, "progress.export"), type="button", class_="md-button md-button--primary",
        data_kl_do="export")
    _el(buttons, "button", t(lang, "progress.print"), type="button", class_="md-button", data_kl_do="print")
    upload = _el(tools, "p", class_="kl-progress__import")
    _el(upload, "label", t(lang, "progress.import"), for_="kl-progress-import")
    _el(upload, "input", type="file", id="kl-progress-import", accept=".json,application/json")
    _el(tools, "p", "", class_="kl-progress__status", role="status")
    _el(tools, "h2", t(lang, "progress.reset.all.title"), id="progress-reset")
    _el(tools, "button", t(lang, "progress.reset.all"), type="button", class_="md-button kl-progress__reset",
        data_kl_do="reset-all")
    return section


def _figures(parent, name: str, lang: str, ident: str) -> None:
    """The figures line and its bar (the bar's text equivalent is set by the script with the figures)."""
    _el(parent, "p", "", class_="kl-progress__counts", id=f"progress-counts-{ident}")
    bar = _el(parent, "progress", "", class_="kl-progress__bar", max="1", value="0",
              aria_label=t(lang, "progress.bar.label", name=name))
    bar.set("aria-describedby", f"progress-counts-{ident}")
