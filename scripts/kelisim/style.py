"""The course style sheets (course/style-<lang>.yml): preferred terms, enforced over everything a learner reads.

Each rule names the term to use, the variants to avoid and why. A variant is a word or a phrase;
each of its words matches as a stem, so Kazakh and Russian endings are covered («этникалық» finds
«этникалықтың», «жауапкершілік» finds «жауапкершілігі»: a final к/қ/п also matches г/ғ/б, as
Kazakh voices it before a vowel). A rule with `exact: true` matches whole tokens, case and all: for
abbreviations («ДУМК», also «ДУМК-ның»). A phrase listed under `allow` is never reported (a
legitimate use that contains a variant). Pages are read a paragraph at a time, so a phrase broken
across two lines is still found.

Checked: pages, practice notes (each part in its own language; not the pages generated from them),
quiz banks, exercise materials, course data (course.yml, glossary.yml, sources.yml, practice.yml, trainer.yml) and
interface strings
(kelisim/i18n.py, overrides/partials/languages/<lang>.html).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import yamlio
from .problems import Problem, raise_if_any, rel

LETTERS = "А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІіA-Za-z"
#: Kazakh voices a final voiceless consonant before a vowel suffix: жауапкершілік -> жауапкершілігі.
VOICED = {"к": "[кг]", "қ": "[қғ]", "п": "[пб]"}


@dataclass(frozen=True)
class Variant:
    text: str
    use: str
    pattern: re.Pattern


@dataclass(frozen=True)
class Rule:
    id: str
    use: str
    reason: str
    variants: tuple[Variant, ...]
    allow: tuple[re.Pattern, ...]


def stem_pattern(phrase: str) -> str:
    """Each word of `phrase` as a stem that takes endings; words separated by any whitespace."""
    words = []
    for word in phrase.split():
        body = re.escape(word[:-1]) + VOICED.get(word[-1].lower(), re.escape(word[-1]))
        words.append(body + f"[{LETTERS}]*")
    return rf"(?<![{LETTERS}])" + r"\s+".join(words)


def exact_pattern(token: str) -> str:
    """A whole token (an abbreviation): not inside a longer word; a hyphenated ending may follow."""
    return rf"(?<![{LETTERS}-]){re.escape(token)}(?![{LETTERS}])"


def load_style(root: Path, lang: str) -> list[Rule]:
    """The rules of course/style-<lang>.yml ([] if the language has no style sheet)."""
    relative = f"course/style-{lang}.yml"
    if not (root / relative).exists():
        return []
    data, name = yamlio.load_checked(root, relative, "course/style.schema.json")
    raise_if_any(yamlio.duplicate_ids(data["rules"], name, "style-rule-id", "give each rule its own id"))
    rules = []
    for item in data["rules"]:
        exact = item.get("exact", False)
        variants = []
        for entry in item["avoid"]:
            text, use = (entry, item["use"]) if isinstance(entry, str) else (entry["text"], entry["use"])
            flags = 0 if exact else re.IGNORECASE
            variants.append(Variant(text, use, re.compile(exact_pattern(text) if exact else stem_pattern(text), flags)))
        allow = tuple(re.compile(r"\s+".join(map(re.escape, a.split())), re.IGNORECASE) for a in item.get("allow", []))
        rules.append(Rule(item["id"], item["use"], item["reason"], tuple(variants), allow))
    return rules


def problems_in(text: str, rules: list[Rule], file: str, line_of) -> list[Problem]:
    """Style problems in one piece of text; line_of(offset) gives the file line of a character."""
    problems = []
    for rule in rules:
        skip = [m.span() for pattern in rule.allow for m in pattern.finditer(text)]
        for variant in rule.variants:
            for found in variant.pattern.finditer(text):
                if any(start <= found.start() < end or found.start() <= start < found.end() for start, end in skip):
                    continue
                skip.append(found.span())  # two variants of one rule on the same words: one report
                word = " ".join(found.group(0).split())
                problems.append(Problem(file, line_of(found.start()), word, rule.id,
                                        f"use «{variant.use}», not «{word}» ({rule.reason})",
                                        f"write «{variant.use}» (course/style-*.yml, rule {rule.id})"))
    return problems


# ---------- where learners' text lives ------------------------------------------------------------

def page_paragraphs(path: Path):
    """(text, line_of) per paragraph of a page's prose: block syntax, code and URLs left out."""
    from .spelling import page_lines

    chunk: list[tuple[int, str]] = []
    for number, line in [*page_lines(path), (0, "")]:
        if line.strip():
            chunk.append((number, line))
            continue
        if chunk:
            yield _joined(chunk)
            chunk = []


def note_paragraphs(root: Path, lang: str):
    """(path, text, line_of) per paragraph of the practice notes' `lang` parts (and their titles)."""
    from .practice.notes import text_lines

    chunk: list[tuple[int, str]] = []
    current = None
    for path, number, line in [*text_lines(root, lang), (None, 0, "")]:
        if chunk and (path != current or not line.strip()):
            yield (current, *_joined(chunk))
            chunk = []
        current = path
        if line.strip():
            chunk.append((number, line))


def _joined(chunk: list[tuple[int, str]]):
    starts, parts, offset = [], [], 0
    for number, line in chunk:
        starts.append((offset, number))
        parts.append(line)
        offset += len(line) + 1
    text = "\n".join(parts)

    def line_of(position: int) -> int:
        return max((start, number) for start, number in starts if start <= position)[1]

    return text, line_of


def interface_texts(root: Path, lang: str):
    """(file, text, line) for our interface strings in `lang`: i18n.py (only when checking the course that
    holds this toolkit: a test course has no strings of its own) and the theme's language partial."""
    from . import i18n

    i18n_file = Path(i18n.__file__)
    own = i18n_file.resolve().is_relative_to(root.resolve())
    lines = i18n_file.read_text(encoding="utf-8").split("\n")
    start = next(n for n, line in enumerate(lines) if line.strip() == f'"{lang}": {{')
    for key, value in i18n.STRINGS[lang].items() if own else ():
        number = next((n + 1 for n in range(start, len(lines)) if lines[n].strip().startswith(f'"{key}":')), None)
        yield rel(i18n_file, root), value, number
    theme = root / "overrides" / "partials" / "languages" / f"{lang}.html"
    if theme.exists():
        for number, line in enumerate(theme.read_text(encoding="utf-8").split("\n"), start=1):
            pair = re.match(r'^\s+"[a-z.]+": "(.*)",?$', line)
            if pair:
                yield rel(theme, root), pair.group(1), number


def check(root: Path, languages=("ru", "kk")) -> list[Problem]:
    """Every use of a discouraged variant in the course's text, in every language with a style sheet."""
    from .exercise import exercise_files
    from .quiz.bank import bank_files

    problems: list[Problem] = []
    for lang in languages:
        rules = load_style(root, lang)
        if not rules:
            continue
        generated = root / "docs" / lang / "practice"  # made from the practice notes, checked at the source below
        for path in sorted((root / "docs" / lang).rglob("*.md")):
            if generated in path.parents:
                continue
            for text, line_of in page_paragraphs(path):
                problems += problems_in(text, rules, rel(path, root), line_of)
        for path, text, line_of in note_paragraphs(root, lang):
            problems += problems_in(text, rules, rel(path, root), line_of)
        for path in [root / "course" / "course.yml", root / "course" / "glossary.yml", root / "course" / "sources.yml",
                     root / "course" / "practice.yml", root / "course" / "trainer.yml", *bank_files(root),
                     *exercise_files(root)]:
            if path.exists():
                for text, line in yamlio.language_texts(path, lang, root):
                    problems += problems_in(text, rules, rel(path, root), lambda _, line=line: line)
        for file, text, line in interface_texts(root, lang):
            problems += problems_in(text, rules, file, lambda _, line=line: line)
    return problems
