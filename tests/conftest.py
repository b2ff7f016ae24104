"""Shared fixtures: a tiny course to break on purpose, the real site built once, a browser."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest


#: This checkout: the real course, its theme and the toolkit.
ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
SUB_PATH = "kurs"  # the site is served under http://host/kurs/ as on an intranet


# ---------- a tiny, valid course that unit tests modify -------------------------------

TINY_COURSE = """\
id: tiny
version: "1"
languages: [ru, kk]
default_language: ru
title: {ru: "Курс", kk: "Курс атауы"}
modules:
  - id: m1
    slug: first
    title: {ru: "Первый модуль", kk: "Бірінші модуль"}
    self_study_minutes: 30
    status_as_of: 2026-03-18
    seminar_slots: [d1-a]
    outcomes:
      - {id: m1-a, ru: "Объяснять", kk: "Түсіндіре алады"}
seminar:
  days:
    - id: d1
      title: {ru: "День 1", kk: "1-күн"}
      slots:
        - {id: d1-a, time: "09:00–10:00", ru: "Лекция", kk: "Дәріс"}
"""

TINY_PAGES = {
    "index.md": "# Главная { #home }\n\n/// module-cards\n///\n",
    "modules/first.md": "---\nmodule: m1\n---\n\n# Первый { #top }\n\n/// outcomes\n///\n\n## Раздел { #part }\n\nТекст.\n",
}


TINY_GLOSSARY = ("terms:\n  - id: accord\n    ru: {term: согласие, definition: Мир и лад.}\n"
                 "    kk: {term: келісім, definition: Татулық пен бірлік.}\n")
TINY_SOURCES = (
    "sources:\n"
    "  - id: old-law\n    title: {ru: Старый закон, kk: Ескі заң}\n    type: law\n"
    "    status: replaced\n    replaced_by: new-law\n    checked: 2026-03-01\n"
    "  - id: new-law\n    title: {ru: Новый закон, kk: Жаңа заң}\n    type: law\n"
    "    status: in_force\n    checked: 2026-03-01\n")


def write_tiny_course_data(root: Path) -> None:
    """course/: the tiny course's course.yml, glossary and sources, with the real schemas."""
    course = root / "course"
    course.mkdir(parents=True)
    for schema in (ROOT / "course").glob("*.schema.json"):
        shutil.copy(schema, course)
    (course / "course.yml").write_text(TINY_COURSE, encoding="utf-8")
    (course / "glossary.yml").write_text(TINY_GLOSSARY, encoding="utf-8")
    (course / "sources.yml").write_text(TINY_SOURCES, encoding="utf-8")


@pytest.fixture
def tiny_course(tmp_path: Path) -> Path:
    """A minimal valid course root: course data, both languages' pages."""
    write_tiny_course_data(tmp_path)
    for lang in ("ru", "kk"):
        for path, text in TINY_PAGES.items():
            page = tmp_path / "docs" / lang / path
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(text, encoding="utf-8")
    return tmp_path


#: The frame pages every built course has besides its modules (the nav and the hooks expect them).
FRAME_PAGES = {"syllabus.md": "# Программа { #top }\n\n/// syllabus\n///\n",
               "seminar.md": "# Семинар { #top }\n\n/// timetable\n///\n",
               "glossary.md": "# Глоссарий { #top }\n\n/// glossary\n///\n",
               "slides.md": "# Слайды { #top }\n\n/// slides\n///\n"}


@pytest.fixture
def buildable_tiny_course(tiny_course: Path) -> Path:
    """The tiny course with its frame pages and this checkout's toolkit: builds in seconds, not a minute."""
    for lang in ("ru", "kk"):
        for path, text in FRAME_PAGES.items():
            (tiny_course / "docs" / lang / path).write_text(text, encoding="utf-8")
    (tiny_course / "quizzes").mkdir()
    return link_toolkit(tiny_course)


def write(root: Path, path: str, text: str) -> Path:
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def problems(root: Path, check=None) -> list:
    """The problems `check(root)` (default: every pre-build check) must raise for a broken course."""
    from kelisim.checks import run_checks
    from kelisim.problems import CourseError

    with pytest.raises(CourseError) as caught:
        (check or run_checks)(root)
    return caught.value.problems


def problems_with(root: Path, rule: str) -> list:
    """The pre-build checks' problems of one rule; there must be at least one."""
    found = problems(root)
    matching = [p for p in found if p.rule == rule]
    assert matching, f"expected a '{rule}' problem, got {[p.rule for p in found]}"
    return matching


def problem_at(root: Path, rule: str, file: str, line: int):
    """The first problem of `rule`: it names `file` and `line`, and says how to fix it."""
    problem = problems_with(root, rule)[0]
    assert problem.file == file and problem.line == line, str(problem)
    assert f"{file}:{line}:" in str(problem) and "Fix:" in str(problem)
    return problem


@pytest.fixture
def fresh_blocks():
    """After the test, the course blocks forget the course data they loaded from its tiny course."""
    yield
    from kelisim import blocks

    blocks.reset()


def render_markdown(root: Path, text: str, lang: str = "ru", path: str = "modules/first.md",
                    module: str | None = None, extensions=("attr_list", "pymdownx.details")) -> str:
    """Render a page of the course at `root` as MkDocs does: front matter off, course blocks on."""
    import markdown

    from kelisim import blocks
    from kelisim.pages import split_front_matter

    blocks.set_page(lang, path, module, root=root)
    md = markdown.Markdown(extensions=[*extensions, blocks.CourseBlocksExtension()])
    _, skip = split_front_matter(text)
    return md.convert("\n".join(text.split("\n")[skip:]))


def link_toolkit(root: Path) -> Path:
    """Makes a course root buildable with this checkout's theme, tooling and site configuration."""
    for name in ("overrides", "scripts"):
        (root / name).symlink_to(ROOT / name)
    shutil.copy(ROOT / "mkdocs.yml", root)
    return root


def build_site(root: Path) -> subprocess.CompletedProcess:
    """`mkdocs build` (strict, with our hooks) of a course root made by link_toolkit, into root/out."""
    return run_tool("mkdocs", "build", "--site-dir", str(root / "out"), cwd=root)


# ---------- the real site, built once per test session ---------------------------------

def run_tool(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run `python -m <args>` with this checkout's tooling first on the path."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, env=env)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real course built with `python -m kelisim build` (strict) into a temporary folder."""
    site = tmp_path_factory.mktemp("site")
    result = run_tool("kelisim", "build", "--site-dir", str(site))
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(site: Path, webroot: Path):
    """Serves `site` under a sub-path on 127.0.0.1 (free port); yields the server, with its base URL.

    Records every path requested that was not found, so tests can find same-origin 404s.
    """
    os.symlink(site, webroot / SUB_PATH)
    missing: list[str] = []

    class Handler(_QuietHandler):
        def send_error(self, code, *args, **kwargs):
            if code == 404:
                missing.append(self.path)
            super().send_error(code, *args, **kwargs)

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(webroot)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    httpd.missing = missing
    httpd.origin = f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.base = f"{httpd.origin}{SUB_PATH}/"
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(built_site, tmp_path_factory):
    """The real site, served under a sub-path (see `serving`)."""
    with serving(built_site, tmp_path_factory.mktemp("webroot")) as httpd:
        yield httpd


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `make test` (installs it as root) or `sudo apt-get install chromium`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"])
        yield browser
        browser.close()


class Visit:
    """A browser page that records (and blocks) every request leaving the site's origin."""

    def __init__(self, context, allowed_prefix: str):
        self.context = context
        self.external: list[str] = []
        self.errors: list[str] = []

        def route(route):
            url = route.request.url
            if url.startswith(allowed_prefix) or url.startswith(("data:", "blob:", "about:")):
                route.continue_()
            else:
                self.external.append(url)
                route.abort()

        context.route("**/*", route)
        self.page = context.new_page()
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))


def open_visit(browser, server, **options) -> Visit:
    """A fresh browser context (Russian locale unless told) that may talk only to `server`."""
    return Visit(browser.new_context(**{"locale": "ru-RU", **options}), server.origin)


@pytest.fixture
def visit(browser, server):
    visit = open_visit(browser, server)
    yield visit
    visit.context.close()
