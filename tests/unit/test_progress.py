"""The learner's progress: the course structure written for progress-view.js, the progress page's
markup in both languages, its place in the navigation."""

import json
import re
from html import unescape

import pytest

from kelisim.build import navigation
from kelisim.i18n import STRINGS
from kelisim.model import load_course
from kelisim.quiz import progress
from kelisim.quiz.bank import load_banks
from kelisim.quiz.render import display_order
from conftest import render_markdown
from quiz_fixtures import quiz_course  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("fresh_blocks")


def course_and_bank(root):
    course = load_course(root)
    return course, load_banks(root, course)[0]


def test_data_holds_what_judging_a_stored_answer_needs(quiz_course):
    course, bank = course_and_bank(quiz_course)
    data = progress.data(course, [bank], {})
    assert data["course"] == "tiny" and data["version"] == course.version and data["page"] == "progress.html"
    assert progress.data(course, [bank], {}, page=False)["page"] is None  # no link to a page the course lacks
    assert data["langs"] == {"ru": "", "kk": "kk/"}
    part, = data["parts"]
    assert part == {"id": "m1", "page": "modules/first.html", "quiz": f"quizzes/{bank.module.slug}.html",
                    "q": [q.id for _, group in display_order(bank) for q in group]}
    assert sorted(part["q"]) == sorted(q.id for q in bank.questions)
    q = {question.id: question for question in bank.questions}
    single, matching, ordering = data["q"]["m1-single"], data["q"]["m1-matching"], data["q"]["m1-ordering"]
    # The keys are hashes of the option texts: an edited option no longer matches an old answer.
    assert single == {"t": "single", "k": [o.key for o in q["m1-single"].options], "c": q["m1-single"].correct,
                      "o": list(q["m1-single"].outcomes)}
    assert matching["k"] == [p.left.key for p in q["m1-matching"].pairs]
    assert sorted(matching["r"]) == sorted(p.right.key for p in q["m1-matching"].pairs)
    assert ordering["k"] == [i.key for i in q["m1-ordering"].items] and ordering["c"] == q["m1-ordering"].correct
    assert data["q"]["m1-true-false"]["k"] == [] and data["q"]["m1-true-false"]["c"] is True
    for lang in ("ru", "kk"):
        assert data["strings"][lang]["badge"] == STRINGS[lang]["progress.badge"]


def test_data_is_written_as_a_script_for_file_urls(quiz_course, tmp_path):
    course, bank = course_and_bank(quiz_course)
    progress.write_data(tmp_path, course, [bank], {})
    text = (tmp_path / "assets" / "kelisim" / "progress-data.js").read_text(encoding="utf-8")
    assert text.startswith("window.KelisimCourse=") and text.endswith(";\n")
    assert json.loads(text[len("window.KelisimCourse="):-2]) == progress.data(course, [bank], {})


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_progress_page_in_the_page_language(quiz_course, lang):
    html = render_markdown(quiz_course, "# Прогресс { #top }\n\n/// progress\n///\n", lang, "progress.md")
    strings = STRINGS[lang]
    assert 'data-kl-block="progress"' in html and 'data-kl-part="m1"' in html and 'data-kl-part=""' in html
    script_strings = json.loads(unescape(re.search(r'data-kl-strings="([^"]*)"', html).group(1)))
    assert script_strings["import.bad"] == strings["progress.import.bad"]
    assert script_strings["months"] == strings["progress.months"].split()
    assert strings["progress.reset"].format(name=strings["module"].format(n=1)) in html
    assert strings["progress.export"] in html and strings["progress.import"] in html
    assert 'for="kl-progress-import"' in html and 'id="kl-progress-import"' in html
    assert 'role="status"' in html and "<noscript>" in html
    assert 'href="quizzes/first.md"' in html  # Markdown makes it .html in a real build
    assert 'data-kl-outcome="m1-a"' in html
    assert html.count("<progress") == 2  # the course and its one module


def test_progress_page_follows_the_modules_in_the_navigation(tiny_course):
    course = load_course(tiny_course)
    assert "progress.md" not in navigation(course)
    nav = navigation(course, progress=True)
    assert nav.index("progress.md") == nav.index(course.modules[-1].page) + 1
