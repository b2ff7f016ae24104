"""The handbook document (kelisim.handbook) and the PDF fixes after printing (kelisim.printing), on small inputs."""

from __future__ import annotations

import datetime as dt
import re

from kelisim import handbook, printing

HELD = {"modules/first.html": "first", "modules/second.html": "second", "glossary.html": "glossary"}

FRAGMENT = """<h1 id="top">Первый</h1>
<h2 id="part">Раздел</h2>
<p>См. <a href="#part">раздел</a>, <a href="second.html#law">второй модуль</a>, <a href="../glossary.html">глоссарий</a>,
<a href="../quizzes/first.html">тест</a> и <a href="https://adilet.zan.kz/rus/docs/K950001000_">Конституцию</a>.</p>
<p><img alt="Схема" src="../img/map.svg"></p>
<li id="source-law"><span class="kl-sources__name">Закон</span></li>
"""

NOTE = """<p>Текст для всех.</p>
<details class="note kl-trainer-note" data-kl-block="trainer-note">
<summary>Для тренера</summary>
<p>Спросите группу, кто уже проводил такие встречи.</p>
</details>
<details class="example"><summary>Пример</summary><p>Раскрыт в печати.</p></details>
<div class="kl-slide" data-kl-block="slide" hidden="hidden"><p>Слайд</p></div>
<p><a class="md-button md-button--primary kl-quiz-link" href="../quizzes/first.html">Пройти тест</a></p>
"""


def test_ids_get_the_page_prefix_and_links_stay_inside_the_document():
    out = handbook.localize(FRAGMENT, "modules/first.md", HELD)
    assert 'id="first--top"' in out and 'id="first--part"' in out and 'id="first--source-law"' in out
    assert '<a href="#first--part">раздел</a>' in out
    assert '<a href="#second--law">второй модуль</a>' in out
    assert '<a href="#glossary">глоссарий</a>' in out
    # A page the handbook does not hold: the words stay, the link goes.
    assert "\nтест и " in out and "quizzes" not in out
    assert 'href="https://adilet.zan.kz/rus/docs/K950001000_"' in out
    # handbook/ is as deep as modules/: the image path is the same from there.
    assert 'src="../img/map.svg"' in out


def test_assets_of_a_root_page_are_rebased_to_the_handbook_folder():
    out = handbook.localize('<link href="assets/kelisim/quiz.css" rel="stylesheet" /><img src="img/a.svg">',
                            "glossary.md", HELD)
    assert 'href="../assets/kelisim/quiz.css"' in out and 'src="../img/a.svg"' in out


def test_learner_edition_has_no_trainer_notes_the_trainer_edition_shows_them_open():
    learner = handbook.for_edition(NOTE, "learner")
    assert "Спросите группу" not in learner and "Для тренера" not in learner
    trainer = handbook.for_edition(NOTE, "trainer")
    assert "Спросите группу" in trainer and "<details" not in trainer.split("kl-hb-trainer-note")[1].split("</section>")[0]
    for edition in (learner, trainer):
        assert "Текст для всех." in edition
        assert "<details open" in edition  # other collapsible blocks print unfolded
        assert "Слайд" not in edition and "kl-quiz-link" not in edition


def tiny_pdf(objects: list[bytes], trailer: bytes) -> bytes:
    """A PDF with a classic cross-reference table, laid out as Chromium writes one."""
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF" % xref


def check_xref(pdf: bytes) -> None:
    xref = int(re.search(rb"startxref\n(\d+)", pdf).group(1))
    table = re.compile(rb"xref\n0 (\d+)\n").match(pdf, xref)
    assert table, "startxref does not point at the table"
    for number in range(1, int(table.group(1))):
        offset = int(pdf[table.end() + number * 20:table.end() + number * 20 + 10])
        assert pdf[offset:].startswith(b"%d 0 obj" % number)


def title(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def test_outline_titles_get_back_the_spaces_chromium_lost_at_line_wraps():
    pdf = tiny_pdf([b"<</Title " + title("тіл жәнеазаматтық") + b">>", b"<</Title " + title("Глоссарий") + b">>",
                    b"<</Type /Catalog /Info (D:x)>>"], b"<</Size 4 /Root 3 0 R>>")
    fixed = printing.fix_outline(pdf, ["Мазмұны", "тіл және азаматтық", "Глоссарий"])
    assert title("тіл және азаматтық") in fixed and title("Глоссарий") in fixed
    check_xref(fixed)
    assert printing.fix_outline(pdf, ["Басқа тақырып"]) == pdf


def test_dates_and_structure_ids_do_not_depend_on_when_or_after_what_chromium_printed():
    def printed(when: bytes, first: bytes, second: bytes) -> bytes:
        return tiny_pdf([b"<</CreationDate (D:%s+00'00')\n/ModDate (D:%s+00'00')>>" % (when, when),
                         b"<</S /TH /ID (node%s)>>" % first, b"<</S /TH /ID (node%s)>>" % second,
                         b"<</IDTree <</Names [(node%s) 2 0 R (node%s) 3 0 R]>>>>" % (first, second)],
                        b"<</Size 5 /Info 1 0 R>>")

    commit = dt.datetime(2026, 11, 29, 21, 33, 33, tzinfo=dt.timezone.utc)
    one = printing.reproducible(printed(b"20261130101010", b"00000295", b"00000301"), commit)
    other = printing.reproducible(printed(b"20261201235959", b"00001007", b"00001012"), commit)
    assert one == other
    assert b"/CreationDate (D:20261129213333+00'00')" in one and b"(node00000001) 2 0 R (node00000002)" in one
    check_xref(one)


def test_a_page_whose_content_holds_articles_is_cut_whole():
    from kelisim.slides import article_of

    page = ('<article class="md-content__inner md-typeset"><h1 id="answer-key">Ключ</h1>'
            '<article class="kl-key__q"><p>Вопрос 1</p></article><article class="kl-key__q"><p>Вопрос 2</p></article>'
            '</article><footer>Подвал</footer>')
    article = article_of(page)
    assert "Вопрос 2" in article and "Подвал" not in article
