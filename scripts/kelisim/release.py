"""The release an administrator installs: `python -m kelisim dist` -> dist/<course>-<version>.zip.

Inside the zip, one top folder (unpacking never spills files over the admin's folder):

    kelisim-<version>/
      README.txt       what is here and where to start (ru, kk), from deploy/README.txt
      VERSION          course, version, git commit, build date (the commit's date, not the clock)
      SHA256SUMS       every other file, in `sha256sum -c` format
      deploy/          server configurations ready to copy: nginx/, apache/, iis/ (from deploy/)
      site/            the site: what the server serves as /kurs/
        downloads/     handbooks, deck PDFs, Moodle XML, SCORM packages: the download page links them here

The downloadable files sit inside site/ so that the installed course's download page links them
with relative links (under any sub-path and from file://), and outside-the-site readers find them
in one folder. Entries are sorted and stamped with the commit's date, files 0644: the same commit
packs to the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import posixpath
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .i18n import t
from .problems import Problem

DOWNLOADS = "downloads"  # the site's folder with the downloadable files
DEPLOY = "deploy"  # the course's folder with the server configurations and README.txt
#: Where a downloadable file's size goes on the download page (kelisim.blocks, `downloads`); `dist` fills it in.
SIZE = re.compile(r'<span data-kl-size="([^"]+)">[^<]*</span>')
PAGE_LANG = re.compile(r'<html lang="([^"]+)"')


@dataclass(frozen=True)
class Artefact:
    """A kind of downloadable file: where its producer writes it under dist/ and which make target that is.

    `pattern` takes {course}, {version}, {lang} and, for per-module files, {slug} (decks: every module
    with a deck; other kinds: every module).
    """

    kind: str  # i18n key release.<kind>: what the download page calls it
    pattern: str
    target: str

    @property
    def per_module(self) -> bool:
        return "{slug}" in self.pattern


#: Every downloadable file of a release, in the download page's order: the one table to extend.
ARTEFACTS = (
    Artefact("handbook", "handbook/{course}-{lang}.pdf", "handbook"),
    Artefact("handbook-trainer", "handbook/{course}-{lang}-trainer.pdf", "handbook"),
    Artefact("deck", "decks/{lang}/{slug}.pdf", "handbook"),
    Artefact("moodle", "moodle/{course}-{lang}.xml", "moodle"),
    Artefact("scorm", "scorm/{course}-{version}-{lang}.zip", "scorm"),
    Artefact("scorm-module", "scorm/{course}-{version}-{lang}-{slug}.zip", "scorm"),
)


@dataclass(frozen=True)
class Download:
    """One downloadable file: its path under dist/ and under site/downloads/ (the same)."""

    artefact: Artefact
    lang: str
    module: object | None  # model.Module for per-module files
    path: str
    name: str  # the name it is saved under: unique, with the course and language (decks/ru/x.pdf -> kelisim-ru-x.pdf)


def downloads(course, pages) -> list[Download]:
    """Every file a release of this course offers, in the download page's order."""
    from .slides import deck_modules

    decks = deck_modules(course, pages)
    found = []
    for artefact in ARTEFACTS:
        modules = (decks if artefact.kind == "deck" else course.modules) if artefact.per_module else [None]
        for lang in course.languages:
            for module in modules:
                path = artefact.pattern.format(course=course.id, version=course.version, lang=lang,
                                               slug=module.slug if module else "")
                name = posixpath.basename(path)
                if not name.startswith(course.id):  # decks are named by module slug alone, in both languages
                    name = f"{course.id}-{lang}-{name}"
                found.append(Download(artefact, lang, module, path, name))
    return found


def missing(dist_dir: Path, files: list[Download]) -> list[Download]:
    """The files not produced yet under `dist_dir`."""
    return [d for d in files if not (dist_dir / d.path).is_file()]


def missing_problem(download: Download) -> Problem:
    """What `dist` says about a missing file: which make target produces it."""
    target = download.artefact.target
    return Problem(f"dist/{download.path}", None, None, "dist-missing-artefact",
                   f"the release needs this file and `make {target}` has not produced it",
                   f"run `make {target}` (or `python -m kelisim {target}`), then `python -m kelisim dist` again; "
                   "`make dist` runs them itself")


def human_size(lang: str, size: int) -> str:
    """1 234 567 bytes -> «1,2 МБ»: what a reader compares, with the language's decimal comma."""
    if size < 1024 * 1024:
        value, unit = max(1, round(size / 1024)), "release.kb"
        return t(lang, unit, n=value)
    return t(lang, "release.mb", n=f"{size / 1024 / 1024:.1f}".replace(".", ","))


def fill_download_pages(site_dir: Path, course) -> list[Path]:
    """In the staged site: each download page's links point at real files, and show their sizes.

    The build writes the links (under site/downloads/) and a «size in the release» mark; only here,
    once the files are in place, are sizes known. Returns the pages changed.
    """
    changed = []
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if "data-kl-size=" not in text:
            continue
        lang = PAGE_LANG.search(text).group(1)

        def size(match, lang=lang, page=page):
            file = site_dir / DOWNLOADS / match.group(1)
            if not file.is_file():
                raise FileNotFoundError(f"{page}: the download page lists {DOWNLOADS}/{match.group(1)}, not in the release")
            return f'<span data-kl-size="{match.group(1)}">{html.escape(human_size(lang, file.stat().st_size))}</span>'

        page.write_text(SIZE.sub(size, text), encoding="utf-8")
        changed.append(page)
    return changed


@dataclass(frozen=True)
class Version:
    """What VERSION says: the course's version and the commit it was built from."""

    course: str
    version: str
    commit: str
    date: dt.datetime  # the commit's date: the build date of the release, and every zip entry's time
    dirty: bool = False  # built with uncommitted changes: the zip then is not the commit's

    def text(self) -> str:
        commit = self.commit + (" (with uncommitted changes)" if self.dirty else "")
        return (f"course: {self.course}\nversion: {self.version}\ncommit: {commit}\n"
                f"date: {self.date.isoformat()}\n")


def git_version(root: Path, course) -> Version:
    """The course's version with the checkout's HEAD commit and its commit date."""
    def git(*args: str) -> str:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
        if result.returncode:
            raise RuntimeError(f"`git {' '.join(args)}` failed in {root}: {result.stderr.strip()}. "
                               "The release names its commit: make it from a git clone of the course.")
        return result.stdout.strip()

    commit, date = git("log", "-1", "--format=%H %cI").split()
    dirty = bool(git("status", "--porcelain", "--untracked-files=no"))
    return Version(course.id, course.version, commit, dt.datetime.fromisoformat(date), dirty)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def files_of(folder: Path) -> list[str]:
    """Every file under `folder`, as sorted POSIX paths relative to it."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def write_sums(folder: Path) -> Path:
    """SHA256SUMS of every other file in `folder` (check with `sha256sum -c SHA256SUMS` there)."""
    target = folder / "SHA256SUMS"
    target.unlink(missing_ok=True)
    target.write_text("".join(f"{sha256(folder / name)}  {name}\n" for name in files_of(folder)), encoding="utf-8")
    return target


def write_zip(path: Path, files: dict[str, bytes], date_time: tuple = (1980, 1, 1, 0, 0, 0)) -> Path:
    """A reproducible zip (the release's and the SCORM packages'): sorted entries, one timestamp, fixed permissions.

    Nothing of the packing machine (clock, owner, umask, file order on disk) reaches the bytes.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        for name in sorted(files):
            entry = zipfile.ZipInfo(name, date_time=date_time)
            entry.create_system = 3  # Unix, so that the permissions below are read
            entry.external_attr = 0o100644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, files[name], compresslevel=9)
    return path


def pack(folder: Path, zip_path: Path, date: dt.datetime) -> Path:
    """Zip `folder` as its own top folder, dated `date`, with its .sha256 beside it."""
    stamp = date.astimezone(dt.timezone.utc).timetuple()[:6]
    write_zip(zip_path, {f"{folder.name}/{name}": (folder / name).read_bytes() for name in files_of(folder)}, stamp)
    zip_path.with_name(zip_path.name + ".sha256").write_text(f"{sha256(zip_path)}  {zip_path.name}\n", encoding="utf-8")
    return zip_path


def assemble(root: Path, built_site: Path, dist_dir: Path, course, pages, version: Version) -> Path:
    """Stage and zip a release from a built site and the artefacts under `dist_dir` (all present: see `missing`)."""
    files = downloads(course, pages)
    name = f"{course.id}-{course.version}"
    stage = dist_dir / ".release" / name
    shutil.rmtree(stage.parent, ignore_errors=True)
    shutil.copytree(built_site, stage / "site")
    for download in files:
        target = stage / "site" / DOWNLOADS / download.path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(dist_dir / download.path, target)
    fill_download_pages(stage / "site", course)
    shutil.copytree(root / DEPLOY, stage / "deploy", ignore=shutil.ignore_patterns("README.txt"))
    shutil.copyfile(root / DEPLOY / "README.txt", stage / "README.txt")
    (stage / "VERSION").write_text(version.text(), encoding="utf-8")
    write_sums(stage)
    zip_path = pack(stage, dist_dir / f"{name}.zip", version.date)
    shutil.rmtree(stage.parent)
    return zip_path


def download_rows(course, pages, lang: str, from_path: str) -> list[tuple[Download, str]]:
    """(download, link relative to a page of `lang` at `from_path`) for the download page."""
    from .site import to_site_root

    up = to_site_root(course, lang, from_path)
    return [(d, posixpath.normpath(f"{up}{DOWNLOADS}/{d.path}")) for d in downloads(course, pages)]
