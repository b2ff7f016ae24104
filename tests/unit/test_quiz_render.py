"""Quiz model, rendering in both languages, generated pages, Moodle XML and the widget files."""

import json
import re
import xml.etree.ElementTree as etree

import pytest

from kelisim.cli import main
from kelisim.i18n import STRINGS
from kelisim.model import load_course
from kelisim.pages import split_front_matter
from kelisim.quiz import moodle, pages, render, widget
from kelisim.quiz.bank import MOODLE_PARTS, load_banks, text_key
from conftest import ROOT, render_markdown
from quiz_fixtures import BANK, add_bank, quiz_course  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("fresh_blocks")


def bank_of(root):
    return load_banks(root, load_course(root))[0]


def render_page(root, text, lang="ru", path="quizzes/first.md"):
    return render_markdown(root, text, lang, path)


def quiz_html(root, lang="ru"):
    return render_page(root, (root / "docs" / lang / "quizzes" / "first.md").read_text(encoding="utf-8"), lang)


# ---------- model -----------------------------------------------------------------------

def test_option_keys_come_from_the_text_not_the_position(quiz_course):
    bank = bank_of(quiz_course)
    single = bank.questions[0]
    assert single.correct == text_key({"ru": "Акимат района"})
    assert text_key({"ru": "  Акимат   района "}) == single.correct  # whitespace does not matter
    reordered = BANK.replace('      - text: {ru: "Акимат района", kk: "Аудан әкімдігі"}\n        correct: true\n', "").replace(
        '        feedback: {ru: "Соседям нужна помощь.", kk: "Көршілерге көмек керек."}\n',
        '        feedback: {ru: "Соседям нужна помощь.", kk: "Көршілерге көмек керек."}\n'
        '      - text: {ru: "Акимат района", kk: "Аудан әкімдігі"}\n        correct: true\n')
    add_bank(quiz_course, reordered)
    moved = bank_of(quiz_course).questions[0]
    assert [o.key for o in moved.options] == [o.key for o in reversed(single.options)]
    assert moved.correct == single.correct


def test_explicit_option_key_wins(quiz_course):
    add_bank(quiz_course, BANK.replace('      - text: {ru: "Акимат района"', '      - key: akimat\n        text: {ru: "Акимат района"'))
    assert bank_of(quiz_course).questions[0].correct == "akimat"


def test_correct_answers_per_type(quiz_course):
    q = {question.id: question for question in bank_of(quiz_course).questions}
    assert len(q["m1-multiple"].correct) == 3
    assert q["m1-true-false"].correct is True
    assert q["m1-matching"].correct == {p.left.key: p.right.key for p in q["m1-matching"].pairs}
    assert q["m1-ordering"].correct == [text_key({"ru": r}) for r in ("Выслушать", "Уточнить", "Договориться")]
    assert q["m1-single"].shuffle and q["m1-true-false"].scenario == "m1-case"


# ---------- the quiz block ------------------------------------------------------------------

@pytest.mark.parametrize("lang, asset_prefix", [("ru", "../assets/kelisim/"), ("kk", "../../assets/kelisim/")])
def test_quiz_renders_accessible_markup_in_the_page_language(quiz_course, lang, asset_prefix):
    html = quiz_html(quiz_course, lang)
    strings = STRINGS[lang]
    assert html.startswith("<h1") and strings["quiz.page"].format(n=1) in html
    assert html.count("<fieldset>") == 5 and html.count("<legend>") == 5
    assert html.count('aria-live="polite"') == 5 and 'role="status"' in html
    assert html.count('type="radio"') == 2 + 2 + 0 and html.count('type="checkbox"') == 5
    assert html.count("<select") == 3 and html.count("data-kl-move") == 6
    assert f'<noscript>\n<p class="kl-quiz__noscript">{strings["quiz.noscript"]}</p>' in html
    assert f'href="{asset_prefix}quiz.css"' in html
    assert f'src="{asset_prefix}quiz.js"' in html
    assert "progress.js" not in html  # every page loads the answers store (overrides/main.html)
    assert 'data-kl-course="tiny"' in html and 'data-kl-quiz="m1"' in html
    assert strings["quiz.check"] in html and strings["quiz.reset"] in html
    assert ("Дауды қай орган шешеді?" in html) == (lang == "kk")
    assert ("Какой орган решает спор?" in html) == (lang == "ru")
    assert 'href="../modules/first.md#part"' in html  # Markdown turns it into .html in a real build
    assert "</a>. " + strings["quiz.lead"].format(n=5) in html  # the module title ends its sentence
    # Hidden until quiz.js runs, so a reader without JavaScript sees no dead buttons.
    assert html.count('class="kl-quiz__actions" hidden="hidden"') == 5


def test_ui_strings_travel_as_data_from_i18n(quiz_course):
    for lang in ("ru", "kk"):
        html = quiz_html(quiz_course, lang)
        raw = re.search(r'data-kl-strings="([^"]*)"', html).group(1).replace("&quot;", '"')
        data = json.loads(raw)
        assert data == {key.removeprefix("quiz."): STRINGS[lang][key] for key in render.SCRIPT_STRINGS}


def test_quiz_carries_answers_and_feedback_by_key(quiz_course):
    bank = bank_of(quiz_course)
    html = quiz_html(quiz_course)
    single, tf, ordering = bank.questions[0], bank.questions[2], bank.questions[4]
    assert f'data-kl-answer="&quot;{single.correct}&quot;"' in html
    wrong = single.options[1]
    assert f'<p data-kl-fb="{wrong.key}">Соседям нужна помощь.</p>' in html
    assert '<p data-kl-fb="false">Разговор помогает.</p>' in html and tf.answer is True
    shown = re.findall(r'<li class="kl-quiz__item" data-kl-key="([0-9a-f]+)"', html)
    assert sorted(shown) == sorted(ordering.correct) and shown != ordering.correct


def test_scenario_questions_sit_under_their_case(quiz_course):
    html = quiz_html(quiz_course)
    case = html.index('id="scenario-m1-case"')
    assert "Кейс: Спор о празднике" in html
    assert case < html.index('id="q-m1-true-false"') and html.index('id="q-m1-multiple"') < case


def test_scenarios_are_labelled_composite_wherever_a_learner_sees_them(quiz_course):
    """Quiz page, answer key and Moodle XML, in both languages (brief §4.3)."""
    course, bank = load_course(quiz_course), bank_of(quiz_course)
    for lang in ("ru", "kk"):
        label = STRINGS[lang]["case.composite"]
        quiz = quiz_html(quiz_course, lang)
        scenario = quiz[quiz.index('id="scenario-m1-case"'):quiz.index('id="q-m1-true-false"')]
        assert f'<p class="kl-case__label">{label}</p>' in scenario
        key = render_page(quiz_course, (quiz_course / "docs" / lang / "answer-key.md").read_text(encoding="utf-8"),
                          lang, "answer-key.md")
        box = key[key.index('id="key-scenario-m1-case"'):]
        assert f'<p class="kl-case__label">{label}</p>' in box[:box.index("</div>")]
        xml = parse(moodle.export([bank], course, lang))
        scenario_questions = [q for q in xml.findall("question")[1:] if q.findtext("idnumber") in ("m1-true-false",)]
        assert scenario_questions and all(f"<p>{label}</p>" in q.findtext("questiontext/text") for q in scenario_questions)
    assert STRINGS["kk"]["case.composite"].startswith("Құрастырылған әрі иесіздендірілген кейс")


def test_bank_text_stays_plain_text(quiz_course):
    add_bank(quiz_course, BANK.replace("Какой орган решает спор?", "Какой *орган* решает <спор>?"))
    assert "Какой *орган* решает &lt;спор&gt;?" in quiz_html(quiz_course)


def test_answer_key_lists_every_question_with_answers(quiz_course):
    for lang in ("ru", "kk"):
        html = render_page(quiz_course, (quiz_course / "docs" / lang / "answer-key.md").read_text(encoding="utf-8"),
                           lang, "answer-key.md")
        assert STRINGS[lang]["key.title"] in html and 'id="key-outcome-m1-a"' in html
        for qid in ("m1-single", "m1-multiple", "m1-true-false", "m1-matching", "m1-ordering"):
            assert f'id="key-{qid}"' in html
        assert html.count("kl-key__option--right") == 1 + 3 and html.count("kl-key__option--wrong") == 1 + 2
        assert STRINGS[lang]["quiz.mark.right"] in html
        assert 'href="modules/first.md#part"' in html and 'href="quizzes/first.md"' in html
    kk = render_page(quiz_course, (quiz_course / "docs/kk/answer-key.md").read_text(encoding="utf-8"), "kk", "answer-key.md")
    assert "Көршілерге көмек керек." in kk and "→ Дәріс" in kk


# ---------- generated pages ----------------------------------------------------------------

def test_generated_pages_are_titled_in_their_language(quiz_course):
    for lang in ("ru", "kk"):
        quiz = split_front_matter((quiz_course / "docs" / lang / "quizzes" / "first.md").read_text(encoding="utf-8"))[0]
        key = split_front_matter((quiz_course / "docs" / lang / "answer-key.md").read_text(encoding="utf-8"))[0]
        assert quiz == {"title": STRINGS[lang]["quiz.page"].format(n=1)}
        assert key == {"title": STRINGS[lang]["key.title"], "search": {"exclude": True}}


def test_generated_pages_round_trip(tiny_course):
    add_bank(tiny_course, pages=False)
    course = load_course(tiny_course)
    banks = load_banks(tiny_course, course)
    assert len(pages.stale_problems(tiny_course, banks, course)) == 4
    assert pages.write_pages(tiny_course, banks, course)
    assert pages.stale_problems(tiny_course, banks, course) == []
    assert pages.write_pages(tiny_course, banks, course) == []
    (tiny_course / "quizzes" / "m1.yml").unlink()
    assert sorted(pages.write_pages(tiny_course, [], course)) == [
        "removed docs/kk/answer-key.md", "removed docs/kk/quizzes/first.md",
        "removed docs/ru/answer-key.md", "removed docs/ru/quizzes/first.md"]


def test_navigation_and_link_from_the_page_the_quiz_belongs_to(quiz_course):
    bank = bank_of(quiz_course)
    nav = pages.navigation(["index.md", "modules/first.md", "glossary.md"], [bank])
    assert nav == ["index.md", "modules/first.md", "quizzes/first.md", "glossary.md", "answer-key.md"]
    link = pages.link_markdown([bank], "kk", "modules/first.md")
    assert f"[{STRINGS['kk']['quiz.link']}](../quizzes/first.md)" in link
    assert pages.link_markdown([bank], "ru", "index.md") == ""


# ---------- Moodle XML ------------------------------------------------------------------

def parse(xml: str):
    return etree.fromstring(xml.encode("utf-8"))


def test_moodle_export_matches_the_bank(quiz_course):
    course = load_course(quiz_course)
    bank = bank_of(quiz_course)
    for lang in ("ru", "kk"):
        root = parse(moodle.export([bank], course, lang))
        categories = root.findall("question[@type='category']")
        assert len(categories) == 1 and categories[0].findtext("category/text").endswith(
            "/" + STRINGS[lang]["module"].format(n=1) + ". " + course.modules[0].title[lang])
        questions = root.findall("question")[1:]
        assert [q.findtext("idnumber") for q in questions] == [q.id for q in bank.questions]
        assert [q.get("type") for q in questions] == ["multichoice", "multichoice", "truefalse", "matching", "matching"]
        for element, question in zip(questions, bank.questions):
            assert question.text[lang] in element.findtext("questiontext/text")
            assert question.explanation[lang] in element.findtext("generalfeedback/text")
        accepted = {"0"} | set(MOODLE_PARTS.values()) | {"-" + v for v in MOODLE_PARTS.values()}
        for answer in root.iter("answer"):
            if answer.get("fraction") is not None:
                assert answer.get("fraction") in accepted
        multiple = questions[1]
        assert multiple.findtext("single") == "false"
        assert [a.get("fraction") for a in multiple.findall("answer")] == ["33.33333"] * 3 + ["-50"] * 2
        assert [a.get("fraction") for a in questions[0].findall("answer")] == ["100", "0"]
        tf = questions[2]
        assert [(a.findtext("text"), a.get("fraction")) for a in tf.findall("answer")] == [("true", "100"), ("false", "0")]
        assert "Разговор помогает." in (tf.findall("answer")[1].findtext("feedback/text")) or lang == "kk"
        assert "Жители двух улиц" in tf.findtext("questiontext/text") or lang == "kk"
        order = questions[4]
        assert [s.findtext("answer/text") for s in order.findall("subquestion")] == ["1", "2", "3"]
        assert STRINGS[lang]["quiz.order.moodle"] in order.findtext("questiontext/text")
        assert questions[0].findtext("hint/text") is not None


def test_moodle_files_are_utf8_with_kazakh_letters_intact(quiz_course, tmp_path):
    course = load_course(quiz_course)
    written = moodle.write([bank_of(quiz_course)], course, tmp_path)
    assert [p.name for p in written] == ["tiny-ru.xml", "tiny-kk.xml"]
    data = written[1].read_bytes()
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert "Дауды қай орган шешеді?".encode("utf-8") in data and b"&#" not in data


def test_moodle_category_escapes_slashes(quiz_course):
    course = load_course(quiz_course)
    bank = bank_of(quiz_course)
    standalone = type(bank)("intro", bank.file, (), (), None, {"ru": "Вход/выход", "kk": "Кіру/шығу"})
    assert moodle.category(standalone, course, "ru").endswith("/Вход//выход")


# ---------- widget files and the benchmark ------------------------------------------------------

def test_widget_files_exist_and_bench_prints_sizes_and_pages_beside_stock(buildable_tiny_course, capsys):
    for name in widget.FILES:
        assert (ROOT / widget.ASSETS / name).is_file()
    # The tiny course: the real one takes two full builds. The search benchmark drives a browser: `make bench`.
    main(["bench", "--no-search", "--config", str(buildable_tiny_course / "mkdocs.yml")])
    out = capsys.readouterr().out
    for name in widget.FILES:
        assert re.search(rf"{re.escape(name)}\s+\d+ B raw\s+\d+ B gzipped", out)
    assert "total" in out and "budget 8192 B gzipped" in out
    assert re.search(r"progress-view\.js\s+\d+ B raw\s+\d+ B gzipped \(progress page and indicators; budget 4096 B", out)
    assert re.search(r"progress data\s+\d+ B raw\s+\d+ B gzipped", out)
    for lang in ("ru", "kk"):  # a module page: kit and stock HTML, ratio, kit and stock transfer, ratio
        assert re.search(rf"^module\s+{lang}\s+\d+\s+\d+\s+[\d.]+\s+\d+\s+\d+\s+[\d.]+\s+modules/", out, re.M)
