"""Strict builds: the real site, and a copy broken on purpose, fail with an author-facing message."""

import json
import shutil
from pathlib import Path

import pytest

from conftest import build_site, link_toolkit
from kelisim import ROOT


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


def test_404_pages_in_both_languages(built_site):
    ru = (built_site / "404.html").read_text(encoding="utf-8")
    kk = (built_site / "kk/404.html").read_text(encoding="utf-8")
    assert '<html lang="ru">' in ru and "Страница не найдена" in ru
    assert '<html lang="kk">' in kk and "Бет табылмады" in kk
    assert "http" not in ru + kk, "a 404 page must not load anything"


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


def test_broken_link_fails_the_build_site(project_copy):
    for lang in ("ru", "kk"):
        page = project_copy / f"docs/{lang}/seminar.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n[x](no-such-page.md)\n", encoding="utf-8")
    result = build_site(project_copy)
    assert result.returncode != 0
    assert "seminar.md" in result.stderr and "no-such-page.md" in result.stderr


def test_broken_anchor_fails_the_build_site(project_copy):
    for lang in ("ru", "kk"):
        page = project_copy / f"docs/{lang}/seminar.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n[x](syllabus.md#no-such-anchor)\n", encoding="utf-8")
    result = build_site(project_copy)
    assert result.returncode != 0 and "no-such-anchor" in result.stderr


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
