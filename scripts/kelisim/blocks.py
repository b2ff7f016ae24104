"""Course blocks: the closed set of `/// name` blocks authors may use (see AUTHORING.md).

Teaching blocks wrap author text: status, key-points, case (with a nested questions
block), briefing (a sourced account of a real incident), trainer-note, sources. Generated blocks take no text and render course data
in the page's language: outcomes, module-cards, syllabus, timetable, glossary, slides, exercise-cards,
day-guide, seminar-test, progress.
The rules (unknown names, missing parts) are checked with line numbers by
`kelisim.checks` before anything renders; these classes assume valid input.
"""

from __future__ import annotations

import posixpath
from html import escape
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_boolean, type_string

from .i18n import Date, duration, t
from .sources import parse_citation

TEACHING = {"status", "key-points", "case", "questions", "briefing", "trainer-note", "sources", "slide"}
#: `quiz` and `answer-key` render the question banks (kelisim.quiz); `quiz` names its bank in an `id:` option.
#: `exercise-cards` prints course/exercises/<id>.yml (kelisim.exercise), named in an `id:` option.
#: `day-guide` prints a seminar day's facilitation guide (kelisim.trainer), named in a `day:` option;
#: `seminar-test` the pre-test or post-test (`id:`) as a quiz, with `key: true` its scoring key, with
#: `paper: true` the printed question sheet and answer sheet; `case-cards` the cases to print (a `day:`'s or all).
#: `progress` the learner's progress page (kelisim.quiz.progress), filled in by progress-view.js.
#: `downloads` lists the release's downloadable files (kelisim.release); `dist` fills in their sizes.
GENERATED = {"outcomes", "module-cards", "syllabus", "timetable", "glossary", "slides", "quiz", "answer-key",
             "exercise-cards", "day-guide", "seminar-test", "case-cards", "progress", "downloads"}
KNOWN = TEACHING | GENERATED


@dataclass
class PageContext:
    """What the page being rendered is: set by the MkDocs hook before each page."""

    lang: str = "ru"
    module: str | None = None
    path: str = "index.md"  # page path inside the language folder
    root: Path | None = None  # the course root; set by the build (reset) or a test (set_page)

    @cached_property
    def course(self):
        from .model import load_course
        return load_course(self.root)

    @cached_property
    def glossary(self):
        from .glossary import load_glossary
        return load_glossary(self.root)

    @cached_property
    def sources(self):
        from .sources import load_sources
        return load_sources(self.root)

    @cached_property
    def pages(self):
        from .checks import read_pages
        return read_pages(self.root, self.course.languages)

    @cached_property
    def banks(self):
        from .quiz.bank import load_banks
        return {bank.id: bank for bank in load_banks(self.root, self.course)}

    @cached_property
    def exercises(self):
        from .checks import read_pages
        from .exercise import check_exercises
        return {e.id: e for e in check_exercises(self.root, self.course, read_pages(self.root, self.course.languages))[0]}

    @cached_property
    def trainer(self):
        from .trainer import check_trainer
        return check_trainer(self.root, self.course, self.pages, self.exercises.values(), self.banks.values())[0]

    def link(self, target: str) -> str:
        """Relative link from this page to another page of the same language."""
        return posixpath.relpath(target, posixpath.dirname(self.path) or ".")


CONTEXT = PageContext()


def set_page(lang: str, path: str, module: str | None = None, root: Path | None = None) -> None:
    CONTEXT.lang, CONTEXT.path, CONTEXT.module = lang, path, module
    if root is not None and root != CONTEXT.root:
        reset(root)


def reset(root: Path | None = None, data=None) -> None:
    """Forget loaded data (a new build or a live-reload may have changed it).

    `data` (a checks.CourseData) saves loading again what the checks already loaded.
    """
    global CONTEXT
    CONTEXT = PageContext(lang=CONTEXT.lang, module=CONTEXT.module, path=CONTEXT.path, root=root)
    if data is not None:
        CONTEXT.course, CONTEXT.glossary, CONTEXT.sources = data.course, data.glossary, data.sources
        CONTEXT.banks = {bank.id: bank for bank in data.banks}
        CONTEXT.pages = data.pages
        CONTEXT.exercises = {exercise.id: exercise for exercise in data.exercises}
        CONTEXT.trainer = data.trainer


def child(parent, tag: str, text: str | None = None, **attrs) -> etree.Element:
    """A child element; attribute names in Python spelling (class_ -> class, data_kl_block -> data-kl-block)."""
    element = etree.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): str(v) for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


class CourseBlock(Block):
    ARGUMENT = False
    KIND = ""  # Material admonition type used for styling

    @property
    def lang(self) -> str:
        return CONTEXT.lang

    def holder(self, parent, tag: str, classes: str, **attrs) -> etree.Element:
        """The block's outer element, marked data-kl-block=<name> for the slides, the widget and tests."""
        return child(parent, tag, class_=classes, data_kl_block=self.NAME, **attrs)

    def box(self, parent, title: str, **attrs) -> etree.Element:
        classes = f"admonition {self.KIND} kl-{self.NAME}".strip()
        section = self.holder(parent, "section", classes, **attrs)
        child(section, "p", title, class_="admonition-title")
        return section


class Status(CourseBlock):
    """`/// status`: the module's legal status box; the date comes from course.yml (status_as_of)."""

    NAME, KIND = "status", "warning"

    def on_create(self, parent):
        module = CONTEXT.course.module(CONTEXT.module)
        return self.box(parent, t(self.lang, "status", date=Date(self.lang, module.status_as_of)))


class KeyPoints(CourseBlock):
    """`/// key-points`: the few things to remember."""

    NAME, KIND = "key-points", "tip"

    def on_create(self, parent):
        return self.box(parent, t(self.lang, "key-points"))


class Case(CourseBlock):
    """`//// case | Title` + `id:` option: scenario text, then a nested `/// questions` block."""

    NAME, KIND = "case", "example"
    ARGUMENT = True
    OPTIONS = {"id": ("", type_string)}

    def on_create(self, parent):
        section = self.box(parent, f"{t(self.lang, 'case')}: {self.argument}", id=f"case-{self.options['id']}")
        child(section, "p", t(self.lang, "case.composite"), class_="kl-case__label")
        return section


class Questions(CourseBlock):
    """`/// questions` inside a case: the discussion questions."""

    NAME = "questions"

    def on_create(self, parent):
        div = self.holder(parent, "div", "kl-case__questions")
        child(div, "p", t(self.lang, "case.questions"), class_="kl-case__questions-title")
        return div


#: A briefing's fields, in this order, each a paragraph opening with its bold label (i18n `briefing.<field>`).
BRIEFING_FIELDS = ("when", "trigger", "framing", "mobilisation", "response", "court", "lessons")


def briefing_sources(option: str) -> list[str]:
    """The `sources:` option of a briefing: registry ids separated by spaces or commas."""
    return [s for s in option.replace(",", " ").split() if s]


class Briefing(CourseBlock):
    """`/// briefing | Place, date` + `id:` and `sources:` options: a real incident told by mechanism.

    The fields (BRIEFING_FIELDS) are written by the author; the block adds the anchor
    `briefing-<id>`, a label saying what kind of text this is, and links to its sources
    in the page's sources block.
    """

    NAME, KIND = "briefing", "info"
    ARGUMENT = True
    OPTIONS = {"id": ("", type_string), "sources": ("", type_string)}

    def on_create(self, parent):
        section = self.box(parent, f"{t(self.lang, 'briefing')}: {self.argument}", id=f"briefing-{self.options['id']}")
        child(section, "p", t(self.lang, "briefing.label"), class_="kl-briefing__label")
        return section

    def on_end(self, block):
        footer = child(block, "p", f"{t(self.lang, 'briefing.sources')}: ", class_="kl-briefing__sources")
        ids = briefing_sources(self.options["sources"])
        for number, source_id in enumerate(ids):
            link = child(footer, "a", CONTEXT.sources[source_id].title[self.lang], href=f"#source-{source_id}")
            link.tail = "; " if number < len(ids) - 1 else "."


class TrainerNote(CourseBlock):
    """`/// trainer-note`: collapsed for learners; speaker notes on slides."""

    NAME = "trainer-note"

    def on_create(self, parent):
        details = self.holder(parent, "details", "note kl-trainer-note")
        child(details, "summary", t(self.lang, "trainer-note"))
        return details


class SlideBlock(CourseBlock):
    """`/// slide` or `/// slide | Title`: what a lecture slide shows (short bullets, a figure, a question).

    Hidden on the page; the deck builder (kelisim.slides) puts it on screen and the prose
    around it into the speaker notes. Without a title the slide takes its section's heading.
    """

    NAME = "slide"
    ARGUMENT = None

    def on_create(self, parent):
        # Hidden on the page and left out of the search index: its text is a summary of what is around it.
        div = self.holder(parent, "div", "kl-slide", hidden="hidden", data_search_exclude="")
        if self.argument:
            div.set("data-kl-slide-title", self.argument)
        return div


class SourcesBlock(CourseBlock):
    """`/// sources` with one `- id` per line (`- id (historical)` for repealed documents)."""

    NAME = "sources"

    def on_markdown(self):
        return "raw"

    def on_create(self, parent):
        section = self.holder(parent, "section", "kl-sources")
        child(section, "p", t(self.lang, "sources"), class_="kl-sources__title")
        child(section, "ol")
        return section

    def on_add(self, block):
        return block.find("ol")

    def on_end(self, block):
        items = block.find("ol")
        text, items.text = items.text or "", None
        for line in text.splitlines():
            cited = parse_citation(line)
            if cited:
                self.render_source(items, CONTEXT.sources[cited[0]])

    def render_source(self, items, source) -> None:
        lang = self.lang
        li = child(items, "li", id=f"source-{source.id}")
        title = child(li, "a", source.title[lang], href=source.url) if source.url else child(li, "span", source.title[lang])
        title.set("class", "kl-sources__name")
        note = child(li, "span", class_=f"kl-sources__status kl-sources__status--{source.status}")
        text = source_note(lang, source, CONTEXT.sources)
        note.text = f" — {text}" if text.endswith(".") else f" — {text}."


def source_note(lang: str, source, registry) -> str:
    """'действует с изменениями; не сверено с официальным текстом' and the like, after a cited title."""
    if source.replaced_by:
        parts = [t(lang, "source.replaced_by", title=registry[source.replaced_by].title[lang])]
    else:
        parts = [t(lang, f"source.status.{source.status}")]
    if source.checked:
        parts.append(t(lang, "source.checked", date=Date(lang, source.checked)))
    elif source.has_official_text:
        parts.append(t(lang, "source.unchecked"))
    return "; ".join(parts)


class Outcomes(CourseBlock):
    """`/// outcomes`: the module's learning outcomes from course.yml."""

    NAME, KIND = "outcomes", "abstract"

    def on_create(self, parent):
        module = CONTEXT.course.module(CONTEXT.module)
        section = self.box(parent, t(self.lang, "outcomes"))
        child(section, "p", t(self.lang, "outcomes.lead"))
        items = child(section, "ol")
        for outcome in module.outcomes:
            child(items, "li", outcome.text[self.lang], id=f"outcome-{outcome.id}")
        return section


def _slot_summary(lang: str, course, module) -> str:
    slots = course.slots_by_id
    day = course.day_of(module)
    times = ", ".join(slots[s].time for s in module.slot_ids if slots[s].time != "evening")
    return f"{t(lang, 'day', n=day.number)}, {times}" if day else ""


class ModuleCards(CourseBlock):
    """`/// module-cards`: one card per module with minutes, seminar day and outcomes."""

    NAME = "module-cards"

    def on_create(self, parent):
        lang, course = self.lang, CONTEXT.course
        grid = self.holder(parent, "div", "grid cards kl-module-cards")
        cards = child(grid, "ul")
        for module in course.modules:
            card = child(cards, "li", id=f"module-{module.id}")
            heading = child(card, "p", class_="kl-card__title")
            child(heading, "strong", t(lang, "module", n=module.number) + ". ")
            child(heading, "a", module.title[lang], href=CONTEXT.link(module.page))
            facts = child(card, "p", class_="kl-card__facts")
            facts.text = (f"{t(lang, 'self_study')}: {t(lang, 'minutes', n=module.self_study_minutes)} · "
                          f"{t(lang, 'seminar_day')}: {_slot_summary(lang, course, module)}")
            items = child(card, "ul")
            for outcome in module.outcomes:
                child(items, "li", outcome.text[lang])
        return grid


class Syllabus(CourseBlock):
    """`/// syllabus`: the course plan as a table generated from course.yml."""

    NAME = "syllabus"

    def on_create(self, parent):
        lang, course = self.lang, CONTEXT.course
        wrapper = self.holder(parent, "div", "kl-syllabus")
        table = child(wrapper, "table")
        head = child(child(table, "thead"), "tr")
        for key in ("syllabus.module", "syllabus.minutes", "syllabus.outcomes", "syllabus.seminar"):
            child(head, "th", t(lang, key), scope="col")
        body = child(table, "tbody")
        for module in course.modules:
            row = child(body, "tr", id=f"syllabus-{module.id}")
            name = child(row, "th", scope="row")
            name.text = t(lang, "module", n=module.number) + ". "
            child(name, "a", module.title[lang], href=CONTEXT.link(module.page))
            child(row, "td", t(lang, "minutes", n=module.self_study_minutes))
            outcomes = child(child(row, "td"), "ul")
            for outcome in module.outcomes:
                child(outcomes, "li", outcome.text[lang])
            child(row, "td", _slot_summary(lang, course, module))
        total = sum(m.self_study_minutes for m in course.modules)
        child(wrapper, "p", t(lang, "syllabus.total", hours=duration(lang, total)), class_="kl-syllabus__total")
        return wrapper


class Timetable(CourseBlock):
    """`/// timetable`: the 3-day seminar timetable, one table per day."""

    NAME = "timetable"

    def on_create(self, parent):
        lang, course = self.lang, CONTEXT.course
        wrapper = self.holder(parent, "div", "kl-timetable")
        for day in course.days:
            child(wrapper, "h2", day.title[lang], id=f"day-{day.number}")
            table = child(wrapper, "table")
            head = child(child(table, "thead"), "tr")
            child(head, "th", t(lang, "timetable.time"), scope="col")
            child(head, "th", t(lang, "timetable.activity"), scope="col")
            body = child(table, "tbody")
            for slot in day.slots:
                row = child(body, "tr", id=f"slot-{slot.id}")
                child(row, "td", t(lang, "timetable.evening") if slot.time == "evening" else slot.time)
                cell = child(row, "td", slot.text[lang])
                for module in course.modules_in_slot(slot.id):
                    child(cell, "a", t(lang, "module", n=module.number), href=CONTEXT.link(module.page),
                        class_="kl-timetable__module")
        return wrapper


class GlossaryBlock(CourseBlock):
    """`/// glossary`: every glossary term, alphabetically in the page's language."""

    NAME = "glossary"

    def on_create(self, parent):
        lang = self.lang
        other = next(code for code in CONTEXT.course.languages if code != lang)
        wrapper = self.holder(parent, "dl", "kl-glossary")
        for term in sorted(CONTEXT.glossary, key=lambda item: item.entries[lang].term.lower()):
            entry = term.entries[lang]
            child(wrapper, "dt", entry.term, id=f"term-{term.id}")
            definition = child(wrapper, "dd", entry.definition)
            child(definition, "span", f" {t(lang, 'glossary.other')}: {term.entries[other].term}.",
                class_="kl-glossary__other", lang=other)
        return wrapper


class SlidesIndex(CourseBlock):
    """`/// slides`: each module's lecture deck and its handout (see kelisim.slides)."""

    NAME = "slides"

    def on_create(self, parent):
        from .slides import index_entries

        lang = self.lang
        wrapper = self.holder(parent, "div", "kl-slides-index")
        entries = index_entries(CONTEXT.course, CONTEXT.pages, lang, CONTEXT.path)
        if not entries:
            child(wrapper, "p", t(lang, "slides.none"))
            return wrapper
        rows = "".join(
            f'<li id="slides-{m.id}"><strong>{escape(t(lang, "module", n=m.number))}.</strong> '
            f'<a href="{deck}" data-kl-deck>{escape(m.title[lang])}</a> · '
            f'<a href="{handout}">{escape(t(lang, "slides.handout"))}</a></li>'
            for m, deck, handout in entries)
        # Raw HTML: the decks are written after MkDocs has checked links, so it must not see these.
        child(wrapper, "div", self.md.htmlStash.store(f"<ul>{rows}</ul>"))
        return wrapper


class QuizBlock(CourseBlock):
    """`/// quiz` + `id: <bank>` option: a self-check quiz from quizzes/<bank>.yml (on generated pages)."""

    NAME = "quiz"
    OPTIONS = {"id": ("", type_string)}

    def on_create(self, parent):
        from .quiz import render
        return render.quiz(parent, CONTEXT.banks[self.options["id"]], CONTEXT)


class AnswerKeyBlock(CourseBlock):
    """`/// answer-key`: every bank's questions with the correct answers, for trainers to print."""

    NAME = "answer-key"

    def on_create(self, parent):
        from .quiz import render
        return render.answer_key(parent, list(CONTEXT.banks.values()), CONTEXT)


class ExerciseCardsBlock(CourseBlock):
    """`/// exercise-cards` + `id: <exercise>` option: printable role, situation, inject and checklist
    cards; with `part: situations`, only the situations as a list in the page's text."""

    NAME = "exercise-cards"
    OPTIONS = {"id": ("", type_string), "part": ("", type_string)}

    def on_create(self, parent):
        from .exercise import render, render_situations

        exercise = CONTEXT.exercises[self.options["id"]]
        if self.options["part"] == "situations":
            return render_situations(parent, exercise, CONTEXT)
        return render(parent, exercise, CONTEXT, print_stylesheet(self.lang))


def print_stylesheet(lang: str) -> str:
    """The print layout of cards, sheets and paper tests (A4, no site on paper), from this page."""
    from .site import to_site_root
    return to_site_root(CONTEXT.course, lang, CONTEXT.path) + "assets/kelisim/exercise.css"


class DayGuideBlock(CourseBlock):
    """`/// day-guide` + `day: <day id>` option: the facilitation guide of one seminar day."""

    NAME = "day-guide"
    OPTIONS = {"day": ("", type_string)}

    def on_create(self, parent):
        from .trainer import render
        return render(parent, self.options["day"], CONTEXT, self.md)


class SeminarTestBlock(CourseBlock):
    """`/// seminar-test` + `id: pre-test|post-test` (+ `key: true` or `paper: true`): the seminar test
    online, its scoring key, or the printed question sheet and answer sheet."""

    NAME = "seminar-test"
    OPTIONS = {"id": ("", type_string), "key": (False, type_boolean), "paper": (False, type_boolean)}

    def on_create(self, parent):
        from .trainer import render_paper, render_test
        test = CONTEXT.trainer.tests[self.options["id"]]
        if self.options["paper"]:
            return render_paper(parent, test, CONTEXT, print_stylesheet(self.lang))
        return render_test(parent, test, CONTEXT, self.options["key"])


class CaseCardsBlock(CourseBlock):
    """`/// case-cards` (+ `day: <day id>`): the cases the day's (or every day's) slots use, one sheet each."""

    NAME = "case-cards"
    OPTIONS = {"day": ("", type_string)}

    def on_create(self, parent):
        from .trainer import render_cases
        return render_cases(parent, self.options["day"] or None, CONTEXT, print_stylesheet(self.lang))


class ProgressBlock(CourseBlock):
    """`/// progress`: the learner's progress across the course's quizzes, export/import, print, reset."""

    NAME = "progress"

    def on_create(self, parent):
        from .quiz import progress
        tests = CONTEXT.trainer.tests if CONTEXT.trainer else {}
        return progress.render(parent, list(CONTEXT.banks.values()), tests, CONTEXT)


class DownloadsBlock(CourseBlock):
    """`/// downloads`: the release's files (handbooks, deck PDFs, Moodle XML, SCORM packages) with links and sizes."""

    NAME = "downloads"

    def on_create(self, parent):
        from .release import download_rows

        lang = self.lang
        course = CONTEXT.course
        head = "".join(f"<th>{escape(t(lang, key))}</th>" for key in
                       ("release.what", "release.language", "release.file", "release.size"))
        rows = []
        for download, link in download_rows(course, CONTEXT.pages, lang, CONTEXT.path):
            what = t(lang, f"release.{download.artefact.kind}")
            if download.module:
                what += f": {t(lang, 'module', n=download.module.number)}. {download.module.title[lang]}"
            # The size cell stays out of the search index, which `dist` does not rewrite when it fills sizes in.
            rows.append(f'<tr><td>{escape(what)}</td><td>{escape(t(lang, f"release.in.{download.lang}"))}</td>'
                        f'<td><a href="{link}" download="{download.name}">{escape(download.name)}</a></td>'
                        f'<td data-search-exclude><span data-kl-size="{download.path}">{escape(t(lang, "release.size.later"))}</span></td></tr>')
        wrapper = self.holder(parent, "div", "kl-downloads")
        # Raw HTML: the files exist only in the release (site/downloads/), so MkDocs must not check these links.
        child(wrapper, "div", self.md.htmlStash.store(
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"))
        return wrapper


BLOCK_CLASSES = [Status, KeyPoints, Case, Questions, Briefing, TrainerNote, SlideBlock, SourcesBlock,
                 Outcomes, ModuleCards, Syllabus, Timetable, GlossaryBlock, SlidesIndex, QuizBlock, AnswerKeyBlock,
                 ExerciseCardsBlock, DayGuideBlock, SeminarTestBlock, CaseCardsBlock, ProgressBlock, DownloadsBlock]
assert {cls.NAME for cls in BLOCK_CLASSES} == KNOWN


class CourseBlocksExtension(BlocksExtension):
    def extendMarkdownBlocks(self, md, block_mgr):
        from .glossary import FirstTooltips

        for cls in BLOCK_CLASSES:
            block_mgr.register(cls, {})
        md.treeprocessors.register(FirstTooltips(md), "kl-first-tooltips", 6)  # after abbr (7)


def makeExtension(*args, **kwargs):
    return CourseBlocksExtension(*args, **kwargs)
