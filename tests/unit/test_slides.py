"""Decks from authored slide blocks: cutting, speaker notes, URLs, the slide count, the design rules."""

import pytest

from conftest import problems_with, render_markdown, write
from kelisim import slides
from kelisim.pages import parse_page
from kelisim.vendor import VENDOR_DIR

SLIDE = '<div class="kl-slide" data-kl-block="slide" hidden="hidden"{title}>{body}</div>'
ARTICLE = f"""
<h1 id="top">Модуль<a class="headerlink" href="#top">¶</a></h1>
<p class="kl-slides-link"><a href="../slides/first.html" data-kl-deck-link>Открыть как слайды</a></p>
<p>Вводный текст.</p>
<h2 id="part">Раздел<a class="headerlink" href="#part">¶</a></h2>
<p>До первого слайда.</p>
{SLIDE.format(title="", body='<ul><li>пункт со <a href="#more">ссылкой</a></li></ul><p><img alt="" src="../img/scheme.svg" /></p>')}
<p>Текст со <a href="#outcome-x">ссылкой</a> и <a href="../glossary.html">глоссарием</a>.</p>
<details class="note kl-trainer-note" data-kl-block="trainer-note">
<summary>Для тренера</summary>
<p>Спросите группу.</p>
<details><summary>вложенное</summary><p>ещё</p></details>
</details>
{SLIDE.format(title=' data-kl-slide-title="Кейс: клуб"', body="<p>Коротко.</p><ol><li>Что делать?</li></ol>")}
<section class="admonition example kl-case" data-kl-block="case" id="case-m1-club"><p>Сценарий целиком.</p></section>
<h2 id="more">Ещё<a class="headerlink" href="#more">¶</a></h2>
<section class="admonition tip kl-key-points" data-kl-block="key-points"><p>Главное</p>
{SLIDE.format(title="", body="<p>вложенный</p>")}</section>
"""


def made():
    return slides.make_deck(slides.RE_HEADERLINK.sub("", ARTICLE), "modules/first.html", "slides/first.html")


def test_cut_splits_at_top_level_h2_only():
    pieces = slides.cut(ARTICLE)
    assert len(pieces) == 3  # introduction, #part, #more
    assert pieces[1].lstrip().startswith('<h2 id="part">') and pieces[2].lstrip().startswith('<h2 id="more">')


def test_a_slide_shows_its_block_and_takes_the_prose_around_it_as_notes():
    deck = made()
    assert deck.title == "Модуль"
    assert [(s.kind, s.ident) for s in deck.slides] == [("content", "part"), ("case", "part-2"), ("heading", "more")]
    first, case, more = deck.slides
    # Prose before the first slide block and after it (until the next) are the first slide's notes.
    assert first.title == "Раздел" and "пункт" in first.body and "До первого слайда" not in first.body
    assert "До первого слайда" in first.notes and "Текст со" in first.notes
    assert "Спросите группу." in first.notes and "<details class" not in first.notes
    assert '<div class="kl-notes__trainer"><p class="kl-notes__label">Для тренера</p>' in first.notes
    # A slide block right before a case is a case slide: its own title, the composite label, the case in the notes.
    assert case.title == "Кейс: клуб" and "Сценарий целиком." in case.notes and "Сценарий" not in case.body
    assert case.body.endswith('<p class="kl-slide__case-label">Составной анонимизированный кейс</p>')
    assert "<section" not in case.notes  # reveal.js would count it as a slide
    # A section without a (top-level) slide block: its heading alone, its prose (never on screen) in the notes.
    assert more.title == "Ещё" and more.body == "" and "Главное" in more.notes and "вложенный" in more.notes
    # The introduction has no slide blocks: its prose is the title slide's notes.
    assert "Вводный текст." in deck.intro_notes and "kl-slides-link" not in deck.intro_notes


def test_urls_are_rebased_for_the_deck():
    first = made().slides[0]
    assert 'href="#/more"' in first.body  # a section of the deck: jump to its slide
    assert 'src="../img/scheme.svg"' in first.body
    assert 'href="../modules/first.html#outcome-x"' in first.notes  # anything else: the page
    assert 'href="../glossary.html"' in first.notes


def test_rebase_urls_from_a_deeper_page():
    html = '<img src="img/a.png"><a href="https://example.org/x">x</a><a href="/abs">y</a><a href="mailto:a@b">z</a>'
    out = slides.rebase_urls(html, "modules/first.html", "slides/first.html", set())
    assert 'src="../modules/img/a.png"' in out
    assert 'href="https://example.org/x"' in out and 'href="/abs"' in out and 'href="mailto:a@b"' in out


SOURCE = """---
module: m1
slides: true
---

# Первый { #top }

/// outcomes
///

/// slide | Что вы сможете
- объяснять
///

Вводный текст.

## Раздел { #part }

/// slide
- Первый пункт
///

Текст.

/// slide | Кейс
Коротко о ситуации.

1. Что делать?
///

//// case | Клуб
    id: m1-club

Сценарий.

/// questions
1. Что делать?
///
////

## Без слайдов { #plain }

Только текст: на экране будет один заголовок.
"""


@pytest.mark.usefixtures("fresh_blocks")
def test_expected_count_matches_the_rendered_page(tiny_course):
    """What the tests expect (read from the Markdown) is what the builder makes (from the HTML)."""
    page = parse_page(SOURCE)
    assert slides.expected_count(page) == 6  # title, intro slide, two in #part, #plain's heading, closing
    html = render_markdown(tiny_course, SOURCE, module="m1", extensions=(
        "attr_list", "admonition", "md_in_html", "toc", "pymdownx.details", "pymdownx.superfences"))
    deck = slides.make_deck(html, "modules/first.html", "slides/first.html")
    assert len(deck.slides) + 2 == slides.expected_count(page)
    intro, part, case, plain = deck.slides
    assert (intro.ident, intro.title) == ("kl-intro", "Что вы сможете")
    assert "Вводный текст." in intro.notes and deck.intro_notes == ""
    assert part.title == "Раздел" and case.kind == "case" and plain.kind == "heading"
    assert "Только текст" in plain.notes and "Только текст" not in plain.body


def test_visible_words_count_what_the_projector_shows():
    text = "- **Ст. 7:** [язык](../glossary.md#term-x) ![схема](../img/a.svg) { .wide }\n1. ар-ождан 2026"
    assert slides.visible_text(text).split() == ["**Ст.", "7:**", "язык", "ар-ождан", "2026"]
    assert slides.count_words(slides.visible_text(text)) == 5


def test_deck_link_goes_under_the_h1():
    text = slides.with_deck_link("---\nmodule: m1\n---\n\n# Заголовок { #top }\n\nТекст.", "kk", "modules/first.md")
    lines = text.split("\n")
    assert lines[4] == "# Заголовок { #top }"
    assert lines[6] == ('<p class="kl-slides-link"><a class="md-button" href="../slides/first.html" data-kl-deck-link>'
                        'Слайдтар түрінде ашу</a></p>')


# ---------- the rules, reported by the pre-build checks -----------------------------------

MODULE = "---\nmodule: m1\nslides: true\n---\n\n# Первый {{ #top }}\n\n{body}\n"


def both(root, ru, kk=None):
    write(root, "docs/ru/modules/first.md", MODULE.format(body=ru))
    write(root, "docs/kk/modules/first.md", MODULE.format(body=ru if kk is None else kk))


def test_a_slide_with_too_many_words_is_reported(tiny_course):
    both(tiny_course, f"## Раздел {{ #part }}\n\n/// slide | Три слова заголовка\n{' '.join(['слово'] * 57)}\n///\n\n"
                      f"/// slide | Коротко\n{' '.join(['слово'] * 60)}\n///")
    found = [p for p in problems_with(tiny_course, "slide-words") if p.file.endswith("ru/modules/first.md")]
    assert [p.line for p in found] == [14]  # 3 + 57 = 60 words is allowed, 1 + 60 is not
    assert "slide 'Коротко' shows 61 words, title included (at most 60)" in found[0].message


def test_the_section_heading_counts_when_a_slide_has_no_title(tiny_course):
    both(tiny_course, f"## Длинный заголовок раздела {{ #part }}\n\n/// slide\n{' '.join(['слово'] * 58)}\n///")
    problem = [p for p in problems_with(tiny_course, "slide-words") if p.file.endswith("ru/modules/first.md")][0]
    assert "slide 'Длинный заголовок раздела' shows 61 words" in problem.message
    assert str(problem).startswith("docs/ru/modules/first.md:10: [slide]")


def test_a_case_slide_counts_its_composite_label(tiny_course):
    case = "//// case | Клуб\n    id: m1-club\n\nСценарий.\n\n/// questions\n1. Что?\n///\n////"
    both(tiny_course, f"## Раздел {{ #part }}\n\n/// slide | Кейс\n{' '.join(['слово'] * 57)}\n///\n\n{case}")
    problem = [p for p in problems_with(tiny_course, "slide-words") if p.file.endswith("ru/modules/first.md")][0]
    assert "shows 61 words" in problem.message  # 1 + 57 + the 3-word label


def test_a_slide_with_too_many_bullets_is_reported(tiny_course):
    bullets = "\n".join(f"- пункт {n}" for n in range(6)) + "\n  - вложенный\n  - ещё один"
    both(tiny_course, f"## Раздел {{ #part }}\n\n/// slide\n{bullets}\n///")
    problem = [p for p in problems_with(tiny_course, "slide-bullets") if p.file.endswith("kk/modules/first.md")][0]
    assert problem.line == 10 and "has 8 bullets (at most 7)" in problem.message


def test_a_nested_slide_is_reported(tiny_course):
    both(tiny_course, "## Раздел { #part }\n\n//// trainer-note\nТекст.\n\n/// slide\n- пункт\n///\n////")
    problem = [p for p in problems_with(tiny_course, "slide-nested") if p.file.endswith("ru/modules/first.md")][0]
    assert problem.line == 13


def test_slides_must_match_across_languages(tiny_course):
    """The same slides in the same sections, titled in both or in neither."""
    ru = ("## А { #a }\n\n/// slide | Заголовок\n- x\n///\n\n/// slide\n- y\n///\n\n"
          "## Б { #b }\n\n/// slide\n- z\n///")
    kk = ("## А { #a }\n\n/// slide\n- x\n///\n\n"
          "## Б { #b }\n\n/// slide\n- y\n///\n\n/// slide\n- z\n///")
    both(tiny_course, ru, kk)
    problem = problems_with(tiny_course, "parity-blocks")[0]
    assert problem.file.endswith("docs/kk/modules/first.md")
    assert "missing slide | title in #a" in problem.message
    assert "only in kk: slide in #b" in problem.message
    assert problem.line == 20  # the kk slide the original does not have (the last one in #b)


def test_the_real_decks_keep_to_the_rules():
    """Every deck of the real course within the word limit; modules 1 and 2 (which set the bar) have
    15-22 slides in both languages."""
    from kelisim import ROOT
    from kelisim.checks import read_pages
    from kelisim.model import load_course

    course = load_course(ROOT)
    pages = read_pages(ROOT, course.languages)
    rows = slides.deck_figures(course, pages)
    assert all(most <= slides.MAX_WORDS for _, _, _, most in rows), rows
    bar = [row for row in rows if row[0].endswith(("/kazaktanu.html", "/religious-policy.html"))]
    assert len(bar) == 4 and all(15 <= count <= 22 for _, count, _, _ in bar), bar


# ---------- the speaker view in the deck's language ------------------------------------------

def test_every_speaker_view_string_is_still_in_the_vendored_plugin():
    """A reveal.js update that changes the speaker view's markup fails here, not silently in English."""
    plugin = (VENDOR_DIR / "reveal.js/plugin/notes.js").read_text(encoding="utf-8")
    view = plugin[plugin.index("<html lang=\"en\">"):plugin.index("</html>")]
    for original, _ in slides.SPEAKER_VIEW:
        assert view.count(original) == 1, original


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_speaker_view_replacements_are_filled_and_safe(lang):
    for original, replacement in slides.speaker_view(lang):
        assert not slides.RE_PLACEHOLDER.search(replacement) and "{speaker" not in replacement
        if original.startswith("'"):  # inside a JavaScript string
            assert replacement.count("'") == original.count("'") and "\\" not in replacement
