"""What the MkDocs hooks do, kept here so that leaving Material or MkDocs only touches glue."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import blocks, checks, glossary, handbook, site, slides
from .i18n import t
from .model import Course
from .practice import pages as practice_pages
from .quiz import pages as quiz_pages
from .quiz import progress as quiz_progress


@dataclass
class BuildState:
    """What the first language pass loaded, for the other language's pass and the post-build step."""

    course: Course | None = None
    abbreviations: dict | None = None  # {lang: the glossary's `*[term]: definition` lines}
    banks: tuple = ()  # the question banks (kelisim.quiz.bank.Bank)
    pages: dict | None = None  # {lang: {path: Page}}: the Markdown sources as the checks read them
    practice: tuple = ()  # the practice book's notes (kelisim.practice.notes.Note)
    materials: tuple = ()  # (module id, page path) of each exercise's printable page (materials/<exercise>.md)
    trainer: tuple = ()  # the trainer kit's pages (trainer/*.md), overview first
    tests: dict | None = None  # the seminar's pre- and post-test (kelisim.trainer.SeminarTest) by id
    release: tuple = ()  # the release pages (release/*.md): download page first, then the deployment guide


STATE = BuildState()


def configure(config) -> object:
    """Run once per language pass: validate (on the first pass) and derive navigation."""
    lang = config.theme["language"]
    root = Path(config.config_file_path).resolve().parent  # the course is the folder of its mkdocs.yml
    if STATE.course is None or lang == config.plugins["i18n"].default_language:
        data = checks.run_checks(root)
        blocks.reset(root, data)
        STATE.course, STATE.banks, STATE.pages = data.course, tuple(data.banks), data.pages
        STATE.practice = tuple(data.practice)
        STATE.materials = materials_pages(data)
        STATE.trainer = trainer_pages(data)
        STATE.tests = data.trainer.tests if data.trainer else {}
        STATE.release = release_pages(data)
        STATE.abbreviations = {code: glossary.abbreviations(data.glossary, code) for code in data.course.languages}
    progress = quiz_progress.PAGE in STATE.pages[STATE.course.default_language]
    nav = navigation(STATE.course, STATE.practice, lang, STATE.materials, STATE.trainer, STATE.release, progress)
    config.nav = quiz_pages.navigation(nav, STATE.banks)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = t(lang, "permalink")
    config.extra["kelisim_course"] = STATE.course.id  # overrides/main.html: the progress scripts' course
    return config


def navigation(course: Course, notes=(), lang: str = "ru", materials=(), trainer=(), release=(),
               progress=False) -> list:
    """Site navigation, in course.yml's module order; titles come from each page's heading.

    A module's printable exercise pages (`materials`: (module id, path) pairs) follow its page.
    The practice book (recommendations from the seminar's case notes) follows the modules as a
    section of its own: it is what the seminar produced, read after the modules, not a step in them.
    The learner's progress page (`progress`: whether the course has one) follows the modules it counts.
    The trainer kit (`trainer` pages) comes next, as a section outside the learners' path, and
    the `release` pages (download page, deployment guide: for whoever installs the course) last.
    """
    modules = [[m.page, *(path for module, path in materials if module == m.id)] for m in course.modules]
    return ["index.md", "syllabus.md", "seminar.md", *(page for pages in modules for page in pages),
            *([quiz_progress.PAGE] if progress else []), *practice_pages.navigation(list(notes), lang),
            "slides.md", "glossary.md",
            *([{t(lang, "trainer.nav"): list(trainer)}] if trainer else []),
            *([{t(lang, "release.nav"): list(release)}] if release else [])]


def materials_pages(data) -> tuple:
    """(module id, page path) of each exercise that has its printable page, materials/<exercise id>.md."""
    pages = data.pages[data.course.default_language]
    return tuple((e.module, f"materials/{e.id}.md") for e in data.exercises if f"materials/{e.id}.md" in pages)


def trainer_pages(data) -> tuple:
    """The trainer kit's pages in the order a trainer uses them: overview, day guides, tests, the rest."""
    pages = [path for path in data.pages[data.course.default_language] if path.startswith("trainer/")]
    first = {"trainer/index.md": 0, "trainer/pre-test.md": 2, "trainer/post-test.md": 3, "trainer/tests-key.md": 4,
             "trainer/evaluation.md": 5, "trainer/action-plan.md": 6}
    return tuple(sorted(pages, key=lambda path: (first.get(path, 1 if path.startswith("trainer/day-") else 7), path)))  # print-day-N last


def release_pages(data) -> tuple:
    """The release pages: the download page (release/index.md) first, then the rest by path."""
    pages = [path for path in data.pages[data.course.default_language] if path.startswith("release/")]
    return tuple(sorted(pages, key=lambda path: (path != "release/index.md", path)))


def page_markdown(markdown: str, page, config) -> str:
    lang = config.theme["language"]
    path = page.file.src_uri.split("/", 1)[1] if page.file.src_uri.startswith(f"{lang}/") else page.file.src_uri
    blocks.set_page(lang, path, page.meta.get("module"))
    if slides.has_slides(page.meta):
        markdown = slides.with_deck_link(markdown, lang, path)
    markdown += quiz_pages.link_markdown(STATE.banks, lang, path)
    return f"{markdown}\n\n{STATE.abbreviations[lang]}\n"


def page_html(output: str) -> str:
    return site.compact(output)


def finish(config) -> None:
    """After every language is built: per-language search indexes, 404 pages, lecture decks, handbooks,
    progress data.

    static-i18n builds the other languages from inside the first pass's post-build event,
    with its `building` flag set; the flag is clear again only when all are done.
    """
    if config.plugins["i18n"].building:
        return
    settings = {lang: site.search_settings(config, lang) for lang in STATE.course.languages}
    site.finalize(Path(config.site_dir), STATE.course, settings)
    slides.build_decks(Path(config.site_dir), STATE.course, STATE.pages)
    handbook.build_handbooks(Path(config.site_dir), STATE.course)  # after the decks: they take the slide blocks out
    quiz_progress.write_data(Path(config.site_dir), STATE.course, list(STATE.banks), STATE.tests or {},
                             quiz_progress.PAGE in STATE.pages[STATE.course.default_language])
