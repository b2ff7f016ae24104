"""The generated «Рекомендации для других регионов» / «Басқа өңірлерге ұсынымдар» pages, in every language.

docs/<lang>/practice/index.md indexes the notes by region, theme and mechanism;
lessons.md gathers the transferable lessons by theme; <region>/<slug>.md is each note.
The pages are committed, so `python -m kelisim practice pages` writes them and the checks
(before every build, and the tests) fail when they are missing, stale or left over.
A note written in one language only is shown in that language on both sides, with a label.
"""

from __future__ import annotations

import json
from pathlib import Path

from .. import generated
from ..i18n import t
from ..problems import Problem
from .book import Book
from .notes import Note

FOLDER = "practice"
INDEX = f"{FOLDER}/index.md"
LESSONS = f"{FOLDER}/lessons.md"
COMMAND = "python -m kelisim practice pages"
LANGUAGE_NAMES = {"ru": {"ru": "русский", "kk": "казахский"}, "kk": {"ru": "орыс", "kk": "қазақ"}}
# Alphabetical order as readers expect it (Python's code-point order puts Қ, Ө, Ұ … after Я).
ALPHABETS = {"ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
             "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"}


def note_page(note: Note) -> str:
    return f"{FOLDER}/{note.region}/{note.slug}.md"


def expected_pages(book: Book, notes: list[Note], course) -> dict[str, str]:
    """{path under docs/: content} for every generated page (none without notes)."""
    if not notes:
        return {}
    pages = {}
    for lang in course.languages:
        pages[f"{lang}/{INDEX}"] = _index(book, notes, lang)
        pages[f"{lang}/{LESSONS}"] = _lessons(book, notes, lang)
        for note in notes:
            pages[f"{lang}/{note_page(note)}"] = _note(book, note, lang)
    return pages


def navigation(notes: list[Note], lang: str) -> list:
    """The practice book's section of the site navigation (empty without notes)."""
    if not notes:
        return []
    ordered = sorted(notes, key=lambda n: (n.region, n.slug))
    return [{t(lang, "practice.nav"): [INDEX, LESSONS, *(note_page(n) for n in ordered)]}]


# ---------- the pages ------------------------------------------------------------------

def _front(title: str) -> str:
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n"


def _footer() -> str:
    return f"\n<!-- Generated from practice/*/*.md by `{COMMAND}`: edit the notes, not this page. -->\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _in_language(text: str, shown: str, lang: str) -> str:
    """Inline text marked with its language when it is not the page's."""
    return text if shown == lang else f'<span lang="{shown}">{text}</span>'


def _link(note: Note, lang: str, anchor: str = "") -> str:
    """A link from a page in practice/ to the note, its title marked with its language, «(пример)» if one."""
    title = _cell(_in_language(note.title(lang), note.text_language(lang), lang))
    label = f" ({t(lang, 'practice.example.short')})" if note.meta.get("example") else ""
    return f"[{title}]({note.region}/{note.slug}.md{anchor}){label}"


def _languages(note: Note, lang: str) -> str:
    names = [LANGUAGE_NAMES[lang][code] for code in note.languages]
    return t(lang, f"practice.languages.{len(names)}", first=names[0], second=names[-1])


def _collate(text: str, lang: str) -> list[int]:
    alphabet = ALPHABETS[lang]
    return [alphabet.index(c) if c in alphabet else 100 + ord(c) for c in text.lower()]


def _by_region(notes: list[Note], book: Book, lang: str) -> list[Note]:
    return sorted(notes, key=lambda n: (_collate(book.regions[n.region].text[lang], lang), _collate(n.title(lang), lang)))


def _index(book: Book, notes: list[Note], lang: str) -> str:
    lines = [_front(t(lang, "practice.title")), f"# {t(lang, 'practice.title')} {{ #top }}\n",
             t(lang, "practice.lead") + "\n", f"[{t(lang, 'practice.lessons.title')}](lessons.md)\n",
             f"## {t(lang, 'practice.by-region')} {{ #by-region }}\n",
             "| " + " | ".join(t(lang, k) for k in ("practice.region", "practice.note", "practice.district",
                                                    "practice.period", "practice.language")) + " |",
             "|---|---|---|---|---|"]
    for note in _by_region(notes, book, lang):
        lines.append(f"| {book.regions[note.region].text[lang]} | {_link(note, lang)} | "
                     f"{book.district_types[note.meta['district_type']].text[lang]} | {note.meta['period']} | "
                     f"{_languages(note, lang)} |")
    for key, field, labels, anchor in (("practice.by-theme", "themes", book.themes, "by-theme"),
                                       ("practice.by-mechanism", "mechanisms", book.mechanisms, "by-mechanism")):
        lines += ["", f"## {t(lang, key)} {{ #{anchor} }}\n",
                  f"| {t(lang, 'practice.' + field[:-1])} | {t(lang, 'practice.notes')} |", "|---|---|"]
        for label in labels.values():
            tagged = [n for n in _by_region(notes, book, lang) if label.id in n.meta[field]]
            if tagged:
                lines.append(f"| {label.text[lang]} | {'<br>'.join(_link(n, lang) for n in tagged)} |")
    return "\n".join(lines) + "\n" + _footer()


def _lessons(book: Book, notes: list[Note], lang: str) -> str:
    lines = [_front(t(lang, "practice.lessons.title")), f"# {t(lang, 'practice.lessons.title')} {{ #top }}\n",
             t(lang, "practice.lessons.lead") + "\n"]
    for theme in book.themes.values():
        tagged = [n for n in _by_region(notes, book, lang) if theme.id in n.meta["themes"]]
        if not tagged:
            continue
        lines.append(f"## {theme.text[lang]} {{ #theme-{theme.id} }}\n")
        for note in tagged:
            shown = note.text_language(lang)
            for lesson in note.lessons(lang):
                lines.append(f"- {_in_language(lesson, shown, lang)} — {_link(note, lang, '#lessons')}")
        lines.append("")
    return "\n".join(lines) + _footer()


def _note(book: Book, note: Note, lang: str) -> str:
    shown = note.text_language(lang)
    title = note.title(lang)
    lines = [_front(title), f"# {_in_language(title, shown, lang)} {{ #top }}\n"]
    if note.meta.get("example"):
        lines += [f'!!! example "{t(lang, "practice.example")}"', f"    {t(lang, 'practice.example.body')}\n"]
    if shown != lang:
        lines += [f'!!! info "{t(lang, "practice.only." + shown)}"', f"    {t(lang, 'practice.only.body')}\n"]
    facts = [("practice.region", book.regions[note.region].text[lang]),
             ("practice.district", book.district_types[note.meta["district_type"]].text[lang]),
             ("practice.period", note.meta["period"]),
             ("practice.theme", ", ".join(book.themes[i].text[lang] for i in note.meta["themes"])),
             ("practice.mechanism", ", ".join(book.mechanisms[i].text[lang] for i in note.meta["mechanisms"])),
             ("practice.language", _languages(note, lang)),
             ("practice.reviewed", t(lang, "practice.reviewed.by", role=book.reviewer_roles[note.meta["reviewed_by"]].text[lang]))]
    lines += [f"| {t(lang, 'practice.field')} | {t(lang, 'practice.value')} |", "|---|---|",
              *(f"| {t(lang, key)} | {_cell(value)} |" for key, value in facts), ""]
    if shown != lang:
        lines.append(f'<div lang="{shown}" markdown>\n')
    for section in book.sections:
        lines += [f"## {section.text[shown]} {{ #{section.id} }}\n", note.sections[shown][section.id] + "\n"]
        if section.id == "sources" and note.meta.get("sources"):
            lines += ["/// sources", *(f"- {source_id}" for source_id in note.meta["sources"]), "///\n"]
    if shown != lang:
        lines.append("</div>\n")
    lines.append(f"[{t(lang, 'practice.back')}](../index.md)")
    return "\n".join(lines) + "\n" + _footer()


# ---------- staleness, as for the quiz pages ------------------------------------------

def existing_pages(root: Path, course) -> set[str]:
    found = set()
    for lang in course.languages:
        folder = root / "docs" / lang / FOLDER
        if folder.is_dir():
            found |= {p.relative_to(root / "docs").as_posix() for p in folder.rglob("*.md")}
    return found


def stale_problems(root: Path, book: Book, notes: list[Note], course) -> list[Problem]:
    """Generated practice-book pages that are missing, differ from what the notes give, or belong to no note."""
    return generated.stale_problems(root, expected_pages(book, notes, course), existing_pages(root, course),
                                    rule="practice-page-stale", made_from="note", command=COMMAND,
                                    origin="these pages are generated from practice/")


def write_pages(root: Path, book: Book, notes: list[Note], course) -> list[str]:
    """Create, update and remove generated pages; returns what changed."""
    return generated.write_pages(root, expected_pages(book, notes, course), existing_pages(root, course))
