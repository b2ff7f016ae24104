"""The release packer on small inputs: reproducible zip, checksums, VERSION, missing artefacts, sizes."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, run_tool
from kelisim import release
from kelisim.checks import read_pages
from kelisim.model import load_course

COMMIT_DATE = "2026-11-20T10:30:00+05:00"


@pytest.fixture(scope="module")
def course():
    return load_course(ROOT)


@pytest.fixture(scope="module")
def pages(course):
    return read_pages(ROOT, course.languages)


def small_site(folder: Path) -> Path:
    """A built site in miniature: pages in both languages, a download page as the block renders it."""
    from kelisim.i18n import t

    files = {
        "index.html": '<html lang="ru"><body>Главная</body></html>',
        "kk/index.html": '<html lang="kk"><body>Басты бет</body></html>',
        "release/index.html": '<html lang="ru"><a href="../downloads/moodle/kelisim-ru.xml" '
                              'download="kelisim-ru.xml">kelisim-ru.xml</a> '
                              f'<span data-kl-size="moodle/kelisim-ru.xml">{t("ru", "release.size.later")}</span></html>',
        "kk/release/index.html": '<html lang="kk"><span data-kl-size="handbook/kelisim-kk.pdf">'
                                 f'{t("kk", "release.size.later")}</span></html>',
        "assets/stylesheets/main.57a0d79d.min.css": "body{}",
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def small_artefacts(dist: Path, course, pages) -> None:
    for download in release.downloads(course, pages):
        target = dist / download.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(download.path.encode() * (3000 if download.path.endswith("kk.pdf") else 10))


def version(course) -> release.Version:
    return release.Version(course.id, course.version, "a" * 40, dt.datetime.fromisoformat(COMMIT_DATE))


def test_the_artefact_table_lists_handbooks_decks_moodle_and_scorm_in_both_languages(course, pages):
    paths = [d.path for d in release.downloads(course, pages)]
    for lang in course.languages:
        assert f"handbook/kelisim-{lang}.pdf" in paths and f"handbook/kelisim-{lang}-trainer.pdf" in paths
        assert f"moodle/kelisim-{lang}.xml" in paths
        assert f"decks/{lang}/{course.modules[0].slug}.pdf" in paths
        assert f"scorm/kelisim-{course.version}-{lang}.zip" in paths
        assert f"scorm/kelisim-{course.version}-{lang}-{course.modules[-1].slug}.zip" in paths
    assert len(paths) == len(set(paths))
    names = [d.name for d in release.downloads(course, pages)]  # saved side by side in one Downloads folder
    assert len(names) == len(set(names)) and f"kelisim-kk-{course.modules[0].slug}.pdf" in names


def test_two_packs_of_the_same_inputs_are_byte_identical(tmp_path, course, pages):
    zips = []
    for run in ("one", "two"):
        site = small_site(tmp_path / run / "site")
        small_artefacts(tmp_path / run / "dist", course, pages)
        if run == "two":  # another clock, another file order on disk: the same bytes
            for path in site.rglob("*"):
                os.utime(path, (1_000_000_000, 1_000_000_000))
        zips.append(release.assemble(ROOT, site, tmp_path / run / "dist", course, pages, version(course)))
    assert zips[0].read_bytes() == zips[1].read_bytes()
    assert zips[0].name == f"kelisim-{course.version}.zip"
    assert not (tmp_path / "one" / "dist" / ".release").exists()

    with zipfile.ZipFile(zips[0]) as archive:
        entries = archive.infolist()
    names = [e.filename for e in entries]
    assert names == sorted(names)
    top = f"kelisim-{course.version}/"
    assert all(name.startswith(top) for name in names)
    assert {e.date_time for e in entries} == {(2026, 11, 20, 5, 30, 0)}  # the commit's time, in UTC
    assert {e.external_attr >> 16 for e in entries} == {0o100644}
    for name in ("VERSION", "SHA256SUMS", "README.txt", "deploy/nginx/kelisim.conf", "deploy/apache/kelisim.conf",
                 "deploy/iis/web.config", "site/index.html", "site/downloads/handbook/kelisim-ru.pdf",
                 f"site/downloads/decks/kk/{course.modules[-1].slug}.pdf", "site/downloads/moodle/kelisim-kk.xml"):
        assert top + name in names, name


def test_checksums_verify_and_version_names_the_commit_and_its_date(tmp_path, course, pages):
    small_artefacts(tmp_path / "dist", course, pages)
    zip_path = release.assemble(ROOT, small_site(tmp_path / "site"), tmp_path / "dist", course, pages, version(course))
    sidecar = zip_path.with_name(zip_path.name + ".sha256").read_text(encoding="utf-8")
    assert sidecar == f"{hashlib.sha256(zip_path.read_bytes()).hexdigest()}  {zip_path.name}\n"
    assert subprocess.run(["sha256sum", "-c", "--quiet", sidecar.split()[1] + ".sha256"], cwd=zip_path.parent).returncode == 0

    out = tmp_path / "unpacked"
    zipfile.ZipFile(zip_path).extractall(out)
    folder = out / f"kelisim-{course.version}"
    check = subprocess.run(["sha256sum", "-c", "--strict", "SHA256SUMS"], cwd=folder, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    listed = {line.split("  ", 1)[1] for line in (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines()}
    assert listed == {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {"SHA256SUMS"}
    assert (folder / "VERSION").read_text(encoding="utf-8") == (
        f"course: kelisim\nversion: {course.version}\ncommit: {'a' * 40}\ndate: {COMMIT_DATE}\n")

    # A file changed after packing is caught.
    (folder / "site" / "index.html").write_text("changed", encoding="utf-8")
    assert subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=folder, capture_output=True).returncode != 0


def test_the_download_pages_get_real_sizes_in_their_language(tmp_path, course, pages):
    small_artefacts(tmp_path / "dist", course, pages)
    zip_path = release.assemble(ROOT, small_site(tmp_path / "site"), tmp_path / "dist", course, pages, version(course))
    with zipfile.ZipFile(zip_path) as archive:
        top = f"kelisim-{course.version}/site/"
        ru = archive.read(top + "release/index.html").decode()
        kk = archive.read(top + "kk/release/index.html").decode()
    assert '<span data-kl-size="moodle/kelisim-ru.xml">1 КБ</span>' in ru  # 200 bytes: never «0 КБ»
    assert '<span data-kl-size="handbook/kelisim-kk.pdf">67 КБ</span>' in kk
    assert "указан в выпуске" not in ru and "шығарылымда" not in kk


def test_sizes_read_as_people_write_them():
    assert release.human_size("ru", 2_500_000) == "2,4 МБ"
    assert release.human_size("kk", 512) == "1 КБ"
    assert release.human_size("kk", 300 * 1024) == "300 КБ"


def test_version_comes_from_the_commit_not_the_clock(tmp_path, course):
    env = {**os.environ, "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE,
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    with pytest.raises(RuntimeError, match="make it from a git clone"):
        release.git_version(tmp_path, course)
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "course"]):
        (tmp_path / "course.yml").write_text("id: x\n", encoding="utf-8")
        subprocess.run(["git", *command], cwd=tmp_path, env=env, check=True)
    found = release.git_version(tmp_path, course)
    assert found.date == dt.datetime.fromisoformat(COMMIT_DATE) and not found.dirty
    assert len(found.commit) == 40
    (tmp_path / "course.yml").write_text("id: y\n", encoding="utf-8")
    assert release.git_version(tmp_path, course).dirty
    assert "(with uncommitted changes)" in release.git_version(tmp_path, course).text()


def test_dist_without_the_pdfs_names_the_make_target(tmp_path):
    """A course without dist/handbook: `dist` stops before building, naming each file and `make handbook`."""
    from conftest import link_toolkit

    (tmp_path / "course").mkdir()
    root = link_toolkit(tmp_path / "course")
    for name in ("course", "docs", "quizzes", "practice", "deploy"):
        if (ROOT / name).exists():
            (root / name).symlink_to(ROOT / name)
    result = run_tool("kelisim", "dist", cwd=root)
    assert result.returncode == 1
    assert "dist/handbook/kelisim-kk-trainer.pdf: the release needs this file and `make handbook` has not produced it" \
           " (rule: dist-missing-artefact)" in result.stderr
    assert "run `make handbook`, `make moodle`, `make scorm` first" in result.stderr
    assert not (root / "dist").exists()
