"""The bilingual glossary (course/glossary.yml): validation, the glossary page, hover tooltips."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import ROOT, yamlio
from .model import LANGUAGES
from .problems import Problem, raise_if_any


@dataclass(frozen=True)
class Entry:
    term: str
    forms: tuple[str, ...]
    definition: str


@dataclass(frozen=True)
class Term:
    id: str
    entries: dict[str, Entry]


def load_glossary(root: Path = ROOT) -> list[Term]:
    data, name = yamlio.load_checked(root, "course/glossary.yml", "course/glossary.schema.json")
    problems = yamlio.duplicate_ids(data["terms"], name, "term-id", "give each term its own id")
    words: dict[tuple[str, str], str] = {}
    for item in data["terms"]:
        for lang in LANGUAGES:
            for form in [item[lang]["term"], *item[lang].get("forms", [])]:
                other = words.setdefault((lang, form.lower()), item["id"])
                if other != item["id"]:
                    problems.append(Problem(name, item[lang].line_of("term"), item["id"], "duplicate-term",
                                            f"'{form}' ({lang}) is already a form of term '{other}'",
                                            "a word form may belong to one term only"))
    raise_if_any(problems)
    return [Term(item["id"], {lang: Entry(item[lang]["term"], tuple(item[lang].get("forms", [])),
                                          item[lang]["definition"]) for lang in LANGUAGES})
            for item in data["terms"]]


def abbreviations(terms: list[Term], lang: str) -> str:
    """Markdown abbreviation lines (`*[word]: definition`) that turn terms into hover tooltips."""
    lines = []
    for term in terms:
        entry = term.entries[lang]
        definition = " ".join(entry.definition.split())
        for form in dict.fromkeys([entry.term, *entry.forms]):
            for variant in dict.fromkeys([form, form[:1].upper() + form[1:]]):
                lines.append(f"*[{variant}]: {definition}")
    return "\n".join(lines)
