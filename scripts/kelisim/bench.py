"""`python -m kelisim bench`: size and speed figures, printed, never asserted.

Each section is a function that prints its figures and returns False when a budget is broken;
`run` calls them in order. Page weights are measured side by side with a stock build: the same
Markdown built with Material and mkdocs-static-i18n alone (no hooks, no overrides, no course blocks),
so the kit's overhead is a ratio taken in one run on one machine.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

import yaml

#: Page types: (name, path glob inside a language folder). A glob picks its heaviest page.
PAGE_TYPES = (
    ("home", "index.html"), ("syllabus", "syllabus.html"), ("seminar", "seminar.html"),
    ("module", "modules/*.html"), ("quiz", "quizzes/*.html"), ("glossary", "glossary.html"),
    ("answer key", "answer-key.html"), ("deck", "slides/*.html"), ("404", "404.html"),
)
#: Course block fences (`/// name | title`, `//// case`, closing `///`): the stock build drops these
#: lines and keeps what is inside them as ordinary Markdown (generated blocks thus have no content).
BLOCK_FENCE = re.compile(r"^\s*/{3,}(\s*[a-z][\w-]*(\s*\|.*)?)?\s*$")
ASSET = re.compile(r"""<(?:link[^>]*\brel="stylesheet"[^>]*\bhref|script[^>]*\bsrc)="([^"#?]+)""")
SEARCH_WORKER = re.compile(r'"search": "([^"]+)"')  # in Material's __config: the worker script
SEARCH_INDEX = Path("search") / "search_index.json"


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))  # what a web server's default gzip level sends


@dataclass
class Weight:
    page: str  # path inside the language folder
    html: int  # bytes
    transfer: int  # gzipped: the HTML, its local CSS and JS, the language's search index


def weight(site: Path, language_dir: Path, page: Path) -> Weight:
    """What a first visit to `page` transfers (gzipped); fonts from other origins (stock) are not counted."""
    text = page.read_bytes()
    html = text.decode("utf-8")
    urls = ASSET.findall(html) + SEARCH_WORKER.findall(html)
    files = {(page.parent / url).resolve() for url in urls if not re.match(r"[a-z]+:|//", url)}
    if SEARCH_WORKER.search(html):  # a Material page: its search worker loads the language's index
        index = language_dir / SEARCH_INDEX
        files.add((index if index.exists() else site / SEARCH_INDEX).resolve())
    transfer = gzipped(text) + sum(gzipped(f.read_bytes()) for f in files if f.is_file())
    return Weight(page.relative_to(language_dir).as_posix(), len(text), transfer)


def weights(site: Path, lang: str, course) -> dict[str, Weight]:
    """{path inside the language folder: Weight} for every page of one language."""
    language_dir = site if lang == course.default_language else site / lang
    others = {site / other for other in course.languages if other != course.default_language}
    return {w.page: w for w in (weight(site, language_dir, p) for p in sorted(language_dir.rglob("*.html"))
                                 if not any(d in p.parents for d in others - {language_dir}))}


def mkdocs_build(config: Path, site_dir: Path) -> bool:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config),
                             "--site-dir", str(site_dir)], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stdout + result.stderr, file=sys.stderr)
    return result.returncode == 0


def stock_config(root: Path) -> dict:
    """The course's mkdocs.yml reduced to what stock Material and static-i18n need."""
    import material

    material = Path(material.__file__).parent / "templates"
    ours = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    i18n = next(p["i18n"] for p in ours["plugins"] if isinstance(p, dict) and "i18n" in p)
    languages = [{k: v for k, v in lang.items() if k in ("locale", "name", "default", "build")}
                 for lang in i18n["languages"]]
    for lang in languages:
        lang["default"], lang["build"] = lang.get("default") == "true", True
        if not (material / "partials" / "languages" / f"{lang['locale']}.html").exists():
            lang["theme"] = {"language": "ru"}  # Material has no Kazakh strings; the kit adds them in overrides/
    markdown = [e for e in ours["markdown_extensions"] if not str(e).startswith(("kelisim", "{'kelisim"))]
    return {"site_name": ours["site_name"], "docs_dir": "docs", "use_directory_urls": False,
            "theme": {"name": "material", "language": ours["theme"]["language"]},
            "plugins": ["search", {"i18n": {"docs_structure": "folder", "languages": languages}}],
            "markdown_extensions": markdown}


def build_stock(root: Path, work: Path) -> Path | None:
    """Builds the course's Markdown with stock Material + static-i18n into work/site."""
    for page in (root / "docs").rglob("*"):
        target = work / "docs" / page.relative_to(root / "docs")
        if page.is_dir():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if page.suffix == ".md":
            lines = page.read_text(encoding="utf-8").split("\n")
            target.write_text("\n".join(l for l in lines if not BLOCK_FENCE.match(l)), encoding="utf-8")
        else:
            shutil.copyfile(page, target)
    config = work / "mkdocs.yml"
    config.write_text(yaml.safe_dump(stock_config(root), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return work / "site" if mkdocs_build(config, work / "site") else None


def widget(root: Path) -> bool:
    from .quiz.widget import BUDGET, PROGRESS_BUDGET, PROGRESS_VIEW, sizes

    rows = sizes(root)
    for name, raw, packed in rows:
        print(f"{name:<16} {raw:>7} B raw {packed:>7} B gzipped")
    raw, packed = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print(f"{'total':<16} {raw:>7} B raw {packed:>7} B gzipped (budget {BUDGET} B gzipped: "
          f"{'within' if packed <= BUDGET else 'OVER'})")
    (name, view_raw, view_packed), = sizes(root, (PROGRESS_VIEW,))
    print(f"{name:<16} {view_raw:>7} B raw {view_packed:>7} B gzipped (progress page and indicators; budget "
          f"{PROGRESS_BUDGET} B gzipped: {'within' if view_packed <= PROGRESS_BUDGET else 'OVER'})")
    return packed <= BUDGET and view_packed <= PROGRESS_BUDGET


def decks(root: Path) -> None:
    """Per deck and language: slides, median and maximum visible words per slide."""
    from .checks import read_pages
    from .model import load_course
    from .slides import print_deck_figures

    course = load_course(root)
    print_deck_figures(course, read_pages(root, course.languages))


def site_and_pages(root: Path, config: Path, search: bool) -> bool:
    """Build time and site size, page weights of the kit against the stock build, then search recall."""
    from .model import load_course

    course = load_course(root)
    with tempfile.TemporaryDirectory() as tmp:
        kit = Path(tmp) / "kit"
        started = time.perf_counter()
        if not mkdocs_build(config, kit):
            return False
        seconds = time.perf_counter() - started
        files = [p for p in kit.rglob("*") if p.is_file()]
        pages = [p for p in files if p.suffix == ".html"]
        print(f"build        {seconds:7.1f} s (both languages, decks and post-build steps)")
        print(f"site         {sum(p.stat().st_size for p in files) / 1e6:7.1f} MB in {len(files)} files, "
              f"{len(pages)} HTML pages")
        from .quiz.progress import DATA

        data = (kit / DATA).read_bytes()  # every page loads it (the progress indicators)
        print(f"progress data {len(data):6} B raw {gzipped(data):7} B gzipped ({DATA.as_posix()}, the banks' structure)")
        stock = build_stock(root, Path(tmp) / "stock")
        if stock is None:
            return False
        print("\nPage weight: kit vs. stock Material + static-i18n on the same Markdown (course block fences")
        print("dropped, their content kept). HTML bytes; transfer = gzipped HTML + local CSS/JS + search index.")
        print("A type with several pages shows its heaviest. Fonts stock Material fetches from Google are not counted.")
        print(f"{'page':<11} {'lang':<4} {'kit HTML':>9} {'stock':>9} {'ratio':>6}  {'kit transfer':>12} "
              f"{'stock':>9} {'ratio':>6}  page")
        ours = {lang: weights(kit, lang, course) for lang in course.languages}
        theirs = {lang: weights(stock, lang, course) for lang in course.languages}
        for name, pattern in PAGE_TYPES:
            for lang in course.languages:
                matching = [w for page, w in ours[lang].items() if fnmatch(page, pattern)]
                if not matching:
                    continue
                kit_page = max(matching, key=lambda w: w.html)
                stock_page = theirs[lang].get(kit_page.page)
                if stock_page is None:
                    print(f"{name:<11} {lang:<4} {kit_page.html:>9} {'-':>9} {'':>6}  {kit_page.transfer:>12} "
                          f"{'-':>9} {'':>6}  {kit_page.page} (no stock page)")
                    continue
                print(f"{name:<11} {lang:<4} {kit_page.html:>9} {stock_page.html:>9} "
                      f"{kit_page.html / stock_page.html:>6.2f}  {kit_page.transfer:>12} {stock_page.transfer:>9} "
                      f"{kit_page.transfer / stock_page.transfer:>6.2f}  {kit_page.page}")
        for figure in ("html", "transfer"):
            heavier = [f"{lang}/{page} ({getattr(w, figure) / getattr(theirs[lang][page], figure):.2f}×)"
                       for lang in course.languages for page, w in ours[lang].items()
                       if page in theirs[lang] and getattr(w, figure) > getattr(theirs[lang][page], figure)]
            print(f"kit pages heavier than their stock build ({figure}): {len(heavier)}"
                  + (": " + ", ".join(heavier) if heavier else ""))
        if search:  # recall@5 per language beside stock Material's (kelisim.search_bench); drives Chromium
            from . import search_bench

            print()
            work = Path(tmp) / "search"
            work.mkdir()
            return search_bench.run(root, kit, course, work)
    return True


def run(root: Path, config: Path, search: bool = True) -> int:
    within_budget = widget(root)
    decks(root)
    print()
    built = site_and_pages(root, config, search)
    return 0 if within_budget and built else 1
