"""Command line: `python -m kelisim <command>` (what the Makefile targets call).

Every command works on the course in the current folder (its mkdocs.yml), or on the one whose
configuration `--config`/`-f` names, as MkDocs does.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from .problems import CourseError, rel

QUIET = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
CONFIG = "mkdocs.yml"


class NoCourse(Exception):
    """The command was run outside a course: no configuration where it looked."""


def course_config(given: str | None) -> Path:
    """The course's mkdocs.yml: the one given with --config, else the current folder's."""
    config = Path(given or CONFIG).resolve()
    if not config.is_file():
        raise NoCourse(f"No course here: {config} not found. Run the command in the course folder "
                       f"(the one with {CONFIG}) or name its configuration with --config/-f.")
    return config


def mkdocs(args, *command: str, env: dict | None = None) -> int:
    return subprocess.call([sys.executable, "-m", "mkdocs", *command, "--config-file", str(args.config)],
                           cwd=args.root, env={**QUIET, **(env or {})})


def cmd_build(args) -> int:
    """Validate the course and write the site to its site_dir (mkdocs.yml: site/) or to --site-dir."""
    site_dir = ["--site-dir", str(Path(args.site_dir).resolve())] if args.site_dir else []
    return mkdocs(args, "build", *site_dir)


def cmd_serve(args) -> int:
    """Live preview on http://127.0.0.1:8000 (rebuilds when pages, course data or theme change)."""
    return mkdocs(args, "serve", "--dev-addr", f"127.0.0.1:{args.port}", "--livereload")


def checked_course(root: Path):
    """Every pre-build check on the course (a checks.CourseData), or None after printing its problems."""
    from .checks import run_checks

    try:
        return run_checks(root)
    except CourseError as error:
        print(error.report(), file=sys.stderr)
        return None


def cmd_check(args) -> int:
    """Check course data, page parity and course blocks without building (fast)."""
    data = checked_course(args.root)
    if data is None:
        return 1
    course = data.course
    print(f"OK: {len(course.modules)} modules, languages {', '.join(course.languages)}.")
    return 0


def cmd_sources(args) -> int:
    """List registry entries never compared with their official text, and those compared over a year ago."""
    import datetime as dt

    from .sources import load_sources, stale, unchecked

    registry = load_sources(args.root)
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
    unknown, mixed = spelling.check(args.root)
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

    vendor.fetch(args.root)
    return 0


def cmd_quizzes(args) -> int:
    """Validate the quiz banks and write the generated quiz pages (--check: only report stale ones)."""
    from .model import load_course
    from .quiz.bank import check_banks
    from .quiz.pages import COMMAND, stale_problems, write_pages

    course = load_course(args.root)
    banks, problems = check_banks(args.root, course)
    if args.check:
        problems += stale_problems(args.root, banks, course)
    if problems:
        print(CourseError(problems).report(), file=sys.stderr)
        return 1
    if args.check:
        print(f"OK: quiz pages are current for {len(banks)} bank(s).")
        return 0
    for change in write_pages(args.root, banks, course) or [f"nothing to do: pages are current ({COMMAND} --check)"]:
        print(change)
    return 0


def _practice_book(root: Path):
    """The practice book's data, or None after printing its problems."""
    from .practice.book import load_book

    book, problems = load_book(root)
    if problems:
        print(CourseError(problems).report(), file=sys.stderr)
    return book


def _write_practice_pages(root: Path, check: bool) -> int:
    from .model import load_course
    from .practice.notes import check_notes
    from .practice.pages import COMMAND, stale_problems, write_pages
    from .sources import load_sources

    book = _practice_book(root)
    if book is None:
        return 1
    course = load_course(root)
    notes, problems = check_notes(root, book, load_sources(root))
    if check and not problems:
        problems = stale_problems(root, book, notes, course)
    if problems:
        print(CourseError(problems).report(), file=sys.stderr)
        return 1
    if check:
        print(f"OK: the practice pages are current for {len(notes)} note(s).")
        return 0
    for change in write_pages(root, book, notes, course) or [f"nothing to do: pages are current ({COMMAND} --check)"]:
        print(change)
    return 0


def cmd_practice(args) -> int:
    """The seminar practice book: new note, import the case clinic's CSV, write the recommendation pages."""
    from .practice import intake

    if args.action == "pages":
        return _write_practice_pages(args.root, args.check)
    book = _practice_book(args.root)
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
        path = intake.write_new(args.root, book, draft, args.slug)
        print(f"wrote {rel(path, args.root)}: fill in the title, the fields marked with a comment and every section; "
              f"then `python -m kelisim practice pages` and `python -m kelisim check`")
        return 0
    written, problems = intake.import_csv(args.root, book, Path(args.file).resolve())
    for path in written:
        print(f"wrote {rel(path, args.root)}")
    if problems:
        print(CourseError(problems).report(), file=sys.stderr)
    print(f"{len(written)} note(s) written, {len({p.line for p in problems})} row(s) rejected.")
    if written:
        _write_practice_pages(args.root, check=False)
    return 1 if problems else 0


def cmd_moodle(args) -> int:
    """Export the quiz banks as Moodle XML, one file per language (the course's dist/moodle/ or --out)."""
    from .quiz import moodle

    data = checked_course(args.root)
    if data is None:
        return 1
    count = sum(len(bank.questions) for bank in data.banks)
    out = Path(args.out).resolve() if args.out else args.root / "dist" / "moodle"
    for path in moodle.write(data.banks, data.course, out):
        print(f"wrote {rel(path, args.root)}: {count} questions in {len(data.banks)} categories")
    return 0


def cmd_handbook(args) -> int:
    """Print the handbooks (learner and trainer, every language) and the decks to PDF, in dist/ or --out."""
    import time

    from . import printing
    from .checks import read_pages
    from .model import load_course

    started = time.monotonic()
    site = Path(args.site_dir).resolve() if args.site_dir else args.root / "site"
    if not args.no_build:
        args.site_dir = str(site)
        if cmd_build(args):
            return 1
    course = load_course(args.root)
    out = Path(args.out).resolve() if args.out else args.root / "dist"
    try:
        printing.print_all(site, out, course, read_pages(args.root, course.languages), printing.source_date(args.root),
                           report=lambda path: print(f"wrote {rel(path, args.root)}: {printing.page_count(path)} pages, "
                                                     f"{path.stat().st_size / 1024:.0f} KiB"))
    except printing.PrintError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"handbooks and decks printed in {time.monotonic() - started:.0f} s")
    return 0


def cmd_dist(args) -> int:
    """Pack the release: dist/<course>-<version>.zip and .zip.sha256 (fresh strict build, PDFs, Moodle XML, guide)."""
    import tempfile

    from . import release
    from .checks import read_pages
    from .model import load_course

    course = load_course(args.root)
    dist_dir = args.root / "dist"
    # Before the (slower) checks and build: a missing PDF is the common first-time stop.
    missing = release.missing(dist_dir, release.downloads(course, read_pages(args.root, course.languages)))
    if missing:
        for download in missing:
            print(release.missing_problem(download), file=sys.stderr)
        targets = ", ".join(sorted({f"`make {d.artefact.target}`" for d in missing}))
        print(f"{len(missing)} file(s) of the release are missing: run {targets} first.", file=sys.stderr)
        return 1
    data = checked_course(args.root)
    if data is None:
        return 1
    try:
        version = release.git_version(args.root, data.course)
    except RuntimeError as error:  # not a git clone: the release could not name its commit
        print(error, file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        # MkDocs dates the sitemap by SOURCE_DATE_EPOCH: the commit's date keeps the site reproducible.
        status = mkdocs(args, "build", "--site-dir", tmp, env={"SOURCE_DATE_EPOCH": str(int(version.date.timestamp()))})
        if status:
            return status
        zip_path = release.assemble(args.root, Path(tmp), dist_dir, data.course, data.pages, version)
    print(f"wrote {rel(zip_path, args.root)} ({release.human_size('ru', zip_path.stat().st_size)}) and "
          f"{zip_path.name}.sha256: version {version.version}, commit {version.commit[:12]}"
          f"{' with uncommitted changes' if version.dirty else ''}, dated {version.date.isoformat()}")
    return 0


def cmd_scorm(args) -> int:
    """SCORM 1.2 packages for an LMS: per language the whole course and each module (dist/scorm/ or --out)."""
    import tempfile

    from . import scorm

    out = Path(args.out).resolve() if args.out else args.root / "dist" / "scorm"
    with tempfile.TemporaryDirectory() as fresh:
        site = Path(args.site_dir).resolve() if args.site_dir else Path(fresh)
        if not args.site_dir and mkdocs(args, "build", "--site-dir", str(site)) != 0:
            return 1
        try:
            paths = scorm.write_packages(args.root, site, out)
        except CourseError as error:
            print(error.report(), file=sys.stderr)
            return 1
    for path in paths:
        print(f"wrote {rel(path, args.root)}: {path.stat().st_size / 1024:.0f} kB")
    return 0


def cmd_bench(args) -> int:
    """Print size and speed figures: quiz widget, decks, build time, page weights vs. stock, search recall."""
    from . import bench

    return bench.run(args.root, args.config, search=not args.no_search)


def intake_choices():
    """`practice new --language` choices (imported when needed, like each command's own module)."""
    from .practice.intake import LANGUAGE_CHOICES
    return LANGUAGE_CHOICES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kelisim", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    config_help = f"the course's configuration (default: {CONFIG} in the current folder)"
    parser.add_argument("-f", "--config", metavar="FILE", help=config_help)
    # --config after the command too (`python -m kelisim build -f course/mkdocs.yml`), as in MkDocs.
    after = argparse.ArgumentParser(add_help=False)
    after.add_argument("-f", "--config", metavar="FILE", default=argparse.SUPPRESS, help=config_help)
    commands = parser.add_subparsers(dest="command", required=True)

    def command(name, run):
        sub = commands.add_parser(name, help=run.__doc__, parents=[after])
        sub.set_defaults(run=run)
        return sub

    command("build", cmd_build).add_argument("--site-dir")
    command("serve", cmd_serve).add_argument("--port", type=int, default=8000)
    command("check", cmd_check)
    command("sources", cmd_sources)
    command("spelling", cmd_spelling).add_argument(
        "--words", action="store_true", help="print only the words (to review for a word list)")
    command("vendor", cmd_vendor)
    command("quizzes", cmd_quizzes).add_argument(
        "--check", action="store_true", help="fail if generated quiz pages are stale; write nothing")
    practice = command("practice", cmd_practice)
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
    command("moodle", cmd_moodle).add_argument("--out")
    handbook = command("handbook", cmd_handbook)
    handbook.add_argument("--site-dir", help="the built site to print (default: the course's site/)")
    handbook.add_argument("--no-build", action="store_true", help="print the site as it is; do not build it first")
    handbook.add_argument("--out", help="where handbook/ and decks/ go (default: the course's dist/)")
    command("dist", cmd_dist)
    scorm = command("scorm", cmd_scorm)
    scorm.add_argument("--site-dir", help="package this built site instead of building a fresh one")
    scorm.add_argument("--out", help="folder for the zips (default: dist/scorm)")
    command("bench", cmd_bench).add_argument(
        "--no-search", action="store_true", help="skip the search recall benchmark (Chromium)")
    args = parser.parse_args(argv)
    try:
        args.config = course_config(args.config)
    except NoCourse as error:
        print(error, file=sys.stderr)
        return 2
    args.root = args.config.parent
    return args.run(args)
