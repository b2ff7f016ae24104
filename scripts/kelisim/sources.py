"""The sources registry (course/sources.yml): every cited document, once, with its legal status."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from . import ROOT, yamlio
from .problems import Problem, raise_if_any

#: Statuses a page may cite only when it says so: `- id (historical)` in its sources block.
NOT_CURRENT = {"repealed", "replaced", "expired"}
HISTORICAL = "(historical)"
#: Kinds of document that are legal acts: their status is a legal status, never 'reference'.
LEGAL_ACTS = {"constitution", "law", "code", "decree", "government-decree", "order", "court-resolution"}
#: Kinds with no official text to compare with (a news item, a report): no "not compared" note.
NO_OFFICIAL_TEXT = {"media", "report"}


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
    checked: str | None  # the date the entry was compared with the official text; None: never
    adopted_year: int | None = None  # when the exact date is unknown

    @property
    def has_official_text(self) -> bool:
        return self.type not in NO_OFFICIAL_TEXT

    @property
    def year(self) -> str | None:
        if self.date:
            return self.date[:4]
        return str(self.adopted_year) if self.adopted_year else None


def load_sources(root: Path = ROOT) -> dict[str, Source]:
    data, name = yamlio.load_checked(root, "course/sources.yml", "course/sources.schema.json")
    problems = yamlio.duplicate_ids(data["sources"], name, "source-id", "list each document once")
    registry: dict[str, Source] = {}
    for item in data["sources"]:
        registry[item["id"]] = Source(item["id"], dict(item["title"]), item["type"], item.get("number"),
                                      item.get("date"), item["status"], item.get("replaced_by"),
                                      item.get("url"), item.get("checked"), item.get("year"))
    for item in data["sources"]:
        if item["type"] in LEGAL_ACTS and item["status"] == "reference":
            problems.append(Problem(name, item.line_of("status"), item["id"], "act-without-legal-status",
                                    f"a {item['type']} is a legal act, but its status is 'reference' (for media, reports, studies)",
                                    "give its legal status: in_force, amended, replaced, repealed, expired, "
                                    "not_yet_in_force, draft, or unverified if nobody has established it"))
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


def unchecked(registry: dict[str, Source]) -> list[Source]:
    """Entries with an official text nobody has compared them with (pages say so instead of a date)."""
    return sorted((s for s in registry.values() if s.has_official_text and not s.checked), key=lambda s: s.id)


def stale(registry: dict[str, Source], today: dt.date, days: int = 365) -> list[Source]:
    """Entries last compared with the official text more than `days` ago."""
    limit = today - dt.timedelta(days=days)
    return sorted((s for s in registry.values() if s.checked and dt.date.fromisoformat(s.checked) < limit),
                  key=lambda s: s.checked)
