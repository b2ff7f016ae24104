"""The remaining data rules, each with its own bad input: glossary ids and the sources registry."""

from kelisim.glossary import load_glossary
from kelisim.sources import load_sources, stale
from conftest import problems, write


def rules_of(loader, root):
    return [(p.rule, p.file, p.line, p.id) for p in problems(root, loader)]


def test_missing_file(tiny_course):
    (tiny_course / "course/glossary.yml").unlink()
    assert rules_of(load_glossary, tiny_course) == [("file-missing", "course/glossary.yml", None, None)]


def test_duplicate_term_id(tiny_course):
    term = "  - id: accord\n    ru: {term: %s, definition: Д.}\n    kk: {term: %s, definition: А.}\n"
    write(tiny_course, "course/glossary.yml", "terms:\n" + term % ("мир", "бейбітшілік") + term % ("лад", "татулық"))
    assert rules_of(load_glossary, tiny_course) == [("duplicate-term-id", "course/glossary.yml", 5, "accord")]


SOURCE = "  - id: {id}\n    title: {{ru: Закон, kk: Заң}}\n    type: law\n    status: {status}\n{extra}    checked: 2025-01-01\n"


def test_duplicate_source_id(tiny_course):
    write(tiny_course, "course/sources.yml", "sources:\n" + SOURCE.format(id="a", status="in_force", extra="") * 2)
    assert rules_of(load_sources, tiny_course)[0][:2] == ("duplicate-source-id", "course/sources.yml")


def test_replaced_needs_a_known_successor(tiny_course):
    write(tiny_course, "course/sources.yml", "sources:\n" + SOURCE.format(id="a", status="replaced", extra=""))
    assert rules_of(load_sources, tiny_course)[0][0] == "replaced-without-successor"
    write(tiny_course, "course/sources.yml",
          "sources:\n" + SOURCE.format(id="a", status="replaced", extra="    replaced_by: b\n"))
    assert rules_of(load_sources, tiny_course) == [("unknown-source", "course/sources.yml", 6, "a")]


def test_stale_report_lists_sources_not_checked_for_a_year(tiny_course):
    import datetime as dt

    registry = load_sources(tiny_course)
    assert stale(registry, dt.date(2026, 12, 1)) == []
    assert [s.id for s in stale(registry, dt.date(2027, 3, 2))] == ["old-law", "new-law"]
