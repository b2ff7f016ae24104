"""Spelling of the course text with Debian's hunspell dictionaries and reviewed project word lists.

Each language's text (pages, glossary, quiz banks, course data) is checked with its own
dictionary. Words hunspell does not know but that are correct (terms, names, Kazakh
inflected forms the dictionary lacks) go into course/wordlist-<lang>.txt after review.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import yamlio
from .pages import read_page

DICTIONARIES = {"ru": "/usr/share/hunspell/ru_RU", "kk": "/usr/share/hunspell/kk_KZ"}
CYRILLIC = "А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі"
# Hyphen-joined chains: іс-шара, ҚХА-ның, 1-күн, 30%-ы.
RE_CHAIN = re.compile(rf"[{CYRILLIC}A-Za-z0-9%]+(?:-[{CYRILLIC}A-Za-z0-9]+)*")
# Markdown and block syntax that is not prose.
RE_NOT_PROSE = [
    re.compile(r"`[^`]*`"),                      # inline code
    re.compile(r"\]\([^)]*\)"),                  # link and image targets
    re.compile(r"\{\s*#[^}]*\}"),                # heading anchors
    re.compile(r"<[^>]+>"),                      # HTML tags and comments
    re.compile(r"https?://\S+"),
    re.compile(r"^\s*/{3,}.*$"),                 # block fences (the case title is checked separately below)
    re.compile(r"^ {4}[A-Za-z_]+:.*$"),          # block options
]
RE_BLOCK_TITLE = re.compile(r"^\s*/{3,}\s*[\w-]+\s*\|\s*(.*)$")


@dataclass(frozen=True)
class Unknown:
    lang: str
    word: str
    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: [{self.lang}] '{self.word}'"


def available() -> bool:
    return shutil.which("hunspell") is not None and all(Path(f"{d}.dic").exists() for d in DICTIONARIES.values())


def wordlist(lang: str, root: Path) -> set[str]:
    path = root / "course" / f"wordlist-{lang}.txt"
    if not path.exists():
        return set()
    return {line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines()} - {""}


def page_lines(path: Path):
    """(line number, prose) for a Markdown page: no front matter, code, URLs or block syntax."""
    page = read_page(path)
    for number in page.text_lines:
        line = page.lines[number - 1]
        title = RE_BLOCK_TITLE.match(line)
        if title:
            yield number, title.group(1)
            continue
        for pattern in RE_NOT_PROSE:
            line = pattern.sub(" ", line)
        yield number, line


def sources(root: Path, lang: str):
    """Every piece of `lang` text with where it comes from."""
    generated = root / "docs" / lang / "practice"  # pages made from the notes, which are checked below
    for path in sorted((root / "docs" / lang).rglob("*.md")):
        if generated in path.parents:
            continue
        for number, line in page_lines(path):
            yield path, number, line
    from .practice.notes import text_lines

    yield from text_lines(root, lang)
    from .exercise import exercise_files
    from .quiz.bank import bank_files

    for path in [root / "course" / "course.yml", root / "course" / "glossary.yml", root / "course" / "sources.yml",
                 root / "course" / "trainer.yml", *bank_files(root), *exercise_files(root)]:
        if path.exists():
            for text, number in yamlio.language_texts(path, lang, root):
                yield path, number, text


def check(root: Path) -> tuple[list[Unknown], list[Unknown]]:
    """(unknown words, words mixing Latin and Cyrillic letters) over the whole course."""
    unknown: list[Unknown] = []
    mixed: list[Unknown] = []
    for lang in DICTIONARIES:
        first_seen: dict[str, tuple[str, int]] = {}
        for path, number, text in sources(root, lang):
            where = (path.relative_to(root).as_posix(), number)
            for word in words(text):
                has_latin = re.search("[A-Za-z]", word)
                if has_latin and re.search(f"[{CYRILLIC}]", word):
                    mixed.append(Unknown(lang, word, *where))
                elif not has_latin and not word.isupper():  # abbreviations (АНК, ҚХА) are not words
                    first_seen.setdefault(word, where)
        allowed = wordlist(lang, root)
        candidates = [w for w in first_seen if w not in allowed and w.lower() not in allowed]
        for word in sorted(hunspell_unknown(lang, candidates)):
            unknown.append(Unknown(lang, word, *first_seen[word]))
    return unknown, mixed


def words(text: str):
    """Words to check; a suffix hyphenated to an abbreviation or a number (ҚХА-ның, 1-күн) is not a word."""
    for chain in RE_CHAIN.findall(text):
        previous = ""
        for part in chain.split("-"):
            attached = previous and (previous.isupper() or not previous.isalpha())
            if part.isalpha() and not attached:
                yield part
            previous = part


def hunspell_unknown(lang: str, words: list[str]) -> set[str]:
    if not words:
        return set()
    result = subprocess.run(["hunspell", "-d", DICTIONARIES[lang], "-l", "-i", "utf-8"],
                            input="\n".join(words), capture_output=True, text=True, check=True)
    return set(result.stdout.split())
