"""Committed pages generated from course data (quiz pages, the practice book): one way to check and write them.

`expected` maps a path under docs/ to the text it must have; `existing` is what the generator's folders hold now.
"""

from __future__ import annotations

from pathlib import Path

from .problems import Problem


def stale_problems(root: Path, expected: dict[str, str], existing: set[str], *, rule: str, made_from: str,
                   command: str, origin: str) -> list[Problem]:
    """Generated pages that are missing, differ from what `made_from` gives, or belong to nothing any more."""
    problems = []
    for path in sorted(set(expected) | existing):
        file = root / "docs" / path
        if path not in expected:
            problem = f"docs/{path} is a generated page that no {made_from} needs any more"
        elif not file.exists():
            problem = f"docs/{path} is missing"
        elif file.read_text(encoding="utf-8") != expected[path]:
            problem = f"docs/{path} differs from what the {made_from}s generate"
        else:
            continue
        problems.append(Problem(f"docs/{path}", None, path.split("/", 1)[1], rule, problem,
                                f"run `{command}` and commit the result ({origin})"))
    return problems


def write_pages(root: Path, expected: dict[str, str], existing: set[str]) -> list[str]:
    """Create, update and remove generated pages; returns what changed."""
    changed = []
    for path in sorted(existing - set(expected)):
        (root / "docs" / path).unlink()
        changed.append(f"removed docs/{path}")
    for path, text in expected.items():
        file = root / "docs" / path
        if not file.exists() or file.read_text(encoding="utf-8") != text:
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(text, encoding="utf-8")
            changed.append(f"wrote docs/{path}")
    return changed
