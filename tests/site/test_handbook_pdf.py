"""The printed handbook: the Kazakh learner and trainer editions printed once from the built site, read
back with poppler (pdffonts, pdftotext, pdftohtml's outline), plus one deck and a reproducibility check.
`make handbook` prints every edition and deck with the same code (kelisim.printing)."""

from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from kelisim import handbook, printing
from kelisim.checks import read_pages
from kelisim.i18n import t
from kelisim.model import load_course
from kelisim.slides import deck_modules, deck_path, expected_count

LANG = "kk"
KAZAKH_LETTERS = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"
WHEN = dt.datetime(2026, 11, 29, 12, 0, tzinfo=dt.timezone.utc)
COURSE = load_course(ROOT)


@pytest.fixture(scope="module")
def printed(built_site, browser, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("handbook")
    printer = printing.Printer(browser, WHEN)
    return {edition: printer.document(built_site / LANG / handbook.handbook_path(edition),
                                      printing.handbook_pdf(out, LANG, edition))
            for edition in handbook.EDITIONS}


def tool(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def text_of(pdf: Path) -> str:
    """The PDF's text with line breaks and runs of spaces made single spaces (titles wrap)."""
    return re.sub(r"\s+", " ", tool("pdftotext", str(pdf), "-"))


def top_outline(pdf: Path) -> list[str]:
    """The outline's first level, as pdftohtml's XML lists it."""
    xml = tool("pdftohtml", "-xml", "-i", "-stdout", str(pdf))
    xml = xml[xml.index("<outline>"):]
    depth, titles = 0, []
    for match in re.finditer(r"<outline>|</outline>|<item page=\"\d+\">(.*?)</item>", xml, re.S):
        if match.group(0) == "<outline>":
            depth += 1
        elif match.group(0) == "</outline>":
            depth -= 1
        elif depth == 1:
            titles.append(html.unescape(match.group(1)))
    return titles


def trainer_sentences(built_site: Path) -> list[str]:
    """The opening words of the first trainer note on each Kazakh module page, as the site shows them."""
    sentences = []
    for module in COURSE.modules:
        page = (built_site / LANG / (module.page[:-3] + ".html")).read_text(encoding="utf-8")
        note = re.search(r'<details class="note kl-trainer-note"[^>]*>.*?</summary>(.*?)</details>', page, re.S)
        if note:
            words = html.unescape(re.sub(r"<[^>]+>", " ", note.group(1))).split()
            sentences.append(" ".join(words[:8]))
    return sentences


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_handbook_documents_link_inside_themselves_and_leave_the_site_out(built_site, lang):
    for edition in handbook.EDITIONS:
        document = (built_site / ("" if lang == "ru" else lang) / handbook.handbook_path(edition)).read_text(
            encoding="utf-8")
        ids = re.findall(r'\sid="([^"]+)"', document)
        assert len(ids) == len(set(ids)), f"{edition}: an id twice"
        targets = re.findall(r'<a\b[^>]*\shref="#([^"]*)"', document)
        assert len(targets) > 50 and set(targets) <= set(ids), sorted(set(targets) - set(ids))
        # Every other link leaves the course (its address gets printed); nothing of the site's chrome.
        assert all(href.startswith(("https://", "http://")) for href in re.findall(r'<a\b[^>]*\shref="([^#"][^"]*)"', document))
        for absent in ("md-header", "md-sidebar", "md-search", "kl-quiz-link", "kl-slides-link",
                       'data-kl-block="slide"', "<script"):
            assert absent not in document, (edition, absent)
        assert ("kl-hb-trainer-note" in document) == (edition == "trainer")
        assert ('data-kl-block="answer-key"' in document) == (edition == "trainer")


def test_every_font_is_embedded_and_covers_kazakh(printed):
    for pdf in printed.values():
        rows = tool("pdffonts", str(pdf)).splitlines()[2:]
        assert rows, f"{pdf.name}: no fonts"
        assert all(row.split()[-5] == "yes" for row in rows), rows  # the "emb" column
        assert any("DejaVuSans" in row for row in rows)
    # The embedded family has every Kazakh letter, capitals too (Ң and Һ never start a word in the text).
    charset = " ".join(f"{ord(letter):x}" for letter in KAZAKH_LETTERS)
    assert "DejaVu Sans" in tool("fc-list", f"DejaVu Sans:charset={charset}", "family")


def test_kazakh_text_and_module_titles_come_out_intact(printed, built_site):
    text = text_of(printed["learner"])
    source = (built_site / LANG / handbook.handbook_path("learner")).read_text(encoding="utf-8")
    assert {c for c in KAZAKH_LETTERS if c in text} == {c for c in KAZAKH_LETTERS if c in source}
    assert set("әғқңөұүһі") <= set(text)
    for module in COURSE.modules:
        assert module.title[LANG] in text
    assert COURSE.title[LANG] in text and COURSE.version in text


def test_page_counts_are_sane(printed):
    learner, trainer = (printing.page_count(printed[edition]) for edition in ("learner", "trainer"))
    assert 60 <= learner <= 250
    assert learner + 20 < trainer <= learner + 100  # trainer notes, and the answer key (about 50 pages)
    assert f"Pages: {learner}" in re.sub(r" +", " ", tool("pdfinfo", str(printed["learner"])))


def test_trainer_notes_and_answer_key_only_in_the_trainer_edition(printed, built_site):
    sentences = trainer_sentences(built_site)
    assert len(sentences) >= 3
    learner, trainer = text_of(printed["learner"]), text_of(printed["trainer"])
    for sentence in sentences:
        assert sentence not in learner
        assert sentence in trainer
    key_title = t(LANG, "key.title")
    assert key_title not in learner and key_title in trainer


def test_outline_lists_contents_modules_glossary_sources(printed):
    modules = [module.title[LANG] for module in COURSE.modules]
    assert top_outline(printed["learner"]) == ["Мазмұны", *modules, "Глоссарий", "Дереккөздер тізімі"]
    assert top_outline(printed["trainer"]) == ["Мазмұны", *modules, "Глоссарий", "Дереккөздер тізімі",
                                               t(LANG, "key.title")]


def test_tagged_a4_with_the_commit_date(printed):
    info = tool("pdfinfo", str(printed["learner"]))
    assert re.search(r"Tagged:\s+yes", info)
    assert re.search(r"Page size:.* pts \(A4\)", info)
    assert "Nov 29 12:00:00 2026" in info


def test_two_prints_of_one_page_are_the_same_file(built_site, browser, tmp_path):
    printer = printing.Printer(browser, WHEN)
    page = built_site / LANG / "syllabus.html"  # small, with a table (tagged table headers carry ids)
    first = printer.document(page, tmp_path / "first.pdf").read_bytes()
    second = printer.document(page, tmp_path / "second.pdf").read_bytes()
    assert first == second


def test_a_deck_prints_one_slide_a_page(built_site, browser, tmp_path):
    pages = read_pages(ROOT, COURSE.languages)
    module = deck_modules(COURSE, pages)[0]
    pdf = printing.Printer(browser, WHEN).deck(built_site / LANG / deck_path(module.slug),
                                               printing.deck_pdf(tmp_path, LANG, module.slug))
    assert printing.page_count(pdf) == expected_count(pages[LANG][module.page])
