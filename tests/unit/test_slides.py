"""Slides from rendered pages: cutting, speaker notes, URLs, the slide count, and the marker rules."""

import pytest

from conftest import problems_with, render_markdown, write
from kelisim import slides
from kelisim.pages import parse_page

ARTICLE = """
<h1 id="top">Модуль<a class="headerlink" href="#top">¶</a></h1>
<p class="kl-slides-link"><a href="../slides/first.html" data-kl-deck-link>Открыть как слайды</a></p>
<p>Вводный текст.</p>
<h2 id="part">Раздел<a class="headerlink" href="#part">¶</a></h2>
<p>Текст со <a href="#more">ссылкой</a>, <a href="#outcome-x">другой</a> и <a href="../glossary.html">глоссарием</a>.</p>
<p><img alt="Схема" src="../img/scheme.svg" /></p>
<details class="note kl-trainer-note" data-kl-block="trainer-note">
<summary>Для тренера</summary>
<p>Спросите группу.</p>
<details><summary>вложенное</summary><p>ещё</p></details>
</details>
<!-- slide -->
<ul><li><p>пункт</p><!-- slide --></li></ul>
<h2 id="more">Ещё<a class="headerlink" href="#more">¶</a></h2>
<section class="admonition tip kl-key-points" data-kl-block="key-points"><p>Главное</p></section>
"""


def test_cut_splits_at_top_level_h2_and_markers_only():
    pieces = slides.cut(ARTICLE)
    assert len(pieces) == 4  # intro, #part, its continuation, #more
    assert pieces[1].lstrip().startswith('<h2 id="part">')
    assert "<!-- slide -->" in pieces[2]  # the one nested in a list stays
    assert pieces[3].lstrip().startswith('<h2 id="more">')


def test_trainer_notes_become_speaker_notes_and_leave_the_slide():
    body, notes = slides.take_notes('<p>a</p><details class="note kl-trainer-note" data-kl-block="trainer-note">'
                                    '<summary>Для тренера</summary><p>b</p><details><p>c</p></details></details><p>d</p>')
    assert body == "<p>a</p><p>d</p>"
    assert notes == ["<p>b</p><details><p>c</p></details>"]


def test_make_slides():
    title, made = slides.make_slides(slides.RE_HEADERLINK.sub("", ARTICLE), "modules/first.html", "slides/first.html")
    assert title == "Модуль"
    assert [s.ident for s in made] == ["kl-intro", "part", "part-2", "more"]
    assert [s.kind for s in made] == ["intro", "section", "section", "section"]
    intro, part, continued, more = made
    assert "kl-slides-link" not in intro.body and "Вводный" in intro.body
    assert part.notes and "Спросите группу." in part.notes[0] and "trainer-note" not in part.body
    assert 'href="#/more"' in part.body  # a section of the deck: jump to its slide
    assert 'href="../modules/first.html#outcome-x"' in part.body  # anything else: the page
    assert 'href="../glossary.html"' in part.body and 'src="../img/scheme.svg"' in part.body
    assert 'id="part"' not in part.body  # the id moved to the slide
    assert continued.body.startswith('<p class="kl-slide__section">Раздел</p>')
    assert "<section" not in more.body and 'class="admonition tip kl-key-points"' in more.body


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

## Раздел { #part }

Текст.

<!-- slide -->

Ещё.

/// trainer-note
Заметка.
///

```
<!-- slide -->
```

## Кейсы { #cases }

//// case | Клуб
    id: m1-club

Сценарий.

/// questions
1. Что делать?
///
////
"""


@pytest.mark.usefixtures("fresh_blocks")
def test_expected_count_matches_the_rendered_page(tiny_course):
    """What the tests expect (read from the Markdown) is what the builder makes (from the HTML)."""
    page = parse_page(SOURCE)
    assert slides.expected_count(page) == 6  # title, intro, #part, its split, #cases, closing
    html = render_markdown(tiny_course, SOURCE, module="m1", extensions=(
        "attr_list", "admonition", "md_in_html", "toc", "pymdownx.details", "pymdownx.superfences"))
    _, made = slides.make_slides(html, "modules/first.html", "slides/first.html")
    assert len(made) + 2 == slides.expected_count(page)


def test_no_intro_slide_without_text_before_the_first_section():
    page = parse_page("---\nslides: true\n---\n\n# Т { #top }\n\n## А { #a }\n\nx\n")
    assert slides.expected_count(page) == 3
    _, made = slides.make_slides('<h1 id="top">Т</h1>\n<h2 id="a">А</h2><p>x</p>', "modules/a.html", "slides/a.html")
    assert [s.ident for s in made] == ["a"]


def test_deck_link_goes_under_the_h1():
    text = slides.with_deck_link("---\nmodule: m1\n---\n\n# Заголовок { #top }\n\nТекст.", "kk", "modules/first.md")
    lines = text.split("\n")
    assert lines[4] == "# Заголовок { #top }"
    assert lines[6] == ('<p class="kl-slides-link"><a class="md-button" href="../slides/first.html" data-kl-deck-link>'
                        'Слайдтар түрінде ашу</a></p>')


MODULE = "---\nmodule: m1\nslides: true\n---\n\n# Первый {{ #top }}\n\n{body}\n"


def test_slide_markers_must_match_across_languages(tiny_course):
    write(tiny_course, "docs/ru/modules/first.md",
          MODULE.format(body="## А { #a }\n\nx\n\n<!-- slide -->\n\ny\n\n<!-- slide -->\n\nz\n\n## Б { #b }\n\nw"))
    write(tiny_course, "docs/kk/modules/first.md",
          MODULE.format(body="## А { #a }\n\nx\n\n<!-- slide -->\n\ny\n\n## Б { #b }\n\nw\n\n<!-- slide -->\n\nv"))
    problem = problems_with(tiny_course, "parity-slides")[0]
    assert problem.file.endswith("docs/kk/modules/first.md")
    assert "missing '<!-- slide -->' 2 in #a" in problem.message
    assert "only in kk: '<!-- slide -->' 1 in #b" in problem.message
    assert problem.line == 20  # the marker the original does not have


def test_slide_marker_inside_a_block_is_reported(tiny_course):
    body = "## А { #a }\n\n/// key-points\n- x\n<!-- slide -->\n- y\n///\n\n    <!-- slide -->"
    for lang in ("ru", "kk"):
        write(tiny_course, f"docs/{lang}/modules/first.md", MODULE.format(body=body))
    found = [p for p in problems_with(tiny_course, "slide-marker") if p.file.endswith("ru/modules/first.md")]
    assert [p.line for p in found] == [12, 16]
