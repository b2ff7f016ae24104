"""The sources registry (course/sources.yml): every cited document, once, with its legal status."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from . import yamlio
from .problems import Problem, raise_if_any

#: Statuses a page may cite only when it says so: `- id (historical)` in its sources block.
NOT_CURRENT = {"repealed", "replaced", "expired"}
HISTORICAL = "(historical)"


@dataclass(frozen=True)
class Source:
    id: str
    title: dict[str, str]
    type: str
    number: str | None
    date: str | None
    status: str
    replaced_by: str | None
    url: str | None
    checked: str


def load_sources(root: Path) -> dict[str, Source]:
    data, name = yamlio.load_checked(root, "course/sources.yml", "course/sources.schema.json")
    problems = yamlio.duplicate_ids(data["sources"], name, "source-id", "list each document once")
    registry: dict[str, Source] = {}
    for item in data["sources"]:
        registry[item["id"]] = Source(item["id"], dict(item["title"]), item["type"], item.get("number"),
                                      item.get("date"), item["status"], item.get("replaced_by"),
                                      item.get("url"), item["checked"])
    for item in data["sources"]:
        successor = item.get("replaced_by")
        if item["status"] == "replaced" and not successor:
            problems.append(Problem(name, item.line_of("status"), item["id"], "replaced-without-successor",
                                    "status is 'replaced' but replaced_by is missing", "add replaced_by: <id of the new document>"))
        if successor and successor not in registry:
            problems.append(Problem(name, item.line_of("replaced_by"), item["id"], "unknown-source",
                                    f"replaced_by names '{successor}', which is not in the registry", "add that document or fix the id"))
    raise_if_any(problems)
    return registry


def parse_citation(line: str) -> tuple[str, bool] | None:
    """'- law-483-iv' -> ('law-483-iv', False); '- decree-2066 (historical)' -> ('decree-2066', True)."""
    text = line.strip()
    if not text.startswith(("- ", "* ")):
        return None
    text = text[2:].strip()
    historical = text.endswith(HISTORICAL)
    return text.removesuffix(HISTORICAL).strip(), historical


def stale(registry: dict[str, Source], today: dt.date, days: int = 365) -> list[Source]:
    """Sources whose official text nobody has checked for more than `days`."""
    limit = today - dt.timedelta(days=days)
    return sorted((s for s in registry.values() if dt.date.fromisoformat(s.checked) < limit), key=lambda s: s.checked)
