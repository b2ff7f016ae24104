"""The trainer kit in the built site: every page in both languages, links that MkDocs does not check
(decks are written after it), the seminar tests as working quizzes, printable forms without the site."""

import posixpath
import re

import pytest

DAYS = ["trainer/day-1.html", "trainer/day-2.html", "trainer/day-3.html"]
KIT = ["trainer/index.html", *DAYS, "trainer/pre-test.html", "trainer/post-test.html", "trainer/tests-key.html",
       "trainer/evaluation.html", "trainer/action-plan.html",
       "trainer/print-day-1.html", "trainer/print-day-2.html", "trainer/print-day-3.html"]


@pytest.mark.parametrize("prefix", ["", "kk/"])
def test_every_kit_page_is_built_and_reached_from_the_seminar_page(built_site, prefix):
    for path in KIT:
        assert (built_site / prefix / path).is_file(), prefix + path
    seminar = (built_site / prefix / "seminar.html").read_text(encoding="utf-8")
    assert 'href="trainer/index.html"' in seminar


@pytest.mark.parametrize("prefix", ["", "kk/"])
def test_day_guides_link_decks_notes_and_cards_that_exist(built_site, prefix):
    decks = 0
    for path in DAYS:
        html = (built_site / prefix / path).read_text(encoding="utf-8")
        assert html.count('class="kl-day-guide__slot"') >= 5
        for href in re.findall(r'href="([^"#?:]+\.html)[^"]*"', html):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(prefix + path), href))
            assert (built_site / target).is_file(), f"{prefix}{path}: {href}"
        decks += html.count("data-kl-deck")
    assert decks >= 5  # every module with a deck is linked from the slot that teaches it


@pytest.mark.browser
@pytest.mark.parametrize("path, count", [("trainer/pre-test.html", 20), ("kk/trainer/post-test.html", 20)])
def test_seminar_test_is_a_working_quiz(visit, server, path, count):
    page = visit.page
    page.goto(server.base + path)
    assert page.locator(".kl-quiz__q").count() == count
    first = page.locator(".kl-quiz__q").first
    first.locator("input").first.check()
    first.locator("button[type=submit]").click()
    assert first.locator(".kl-quiz__feedback").inner_text().strip()


@pytest.mark.parametrize("prefix", ["", "kk/"])
def test_print_pages_collect_each_days_cards_and_tests(built_site, prefix):
    def count(path, marker):
        return (built_site / prefix / path).read_text(encoding="utf-8").count(marker)

    assert count("trainer/print-day-1.html", 'class="kl-quiz__q"') == 20  # the pre-test on paper
    assert count("trainer/print-day-2.html", 'data-kl-exercise="road-incident"') == 1
    day3 = [count("trainer/print-day-3.html", f'data-kl-exercise="{e}"') for e in ("case-clinic", "fishbowl")]
    assert day3 == [1, 1] and count("trainer/print-day-3.html", 'class="kl-quiz__q"') == 20
    for day in (1, 2, 3):
        assert f'href="print-day-{day}.html"' in (built_site / prefix / f"trainer/day-{day}.html").read_text(encoding="utf-8")


@pytest.mark.browser
@pytest.mark.parametrize("path", ["trainer/action-plan.html", "kk/trainer/evaluation.html", "trainer/print-day-3.html"])
def test_printed_forms_show_the_form_not_the_site(visit, server, path):
    page = visit.page
    page.goto(server.base + path)
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert not any(el.is_visible() for el in page.locator(selector).all()), selector
    assert page.locator("table").first.is_visible()
