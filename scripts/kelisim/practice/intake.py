"""Adding notes the way seminars run: `practice new` (a template to fill in) and `practice import`
(the case clinic's spreadsheet, one row per group, as Excel saves it: UTF-8 with or without BOM,
comma- or semicolon-separated)."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..problems import Problem, rel
from .book import Book
from .notes import FOLDER, SCHEMA, parse_note

LANGUAGE_CHOICES = {"ru": ["ru"], "kk": ["kk"], "both": ["ru", "kk"]}
COLUMNS = ("region", "district_type", "period", "themes", "mechanisms", "language", "title", "what_happened",
           "who_acted", "what_worked", "what_did_not", "lessons", "sources", "de_identification", "reviewed_by")
OPTIONAL_COLUMNS = ("slug",)


@dataclass
class Draft:
    """What a new note says before its sections are written."""

    region: str
    themes: list[str]
    languages: list[str]
    title: dict[str, str]
    district_type: str = ""
    period: str = ""
    mechanisms: tuple[str, ...] = ()
    reviewed_by: str = ""
    de_identified: bool = False


def note_text(book: Book, draft: Draft, sections: dict[str, dict[str, str]] | None = None) -> str:
    """A note's file: front matter, then each language's part with the template's headings.

    Without `sections`, each section holds the hint of what to write, as an HTML comment.
    """
    def ids(values):
        return "[" + ", ".join(values) + "]"

    front = [
        "---",
        "title: {" + ", ".join(f"{lang}: {json.dumps(draft.title.get(lang, ''), ensure_ascii=False)}"
                               for lang in draft.languages) + "}",
        f"region: {draft.region}",
        "district_type: " + (draft.district_type or '""')
        + ("" if draft.district_type else f"  # one of: {', '.join(book.district_types)}"),
        f"period: \"{draft.period}\"" + ("" if draft.period else "  # a year or a range: 2024, 2023–2024, 2024-05"),
        f"themes: {ids(draft.themes)}",
        f"mechanisms: {ids(draft.mechanisms)}" + ("" if draft.mechanisms else f"  # from: {', '.join(book.mechanisms)}"),
        f"languages: {ids(draft.languages)}",
        f"de_identified: {'true' if draft.de_identified else 'false'}"
        + ("" if draft.de_identified else "  # true once a reviewer has gone through the last section"),
        f"reviewed_by: \"{draft.reviewed_by}\"" + ("" if draft.reviewed_by else f"  # one of: {', '.join(book.reviewer_roles)}"),
        "---",
    ]
    body = []
    for lang in draft.languages:
        body += ["", f"# {lang}", ""]
        for section in book.sections:
            text = (sections or {}).get(lang, {}).get(section.id) or f"<!-- {section.hint[lang]} -->"
            body += [f"## {section.text[lang]}", "", text.strip(), ""]
    return "\n".join(front + body).rstrip("\n") + "\n"


def free_slug(root: Path, region: str, base: str) -> str:
    """`base`, or base-2, base-3 … if a note of that name already exists in the region."""
    slug, n = base, 1
    while (root / FOLDER / region / f"{slug}.md").exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def write_new(root: Path, book: Book, draft: Draft, slug: str | None = None) -> Path:
    slug = free_slug(root, draft.region, slug or draft.themes[0])
    path = root / FOLDER / draft.region / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(note_text(book, draft), encoding="utf-8")
    return path


def ask(prompt: str, choices: dict[str, str], read=input) -> str:
    """Ask until the answer is one of `choices` (by id or, for people, by number)."""
    keys = list(choices)
    lines = [f"  {i}. {key} — {choices[key]}" for i, key in enumerate(keys, start=1)]
    while True:
        answer = read("\n".join([prompt, *lines, "> "])).strip()
        if answer in choices:
            return answer
        if answer.isdigit() and 1 <= int(answer) <= len(keys):
            return keys[int(answer) - 1]
        print(f"'{answer}' is not one of the choices.")


# ---------- the case clinic's spreadsheet ----------------------------------------------

def read_rows(path: Path) -> tuple[list[dict], list[str]]:
    """The rows (with their spreadsheet row number under '_row') and the header, as Excel writes CSV."""
    text = path.read_bytes().decode("utf-8-sig")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [(name or "").strip() for name in (reader.fieldnames or [])]
    reader.fieldnames = header
    rows = []
    for number, row in enumerate(reader, start=2):  # row 1 is the header
        values = {k: (v or "").strip() for k, v in row.items() if k}
        if any(values.values()):
            rows.append({**values, "_row": number})
    return rows, header


def header_aliases(book: Book) -> dict[str, str]:
    """{a column name as a trainer may type it, lowercased: its column}: the ids, the page's ru/kk labels
    and the section headings, so a spreadsheet may head its columns in Russian or Kazakh."""
    from ..i18n import t

    aliases = {column: column for column in COLUMNS + OPTIONAL_COLUMNS}
    labels = {"region": "practice.region", "district_type": "practice.district", "period": "practice.period",
              "themes": "practice.theme", "mechanisms": "practice.mechanism", "language": "practice.language",
              "title": "practice.note", "reviewed_by": "practice.reviewed"}
    for lang in ("ru", "kk"):
        for column, key in labels.items():
            aliases[t(lang, key).lower()] = column
        for section in book.sections:
            aliases[section.text[lang].lower()] = section.id.replace("-", "_")
    return aliases


def _split(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;\n]", value) if part.strip()]


def _lookup(value: str, labels) -> str | None:
    """An id from an id or from its ru/kk label, as trainers may type either."""
    wanted = value.strip().lower()
    for label in labels.values():
        if wanted in (label.id, label.text["ru"].lower(), label.text["kk"].lower()):
            return label.id
    return None


def import_csv(root: Path, book: Book, csv_path: Path) -> tuple[list[Path], list[Problem]]:
    """Write a note per good row; a problem for each bad row, naming its spreadsheet row."""
    file = rel(csv_path, root)
    rows, header = read_rows(csv_path)
    aliases = header_aliases(book)
    rename = {name: aliases.get(name.lower(), name) for name in header}
    header = list(rename.values())
    rows = [{rename.get(k, k): v for k, v in row.items()} for row in rows]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        return [], [Problem(file, 1, None, "practice-csv-header", f"the header row lacks column(s) {', '.join(missing)}",
                            f"the first row names the columns: {', '.join(COLUMNS)} (and, optionally, slug)")]
    schema = json.loads((root / SCHEMA).read_text(encoding="utf-8"))
    written, problems = [], []
    taken: set[str] = set()
    for row in rows:
        number = row["_row"]

        def bad(message, fix, rule="practice-csv-row", ident=None):
            problems.append(Problem(file, number, ident or f"row {number}", rule, f"row {number}: {message}", fix))

        empty = [c for c in COLUMNS if not row.get(c)]
        if empty:
            bad(f"empty cell(s): {', '.join(empty)}", "fill every column of the row (or delete the row)")
            continue
        region = _lookup(row["region"], book.regions)
        if region is None:
            bad(f"region '{row['region']}' is not a region or city of course/practice.yml",
                f"write an id or name, e.g. {', '.join(list(book.regions)[:3])}")
            continue
        languages = LANGUAGE_CHOICES.get(row["language"].strip().lower())
        if languages is None or len(languages) != 1:
            bad(f"language '{row['language']}' is not ru or kk (a row is one group's note in one language)",
                "write ru or kk")
            continue
        lang = languages[0]
        themes = [_lookup(v, book.themes) or v for v in _split(row["themes"])]
        mechanisms = [_lookup(v, book.mechanisms) or v for v in _split(row["mechanisms"])]
        draft = Draft(region, themes, languages, {lang: row["title"]},
                      _lookup(row["district_type"], book.district_types) or row["district_type"], row["period"],
                      tuple(mechanisms), _lookup(row["reviewed_by"], book.reviewer_roles) or row["reviewed_by"], True)
        lessons = "\n".join(f"- {line.lstrip('-•* ').strip()}" for line in re.split(r"\n", row["lessons"]) if line.strip())
        sections = {lang: {s.id: (lessons if s.id == "lessons" else row[s.id.replace("-", "_")]) for s in book.sections}}
        text = note_text(book, draft, sections)
        slug = free_slug(root, region, row.get("slug") or themes[0])
        while f"{region}/{slug}" in taken:
            slug = f"{slug}-{number}"
        note_file = f"{FOLDER}/{region}/{slug}.md"
        _, found = parse_note(text, note_file, book, schema)
        if found:
            for p in found:  # the note's own rules, de-identification included, named by the row
                bad(p.message, p.fix, p.rule, p.id)
            continue
        path = root / note_file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        taken.add(f"{region}/{slug}")
        written.append(path)
    return written, problems
