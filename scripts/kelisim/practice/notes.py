"""Case notes: practice/<region>/<slug>.md read, checked against the schema, the closed lists and the template.

A note is YAML front matter, then one part per language it is written in, each opened by a
line `# ru` or `# kk` and holding the template's `##` sections (course/practice.yml) in order:

    ---
    title: {ru: "…"}
    region: turkistan
    …
    ---

    # ru

    ## Что произошло: механизм
    …
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import yamlio
from ..problems import Problem, rel
from .book import Book
from .deid import deid_problems

FOLDER = "practice"
SCHEMA = "practice/note.schema.json"
RE_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
RE_PART = re.compile(r"^#\s+(ru|kk)\s*$")
RE_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
RE_COMMENT = re.compile(r"<!--.*?-->", re.S)
RE_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


@dataclass
class Note:
    file: str  # as authors see it: practice/<region>/<slug>.md
    region: str
    slug: str
    meta: dict
    # {lang: {section id: Markdown text}} for each language the note is written in
    sections: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.region}/{self.slug}"

    @property
    def languages(self) -> list[str]:
        return list(self.meta["languages"])

    def text_language(self, lang: str) -> str:
        """The language the note is shown in on the `lang` side of the site."""
        return lang if lang in self.languages else self.languages[0]

    def title(self, lang: str) -> str:
        return self.meta["title"][self.text_language(lang)]

    def lessons(self, lang: str) -> list[str]:
        """The transferable lessons (the bullets of the lessons section) in the language shown on `lang`."""
        text = self.sections[self.text_language(lang)]["lessons"]
        items: list[str] = []
        for line in text.split("\n"):
            bullet = re.match(r"^[-*]\s+(.*)$", line)
            if bullet:
                items.append(bullet.group(1).strip())
            elif items and line.startswith("  ") and line.strip():
                items[-1] += " " + line.strip()
        return items


def note_files(root: Path) -> list[Path]:
    folder = root / FOLDER
    return sorted(folder.glob("*/*.md")) if folder.is_dir() else []


def check_notes(root: Path, book: Book, registry: dict | None = None) -> tuple[list[Note], list[Problem]]:
    """Every note read and checked: (notes without problems, all problems).

    With the source `registry`, also the documents each note cites and the numbers («№ …») it mentions.
    """
    schema = json.loads((root / SCHEMA).read_text(encoding="utf-8"))
    notes, problems = [], []
    for path in note_files(root):
        note, found = read_note(path, rel(path, root), book, schema)
        if note is not None and registry is not None:
            found += _citation_problems(root, path, note, registry)
        problems += found
        if note is not None and not found:
            notes.append(note)
    return notes, problems


def read_note(path: Path, file: str, book: Book, schema: dict) -> tuple[Note | None, list[Problem]]:
    return parse_note(path.read_text(encoding="utf-8-sig"), file, book, schema)


def parse_note(text: str, file: str, book: Book, schema: dict) -> tuple[Note | None, list[Problem]]:
    lines = text.split("\n")
    end = _front_matter_end(lines)
    if end is None:
        return None, [Problem(file, 1, None, "practice-front-matter", "a case note must start with YAML front matter",
                              "start the file with a line '---', the fields (see practice/note.schema.json), and '---'; "
                              "`python -m kelisim practice new` writes one")]
    problems: list[Problem] = []
    meta = yamlio.load_text("\n".join([""] + lines[1:end]), problems, file)
    if meta is None or problems:
        return None, problems
    if not isinstance(meta, yamlio.Node):
        return None, [Problem(file, 2, None, "practice-front-matter", "the front matter is not a set of 'key: value' fields",
                              "write one field per line, e.g. 'region: turkistan'")]
    problems += yamlio.schema_problems(meta, schema, file)
    if problems:
        return None, problems
    parts = Path(file).parts
    region, slug = (parts[-2], Path(parts[-1]).stem) if len(parts) >= 2 else ("", Path(file).stem)
    problems += _meta_problems(meta, file, book, region, slug)
    sections, part_problems = _parts(lines, end + 1, file, book, meta)
    problems += part_problems
    problems += deid_problems(file, lines, end + 1, meta, book)  # a leak is reported whatever else is wrong
    note = Note(file, region, slug, meta, sections)
    return (note if not problems else None), problems


def _front_matter_end(lines: list[str]) -> int | None:
    """Index of the closing '---' line (0-based), None without front matter."""
    if not lines or lines[0].strip() != "---":
        return None
    return next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)


def _meta_problems(meta, file: str, book: Book, region: str, slug: str) -> list[Problem]:
    problems = []

    def closed(key, value, known, line, what):
        if value not in known:
            problems.append(Problem(file, line, value, "practice-unknown-id",
                                    f"{key}: '{value}' is not a {what} in course/practice.yml",
                                    f"use one of: {', '.join(known)}"))

    closed("region", meta["region"], book.regions, meta.line_of("region"), "region")
    closed("district_type", meta["district_type"], book.district_types, meta.line_of("district_type"), "district type")
    for key, known, what in (("themes", book.themes, "theme"), ("mechanisms", book.mechanisms, "mechanism")):
        for index, value in enumerate(meta[key]):
            closed(key, value, known, meta[key].line_of(index), what)
    if meta["reviewed_by"]:
        closed("reviewed_by", meta["reviewed_by"], book.reviewer_roles, meta.line_of("reviewed_by"), "reviewer role")
    if meta["region"] in book.regions and region != meta["region"]:
        problems.append(Problem(file, meta.line_of("region"), meta["region"], "practice-folder",
                                f"the note says region '{meta['region']}' but lies in practice/{region}/",
                                f"move it to practice/{meta['region']}/ or correct the region"))
    if not RE_SLUG.match(slug):
        problems.append(Problem(file, None, slug, "practice-file-name",
                                f"'{slug}.md' is not a lowercase ASCII name (it becomes the page's address)",
                                "rename the file, e.g. water-schedule.md"))
    if not meta["de_identified"] or not meta["reviewed_by"]:
        line = meta.line_of("de_identified" if not meta["de_identified"] else "reviewed_by")
        problems.append(Problem(file, line, None, "practice-not-reviewed",
                                "the note is not yet marked as de-identified by a reviewer",
                                "go through the checklist of the last section with a reviewer, then set "
                                "'de_identified: true' and 'reviewed_by: <role id>'"))
    titles = sorted(meta["title"])
    if titles != sorted(meta["languages"]):
        problems.append(Problem(file, meta.line_of("title"), None, "practice-languages",
                                f"title is given in {', '.join(titles)} but languages says {', '.join(meta['languages'])}",
                                "give a title in exactly the languages the note is written in"))
    return problems


def _parts(lines: list[str], start: int, file: str, book: Book, meta) -> tuple[dict, list[Problem]]:
    """{lang: {section id: text}} from the body, and problems with the parts and sections."""
    problems: list[Problem] = []
    parts: dict[str, list[tuple[int, str]]] = {}
    current = None
    fence = None
    for index in range(start, len(lines)):
        number, line = index + 1, lines[index]
        if fence:
            fence = None if line.strip().startswith(fence) else fence
        elif RE_FENCE.match(line):
            fence = RE_FENCE.match(line).group(1)
        part = RE_PART.match(line) if not fence else None
        if part:
            current = part.group(1)
            if current in parts:
                problems.append(Problem(file, number, current, "practice-languages",
                                        f"a second '# {current}' part", "keep one part per language"))
            parts[current] = []
        elif current is None:
            if line.strip() and not RE_COMMENT.fullmatch(line.strip()):
                problems.append(Problem(file, number, None, "practice-languages",
                                        "text before the first language part", "start the body with a line '# ru' or '# kk'"))
                break
        else:
            parts[current].append((number, line))
    if list(parts) != list(meta["languages"]):
        problems.append(Problem(file, meta.line_of("languages"), None, "practice-languages",
                                f"the body has parts {', '.join(parts) or '(none)'} but languages says "
                                f"{', '.join(meta['languages'])}",
                                "open each language's part with a line '# ru' or '# kk', in the order of 'languages'"))
        return {}, problems
    sections = {}
    for lang, body in parts.items():
        sections[lang], found = _sections(body, lang, file, book)
        problems += found
    return sections, problems


def _sections(body: list[tuple[int, str]], lang: str, file: str, book: Book) -> tuple[dict, list[Problem]]:
    problems: list[Problem] = []
    expected = [(s.id, s.text[lang]) for s in book.sections]
    fix = "use exactly these headings, in this order: " + " · ".join(f"'## {h}'" for _, h in expected)
    found: list[tuple[str, int, list[str]]] = []  # (heading, line, text lines)
    fence = None
    for number, line in body:
        if fence:
            fence = None if line.strip().startswith(fence) else fence
        elif RE_FENCE.match(line):
            fence = RE_FENCE.match(line).group(1)
        heading = RE_HEADING.match(line) if not fence else None
        if heading and len(heading.group(1)) == 2:
            found.append((heading.group(2), number, []))
        elif heading:
            problems.append(Problem(file, number, lang, "practice-sections",
                                    f"'{line.strip()}': a note has only the template's '##' sections", fix))
        elif found:
            found[-1][2].append(line)
        elif line.strip() and not RE_COMMENT.fullmatch(line.strip()):
            problems.append(Problem(file, number, lang, "practice-sections",
                                    "text before the first section", fix))
    headings = [h for h, _, _ in found]
    if headings != [h for _, h in expected]:
        wrong = next(((h, n) for (h, n, _), (_, want) in zip(found, expected) if h != want), None)
        line = wrong[1] if wrong else (found[-1][1] if found else body[0][0] if body else None)
        detail = f"'## {wrong[0]}' where the template has another section" if wrong else \
            f"{len(headings)} of {len(expected)} sections"
        problems.append(Problem(file, line, lang, "practice-sections", f"the {lang} part does not follow the template: {detail}", fix))
        return {}, problems
    sections = {}
    for (section_id, heading), (_, line, text) in zip(expected, found):
        content = RE_COMMENT.sub("", "\n".join(text)).strip()
        if not content:
            problems.append(Problem(file, line, section_id, "practice-section-empty",
                                    f"section '{heading}' is empty", "write it (the comment under the heading says what goes there)"))
        elif section_id == "lessons" and not re.search(r"^[-*]\s+\S", content, re.M):
            problems.append(Problem(file, line, section_id, "practice-lessons",
                                    "the lessons are not a list", "write each transferable lesson as a '- ' bullet"))
        sections[section_id] = content
    return sections, problems


def text_lines(root: Path, lang: str):
    """(path, line number, text) of every note's `lang` title and body, for the spelling check."""
    from .deid import _without_comments

    for path in note_files(root):
        lines = path.read_text(encoding="utf-8-sig").split("\n")
        end = _front_matter_end(lines)
        if end is None:
            continue
        meta = yamlio.load_text("\n".join([""] + lines[1:end]), [], rel(path, root))
        titles = meta.get("title") if isinstance(meta, yamlio.Node) else None
        if isinstance(titles, yamlio.Node) and isinstance(titles.get(lang), str):
            yield path, titles.line_of(lang), titles[lang]
        current, in_comment = None, False
        for index in range(end + 1, len(lines)):
            part = RE_PART.match(lines[index])
            if part:
                current = part.group(1)
                continue
            text, in_comment = _without_comments(lines[index], in_comment)
            if current == lang:
                yield path, index + 1, re.sub(r"^#+\s+", "", text)


def _citation_problems(root: Path, path: Path, note: Note, registry: dict) -> list[Problem]:
    """Cited ids in the registry; every «№ …» the note's text mentions registered, cited and given in full first."""
    from ..citations import paragraph_problems
    from ..style import note_paragraphs

    cited = note.meta.get("sources", [])
    problems = [Problem(note.file, cited.line_of(i), source_id, "unknown-source",
                        f"source '{source_id}' is not in course/sources.yml", "add it to the registry or fix the id")
                for i, source_id in enumerate(cited) if source_id not in registry]
    for lang in note.languages:
        paragraphs = [(text, line_of) for where, text, line_of in note_paragraphs(root, lang) if where == path]
        problems += paragraph_problems(note.file, paragraphs, lang, registry, set(cited))
    return problems
