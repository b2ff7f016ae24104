"""The seminar practice book: case notes from the Module 4 case clinic, published as recommendations.

Notes live in practice/<region>/<slug>.md (YAML front matter + the Module 4 template's sections
in each language the note is written in). book.py loads the closed lists of course/practice.yml;
notes.py reads and checks notes; deid.py is the de-identification checks; pages.py writes the
generated «Рекомендации для других регионов» pages; intake.py is `practice new` and `practice import`.
"""

from __future__ import annotations

from pathlib import Path

from ..problems import Problem


def check_practice(root: Path, course, registry: dict | None = None) -> tuple[list, list[Problem]]:
    """(valid notes, problems): every note rule, the de-identification checks, generated pages current.

    `registry` (course/sources.yml) checks the documents a note cites and the numbers it mentions.
    """
    from .book import load_book
    from .notes import check_notes, note_files
    from .pages import stale_problems

    if not note_files(root) and not (root / "course" / "practice.yml").exists():
        return [], []  # a course without a practice book
    book, problems = load_book(root)
    if book is None:
        return [], problems
    notes, problems = check_notes(root, book, registry)
    if not problems:
        problems += stale_problems(root, book, notes, course)
    return notes, problems
