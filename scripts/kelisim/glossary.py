"""The bilingual glossary (course/glossary.yml): validation, hover tooltips (first occurrence per page)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markdown.treeprocessors import Treeprocessor

from . import yamlio
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


def load_glossary(root: Path) -> list[Term]:
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


#: Tooltips here would go unseen (the theme shows no cue in headings and links).
QUIET_TAGS = {"a", "h1", "h2", "h3", "h4", "h5", "h6"}


class FirstTooltips(Treeprocessor):
    """Keeps a term's tooltip on its first occurrence on the page; later ones become plain text.

    Runs after Markdown's abbr treeprocessor (priority 7), which marks every occurrence; a term's
    forms share its definition, so the definition identifies the term. Headings and links get no
    tooltip (the theme shows no cue there, so the first one in running text counts); neither does
    the glossary page, which shows the definitions themselves. Why per page and not per section:
    AUTHORING.md, «Как добавить термин глоссария».
    """

    def run(self, root):
        parents = {child: parent for parent in root.iter() for child in parent}
        seen: set[str] = set()
        for abbr in list(root.iter("abbr")):
            title = abbr.get("title")
            if title in seen or any(quiet(a) for a in ancestors(abbr, parents)):
                unwrap(abbr, parents[abbr])
            else:
                seen.add(title)


def quiet(element) -> bool:
    """Inside this element a tooltip would go unseen or repeat what the page shows."""
    return element.tag in QUIET_TAGS or element.get("data-kl-block") == "glossary"


def ancestors(element, parents):
    while element in parents:
        element = parents[element]
        yield element


def unwrap(element, parent) -> None:
    """Replace `element` by its text (it holds text only, as an abbr does)."""
    text = (element.text or "") + (element.tail or "")
    index = list(parent).index(element)
    if index:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(element)
