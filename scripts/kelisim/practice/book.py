"""course/practice.yml: the closed lists a note chooses from, its sections, the de-identification word lists."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import yamlio
from ..problems import CourseError, Problem

FILE = "course/practice.yml"


@dataclass(frozen=True)
class Label:
    id: str
    text: dict[str, str]  # {lang: label}


@dataclass(frozen=True)
class Section(Label):
    hint: dict[str, str]  # {lang: what goes into the section}, for the template


@dataclass(frozen=True)
class Book:
    regions: dict[str, Label]
    district_types: dict[str, Label]
    themes: dict[str, Label]
    mechanisms: dict[str, Label]
    reviewer_roles: dict[str, Label]
    sections: tuple[Section, ...]
    first_names: dict[str, tuple[str, ...]]
    ethnonym_nouns_ru: tuple[str, ...]
    russified_kk: dict[str, str]
    loaded_terms: dict[str, tuple[str, ...]]

    def section_heading(self, section_id: str, lang: str) -> str:
        return next(s.text[lang] for s in self.sections if s.id == section_id)


def load_book(root: Path) -> tuple[Book | None, list[Problem]]:
    try:
        data, name = yamlio.load_checked(root, FILE, "course/practice.schema.json")
    except CourseError as error:
        return None, error.problems
    problems = []
    for key in ("regions", "district_types", "themes", "mechanisms", "reviewer_roles", "sections"):
        problems += yamlio.duplicate_ids(data[key], name, f"practice-{key.replace('_', '-')}-id",
                                         "give each entry its own id")
    if problems:
        return None, problems

    def labels(key):
        return {item["id"]: Label(item["id"], {"ru": item["ru"], "kk": item["kk"]}) for item in data[key]}

    deid = data["deidentification"]
    return Book(labels("regions"), labels("district_types"), labels("themes"), labels("mechanisms"),
                labels("reviewer_roles"),
                tuple(Section(s["id"], {"ru": s["ru"], "kk": s["kk"]}, dict(s["hint"])) for s in data["sections"]),
                {lang: tuple(names) for lang, names in deid["first_names"].items()},
                tuple(deid["ethnonyms"]["ru_nouns"]), dict(deid["ethnonyms"]["kk_russified"]),
                {lang: tuple(words) for lang, words in deid["loaded_terms"].items()}), []
