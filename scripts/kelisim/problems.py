"""Author-facing problems: every check reports these, and the build fails on any."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path



@dataclass(frozen=True, order=True)
class Problem:
    """One thing an author must fix, named by file, line and id."""

    file: str
    line: int | None
    id: str | None
    rule: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        ident = f" [{self.id}]" if self.id else ""
        return f"{where}:{ident} {self.message} (rule: {self.rule}). Fix: {self.fix}"


class CourseError(Exception):
    """Raised with every problem found, so authors can fix them all in one pass."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.rule))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the course sources:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


def rel(path: Path | str, root: Path) -> str:
    """A path as authors see it: relative to the course root when possible."""
    path = Path(path)
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def raise_if_any(problems: list[Problem]) -> None:
    if problems:
        raise CourseError(problems)
