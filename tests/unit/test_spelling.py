import pytest

from kelisim import spelling
from conftest import write

pytestmark = pytest.mark.skipif(not spelling.available(), reason="needs hunspell + ru/kk dictionaries (make test installs them)")


def test_typos_are_found_with_file_and_line(tiny_course):
    write(tiny_course, "docs/ru/index.md", "# Главная { #home }\n\nГосударство и общесто.\n")
    write(tiny_course, "docs/kk/index.md", "# Басты бет { #home }\n\nМемлекет және қоғаммм.\n")
    unknown, mixed = spelling.check(tiny_course)
    found = {(u.lang, u.word, u.file, u.line) for u in unknown}
    assert ("ru", "общесто", "docs/ru/index.md", 3) in found
    assert ("kk", "қоғаммм", "docs/kk/index.md", 3) in found
    assert not any(u.word in ("Государство", "Мемлекет") for u in unknown)
    assert mixed == []


def test_reviewed_word_list_accepts_words(tiny_course):
    write(tiny_course, "docs/ru/index.md", "# Главная { #home }\n\nКазактану объединяет.\n")
    assert any(u.word == "Казактану" for u in spelling.check(tiny_course)[0])
    write(tiny_course, "course/wordlist-ru.txt", "# reviewed\nКазактану  # project name\n")
    assert not any(u.word == "Казактану" for u in spelling.check(tiny_course)[0])


def test_latin_letter_inside_a_kazakh_word(tiny_course):
    write(tiny_course, "docs/kk/index.md", "# Басты бет { #home }\n\nБiрлiк туралы.\n")  # Latin i
    _, mixed = spelling.check(tiny_course)
    assert [(m.word, m.line) for m in mixed] == [("Бiрлiк", 3)]


def test_syntax_is_not_checked(tiny_course):
    write(tiny_course, "docs/ru/index.md",
          "# Главная { #home }\n\n[Текст](ссылкаа.md) `кодд`\n<!-- слайдд -->\n```\nпрограммаа\n```\n")
    words = {u.word for u in spelling.check(tiny_course)[0]}
    assert not words & {"ссылкаа", "кодд", "слайдд", "программаа"}


def test_suffixes_after_abbreviations_and_numbers_are_not_words():
    assert list(spelling.words("ҚХА-ның 1-күн 30%-ы іс-шара Бiрлiк")) == ["ҚХА", "іс", "шара", "Бiрлiк"]
