import re

import pytest

from kelisim import ROOT, i18n
from kelisim.glossary import abbreviations, load_glossary
from kelisim.problems import CourseError
from conftest import write



def material_keys(name: str) -> set[str]:
    import material

    path = __import__("pathlib").Path(material.__file__).parent / "templates/partials/languages" / name
    return set(re.findall(r'^\s+"([a-z.]+)":', path.read_text(encoding="utf-8"), re.M))


def our_keys(lang: str) -> dict[str, str]:
    text = (ROOT / "overrides/partials/languages" / f"{lang}.html").read_text(encoding="utf-8")
    return dict(re.findall(r'^\s+"([a-z.]+)": "(.*)",?$', text, re.M))


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_theme_language_defines_every_material_key(lang):
    keys = our_keys(lang)
    assert set(keys) == material_keys("en.html")
    assert keys["language"] == lang


def test_kazakh_theme_strings_are_kazakh_not_english_or_russian():
    en = dict(re.findall(r'^\s+"([a-z.]+)": "(.*)",?$',
                         (__import__("pathlib").Path(__import__("material").__file__).parent
                          / "templates/partials/languages/en.html").read_text(encoding="utf-8"), re.M))
    kk, ru = our_keys("kk"), our_keys("ru")
    visible = [k for k in en if not k.startswith("search.config") and k not in ("language", "direction")]
    for key in visible:
        assert kk[key] != en[key], f"kk '{key}' is still English"
        assert re.search("[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]", kk[key]), f"kk '{key}' has no Cyrillic"
    # lunr has no Kazakh of its own: ours is overrides/assets/javascripts/lunr/min/lunr.kk.min.js
    assert kk["search.config.lang"].split(",")[0].strip() == "kk", "the Kazakh site searches with lunr.kk"
    assert sum(kk[k] != ru[k] for k in visible) > len(visible) - 5, "kk strings look copied from ru"


def test_course_strings_exist_in_every_language():
    assert set(i18n.STRINGS["ru"]) == set(i18n.STRINGS["kk"])


def test_dates_read_naturally():
    assert str(i18n.Date("ru", "2026-07-01")) == "1 июля 2026 г."
    assert f"{i18n.Date('kk', '2026-07-01'):attr}" == "2026 жылғы 1 шілдедегі"
    assert f"{i18n.Date('kk', '2026-07-01'):loc}" == "2026 жылғы 1 шілдеде"
    assert i18n.duration("kk", 390) == "6 сағ 30 мин"


def test_abbreviations_cover_forms_and_sentence_case(tiny_course):
    write(tiny_course, "course/glossary.yml",
          "terms:\n  - id: accord\n    ru: {term: согласие, forms: [согласия], definition: Мир и лад.}\n"
          "    kk: {term: келісім, definition: Татулық.}\n")
    lines = abbreviations(load_glossary(tiny_course), "ru").splitlines()
    assert lines == ["*[согласие]: Мир и лад.", "*[Согласие]: Мир и лад.",
                     "*[согласия]: Мир и лад.", "*[Согласия]: Мир и лад."]


def test_a_word_form_belongs_to_one_term(tiny_course):
    write(tiny_course, "course/glossary.yml",
          "terms:\n"
          "  - id: a\n    ru: {term: согласие, definition: Один.}\n    kk: {term: келісім, definition: Бір.}\n"
          "  - id: b\n    ru: {term: лад, forms: [согласие], definition: Два.}\n    kk: {term: татулық, definition: Екі.}\n")
    with pytest.raises(CourseError) as caught:
        load_glossary(tiny_course)
    assert [(p.rule, p.id) for p in caught.value.problems] == [("duplicate-term", "b")]
