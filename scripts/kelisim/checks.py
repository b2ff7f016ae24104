"""Checks that run before every build: course data, ru/kk parity and course-block rules.

Everything is collected first and reported at once, each problem naming the file,
the line, the id and the fix (see `problems.Problem`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .blocks import BRIEFING_FIELDS, GENERATED, KNOWN, briefing_sources
from .exercise import check_exercises
from .trainer import check_trainer
from .i18n import STRINGS
from .glossary import load_glossary
from .model import Course, load_course
from .pages import Page, read_page
from .practice import check_practice
from .quiz import check_quizzes
from .problems import CourseError, Problem, raise_if_any, rel
from .slides import MAX_BULLETS, MAX_WORDS, slide_figures, slide_title
from .sources import NOT_CURRENT, load_sources, parse_citation
from . import citations, style

NEEDS_MODULE = {"outcomes", "status"}
KNOWN_META = {"module", "title", "description", "slides", "search", "hide"}


@dataclass(frozen=True)
class CourseData:
    """Everything authors edit, loaded and valid: what a build renders from."""

    course: Course
    glossary: list
    sources: dict
    banks: list
    pages: dict  # {lang: {path inside the language folder: Page}}, as read_pages gives them
    practice: list = ()  # the practice book's case notes (kelisim.practice.notes.Note)
    exercises: list = ()  # exercise materials (kelisim.exercise.Exercise)
    trainer: object = None  # kelisim.trainer.Kit: how each seminar slot is run, the pre- and post-test


def run_checks(root: Path) -> CourseData:
    """Validate everything authors edit; raise CourseError with every problem found."""
    problems: list[Problem] = []
    loaded = {}
    for name, loader in (("course", load_course), ("glossary", load_glossary), ("sources", load_sources)):
        try:
            loaded[name] = loader(root)
        except CourseError as error:
            problems += error.problems
    raise_if_any(problems)
    course = loaded["course"]
    pages = read_pages(root, course.languages)
    problems += page_set_problems(root, course, pages)
    for lang_pages in pages.values():
        for page in lang_pages.values():
            problems += block_problems(page, rel(page.path, root), loaded["sources"])
    problems += parity_problems(root, course, pages)
    try:
        problems += style.check(root, course.languages)
    except CourseError as error:
        problems += error.problems
    banks, quiz_problems = check_quizzes(root, course, pages)
    problems += quiz_problems
    problems += citations.check(root, course, pages, loaded["sources"], banks)
    notes, practice_problems = check_practice(root, course, loaded["sources"])
    problems += practice_problems
    exercises, exercise_problems = check_exercises(root, course, pages)
    problems += exercise_problems
    trainer, trainer_problems = check_trainer(root, course, pages, exercises, banks)
    problems += trainer_problems
    raise_if_any(problems)
    return CourseData(course, loaded["glossary"], loaded["sources"], banks, pages, notes, exercises, trainer)


def read_pages(root: Path, languages) -> dict[str, dict[str, Page]]:
    """{lang: {path inside the language folder: Page}}"""
    pages = {}
    for lang in languages:
        folder = root / "docs" / lang
        pages[lang] = {p.relative_to(folder).as_posix(): read_page(p) for p in sorted(folder.rglob("*.md"))}
    return pages


def page_set_problems(root: Path, course: Course, pages) -> list[Problem]:
    problems = []
    default = course.default_language
    module_ids = sorted(course.modules_by_id)
    for lang, lang_pages in pages.items():
        for module in course.modules:
            page = lang_pages.get(module.page)
            file = f"docs/{lang}/{module.page}"
            if page is None:
                if lang == default:
                    problems.append(Problem(file, None, module.id, "module-page-missing",
                                            f"module {module.id} has no page", f"create {file} (the slug in course.yml names it)"))
            elif page.meta.get("module") != module.id:
                problems.append(Problem(file, page.meta_line("module"), module.id, "module-front-matter",
                                        f"front matter must say 'module: {module.id}'",
                                        f"start the file with:\n---\nmodule: {module.id}\n---"))
        for path, page in lang_pages.items():
            file = f"docs/{lang}/{path}"
            for key in page.meta:
                if key not in KNOWN_META:
                    problems.append(Problem(file, page.meta_line(key), key, "unknown-front-matter",
                                            f"unknown front-matter key '{key}'", f"use only {', '.join(sorted(KNOWN_META))}"))
            module = page.meta.get("module")
            if module is not None and module not in module_ids:
                problems.append(Problem(file, page.meta_line("module"), str(module), "unknown-module",
                                        f"front matter names module '{module}', which course.yml does not define",
                                        f"use one of {', '.join(module_ids)}"))
    return problems


def block_problems(page: Page, file: str, sources) -> list[Problem]:
    problems = []

    def add(block, rule, message, fix):
        problems.append(Problem(file, block.line, block.name, rule, message, fix))

    for block in page.unclosed:
        add(block, "block-unclosed", f"block '{block.name}' is never closed",
            f"end it with a line of exactly {'/' * block.fence}")
    for block in page.walk_blocks():
        if block.name not in KNOWN:
            add(block, "block-unknown", f"unknown block '/// {block.name}'",
                f"use one of: {', '.join(sorted(KNOWN))} (see AUTHORING.md)")
            continue
        if block.name in GENERATED and (block.content or block.argument):
            add(block, "block-generated", f"'{block.name}' is generated from course data and takes no text",
                f"remove the text inside it; edit course/ instead")
        if block.name in NEEDS_MODULE and not page.meta.get("module"):
            add(block, "block-needs-module", f"'{block.name}' needs to know the page's module",
                "put 'module: <id>' in the page's front matter")
        if block.name == "case":
            if not block.argument:
                add(block, "case-title", "a case needs a title", "write //// case | Title")
            if not block.options.get("id"):
                add(block, "case-id", "a case needs an ASCII id (it becomes the anchor, the same in both languages)",
                    "add an indented option line right under the header: '    id: m1-language-club'")
            if not any(child.name == "questions" for child in block.children):
                add(block, "case-questions", "a case needs its discussion questions",
                    "add a nested '/// questions' block (the case itself then opens with four slashes: '//// case')")
            if not _prose(block):
                add(block, "case-scenario", "a case needs a scenario before its questions", "describe the situation")
        if block.name == "briefing":
            problems += _briefing_problems(file, block, page, sources)
        if block.name == "questions" and (block.parent is None or block.parent.name != "case"):
            add(block, "questions-outside-case", "'questions' belongs inside a case", "move it into a '//// case' block")
        if block.name == "slide" and block.parent is not None:
            add(block, "slide-nested", "a slide block inside another block is not put on any slide",
                "move it out of the block, unindented, e.g. right before a case")
        elif block.name == "slide":
            problems += _slide_problems(file, block, page)
        if block.name == "sources":
            problems += _citation_problems(file, block, sources)
        if block.name in {"status", "key-points", "trainer-note", "questions", "slide"} and not block.content:
            add(block, "block-empty", f"'{block.name}' is empty", "write its text or remove the block")
    for heading in page.headings:
        if heading.level >= 2 and not heading.anchor:
            problems.append(Problem(file, heading.line, None, "heading-anchor",
                                    f"heading '{heading.text}' has no explicit anchor",
                                    "end it with an ASCII anchor identical in both languages, e.g. '## Заголовок { #key-documents }'"))
    return problems


def _slide_problems(file: str, block, page: Page) -> list[Problem]:
    """The deck design rules: a slide is read from the back of the room in a few seconds."""
    lang = file.split("/")[1] if file.startswith("docs/") else "ru"  # docs/<lang>/...
    words, bullets = slide_figures(block, page, lang)
    title = slide_title(block, page)
    problems = []
    if words > MAX_WORDS:
        problems.append(Problem(file, block.line, "slide", "slide-words",
                                f"slide '{title}' shows {words} words, title included (at most {MAX_WORDS})",
                                "keep a few short bullets on the slide; the page's prose around it is already "
                                "its speaker notes, or split it into two slide blocks"))
    if bullets > MAX_BULLETS:
        problems.append(Problem(file, block.line, "slide", "slide-bullets",
                                f"slide '{title}' has {bullets} bullets (at most {MAX_BULLETS})",
                                "merge or drop bullets, or split the slide into two slide blocks"))
    return problems


def _prose(block) -> bool:
    return any(line.strip() and not line.lstrip().startswith("/") for line in block.body)


RE_FIELD_LABEL = re.compile(r"^\*\*(.+?)\.?\*\*")


def _briefing_problems(file: str, block, page: Page, sources) -> list[Problem]:
    """A briefing: title, id, the fixed fields in order, and two or more sources the page cites."""
    problems = []

    def add(rule, message, fix):
        problems.append(Problem(file, block.line, block.options.get("id") or block.name, rule, message, fix))

    if not block.argument:
        add("briefing-title", "a briefing needs a title (place and date)", "write '/// briefing | Шелек, ноябрь 2006 года'")
    if not block.options.get("id"):
        add("briefing-id", "a briefing needs an ASCII id (its anchor is briefing-<id>, the same in both languages)",
            "add an indented option line right under the header: '    id: shelek-2006'")
    parts = file.split("/")
    langs = [parts[1]] if len(parts) > 2 and parts[0] == "docs" and parts[1] in STRINGS else list(STRINGS)
    expected = {lang: [STRINGS[lang][f"briefing.{field}"] for field in BRIEFING_FIELDS] for lang in langs}
    paragraphs = [line for previous, line in zip([""] + block.body, block.body) if not previous.strip()]
    found = [m.group(1).rstrip(".") for m in map(RE_FIELD_LABEL.match, paragraphs) if m]
    if found not in expected.values():
        labels = next(iter(expected.values()))
        add("briefing-fields", f"the briefing's fields are {', '.join(found) or 'missing'}; "
            f"expected {', '.join(labels)}, in this order",
            "start each field's paragraph with its bold label, e.g. '**" + labels[0] + ".** …'")
    cited_on_page = {c[0] for b in page.walk_blocks() if b.name == "sources"
                     for c in map(parse_citation, b.body) if c}
    ids = briefing_sources(block.options.get("sources", ""))
    if len(set(ids)) < 2:
        add("briefing-sources", "a briefing pairs at least two sources (official and independent where they exist)",
            "add an option line '    sources: <id> <id>' with ids from course/sources.yml")
    for source_id in ids:
        if source_id not in sources:
            add("unknown-source", f"source '{source_id}' is not in course/sources.yml", "add it to the registry or fix the id")
        elif source_id not in cited_on_page:
            add("briefing-sources", f"'{source_id}' is not in this page's sources block, so its link has no target",
                f"add '- {source_id}' to the page's '/// sources' block")
    return problems


def _citation_problems(file: str, block, sources) -> list[Problem]:
    problems = []
    cited = [c for c in (parse_citation(line) for line in block.body) if c]
    if not cited:
        problems.append(Problem(file, block.line, "sources", "block-empty", "the sources block lists nothing",
                                "list source ids, one per line: '- law-483-iv'"))
    for offset, line in enumerate(block.body, start=1):
        citation = parse_citation(line)
        if not citation:
            continue
        source_id, historical = citation
        line_no = block.line + offset
        source = sources.get(source_id)
        if source is None:
            problems.append(Problem(file, line_no, source_id, "unknown-source",
                                    f"source '{source_id}' is not in course/sources.yml", "add it to the registry or fix the id"))
        elif source.status in NOT_CURRENT and not historical:
            problems.append(Problem(file, line_no, source_id, "source-not-current",
                                    f"'{source_id}' is {source.status} but is cited as if current",
                                    f"write '- {source_id} (historical)' and say in the text that it no longer applies"))
    return problems


def parity_problems(root: Path, course: Course, pages) -> list[Problem]:
    """The same pages, anchors, blocks, images and front matter in every language."""
    problems = []
    default = course.default_language
    base = pages[default]
    for lang in course.languages:
        if lang == default:
            continue
        other = pages[lang]
        for path in sorted(set(base) | set(other)):
            if path not in other:
                problems.append(Problem(f"docs/{lang}/{path}", None, path, "page-missing",
                                        f"docs/{default}/{path} has no {lang} twin", f"create docs/{lang}/{path}"))
                continue
            if path not in base:
                problems.append(Problem(f"docs/{default}/{path}", None, path, "page-missing",
                                        f"docs/{lang}/{path} has no {default} twin", f"create docs/{default}/{path}"))
                continue
            problems += _pair_problems(base[path], other[path], f"docs/{default}/{path}", f"docs/{lang}/{path}")
    return problems


def _pair_problems(a: Page, b: Page, file_a: str, file_b: str) -> list[Problem]:
    lang_a, lang_b = file_a.split("/")[1], file_b.split("/")[1]
    problems = []

    def compare(what, list_a, list_b, line_of_b, fix):
        if list_a == list_b:
            return
        # As multisets: a section may hold several slides, and one too many is still "missing"/"only in".
        missing = list((Counter(list_a) - Counter(list_b)).elements())
        extra = list((Counter(list_b) - Counter(list_a)).elements())
        if missing or extra:
            detail = "; ".join(filter(None, [f"missing {', '.join(map(str, missing))}" if missing else "",
                                             f"only in {lang_b}: {', '.join(map(str, extra))}" if extra else ""]))
        else:
            detail = f"order differs: {lang_a} has {', '.join(map(str, list_a))}"
        line = line_of_b(extra[0]) if extra else None
        problems.append(Problem(file_b, line, what, f"parity-{what}", f"{what} differ from {file_a}: {detail}", fix))

    heading_line = {h.anchor: h.line for h in b.headings if h.anchor}
    compare("anchors", a.anchors, b.anchors, heading_line.get,
            "give the translated heading the same { #anchor } as the original")
    blocks_a = [_block_key(x) for x in a.walk_blocks()]
    blocks_b = [_block_key(x) for x in b.walk_blocks()]
    block_line = {_block_key(x): x.line for x in b.walk_blocks()}
    compare("blocks", blocks_a, blocks_b, block_line.get, "translate every block; keep their order and case ids")
    image_line = {name: line for name, line in b.images}
    compare("images", [i for i, _ in a.images], [i for i, _ in b.images], image_line.get,
            "use the same image files (a translated diagram keeps its file name in docs/<lang>/)")
    translated = ("title", "description")
    differ = sorted(k for k in set(a.meta) | set(b.meta) if k not in translated and a.meta.get(k) != b.meta.get(k))
    if differ:
        detail = "; ".join(f"{k}: {lang_a} {a.meta.get(k, '(none)')!r}, {lang_b} {b.meta.get(k, '(none)')!r}"
                           for k in differ)
        problems.append(Problem(file_b, b.meta_line(differ[0]), ", ".join(differ), "parity-front-matter",
                                f"front matter differs from {file_a}: {detail}",
                                "keep module, slides, search and hide identical; only title/description are translated"))
    return problems


def _block_key(block) -> str:
    """How parity names a block: cases by id; slides by section and whether they have their own title,
    so that both languages' decks have the same slides in the same sections."""
    if block.name == "slide":
        where = f"#{block.section}" if block.section else "the introduction"
        return f"slide{' | title' if block.argument else ''} in {where}"
    ident = block.options.get("id")
    return f"{block.name}#{ident}" if ident else block.name
