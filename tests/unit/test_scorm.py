"""How kelisim.scorm adapts a built page for a package, on a small page in Material's markup."""

import zipfile

import lxml.html
import pytest

from kelisim import i18n, scorm
from kelisim.release import write_zip

PAGE = """<!doctype html>
<html><head><title>Модуль</title><link rel="stylesheet" href="../../assets/kelisim/kelisim.css"></head><body>
<input class="md-toggle" type="checkbox" id="__search">
<header><div class="md-select"><a href="../../modules/first.html" hreflang="ru" class="md-select__link">Русский</a></div>
<label class="md-header__button md-icon" for="__search"></label>
<div class="md-search"><form class="md-search__form" name="search"></form></div></header>
<nav><ul>
<li class="md-nav__item"><a href="first.html" class="md-nav__link">Этот модуль</a></li>
<li class="md-nav__item"><a href="second.html" class="md-nav__link">Другой модуль</a></li>
<li class="md-nav__item md-nav__item--nested"><label class="md-nav__link">Тренеру</label>
  <nav><ul><li class="md-nav__item"><a href="../trainer/index.html" class="md-nav__link">Набор</a></li></ul></nav></li>
</ul></nav>
<article class="md-content__inner">
<p class="kl-slides-link"><a class="md-button" href="../slides/first.html">Слайды</a></p>
<p>См. <a href="second.html#part">модуль 2</a>, <a href="https://example.org/">сайт</a> и <a href="#top">начало</a>.</p>
<img src="../img/map.svg" alt="">
<section data-kl-course="kelisim"><a href="../quizzes/first.html">Тест</a></section>
</article>
<footer><a href="../index.html" class="md-footer__link">Назад</a></footer>
</body></html>"""

SCO = scorm.Sco("m1", "Модуль 1", ("kk/modules/first.html", "kk/quizzes/first.html"))
SETTINGS = {"course": "kelisim-2026.11-kk", "sco": "m1", "mastery": 70, "questions": [], "strings": {}}


def adapted():
    html, referenced = scorm.adapt_page(PAGE, "kk/modules/first.html", SCO, SETTINGS)
    return lxml.html.document_fromstring(html), referenced


def test_language_switcher_and_search_are_removed():
    doc, _ = adapted()
    assert not doc.xpath("//*[contains(@class, 'md-select') or contains(@class, 'md-search')]")
    assert not doc.xpath("//label[@for='__search']")


def test_links_stay_inside_the_sco():
    doc, _ = adapted()
    assert sorted(doc.xpath("//a/@href")) == ["#top", "../quizzes/first.html", "first.html"]
    assert [a.text for a in doc.xpath("//nav//a")] == ["Этот модуль"]  # other modules and the empty section are gone
    assert not doc.xpath("//*[contains(@class, 'kl-slides-link')]") and not doc.xpath("//footer//a")
    assert [s.text for s in doc.xpath("//article//span")] == ["модуль 2", "сайт"]  # the words stay, the way out goes


def test_runtime_and_namespace():
    doc, referenced = adapted()
    assert doc.xpath("//head/script[@id='kl-scorm']") and doc.xpath("//head/script/@src") == ["../../assets/kelisim/scorm.js"]
    assert doc.xpath("//@data-kl-course") == ["kelisim-2026.11-kk"]
    assert {"assets/kelisim/kelisim.css", "kk/img/map.svg", "assets/kelisim/scorm.js"} <= referenced


def test_zip_bytes_do_not_depend_on_order_or_time(tmp_path):
    files = {"b.html": b"b", "a/c.css": b"c", "imsmanifest.xml": b"<manifest/>"}
    write_zip(tmp_path / "one.zip", files)
    write_zip(tmp_path / "two.zip", dict(reversed(list(files.items()))))
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.zip") as archive:
        assert archive.namelist() == sorted(files)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_runtime_can_correct_the_quiz_lead_inside_an_lms(lang):
    """scorm.js swaps the lead's last sentence (answers kept in this browser) for the LMS one."""
    assert i18n.t(lang, "quiz.lead", n=3).endswith(i18n.t(lang, "scorm.stored-browser"))
