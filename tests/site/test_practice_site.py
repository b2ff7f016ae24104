"""The practice book on the built site: the recommendations index, the lessons, the one-language label."""

import re

from kelisim import ROOT

NOTES = {  # page: (region ru, region kk, theme ru, theme kk)
    "kyzylorda/water-schedule": ("Кызылординская область", "Қызылорда облысы",
                                 "Земля, вода и другие ресурсы", "Жер, су және басқа ресурстар"),
    "pavlodar/language-club": ("Павлодарская область", "Павлодар облысы", "Язык и культура", "Тіл және мәдениет"),
    "kostanay/market-stalls": ("Костанайская область", "Қостанай облысы",
                               "Рынки, торговля и работа", "Базар, сауда және жұмыс"),
    "shymkent/holiday-in-the-square": ("Город Шымкент", "Шымкент қаласы",
                                       "Праздники и общественные мероприятия", "Мерекелер және қоғамдық іс-шаралар"),
}


def html(site, path):
    return (site / path).read_text(encoding="utf-8")


def section(page: str, anchor: str) -> str:
    """The HTML from the heading with `anchor` to the next second-level heading."""
    start = page.index(f'id="{anchor}"')
    end = page.find("<h2", start)
    return page[start:end if end > 0 else None]


def rows(table_html: str) -> list[str]:
    return re.findall(r"<tr>(.*?)</tr>", table_html, re.S)


def test_the_index_lists_the_example_notes_by_region_and_by_theme_in_both_languages(built_site):
    for prefix, lang in (("", 0), ("kk/", 1)):
        page = html(built_site, f"{prefix}practice/index.html")
        assert f'<html lang="{"kk" if lang else "ru"}"' in page
        by_region, by_theme = section(page, "by-region"), section(page, "by-theme")
        for note, labels in NOTES.items():
            region, theme = labels[lang], labels[2 + lang]
            assert any(region in row and f'href="{note}.html"' in row for row in rows(by_region)), (prefix, note)
            assert any(theme in row and f'href="{note}.html"' in row for row in rows(by_theme)), (prefix, note)
        assert "by-mechanism" in page


def test_every_note_page_is_built_in_both_languages_and_marked_as_an_example(built_site):
    for note in NOTES:
        assert "Пример записи" in html(built_site, f"practice/{note}.html")
        assert "Жазба үлгісі" in html(built_site, f"kk/practice/{note}.html")


def test_a_one_language_note_is_shown_with_a_label_not_left_out(built_site):
    ru_side = html(built_site, "practice/shymkent/holiday-in-the-square.html")
    assert "Запись доступна только на казахском языке" in ru_side
    assert '<div lang="kk">' in ru_side and "Не болды: оқиғаның тетігі" in ru_side
    kk_side = html(built_site, "kk/practice/kostanay/market-stalls.html")
    assert "Жазба тек орыс тілінде бар" in kk_side
    assert '<div lang="ru">' in kk_side and "Что произошло: механизм" in kk_side
    both = html(built_site, "kk/practice/kyzylorda/water-schedule.html")
    assert "Жазба тек" not in both and "Запись доступна только" not in both


def test_the_lessons_page_groups_lessons_by_theme_with_links_to_their_notes(built_site):
    for prefix in ("", "kk/"):
        page = html(built_site, f"{prefix}practice/lessons.html")
        water = section(page, "theme-land-water")
        assert 'href="kyzylorda/water-schedule.html#lessons"' in water
        assert water.count("<li>") == 3


def test_the_practice_book_follows_the_modules_in_the_navigation(built_site):
    page = html(built_site, "index.html")
    assert page.index("regional-cases.html") < page.index("practice/index.html") < page.index("slides.html")
    kk = html(built_site, "kk/index.html")
    assert "Басқа өңірлерге ұсынымдар" in kk


def test_the_generated_pages_are_current():
    from kelisim.model import load_course
    from kelisim.practice.book import load_book
    from kelisim.practice.notes import check_notes
    from kelisim.practice.pages import stale_problems

    book, _ = load_book(ROOT)
    notes, problems = check_notes(ROOT, book)
    assert not problems and not stale_problems(ROOT, book, notes, load_course(ROOT))
