"""Search in Chromium: other word forms, ё, Kazakh typed on a Russian layout, ranking, highlighting,
over http under a sub-path and from file://. The full query sets run in `make bench`."""

from __future__ import annotations

import shutil

import pytest

from conftest import SUB_PATH, serving
from kelisim.search_bench import page_words, search_pages

pytestmark = pytest.mark.browser

# (language, query, page it must find among the first five), a few per benchmark category.
CASES = [
    ("ru", "миссионерами", "modules/religious-policy.html"),        # inflection
    ("ru", "алфавит", "modules/kazaktanu.html"),
    ("ru", "учетная регистрация", "modules/religious-policy.html"),  # ё as е, two words
    ("ru", "молодежь", "modules/kazaktanu.html"),
    ("ru", "казактану", "modules/kazaktanu.html"),                   # Kazakh word, Russian layout
    ("ru", "латинская графика", "modules/kazaktanu.html"),
    ("ru", "миссонеров", "modules/religious-policy.html"),           # a letter missing
    ("ru", "мусульманин", "glossary.html"),                          # the page has мусульман
    ("kk", "агенттік", "modules/religious-policy.html"),             # voiced stem consonant
    ("kk", "миссионерлердің", "modules/religious-policy.html"),      # inflection
    ("kk", "мешит", "seminar.html"),                                 # Russian layout
    ("kk", "халық", "glossary.html"),
    ("kk", "латын графикасы", "modules/kazaktanu.html"),
    ("kk", "миссонерлер", "modules/religious-policy.html"),
]


def language_root(base: str, lang: str) -> str:
    return base if lang == "ru" else f"{base}kk/"


def open_search(page, url: str) -> str:
    """Opens `url`, focuses the search box once the worker is ready; returns the placeholder text."""
    page.goto(url)
    page.click("input.md-search__input")
    placeholder = page.evaluate("JSON.parse(document.getElementById('__config').textContent)"
                                ".translations['search.result.placeholder']")
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent === t",
                           arg=placeholder, timeout=10_000)
    return placeholder


def found(page, root: str, placeholder: str, query: str) -> list[str]:
    return [url[len(root):] for url in search_pages(page, query, placeholder)]


def check_cases(page, root: str, placeholder: str, lang: str) -> None:
    for case_lang, query, expected in CASES:
        if case_lang != lang:
            continue
        assert expected in found(page, root, placeholder, query)[:5], query
        if " " not in query:
            # every result has a form of the one word: none may list it as missing
            assert page.locator(".md-search-result__terms").count() == 0, query


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_search_finds_other_forms_under_a_sub_path(visit, server, lang):
    root = language_root(server.base, lang)
    placeholder = open_search(visit.page, root + "index.html")
    check_cases(visit.page, root, placeholder, lang)
    assert not [path for path in server.missing if "lunr" in path]
    assert visit.external == [] and visit.errors == []


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_search_finds_other_forms_from_file_url(browser, built_site, lang):
    context = browser.new_context()
    page = context.new_page()
    root = language_root(built_site.as_uri() + "/", lang)
    placeholder = open_search(page, root + "index.html")
    check_cases(page, root, placeholder, lang)
    context.close()


@pytest.mark.parametrize("lang, query", [("ru", "миссионеров"), ("ru", "литературе"), ("kk", "агенттігі"),
                                         ("kk", "миссионерлер")])
def test_pages_with_the_exact_form_come_first(visit, server, built_site, lang, query):
    root = language_root(server.base, lang)
    placeholder = open_search(visit.page, root + "index.html")
    exact = {page for page, words in page_words(built_site, lang, "ru").items() if query in words}
    results = found(visit.page, root, placeholder, query)
    assert set(results[:len(exact)]) == exact, results


def test_forms_with_the_vowel_dropped_are_found(visit, server, built_site):
    """«орын»: pages that only say «орны», «орнын», «орнына» are found too (not ranked: exact forms come first)."""
    root = language_root(server.base, "kk")
    only_dropped = {page for page, words in page_words(built_site, "kk", "ru").items()
                    if words & {"орны", "орнын", "орнына"} and "орын" not in words}
    assert only_dropped, "the course no longer has a page with only the dropped-vowel forms: pick another word"
    placeholder = open_search(visit.page, root + "index.html")
    assert only_dropped & set(found(visit.page, root, placeholder, "орын"))


def test_a_word_found_nowhere_finds_nothing(visit, server):
    """«агенттік» is on Kazakh pages only: the Russian site must answer "no match", not every page."""
    page = visit.page
    placeholder = open_search(page, server.base + "index.html")
    assert found(page, server.base, placeholder, "агенттік") == []
    none = page.evaluate("JSON.parse(document.getElementById('__config').textContent)"
                         ".translations['search.result.none']")
    assert page.inner_text(".md-search-result__meta") == none


def test_highlight_marks_the_forms_found(visit, server):
    """«миссионерами»: the page says «миссионеров»; both the result and the page mark that form."""
    page = visit.page
    placeholder = open_search(page, server.base + "index.html")
    found(page, server.base, placeholder, "миссионерами")
    first = page.locator(".md-search-result__item").first
    assert "миссионеров" in [m.lower() for m in first.locator("mark").all_inner_texts()]
    assert first.locator(".md-search-result__terms").count() == 0  # no "word missing" line
    first.locator("a").first.click()
    page.wait_for_load_state("load")
    assert "h=" in page.url
    # Material marks the page after it loads; on a long page with many glossary tooltips that takes a moment
    page.wait_for_selector("mark[data-md-highlight]", timeout=10_000)
    marked = [m.lower() for m in page.locator("mark[data-md-highlight]").all_inner_texts()]
    assert "миссионеров" in marked


def test_search_stops_working_without_lunr_kk(browser, built_site, tmp_path):
    """Proves the tests above would notice: without lunr.kk.min.js the worker never becomes ready."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    (site / "assets" / "javascripts" / "lunr" / "min" / "lunr.kk.min.js").unlink()
    webroot = tmp_path / "webroot"
    webroot.mkdir()
    with serving(site, webroot) as httpd:
        context = browser.new_context()
        page = context.new_page()
        with pytest.raises(Exception):
            open_search(page, f"{httpd.base}kk/index.html")
        assert any(path.endswith("lunr.kk.min.js") for path in httpd.missing)
        assert SUB_PATH in httpd.base
        context.close()
