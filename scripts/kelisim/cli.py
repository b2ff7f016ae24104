"""Command line: `python -m kelisim <command>` (what the Makefile targets call)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from . import ROOT
from .problems import CourseError, rel

QUIET = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs(*args: str) -> int:
    return subprocess.call([sys.executable, "-m", "mkdocs", *args], cwd=ROOT, env=QUIET)


def cmd_build(args) -> int:
    """Validate the course and write the site to site/ (or --site-dir)."""
    return mkdocs("build", "--site-dir", args.site_dir)


def cmd_serve(args) -> int:
    """Live preview on http://127.0.0.1:8000 (rebuilds when pages, course data or theme change)."""
    return mkdocs("serve", "--dev-addr", f"127.0.0.1:{args.port}", "--livereload")


def checked_course():
    """Every pre-build check on the course (a checks.CourseData), or None after printing its problems."""
    from .checks import run_checks

    try:
        return run_checks(ROOT)
    except CourseError as error:
        print(error.report(), file=sys.stderr)
        return None


def cmd_check(args) -> int:
    """Check course data, page parity and course blocks without building (fast)."""
    data = checked_course()
    if data is None:
        return 1
    course = data.course
    print(f"OK: {len(course.modules)} modules, languages {', '.join(course.languages)}.")
    return 0


def cmd_sources(args) -> int:
    """List registry entries never compared with their official text, and those compared over a year ago."""
    import datetime as dt

    from .sources import load_sources, stale, unchecked

    registry = load_sources(ROOT)
    never = unchecked(registry)
    for source in never:
        print(f"{'never':<10}  {source.id} [{source.status}]: {source.title['ru']}")
    old = stale(registry, dt.date.today())
    for source in old:
        print(f"{source.checked}  {source.id} [{source.status}]: {source.title['ru']}")
    print(f"{len(never)} source(s) never compared with the official text (pages say «не сверено с официальным "
          f"текстом»); {len(old)} compared over a year ago. Set 'checked:' only after comparing.")
    return 0


def cmd_spelling(args) -> int:
    """Spell-check ru and kk text with hunspell; list words to review for course/wordlist-<lang>.txt."""
    from . import spelling

    if not spelling.available():
        print("hunspell with ru_RU and kk_KZ dictionaries is missing: sudo apt-get install hunspell hunspell-ru hunspell-kk",
              file=sys.stderr)
        return 2
    unknown, mixed = spelling.check(ROOT)
    for word in mixed:
        print(f"{word}  <- mixes Latin and Cyrillic letters (a Latin i for Kazakh і?)")
    for word in unknown:
        print(word if not args.words else word.word)
    if not args.words:
        print(f"{len(unknown)} unknown word(s), {len(mixed)} mixed-script word(s). Fix typos; add correct words, "
              "after review, to course/wordlist-<lang>.txt.")
    return 1 if unknown or mixed else 0


def cmd_vendor(args) -> int:
    """Re-fetch the pinned front-end packages from npm and rewrite SHA256SUMS."""
    from . import vendor

    vendor.fetch()
    return 0


def cmd_quizzes(args) -> int:
    """Validate the quiz banks and write the generated quiz pages (--check: only report stale ones)."""
    from .model import load_course
    from .quiz.bank import check_banks
    from .quiz.pages import COMMAND, stale_problems, write_pages

    course = load_course(ROOT)
    banks, problems = check_banks(ROOT, course)
    if args.check:
        problems += stale_problems(ROOT, banks, course)
    if problems:
        print(CourseError(problems).report(), file=sys.stderr)
        return 1
    if args.check:
        print(f"OK: quiz pages are current for {len(banks)} bank(s).")
        return 0
    for change in write_pages(ROOT, banks, course) or [f"nothing to do: pages are current ({COMMAND} --check)"]:
        print(change)
    return 0


def _practice_book():
    """The practice book's data, or None after printing its problems."""
    from .practice.book import load_book

    book, problems = load_book(ROOT)
    if problems:
        print(CourseError(problems).report(), file=sys.stderr)
    return book


def _write_practice_pages(check: bool) -> int:
    from .model import load_course
    from .practice.notes import check_notes
    from .practice.pages import COMMAND, stale_problems, write_pages
    from .sources import load_sources

    book = _practice_book()
    if book is None:
        return 1
    course = load_course(ROOT)
    notes, problems = check_notes(ROOT, book, load_sources(ROOT))
    if check and not problems:
        problems = stale_problems(ROOT, book, notes, course)
    if problems:
        print(CourseError(problems).report(), file=sys.stderr)
        return 1
    if check:
        print(f"OK: the practice pages are current for {len(notes)} note(s).")
        return 0
    for change in write_pages(ROOT, book, notes, course) or [f"nothing to do: pages are current ({COMMAND} --check)"]:
        print(change)
    return 0


def cmd_practice(args) -> int:
    """The seminar practice book: new note, import the case clinic's CSV, write the recommendation pages."""
    from .practice import intake

    if args.action == "pages":
        return _write_practice_pages(args.check)
    book = _practice_book()
    if book is None:
        return 1
    if args.action == "new":
        interactive = sys.stdin.isatty()

        def choose(value, prompt, labels):
            if value:
                if value not in labels:
                    raise SystemExit(f"'{value}' is not one of: {', '.join(labels)}")
                return value
            if not interactive:
                raise SystemExit(f"{prompt} is needed: pass it as an option (see --help)")
            return intake.ask(prompt, labels)

        region = choose(args.region, "Region / Регион / Өңір", {k: v.text["ru"] for k, v in book.regions.items()})
        theme = choose(args.theme, "Theme / Тема / Тақырып", {k: v.text["ru"] for k, v in book.themes.items()})
        language = choose(args.language, "Language / Язык / Тіл",
                          {"ru": "русский", "kk": "қазақша", "both": "русский + қазақша"})
        languages = intake.LANGUAGE_CHOICES[language]
        title = {lang: args.title or "" for lang in languages}
        draft = intake.Draft(region, [theme], languages, title, args.district_type or "", args.period or "")
        path = intake.write_new(ROOT, book, draft, args.slug)
        print(f"wrote {rel(path, ROOT)}: fill in the title, the fields marked with a comment and every section; "
              f"then `python -m kelisim practice pages` and `python -m kelisim check`")
        return 0
    written, problems = intake.import_csv(ROOT, book, Path(args.file).resolve())
    for path in written:
        print(f"wrote {rel(path, ROOT)}")
    if problems:
        print(CourseError(problems).report(), file=sys.stderr)
    print(f"{len(written)} note(s) written, {len({p.line for p in problems})} row(s) rejected.")
    if written:
        _write_practice_pages(check=False)
    return 1 if problems else 0


def cmd_moodle(args) -> int:
    """Export the quiz banks as Moodle XML, one file per language (dist/moodle/)."""
    from .quiz import moodle

    data = checked_course()
    if data is None:
        return 1
    count = sum(len(bank.questions) for bank in data.banks)
    for path in moodle.write(data.banks, data.course, ROOT / args.out):
        print(f"wrote {rel(path)}: {count} questions in {len(data.banks)} categories")
    return 0


def cmd_bench(args) -> int:
    """Print size and speed figures: quiz widget (against its budget), decks, build time, site size, search recall."""
    import tempfile
    import time
    from pathlib import Path

    from .quiz.widget import BUDGET, sizes

    rows = sizes()
    for name, raw, packed in rows:
        print(f"{name:<12} {raw:>7} B raw {packed:>7} B gzipped")
    raw, packed = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print(f"{'total':<12} {raw:>7} B raw {packed:>7} B gzipped (budget {BUDGET} B gzipped: "
          f"{'within' if packed <= BUDGET else 'OVER'})")
    bench_decks()

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        if mkdocs("build", "--quiet", "--site-dir", tmp) != 0:
            return 1
        seconds = time.perf_counter() - started
        files = [p for p in Path(tmp).rglob("*") if p.is_file()]
        pages = [p for p in files if p.suffix == ".html"]
        total = sum(p.stat().st_size for p in files)
        print(f"build        {seconds:7.1f} s (both languages, decks and post-build steps)")
        print(f"site         {total / 1e6:7.1f} MB in {len(files)} files, {len(pages)} HTML pages")
        largest = max(pages, key=lambda p: p.stat().st_size)
        print(f"largest page {largest.stat().st_size / 1e3:7.0f} kB {largest.relative_to(tmp)}")
        search_ok = args.no_search or bench_search(Path(tmp))
    return 0 if packed <= BUDGET and search_ok else 1


def bench_search(site) -> bool:
    """Search recall@5 per language, beside stock Material's (kelisim.search_bench)."""
    import tempfile
    from pathlib import Path

    from . import search_bench

    data = checked_course()
    with tempfile.TemporaryDirectory() as work:
        return data is not None and search_bench.run(site, data.course, Path(work))


def intake_choices():
    """`practice new --language` choices (imported when needed, like each command's own module)."""
    from .practice.intake import LANGUAGE_CHOICES
    return LANGUAGE_CHOICES


def bench_decks() -> None:
    """Per deck and language: slides, median and maximum visible words per slide."""
    from .checks import read_pages
    from .model import load_course
    from .slides import print_deck_figures

    course = load_course(ROOT)
    print_deck_figures(course, read_pages(ROOT, course.languages))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kelisim", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help=cmd_build.__doc__)
    build.add_argument("--site-dir", default="site")
    build.set_defaults(run=cmd_build)
    serve = commands.add_parser("serve", help=cmd_serve.__doc__)
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=cmd_serve)
    commands.add_parser("check", help=cmd_check.__doc__).set_defaults(run=cmd_check)
    commands.add_parser("sources", help=cmd_sources.__doc__).set_defaults(run=cmd_sources)
    spelling = commands.add_parser("spelling", help=cmd_spelling.__doc__)
    spelling.add_argument("--words", action="store_true", help="print only the words (to review for a word list)")
    spelling.set_defaults(run=cmd_spelling)
    commands.add_parser("vendor", help=cmd_vendor.__doc__).set_defaults(run=cmd_vendor)
    quizzes = commands.add_parser("quizzes", help=cmd_quizzes.__doc__)
    quizzes.add_argument("--check", action="store_true", help="fail if generated quiz pages are stale; write nothing")
    quizzes.set_defaults(run=cmd_quizzes)
    practice = commands.add_parser("practice", help=cmd_practice.__doc__)
    actions = practice.add_subparsers(dest="action", required=True)
    new = actions.add_parser("new", help="write a case-note template (asks for what is not given as options)")
    new.add_argument("--region", help="region id, e.g. turkistan (course/practice.yml)")
    new.add_argument("--theme", help="theme id, e.g. land-water")
    new.add_argument("--language", choices=sorted(intake_choices()), help="ru, kk or both")
    new.add_argument("--slug", help="file name without .md (default: the theme)")
    new.add_argument("--title", help="the note's title")
    new.add_argument("--district-type", help="district type id, e.g. rural")
    new.add_argument("--period", help="2024, 2024-05 or 2023–2024")
    importer = actions.add_parser("import", help="write a note for each good row of the case clinic's CSV")
    importer.add_argument("file", help="CSV (UTF-8, comma or semicolon) with the columns listed in AUTHORING.md")
    pages = actions.add_parser("pages", help="write the generated recommendation pages (--check: report stale ones)")
    pages.add_argument("--check", action="store_true", help="fail if the generated pages are stale; write nothing")
    practice.set_defaults(run=cmd_practice)
    moodle = commands.add_parser("moodle", help=cmd_moodle.__doc__)
    moodle.add_argument("--out", default="dist/moodle")
    moodle.set_defaults(run=cmd_moodle)
    bench = commands.add_parser("bench", help=cmd_bench.__doc__)
    bench.add_argument("--no-search", action="store_true", help="skip the search recall benchmark (Chromium)")
    bench.set_defaults(run=cmd_bench)
    args = parser.parse_args(argv)
    return args.run(args)
