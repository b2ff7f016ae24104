"""Self-check quizzes from bilingual question banks (quizzes/*.yml).

bank.py loads and validates the banks; render.py draws the quiz and the answer key in a
page's language; pages.py writes the small generated pages that hold them; moodle.py
exports Moodle XML. The widget itself is overrides/assets/kelisim/progress.js + quiz.js + quiz.css.
"""

from __future__ import annotations

from pathlib import Path

from ..problems import Problem, rel


def check_quizzes(root: Path, course, pages) -> tuple[list, list[Problem]]:
    """(valid banks, problems): every bank rule, generated pages up to date, `/// quiz` blocks naming real banks."""
    from ..pages import blocks_named
    from .bank import bank_files, check_banks
    from .pages import stale_problems

    banks, problems = check_banks(root, course, pages)
    problems += stale_problems(root, banks, course)
    known = {bank.id for bank in banks} | {path.stem for path in bank_files(root)}
    for page, block in blocks_named(pages, "quiz"):
        if block.options.get("id") not in known:
            problems.append(Problem(rel(page.path, root), block.line, block.options.get("id"), "unknown-bank",
                                    f"no quizzes/{block.options.get('id')}.yml for this quiz block",
                                    "name an existing bank in the block's '    id:' line"))
    return banks, problems
