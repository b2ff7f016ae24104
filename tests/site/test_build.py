"""Strict builds: the real site, and a copy broken on purpose, fail with an author-facing message."""

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, build_site, link_toolkit, run_tool


def test_every_page_is_built_in_both_languages(built_site):
    for page in sorted((ROOT / "docs" / "ru").rglob("*.md")):
        rel = page.relative_to(ROOT / "docs" / "ru").with_suffix(".html").as_posix()
        assert (built_site / rel).is_file(), rel
        assert (built_site / "kk" / rel).is_file(), f"kk/{rel}"


def test_kk_pages_are_kazakh(built_site):
    for page in (built_site / "kk").rglob("*.html"):
        if "slides" in page.parts:
            continue
        head = page.read_text(encoding="utf-8")[:300]
        assert '<html lang="kk"' in head, page


def test_search_index_per_language(built_site):
    ru = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    kk = json.loads((built_site / "kk/search/search_index.json").read_text(encoding="utf-8"))
    assert ru["docs"] and kk["docs"]
    assert not any(d["location"].startswith("kk/") for d in ru["docs"])
    kk_titles = {d["title"] for d in kk["docs"] if "#" not in d["location"]}
    assert "Этносаралық және конфессияаралық келісім" in kk_titles
    # file:// cannot fetch JSON: each index is also a script.
    assert (built_site / "kk/search/search_index.js").read_text(encoding="utf-8").startswith("var __index = {")


def test_download_sizes_stay_out_of_search(built_site):
    """`dist` fills the sizes into the download pages but not into the search indexes."""
    from kelisim.i18n import t

    for lang, index in (("ru", "search/search_index.json"), ("kk", "kk/search/search_index.json")):
        text = (built_site / index).read_text(encoding="utf-8")
        placeholder = t(lang, "release.size.later")
        prose = (ROOT / "docs" / lang / "release/index.md").read_text(encoding="utf-8")  # the page explains it
        assert "release/index.html" in text and text.count(placeholder) == prose.count(placeholder), lang


def test_404_pages_in_both_languages(built_site):
    ru = (built_site / "404.html").read_text(encoding="utf-8")
    kk = (built_site / "kk/404.html").read_text(encoding="utf-8")
    assert '<html lang="ru">' in ru and "Страница не найдена" in ru
    assert '<html lang="kk">' in kk and "Бет табылмады" in kk
    assert "http" not in ru + kk, "a 404 page must not load anything"


def test_test_only_vendored_files_are_not_published(built_site):
    assert not [p for p in built_site.rglob("*") if "axe" in p.name], "axe-core is for the tests only"


def test_no_english_alt_text_from_the_theme(built_site):
    """Material's logo image says alt="logo"; screen readers would read it out on every ru/kk page."""
    for page in built_site.rglob("*.html"):
        assert 'alt="logo"' not in page.read_text(encoding="utf-8"), page.relative_to(built_site)


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project's sources (not the venv) to break."""
    for name in ("course", "docs", "quizzes", "practice"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return link_toolkit(tmp_path)


def test_slide_blocks_ship_in_the_decks_only(built_site):
    """Module pages lose their hidden slide blocks once the decks are cut (lighter pages on slow links)."""
    for lang_dir in (built_site, built_site / "kk"):
        for deck in (lang_dir / "slides").glob("*.html"):
            page = (lang_dir / "modules" / deck.name).read_text(encoding="utf-8")
            assert 'data-kl-block="slide"' not in page, deck
            assert deck.read_text(encoding="utf-8").count('class="kl-slide') > 10, deck


def test_missing_translation_fails_the_build_site(project_copy):
    (project_copy / "docs/kk/seminar.md").unlink()
    result = build_site(project_copy)
    assert result.returncode != 0
    assert "docs/kk/seminar.md" in result.stderr and "rule: page-missing" in result.stderr


def test_unknown_block_fails_the_build_naming_file_and_line(project_copy):
    page = project_copy / "docs/ru/syllabus.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n/// warning\nТекст\n///\n", encoding="utf-8")
    result = build_site(project_copy)
    line = len(page.read_text(encoding="utf-8").splitlines()) - 2
    assert result.returncode != 0
    assert f"docs/ru/syllabus.md:{line}: [warning] unknown block" in result.stderr


def test_broken_link_fails_the_build_site(buildable_tiny_course):
    for lang in ("ru", "kk"):
        page = buildable_tiny_course / f"docs/{lang}/seminar.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n[x](no-such-page.md)\n", encoding="utf-8")
    result = build_site(buildable_tiny_course)
    assert result.returncode != 0
    assert "seminar.md" in result.stderr and "no-such-page.md" in result.stderr


def test_broken_anchor_fails_the_build_site(buildable_tiny_course):
    for lang in ("ru", "kk"):
        page = buildable_tiny_course / f"docs/{lang}/seminar.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n[x](syllabus.md#no-such-anchor)\n", encoding="utf-8")
    result = build_site(buildable_tiny_course)
    assert result.returncode != 0 and "no-such-anchor" in result.stderr


def checkout_files() -> dict[str, int]:
    """Every file of this checkout (virtualenv and caches aside) with its modification time."""
    skip = {".git", ".venv", "__pycache__", ".pytest_cache"}
    return {p.relative_to(ROOT).as_posix(): p.stat().st_mtime_ns for p in ROOT.rglob("*")
            if p.is_file() and not skip.intersection(p.relative_to(ROOT).parts)}


def test_the_cli_builds_the_course_in_the_folder_it_runs_in(buildable_tiny_course):
    course = buildable_tiny_course
    before = checkout_files()
    result = run_tool("kelisim", "build", cwd=course)
    assert result.returncode == 0, result.stderr
    assert "Объяснять" in (course / "site/modules/first.html").read_text(encoding="utf-8")
    assert (course / "site/kk/modules/first.html").is_file()
    assert run_tool("kelisim", "check", cwd=course).stdout.startswith("OK: 1 modules")
    assert checkout_files() == before, "a command run in another course changed this checkout"


def test_a_command_outside_any_course_says_where_it_looked(tmp_path):
    result = run_tool("kelisim", "check", cwd=tmp_path)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert f"{tmp_path.resolve() / 'mkdocs.yml'} not found" in result.stderr and "--config" in result.stderr
    given = run_tool("kelisim", "-f", str(ROOT / "mkdocs.yml"), "check", cwd=tmp_path)
    assert given.returncode == 0 and given.stdout.startswith("OK:")



def test_a_practice_note_with_a_name_a_phone_and_an_iin_fails_the_build_naming_the_lines(project_copy):
    note = project_copy / "practice/kyzylorda/water-schedule.md"
    text = note.read_text(encoding="utf-8")
    heading = "## Кто действовал\n\n"
    leak = ["Аким округа Ерлан дал свой номер +7 701 123 45 67.", "В заявлении был ИИН 900101300123."]
    note.write_text(text.replace(heading, heading + "\n".join(leak) + "\n"), encoding="utf-8")
    lines = note.read_text(encoding="utf-8").split("\n")
    name_line, iin_line = lines.index(leak[0]) + 1, lines.index(leak[1]) + 1
    result = build_site(project_copy)
    assert result.returncode != 0
    where = "practice/kyzylorda/water-schedule.md"
    assert f"{where}:{name_line}: [Ерлан] 'Ерлан' is a personal name (rule: practice-personal-name)" in result.stderr
    assert f"{where}:{name_line}: [+7 701 123 45 67]" in result.stderr and "(rule: practice-phone)" in result.stderr
    assert f"{where}:{iin_line}: [900101300123]" in result.stderr and "(rule: practice-iin)" in result.stderr
