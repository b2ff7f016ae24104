"""Headless Chromium drives the built site as a learner would, under a sub-path and from file://."""

import re

import pytest

pytestmark = pytest.mark.browser

PAGES = ["index.html", "syllabus.html", "seminar.html", "glossary.html",
         "modules/kazaktanu.html", "modules/religious-policy.html", "modules/conflict-prevention.html"]
ENGLISH_THEME_STRINGS = ["Search", "Table of contents", "Back to top", "Skip to content", "Copy to clipboard",
                         "Next", "Previous", "Select language", "Type to start searching", "Initializing search",
                         "Permanent link"]


def open_page(visit, url):
    visit.page.goto(url)
    visit.page.wait_for_load_state("networkidle")
    return visit.page


def test_pages_load_nothing_from_outside_and_nothing_missing(visit, server):
    for path in PAGES + [f"kk/{p}" for p in PAGES] + ["404.html", "kk/404.html"]:
        before = len(server.missing)
        page = open_page(visit, server.base + path)
        assert page.title(), path
        assert visit.external == [], f"{path}: requests to other origins: {visit.external}"
        assert server.missing[before:] == [], f"{path}: same-origin 404s: {server.missing[before:]}"
        assert visit.errors == [], f"{path}: script errors: {visit.errors}"


@pytest.mark.parametrize("lang, expected", [("kk", {"search": "Іздеу", "toc": "Мазмұны", "skip": "Негізгі мәтінге өту"}),
                                             ("ru", {"search": "Поиск", "toc": "Содержание", "skip": "Перейти к содержанию"})])
def test_theme_speaks_the_page_language(visit, server, lang, expected):
    prefix = "kk/" if lang == "kk" else ""
    page = open_page(visit, f"{server.base}{prefix}syllabus.html")
    assert page.get_attribute("html", "lang") == lang
    assert page.get_attribute("input.md-search__input", "placeholder") == expected["search"]
    assert page.inner_text("a.md-skip") == expected["skip"]
    labels = page.eval_on_selector_all("[aria-label], [title], [placeholder]",
                                       "els => els.flatMap(e => [e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('placeholder')])")
    visible = page.inner_text("body")
    for english in ENGLISH_THEME_STRINGS:
        assert english not in labels, f"English theme string '{english}' in an attribute"
        assert not re.search(rf"\b{english}\b", visible), f"English theme string '{english}' on the page"
    toc_title = page.locator("nav.md-nav--secondary > label.md-nav__title").first
    assert expected["toc"] in toc_title.inner_text()


@pytest.mark.parametrize("start, target", [("modules/kazaktanu.html", "kk/modules/kazaktanu.html"),
                                           ("kk/seminar.html", "seminar.html")])
def test_language_switch_keeps_the_page(visit, server, start, target):
    page = open_page(visit, server.base + start)
    other = "kk" if not start.startswith("kk/") else "ru"
    page.hover(".md-header__option .md-select")
    page.click(f'a.md-select__link[hreflang="{other}"]')
    page.wait_for_load_state("networkidle")
    assert page.url == server.base + target
    assert page.get_attribute("html", "lang") == other


def search(page, query: str) -> list[str]:
    page.click("input.md-search__input")
    page.fill("input.md-search__input", query)
    page.press("input.md-search__input", "End")  # Material searches on keyup
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")


@pytest.mark.parametrize("lang, query", [("ru", "семинар"), ("kk", "семинар")])
def test_search_shows_only_pages_in_the_reader_language(visit, server, lang, query):
    """'семинар' is spelled the same in both languages: results must still stay in one."""
    prefix = "kk/" if lang == "kk" else ""
    page = open_page(visit, f"{server.base}{prefix}index.html")
    results = search(page, query)
    assert results
    in_kk = [url for url in results if url.startswith(server.base + "kk/")]
    assert in_kk == (results if lang == "kk" else [])


def test_search_finds_words_inside_quotes_and_brackets(visit, server):
    page = open_page(visit, server.base + "index.html")
    # On the home page «Қазақтану» stands only in guillemets.
    results = search(page, "Қазақтану")
    assert any(url.startswith(server.base + "index.html") for url in results)


def test_skip_link_is_the_first_tab_stop(visit, server):
    page = open_page(visit, server.base + "kk/index.html")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Негізгі мәтінге өту"


def test_usb_copy_works_from_file_url(browser, built_site):
    context = browser.new_context()
    external = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                  else (external.append(route.request.url), route.abort()))
    page = context.new_page()
    page.goto((built_site / "kk" / "index.html").as_uri())
    page.click("#module-m2 a")
    page.wait_for_load_state("load")
    assert page.url.endswith("/kk/modules/religious-policy.html")
    assert page.get_attribute("html", "lang") == "kk"
    results = search(page, "семинар")
    assert results and all("/kk/" in url for url in results)
    assert external == []
    context.close()


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_404_page_links_home_from_any_depth(visit, server, built_site, lang):
    """Servers send the 404 page in place of the missing one (nginx error_page, see README)."""
    prefix = "kk/" if lang == "kk" else ""
    not_found = (built_site / prefix / "404.html").read_text(encoding="utf-8")
    missing = f"{server.base}{prefix}modules/old/no-such-page.html"
    visit.page.route(missing, lambda route: route.fulfill(status=404, body=not_found, content_type="text/html"))
    page = open_page(visit, missing)
    page.wait_for_function("document.getElementById('kl-home').getAttribute('href') !== 'index.html'")
    page.click("#kl-home")
    page.wait_for_load_state("networkidle")
    assert page.url == f"{server.base}{prefix}index.html"
    assert page.get_attribute("html", "lang") == lang
