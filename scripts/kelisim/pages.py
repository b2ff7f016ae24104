"""Read a course page's structure (front matter, anchored headings, blocks, images) with line numbers.

This is what the parity check, the block rules and the slide builder look at. It reads
Markdown as text, skipping fenced code, so it can point authors at exact lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

RE_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
RE_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
RE_ANCHOR = re.compile(r"\{\s*#([A-Za-z0-9_-]+)\s*\}\s*$")
RE_BLOCK_START = re.compile(r"^(/{3,})\s*([A-Za-z][\w-]*)\s*(?:\|\s*(.*?))?\s*$")
RE_BLOCK_END = re.compile(r"^(/{3,})\s*$")
RE_OPTION = re.compile(r"^ {4}([A-Za-z_][\w-]*):\s*(.*?)\s*$")
RE_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)>?")


@dataclass
class Heading:
    level: int
    text: str
    anchor: str | None
    line: int


@dataclass
class Block:
    name: str
    argument: str | None
    options: dict[str, str]
    line: int
    fence: int
    parent: "Block | None" = None
    section: str | None = None  # anchor of the `##` section it is in (None: before the first)
    children: list["Block"] = field(default_factory=list)
    body: list[str] = field(default_factory=list)  # its own lines after the options (not nested blocks')

    @property
    def content(self) -> str:
        """The block's own text, stripped: empty when it has none."""
        return "\n".join(self.body).strip()


@dataclass
class Page:
    path: Path
    meta: dict
    headings: list[Heading]
    blocks: list[Block]
    images: list[tuple[str, int]]
    unclosed: list[Block]
    lines: list[str]
    text_lines: list[int] = field(default_factory=list)  # body lines outside code fences

    @property
    def anchors(self) -> list[str]:
        return [h.anchor for h in self.headings if h.anchor]

    def meta_line(self, key: str) -> int:
        """The line of a front-matter key, for problems about it (1 if the key is not there)."""
        if self.lines and self.lines[0].strip() == "---":
            for number, line in enumerate(self.lines[1:], start=2):
                if line.strip() in ("---", "..."):
                    break
                if line.startswith(f"{key}:"):
                    return number
        return 1

    def walk_blocks(self):
        stack = list(reversed(self.blocks))
        while stack:
            block = stack.pop()
            yield block
            stack.extend(reversed(block.children))


def blocks_named(pages: dict[str, dict[str, "Page"]], name: str):
    """(page, block) for every `/// name` block on every page of every language."""
    for lang_pages in pages.values():
        for page in lang_pages.values():
            for block in page.walk_blocks():
                if block.name == name:
                    yield page, block


def split_front_matter(text: str) -> tuple[dict, int]:
    """Front matter as a dict, and the number of lines it takes (0 if none)."""
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for end in range(1, len(lines)):
            if lines[end].strip() in ("---", "..."):
                meta = yaml.safe_load("\n".join(lines[1:end])) or {}
                return (meta if isinstance(meta, dict) else {}), end + 1
    return {}, 0


def read_page(path: Path) -> Page:
    return parse_page(path.read_text(encoding="utf-8"), path)


def parse_page(text: str, path: Path = Path("<text>")) -> Page:
    meta, body_start = split_front_matter(text)
    lines = text.split("\n")
    headings: list[Heading] = []
    top: list[Block] = []
    images: list[tuple[str, int]] = []
    stack: list[Block] = []
    fence: str | None = None
    text_lines: list[int] = []
    reading_options = False

    for number, line in enumerate(lines, start=1):
        if number <= body_start:
            continue
        if fence:
            if line.strip().startswith(fence):
                fence = None
            continue
        opened = RE_FENCE.match(line)
        if opened:
            fence = opened.group(1)
            continue
        text_lines.append(number)
        if reading_options:
            option = RE_OPTION.match(line)
            if option:
                stack[-1].options[option.group(1)] = option.group(2).strip("\"'")
                continue
            reading_options = False
        end = RE_BLOCK_END.match(line)
        if end and stack and len(end.group(1)) == stack[-1].fence:
            stack.pop()
            continue
        start = RE_BLOCK_START.match(line)
        if start:
            section = next((h.anchor for h in reversed(headings) if h.level == 2), None)
            block = Block(start.group(2), start.group(3) or None, {}, number, len(start.group(1)),
                          parent=stack[-1] if stack else None, section=section)
            (stack[-1].children if stack else top).append(block)
            stack.append(block)
            reading_options = True
            continue
        if stack:
            stack[-1].body.append(line)

        heading = RE_HEADING.match(line)
        if heading:
            raw = heading.group(2)
            anchor = RE_ANCHOR.search(raw)
            text_only = RE_ANCHOR.sub("", raw).strip()
            headings.append(Heading(len(heading.group(1)), text_only, anchor.group(1) if anchor else None, number))
        for image in RE_IMAGE.finditer(line):
            images.append((image.group(1), number))

    return Page(path, meta, headings, top, images, stack, lines, text_lines)
