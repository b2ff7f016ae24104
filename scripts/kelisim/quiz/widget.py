"""The quiz widget's and the progress view's front-end files and their size budgets (`python -m kelisim bench`)."""

from __future__ import annotations

import gzip

from pathlib import Path

#: Where the widget's files are, inside the course root.
ASSETS = Path("overrides") / "assets" / "kelisim"
FILES = ("progress.js", "quiz.js", "quiz.css")
#: Everything a quiz page loads for the widget, gzipped, must stay within this.
BUDGET = 8 * 1024
#: The progress view (indicators on every page, the «Мой прогресс» page), gzipped, must stay within this.
PROGRESS_VIEW = "progress-view.js"
PROGRESS_BUDGET = 4 * 1024


def sizes(root: Path, files=FILES) -> list[tuple[str, int, int]]:
    """(file, raw bytes, gzipped bytes) for each widget file, as a server would send it."""
    result = []
    for name in files:
        data = (root / ASSETS / name).read_bytes()
        result.append((name, len(data), len(gzip.compress(data, compresslevel=9))))
    return result
