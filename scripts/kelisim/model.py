"""The course model: course/course.yml loaded, validated and typed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import yamlio
from .problems import Problem, raise_if_any

LANGUAGES = ("ru", "kk")


@dataclass(frozen=True)
class Outcome:
    id: str
    text: dict[str, str]


@dataclass(frozen=True)
class Slot:
    id: str
    day_id: str
    time: str
    text: dict[str, str]


@dataclass(frozen=True)
class Day:
    id: str
    number: int
    title: dict[str, str]
    slots: tuple[Slot, ...]


@dataclass(frozen=True)
class Module:
    id: str
    number: int
    slug: str
    title: dict[str, str]
    self_study_minutes: int
    status_as_of: str
    slot_ids: tuple[str, ...]
    outcomes: tuple[Outcome, ...]

    @property
    def page(self) -> str:
        """Page path inside a language folder (docs/<lang>/...)."""
        return f"modules/{self.slug}.md"


@dataclass(frozen=True)
class Course:
    id: str
    version: str
    languages: tuple[str, ...]
    default_language: str
    title: dict[str, str]
    modules: tuple[Module, ...]
    days: tuple[Day, ...]
    mastery_score: int = 70  # per cent of a module's self-check an LMS records as passed (SCORM packages)

    def module(self, module_id: str) -> Module:
        return next(m for m in self.modules if m.id == module_id)

    @property
    def modules_by_id(self) -> dict[str, Module]:
        return {m.id: m for m in self.modules}

    @property
    def outcomes_by_id(self) -> dict[str, Outcome]:
        return {o.id: o for m in self.modules for o in m.outcomes}

    @property
    def slots_by_id(self) -> dict[str, Slot]:
        return {s.id: s for d in self.days for s in d.slots}

    def modules_in_slot(self, slot_id: str) -> list[Module]:
        return [m for m in self.modules if slot_id in m.slot_ids]

    def day_of(self, module: Module) -> Day | None:
        slots = self.slots_by_id
        days = {slots[s].day_id for s in module.slot_ids if s in slots}
        return next((d for d in self.days if d.id in days), None)


def load_course(root: Path) -> Course:
    """Load and validate course/course.yml; raise CourseError listing every problem."""
    data, name = yamlio.load_checked(root, "course/course.yml", "course/course.schema.json")
    raise_if_any(_semantic_problems(data, name))
    return _build(data)


def _semantic_problems(data, name: str) -> list[Problem]:
    def unique(items, key: str, what: str, fix: str) -> list[Problem]:
        return yamlio.duplicate_ids(items, name, what, fix, key)

    modules = data["modules"]
    slots = [s for d in data["seminar"]["days"] for s in d["slots"]]
    problems = [
        *unique(modules, "id", "module-id", "give each module its own id"),
        *unique(modules, "slug", "module-slug", "give each module its own slug (it names the page file)"),
        *unique([o for m in modules for o in m["outcomes"]], "id", "outcome-id",
                "outcome ids are course-wide (quizzes refer to them): rename one, e.g. m2-... for module 2"),
        *unique(data["seminar"]["days"], "id", "day-id", "give each seminar day its own id"),
        *unique(slots, "id", "slot-id", "give each timetable slot its own id"),
    ]
    slot_ids = {s["id"] for s in slots}
    for module in modules:
        for index, slot in enumerate(module["seminar_slots"]):
            if slot not in slot_ids:
                problems.append(Problem(name, module["seminar_slots"].line_of(index), module["id"], "unknown-slot",
                                        f"module {module['id']} refers to seminar slot '{slot}', which the timetable does not define",
                                        "use an id from seminar.days[].slots[] or add the slot there"))
    return problems


def _build(data) -> Course:
    def text(node) -> dict[str, str]:
        return {lang: node[lang] for lang in LANGUAGES}

    days = tuple(
        Day(d["id"], n, text(d["title"]),
            tuple(Slot(s["id"], d["id"], s["time"], text(s)) for s in d["slots"]))
        for n, d in enumerate(data["seminar"]["days"], start=1)
    )
    modules = tuple(
        Module(m["id"], n, m["slug"], text(m["title"]), m["self_study_minutes"], m["status_as_of"],
               tuple(m["seminar_slots"]), tuple(Outcome(o["id"], text(o)) for o in m["outcomes"]))
        for n, m in enumerate(data["modules"], start=1)
    )
    return Course(data["id"], data["version"], tuple(data["languages"]), data["default_language"],
                  text(data["title"]), modules, days, data.get("mastery_score", 70))
