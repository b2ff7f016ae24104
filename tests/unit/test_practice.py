"""The practice book: note schema and template rules, each de-identification rule with its own bad note,
the false-positive guards, `practice new` and the case clinic's CSV import."""

import shutil

import pytest

from conftest import problems, problems_with, write
from kelisim import ROOT, cli
from kelisim.checks import run_checks
from kelisim.model import load_course
from kelisim.practice import intake
from kelisim.practice.book import load_book
from kelisim.practice.deid import find
from kelisim.practice.notes import check_notes
from kelisim.practice.pages import write_pages

NOTE = "practice/kyzylorda/water-schedule.md"
EXAMPLES = sorted((ROOT / "practice").glob("*/*.md"))


def publish(root):
    """Write the generated pages for the notes as they are (what `practice pages` does)."""
    book, found = load_book(root)
    assert not found
    notes, found = check_notes(root, book)
    write_pages(root, book, notes, load_course(root))


@pytest.fixture
def book_course(tiny_course):
    """The tiny course with the practice book's data and one real example note, pages generated."""
    shutil.copy(ROOT / "course/practice.yml", tiny_course / "course")
    (tiny_course / "practice").mkdir()
    shutil.copy(ROOT / "practice/note.schema.json", tiny_course / "practice")
    write(tiny_course, NOTE, (ROOT / NOTE).read_text(encoding="utf-8"))
    publish(tiny_course)
    return tiny_course


def edit(root, old, new, path=NOTE, count=1):
    """Change the note; returns the 1-based line of `new`'s first line."""
    text = (root / path).read_text(encoding="utf-8")
    assert old in text, old
    text = text.replace(old, new, count)
    (root / path).write_text(text, encoding="utf-8")
    first = new.split("\n")[0]
    return next(n for n, line in enumerate(text.split("\n"), start=1) if first in line)


def add_line(root, text, lang="ru"):
    """Put a line of text into the first section of the note's `lang` part; returns its line number."""
    anchor = "## Что произошло: механизм\n\n" if lang == "ru" else "## Не болды: оқиғаның тетігі\n\n"
    edit(root, anchor, anchor + text + "\n")
    lines = (root / NOTE).read_text(encoding="utf-8").split("\n")
    return lines.index(text) + 1


def the_problem(root, rule):
    found = problems_with(root, rule)
    assert len(found) == 1, found
    problem = found[0]
    assert f"(rule: {rule})" in str(problem) and ". Fix: " in str(problem)
    return problem


# ---------- the real book --------------------------------------------------------------

def test_the_tiny_course_with_a_note_passes(book_course):
    data = run_checks(book_course)
    assert [note.id for note in data.practice] == ["kyzylorda/water-schedule"]


def test_the_four_example_notes_exist_in_the_promised_languages():
    languages = {}
    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8")
        assert "example: true" in text, path
        languages[path.stem] = next(line for line in text.splitlines() if line.startswith("languages:"))
    assert len(EXAMPLES) == 4
    assert sorted(languages.values()) == ["languages: [kk]", "languages: [ru, kk]", "languages: [ru, kk]",
                                          "languages: [ru]"]


def test_realistic_clean_notes_raise_no_de_identification_hit():
    book, _ = load_book(ROOT)
    for path in EXAMPLES:
        lang = "ru"
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            lang = {"# ru": "ru", "# kk": "kk"}.get(line.strip(), lang)
            assert not find(line, lang, book), f"{path.name}:{number}: {find(line, lang, book)}"


@pytest.mark.parametrize("line, lang", [
    ("Собрание прошло в школе, где учатся дети из обоих сёл.", "ru"),
    ("Закон № 483-IV от 11 октября 2011 года и Указ № 747 здесь ни при чём.", "ru"),
    ("Пришли представители уйгурской и дунганской общин, а также русские и казахские семьи.", "ru"),
    ("На улице было 200 человек, у переулка ещё 30.", "ru"),
    ("Вера в справедливость и надежда на суд помогли; любовь к селу тоже.", "ru"),
    ("Слухов было много. Причина одна. Основа доверия — факты.", "ru"),
    ("Один из жителей сказал, что магазин закрыт.", "ru"),
    ("В 2024 году, 27.03.2024, прокуратура сообщила о проверке; собрались 8 человек в 10:00.", "ru"),
    ("Казахстанцы разных общин пришли на встречу в Туркестанской области.", "ru"),
    ("Қазақ тілі курсына ұйғырлар, дүңгендер, шешендер, күрдтер мен өзбектер жазылды.", "kk"),
    ("Бұрын жиын болмаған, кейін орын табылды; бейбіт, берік келісім.", "kk"),
    ("Абай облысы мен Ұлытау облысының тәжірибесі; айдар тағу қауіпті.", "kk"),
    ("Жанар-жағармай бағасы туралы қауесет тарады.", "kk"),
])
def test_ordinary_text_is_not_flagged(line, lang):
    book, _ = load_book(ROOT)
    assert find(line, lang, book) == []


# ---------- each de-identification rule -------------------------------------------------

@pytest.mark.parametrize("rule, text, lang, ident", [
    ("practice-personal-name", "Аким Ерлан сразу приехал к шлюзу.", "ru", "Ерлан"),
    ("practice-personal-name", "Ауыл әкімі Айгүлге хабарлады.", "kk", "Айгүлге"),
    ("practice-personal-name", "Об этом сообщил глава округа Сейтказиев.", "ru", "Сейтказиев"),
    ("practice-personal-name", "Проверку вёл Ахметов Б.К. из района.", "ru", "Ахметов Б.К."),
    ("practice-personal-name", "Как сказал А.Б. Жумабаев, вода пришла.", "ru", "А.Б. Жумабаев"),
    ("practice-personal-name", "Жиынды Асқарұлы жүргізді.", "kk", "Асқарұлы"),
    ("practice-phone", "Звонить по номеру +7 701 123 45 67.", "ru", "+7 701 123 45 67"),
    ("practice-phone", "Телефон доверия 53-12-34.", "ru", "53-12-34"),
    ("practice-email", "Пишите на akimat.district@mail.kz.", "ru", "akimat.district@mail.kz"),
    ("practice-iin", "ИИН 900101300123 в заявлении.", "ru", "900101300123"),
    ("practice-address", "Собрание прошло на ул. Абая, 12.", "ru", "ул. Абая, 12"),
    ("practice-address", "Жиын Абай көшесі, 5 мекенжайында өтті.", "kk", "Абай көшесі, 5"),
    ("practice-birth-date", "Подросток, родился 12.03.2008, был задержан.", "ru", "12.03.2008"),
    ("practice-birth-date", "Жасөспірім 2008 жылғы 12 наурызда туған.", "kk", "2008 жылғы 12 наурыз"),
    ("practice-named-organisation", "Драка произошла в школе № 12.", "ru", "школе № 12"),
    ("practice-named-organisation", "Төбелес № 5 мектепте болды.", "kk", "№ 5 мектепте"),
    ("practice-named-organisation", "Воду возил ТОО «Береке».", "ru", "ТОО «"),
    ("practice-ethnonym", "Уйгуры собрались у акимата.", "ru", "Уйгуры"),
    ("practice-ethnonym", "Уйгурлар әкімдікке жиналды.", "kk", "Уйгурлар"),
    ("practice-loaded-term", "Это был погром.", "ru", "погром"),
    ("practice-loaded-term", "Чатта келімсектер туралы жазды.", "kk", "келімсектер"),
])
def test_each_de_identification_rule_fails_the_checks_naming_the_line(book_course, rule, text, lang, ident):
    line = add_line(book_course, text, lang)
    problem = the_problem(book_course, rule)
    assert (problem.file, problem.line, problem.id) == (NOTE, line, ident)


def test_a_leak_is_reported_even_when_the_note_has_other_problems(book_course):
    edit(book_course, "de_identified: true", "de_identified: false")
    line = add_line(book_course, "Телефон доверия 53-12-34.")
    assert the_problem(book_course, "practice-phone").line == line


def test_a_name_in_a_title_is_reported_at_the_title(book_course):
    line = edit(book_course, 'ru: "Два села и один арык: график полива"', 'ru: "Как Ерлан делил воду"')
    problem = the_problem(book_course, "practice-personal-name")
    assert (problem.line, problem.id) == (line, "Ерлан")


def test_a_reviewed_exception_clears_exactly_its_text(book_course):
    add_line(book_course, "Закон подписал Президент Токаев; позже приезжал Сейтказиев.")
    edit(book_course, "example: true\n", "example: true\nreviewed_exceptions:\n"
         "  - {text: Президент Токаев, reason: \"public office holder, cited from an official statement\"}\n")
    assert [p.id for p in problems(book_course)] == ["Сейтказиев"]


def test_an_exception_that_clears_nothing_is_reported_at_its_line(book_course):
    line = edit(book_course, "example: true\n", "example: true\nreviewed_exceptions:\n"
                "  - {text: Президент Токаев, reason: \"public office holder, cited from an official statement\"}\n") + 2
    problem = the_problem(book_course, "practice-exception-unused")
    assert (problem.line, problem.id) == (line, "Президент Токаев")


def test_the_style_sheet_applies_to_a_note_in_its_own_language_at_the_note_line(book_course):
    shutil.copy(ROOT / "course/style-kk.yml", book_course / "course")
    line = add_line(book_course, "Дау этникалық сипат алды.", "kk")
    problem = the_problem(book_course, "kk-ethnic")
    assert (problem.file, problem.line) == (NOTE, line)


def test_comments_are_not_checked(book_course):
    add_line(book_course, "<!-- Ерлан, +7 701 123 45 67: из черновика, не публикуется -->")
    publish(book_course)
    run_checks(book_course)


# ---------- schema and template rules ---------------------------------------------------

def test_schema_error_names_the_line(book_course):
    line = edit(book_course, 'period: "2024"', 'period: "12 марта 2024"')
    problem = the_problem(book_course, "schema")
    assert (problem.file, problem.line) == (NOTE, line) and "period" in problem.message


def test_unknown_front_matter_key_names_its_line(book_course):
    line = edit(book_course, "example: true", "exampel: true")
    problem = the_problem(book_course, "schema")
    assert problem.line == line and "exampel" in problem.message


def test_unknown_theme_names_its_line(book_course):
    line = edit(book_course, "themes: [land-water, after-incident]", "themes: [land-water, water]")
    problem = the_problem(book_course, "practice-unknown-id")
    assert (problem.line, problem.id) == (line, "water") and "land-water" in problem.fix


def test_note_in_the_wrong_region_folder(book_course):
    line = edit(book_course, "region: kyzylorda", "region: pavlodar")
    assert the_problem(book_course, "practice-folder").line == line


def test_not_yet_reviewed_note(book_course):
    line = edit(book_course, "de_identified: true", "de_identified: false")
    assert the_problem(book_course, "practice-not-reviewed").line == line


def test_sections_out_of_order(book_course):
    text = (book_course / NOTE).read_text(encoding="utf-8")
    text = text.replace("## Кто действовал", "## TMP").replace("## Что сработало", "## Кто действовал") \
               .replace("## TMP", "## Что сработало")
    (book_course / NOTE).write_text(text, encoding="utf-8")
    problem = the_problem(book_course, "practice-sections")
    assert "Кто действовал" in problem.fix and problem.id == "ru"


def test_extra_heading_level(book_course):
    line = add_line(book_course, "### Подробности")
    assert the_problem(book_course, "practice-sections").line == line


def test_empty_section(book_course):
    text = (book_course / NOTE).read_text(encoding="utf-8")
    start = text.index("## Кто действовал\n") + len("## Кто действовал\n")
    end = text.index("## Что сработало")
    (book_course / NOTE).write_text(text[:start] + "\n<!-- роли -->\n\n" + text[end:], encoding="utf-8")
    assert the_problem(book_course, "practice-section-empty").id == "who-acted"


def test_lessons_must_be_a_list(book_course):
    edit(book_course, "- Спор о ресурсе", "Спор о ресурсе")
    edit(book_course, "- Отвечайте", "Отвечайте")
    edit(book_course, "- Защищайте", "Защищайте")
    assert the_problem(book_course, "practice-lessons").id == "lessons"


def test_languages_must_match_the_parts(book_course):
    line = edit(book_course, "languages: [ru, kk]", "languages: [ru]")
    found = problems_with(book_course, "practice-languages")
    assert line in {p.line for p in found}


def test_front_matter_missing(book_course):
    write(book_course, "practice/kyzylorda/bare.md", "# ru\n\nТекст.\n")
    assert the_problem(book_course, "practice-front-matter").file == "practice/kyzylorda/bare.md"


def test_file_name_must_be_ascii(book_course):
    shutil.move(book_course / NOTE, book_course / "practice/kyzylorda/арык.md")
    assert the_problem(book_course, "practice-file-name").id == "арык"


def test_generated_pages_go_stale_when_a_note_changes(book_course):
    edit(book_course, "- Аксакалы обоих сёл", "- Аксакалы двух сёл")  # the Russian text: the ru page only
    found = problems_with(book_course, "practice-page-stale")
    assert {p.file for p in found} == {"docs/ru/practice/kyzylorda/water-schedule.md"}
    assert "python -m kelisim practice pages" in found[0].fix


# ---------- documents a note cites ------------------------------------------------------

LAW = "Закон «О религиозной деятельности и религиозных объединениях» от 11 октября 2011 года № 483-IV."


def test_a_document_number_must_be_cited_in_the_note(book_course):
    shutil.copy(ROOT / "course/sources.yml", book_course / "course")
    line = add_line(book_course, LAW)
    problem = the_problem(book_course, "document-not-cited")
    assert (problem.file, problem.line, problem.id) == (NOTE, line, "law-religion-2011")


def test_a_cited_document_is_listed_on_the_note_page(book_course, fresh_blocks):
    from conftest import render_markdown

    shutil.copy(ROOT / "course/sources.yml", book_course / "course")
    add_line(book_course, LAW)
    edit(book_course, "example: true\n", "example: true\nsources: [law-religion-2011]\n")
    publish(book_course)
    run_checks(book_course)
    page = (book_course / "docs/kk/practice/kyzylorda/water-schedule.md").read_text(encoding="utf-8")
    html = render_markdown(book_course, page, "kk", "practice/kyzylorda/water-schedule.md",
                           extensions=("attr_list", "md_in_html", "tables", "admonition"))
    assert 'id="source-law-religion-2011"' in html


def test_an_unknown_source_id_is_reported_at_its_line(book_course):
    line = edit(book_course, "example: true\n", "example: true\nsources: [no-such-law]\n") + 1
    problem = the_problem(book_course, "unknown-source")
    assert (problem.file, problem.line, problem.id) == (NOTE, line, "no-such-law")


# ---------- practice new ---------------------------------------------------------------

def test_practice_new_with_options_writes_the_template_in_the_chosen_language(book_course, monkeypatch, capsys):
    monkeypatch.setattr(cli, "ROOT", book_course)
    assert cli.main(["practice", "new", "--region", "pavlodar", "--theme", "youth-school", "--language", "kk",
                     "--district-type", "town", "--period", "2025", "--title", "Мектептегі төбелес"]) == 0
    text = (book_course / "practice/pavlodar/youth-school.md").read_text(encoding="utf-8")
    assert "# kk\n" in text and "# ru\n" not in text
    assert "## Не болды: оқиғаның тетігі" in text and "## Иесіздендіруді тексеру" in text
    assert "region: pavlodar" in text and "district_type: town" in text and "de_identified: false" in text
    rules = {p.rule for p in problems(book_course)}
    assert {"practice-not-reviewed", "schema"} & rules  # to be filled in before it builds
    # A second note on the same theme gets its own file.
    assert cli.main(["practice", "new", "--region", "pavlodar", "--theme", "youth-school", "--language", "both"]) == 0
    both = (book_course / "practice/pavlodar/youth-school-2.md").read_text(encoding="utf-8")
    assert both.index("# ru\n") < both.index("# kk\n")
    assert 'district_type: ""  # one of: city' in both  # not given: the author must choose


def test_practice_new_without_a_terminal_asks_for_options(book_course, monkeypatch):
    monkeypatch.setattr(cli, "ROOT", book_course)
    with pytest.raises(SystemExit, match="pass it as an option"):
        cli.main(["practice", "new", "--theme", "youth-school", "--language", "ru"])


def test_ask_accepts_an_id_or_a_number_and_repeats_on_nonsense(capsys):
    answers = iter(["atlantis", "2"])
    assert intake.ask("Region", {"abai": "Абай", "akmola": "Ақмола"}, read=lambda prompt: next(answers)) == "akmola"
    assert "'atlantis' is not one of the choices" in capsys.readouterr().out


# ---------- the case clinic's CSV -------------------------------------------------------

HEADER = list(intake.COLUMNS)
GOOD = {
    "region": "Павлодарская область", "district_type": "rural", "period": "2025",
    "themes": "youth-school, media-online", "mechanisms": "fake-media; online-mobilisation", "language": "ru",
    "title": "Драка после матча и видео в чате",
    "what_happened": "После школьного матча двое подростков подрались; видео с подписью «наших бьют» разошлось по чатам.",
    "who_acted": "Директор школы, инспектор по делам несовершеннолетних, отдел внутренней политики.",
    "what_worked": "Встреча родителей обоих классов в школе с психологом на следующий день.",
    "what_did_not": "Видео долго не удаляли из родительского чата.",
    "lessons": "Договоритесь с администраторами чатов заранее.\nРазбирайте конфликт подростков в школе, а не в чате.",
    "sources": "Рассказ участника семинара.",
    "de_identification": "Школа, село и подростки не названы.",
    "reviewed_by": "trainer",
}


def csv_text(rows, delimiter=","):
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in rows:
        writer.writerow([row.get(c, "") for c in HEADER])
    return out.getvalue()


@pytest.mark.parametrize("delimiter, bom", [(",", False), (";", True)])
def test_csv_import_writes_good_rows_and_reports_bad_ones_by_row(book_course, delimiter, bom):
    phone = {**GOOD, "title": "Звонки в акимат", "what_worked": "Звонили по номеру 8 701 123 45 67."}
    kk = {**GOOD, "language": "kk", "region": "pavlodar", "title": "Матчтан кейінгі төбелес",
          "what_happened": "Мектептегі матчтан кейін екі жасөспірім төбелесіп қалды.",
          "who_acted": "Мектеп директоры, кәмелетке толмағандар ісі жөніндегі инспектор.",
          "what_worked": "Келесі күні ата-аналар психологпен бірге кездесті.",
          "what_did_not": "Бейне чаттан ұзақ өшірілмеді.", "lessons": "- Чат әкімшілерімен алдын ала келісіңіз.",
          "sources": "Семинар қатысушысының әңгімесі.", "de_identification": "Мектеп пен ауыл аталмаған."}
    rows = [GOOD, {**GOOD, "region": "Атлантида"}, phone, {**GOOD, "sources": ""}, kk]
    path = book_course / "clinic.csv"
    path.write_bytes((("\ufeff" if bom else "") + csv_text(rows, delimiter)).encode("utf-8"))
    book, _ = load_book(book_course)
    written, found = intake.import_csv(book_course, book, path)
    assert [p.relative_to(book_course).as_posix() for p in written] == [
        "practice/pavlodar/youth-school.md", "practice/pavlodar/youth-school-2.md"]
    assert {(p.line, p.rule) for p in found} == {(3, "practice-csv-row"), (4, "practice-phone"), (5, "practice-csv-row")}
    assert all(p.file == "clinic.csv" and f"row {p.line}" in p.message for p in found)
    note = written[0].read_text(encoding="utf-8")
    assert "- Договоритесь с администраторами чатов заранее.\n- Разбирайте" in note
    publish(book_course)
    assert len(run_checks(book_course).practice) == 3


def test_csv_columns_may_be_headed_in_russian_or_kazakh(book_course):
    russian = ["Регион", "Тип местности", "Период", "Тема", "Механизм", "Язык записи", "Запись",
               "Что произошло: механизм", "Кто действовал", "Что сработало", "Что не сработало",
               "Уроки для других регионов", "Источники или рассказ участника", "Проверка деидентификации", "Проверка"]
    text = csv_text([GOOD], ";").split("\r\n", 1)[1]
    path = write(book_course, "clinic.csv", ";".join(russian) + "\r\n" + text)
    book, _ = load_book(book_course)
    written, found = intake.import_csv(book_course, book, path)
    assert not found and len(written) == 1


def test_csv_without_the_columns_is_rejected_at_the_header(book_course):
    path = write(book_course, "clinic.csv", "регион;тема\nАбай;вода\n")
    book, _ = load_book(book_course)
    written, found = intake.import_csv(book_course, book, path)
    assert not written and [(p.line, p.rule) for p in found] == [(1, "practice-csv-header")]


def test_practice_import_command_reports_rejected_rows_and_rewrites_the_pages(book_course, monkeypatch, capsys):
    monkeypatch.setattr(cli, "ROOT", book_course)
    path = book_course / "clinic.csv"
    path.write_bytes(("\ufeff" + csv_text([GOOD, {**GOOD, "what_happened": "Пишите на a.b@mail.kz."}], ";")).encode())
    assert cli.main(["practice", "import", str(path)]) == 1
    out, err = capsys.readouterr()
    assert "wrote practice/pavlodar/youth-school.md" in out and "1 note(s) written, 1 row(s) rejected." in out
    assert "clinic.csv:3: [a.b@mail.kz] row 3:" in err and "(rule: practice-email)" in err
    assert (book_course / "docs/kk/practice/pavlodar/youth-school.md").exists()
    run_checks(book_course)
