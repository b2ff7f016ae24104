"""Document numbers the text mentions («№ 483-IV», «No. 856»): each is a registry entry the page cites.

A page that mentions «№ X» must cite the registry entry with that number in its `/// sources`
block, and its first mention of the document must carry the full date (the year alone when the
registry knows only the year). When two entries share a number, the year nearest to the mention in
its paragraph tells them apart. Quiz banks and course data are checked too: their numbers must be in the registry, and
a bank's numbers cited on its module's page.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import yamlio
from .problems import Problem, rel
from .sources import Source, parse_citation

RE_NUMBER = re.compile(r"(?:№|\bNo\.)\s?(\d+(?:-[0-9A-Za-zА-ЯЁӘҒҚҢӨҰҮҺІ]+)*)")
RE_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
MONTH_STEMS = {
    "ru": ["январ", "феврал", "март", "апрел", "ма[йя]", "июн", "июл", "август", "сентябр", "октябр", "ноябр",
           "декабр"],
    "kk": ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша",
           "желтоқсан"],
}


def resolve(number: str, paragraph: str, position: int, registry: dict[str, Source]) -> list[Source]:
    """Registry entries a mention «№ number» at `position` in `paragraph` may mean (one, or none if unregistered).

    Several entries with one number: the one whose year stands nearest to the mention.
    """
    candidates = [s for s in registry.values() if s.number == number]
    if len(candidates) > 1:
        distance = {s.id: min((abs(m.start() - position) for m in RE_YEAR.finditer(paragraph) if m.group() == s.year),
                              default=None) for s in candidates}
        near = sorted((d, s.id) for s in candidates if (d := distance[s.id]) is not None)
        candidates = [registry[near[0][1]]] if near and (len(near) == 1 or near[0][0] < near[1][0]) else []
    return candidates


def has_full_date(paragraph: str, source: Source, lang: str) -> bool:
    """Whether the paragraph gives the document's date: day, month and year (or the year, if that is all we know)."""
    if not source.date:
        return source.year is None or source.year in paragraph
    year, month, day = source.date.split("-")
    stem, day = MONTH_STEMS[lang][int(month) - 1], str(int(day))
    patterns = [rf"(?<!\d){day}\s+{stem}\w*\s+{year}", rf"(?<!\d){int(day):02d}\.{month}\.{year}"]
    if lang == "kk":
        patterns.append(rf"{year}\s+жылғы\s+{day}\s+{stem}")
    return any(re.search(p, paragraph) for p in patterns)


def mentions(paragraphs):
    """(number, paragraph, position, line) for each «№ …» in (text, line_of) paragraphs, in reading order."""
    for text, line_of in paragraphs:
        for found in RE_NUMBER.finditer(text):
            yield found.group(1).rstrip("-"), text, found.start(), line_of(found.start())


def unregistered(file: str, line: int, number: str) -> Problem:
    return Problem(file, line, number, "document-unregistered",
                   f"the text mentions № {number}, but no entry of course/sources.yml has that number (and year)",
                   "add the document to course/sources.yml with its number, date and legal status, then cite it "
                   "in this page's sources block")


def page_problems(path: Path, root: Path, lang: str, registry: dict[str, Source], cited: set[str]) -> list[Problem]:
    from .style import page_paragraphs

    return paragraph_problems(rel(path, root), page_paragraphs(path), lang, registry, cited)


def paragraph_problems(file: str, paragraphs, lang: str, registry: dict[str, Source], cited: set[str]) -> list[Problem]:
    """The rules for a page's («file») paragraphs: every number registered, cited, given in full first."""
    problems, seen = [], set()
    for number, paragraph, position, line in mentions(paragraphs):
        found = resolve(number, paragraph, position, registry)
        if len(found) != 1:
            problems.append(unregistered(file, line, number))
            continue
        source = found[0]
        if source.id not in cited:
            problems.append(Problem(file, line, source.id, "document-not-cited",
                                    f"the text mentions № {number} ({source.id}), but the page's sources block does not list it",
                                    f"add '- {source.id}' to the page's /// sources block"))
        if source.id not in seen:
            seen.add(source.id)
            if not has_full_date(paragraph, source, lang):
                problems.append(Problem(file, line, source.id, "citation-first-incomplete",
                                        f"the page's first mention of № {number} does not give the document's full date",
                                        "write the date and number in full at the first mention (e.g. «от 11 октября "
                                        "2011 года № 483-IV», «2011 жылғы 11 қазандағы № 483-IV»); later mentions may be short"))
    return problems


def cited_ids(page) -> set[str]:
    """Ids the page's sources blocks list."""
    return {c[0] for block in page.walk_blocks() if block.name == "sources"
            for c in (parse_citation(line) for line in block.body) if c}


def text_problems(texts, registry: dict[str, Source], cited: set[str] | None, file: str, page: str = "") -> list[Problem]:
    """Numbers in YAML texts ((text, line) pairs): registered, and cited on `page` when `cited` is given."""
    problems = []
    for text, line in texts:
        for number, paragraph, position, _ in mentions([(text, lambda _: line)]):
            found = resolve(number, paragraph, position, registry)
            if len(found) != 1:
                problems.append(unregistered(file, line, number))
            elif cited is not None and found[0].id not in cited:
                problems.append(Problem(file, line, found[0].id, "document-not-cited",
                                        f"the text mentions № {number} ({found[0].id}), but {page} does not cite it",
                                        f"add '- {found[0].id}' to the sources block of {page}"))
    return problems


def check(root: Path, course, pages, registry: dict[str, Source], banks) -> list[Problem]:

    problems = []
    for lang, lang_pages in pages.items():
        for path, page in lang_pages.items():
            if path.startswith("practice/"):
                continue  # generated from the practice notes, which kelisim.practice checks at the source
            problems += page_problems(page.path, root, lang, registry, cited_ids(page))
        for name in ("course.yml", "glossary.yml"):
            path = root / "course" / name
            problems += text_problems(yamlio.language_texts(path, lang, root), registry, None, rel(path, root))
        for bank in banks:
            if bank.module is None:
                continue
            page = lang_pages.get(bank.module.page)
            cited = cited_ids(page) if page else set()
            problems += text_problems(yamlio.language_texts(root / bank.file, lang, root), registry, cited, bank.file,
                                      f"docs/{lang}/{bank.module.page}")
    return problems
