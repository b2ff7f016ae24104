"""Course blocks: Markdown in, HTML out, in both languages."""

import pytest

from conftest import render_markdown, write
from kelisim import blocks

pytestmark = pytest.mark.usefixtures("fresh_blocks")


def render(root, text: str, lang: str = "ru", path: str = "modules/first.md", module: str | None = "m1") -> str:
    return render_markdown(root, text, lang, path, module)


def test_status_box_takes_its_date_from_course_data(tiny_course):
    ru = render(tiny_course, "/// status\nНовая Конституция.\n///")
    kk = render(tiny_course, "/// status\nЖаңа Конституция.\n///", "kk")
    assert "Правовая база по состоянию на 18 марта 2026 г." in ru
    assert "Құқықтық негіз: 2026 жылғы 18 наурыздағы жағдай бойынша" in kk
    assert "<p>Новая Конституция.</p>" in ru


def test_outcomes_come_from_course_data_with_ids(tiny_course):
    html = render(tiny_course, "/// outcomes\n///", "kk")
    assert 'id="outcome-m1-a"' in html and "Түсіндіре алады" in html and "Оқу нәтижелері" in html


def test_case_has_label_anchor_and_questions(tiny_course):
    html = render(tiny_course, "//// case | Клуб\n    id: m1-club\n\nСитуация.\n\n/// questions\n1. Что?\n///\n////")
    assert 'id="case-m1-club"' in html and "Кейс: Клуб" in html
    assert "Составной анонимизированный кейс" in html
    assert 'class="kl-case__questions"' in html and "Вопросы для обсуждения" in html and "<li>Что?</li>" in html


def test_trainer_note_is_collapsed_details(tiny_course):
    html = render(tiny_course, "/// trainer-note\nЦель: обсуждение.\n///", "kk")
    assert html.startswith('<details class="note kl-trainer-note"') and "open" not in html
    assert "<summary>Тренерге арналған</summary>" in html


def test_sources_render_from_the_registry_with_status(tiny_course):
    html = render(tiny_course, "/// sources\n- new-law\n- old-law (historical)\n///")
    assert 'id="source-new-law"' in html and "Новый закон" in html and "действует" in html
    assert "документ заменён другим: Новый закон; сверено с официальным текстом 1 марта 2026 г.</span>" in html
    kk = render(tiny_course, "/// sources\n- new-law\n///", "kk")
    assert "— күшінде; 2026 жылғы 1 наурызда ресми мәтінмен салыстырылды.</span>" in kk


def test_a_source_never_compared_says_so_instead_of_a_date(tiny_course):
    write(tiny_course, "course/sources.yml", "sources:\n  - id: law\n    title: {ru: Закон, kk: Заң}\n"
          "    type: law\n    status: unverified\n  - id: news\n    title: {ru: Новость, kk: Жаңалық}\n"
          "    type: media\n    status: reference\n")
    ru = render(tiny_course, "/// sources\n- law\n- news\n///")
    kk = render(tiny_course, "/// sources\n- law\n- news\n///", "kk")
    assert "— действует ли документ и в какой редакции, не проверено; не сверено с официальным текстом.</span>" in ru
    assert ("— құжаттың күшінде екені және қай редакциясы қолданылатыны тексерілмеген; "
            "ресми мәтінмен салыстырылмаған.</span>") in kk
    assert "— справочный источник.</span>" in ru  # a news item has no official text to compare with


def test_module_cards_link_relative_to_the_page(tiny_course):
    html = render(tiny_course, "/// module-cards\n///", "kk", path="index.md", module=None)
    assert 'href="modules/first.md"' in html and "1-модуль" in html and "30 мин" in html
    assert "1-күн, 09:00–10:00" in html


def test_syllabus_and_timetable(tiny_course):
    syllabus = render(tiny_course, "/// syllabus\n///", path="syllabus.md", module=None)
    assert 'id="syllabus-m1"' in syllabus and "Всего самостоятельной работы: 0 ч 30 мин" in syllabus
    timetable = render(tiny_course, "/// timetable\n///", "kk", path="seminar.md", module=None)
    assert '<h2 id="day-1">1-күн</h2>' in timetable and 'id="slot-d1-a"' in timetable
    assert 'href="modules/first.md"' in timetable


def test_glossary_lists_terms_with_the_other_language(tiny_course):
    html = render(tiny_course, "/// glossary\n///", "kk", path="glossary.md", module=None)
    assert 'id="term-accord"' in html and "келісім" in html and 'lang="ru"' in html and "согласие" in html


def test_generated_blocks_use_fresh_data_after_reset(tiny_course):
    render(tiny_course, "/// outcomes\n///")
    course_yml = tiny_course / "course" / "course.yml"
    write(tiny_course, "course/course.yml", course_yml.read_text(encoding="utf-8").replace("Объяснять", "Анализировать"))
    blocks.reset(tiny_course)
    assert "Анализировать" in render(tiny_course, "/// outcomes\n///")


def test_briefing_has_anchor_label_and_links_to_its_sources(tiny_course):
    text = ("/// briefing | Посёлок, 2006\n    id: village-2006\n    sources: new-law, old-law\n\n"
            "**Где и когда.** Ноябрь.\n///")
    html = render(tiny_course, text)
    assert 'id="briefing-village-2006"' in html and "Справка: Посёлок, 2006" in html
    assert "без оценки вины" in html and "<strong>Где и когда.</strong> Ноябрь." in html
    assert 'href="#source-new-law">Новый закон</a>; <a href="#source-old-law">Старый закон</a>.' in html
