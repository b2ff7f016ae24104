"""Printing built pages to PDF with Chromium (Playwright's `page.pdf`), byte for byte reproducibly.

`python -m kelisim handbook` prints, from a built site opened as files (no server; links are relative):

- `dist/handbook/kelisim-<lang>.pdf` and `kelisim-<lang>-trainer.pdf` from `<lang>/handbook/*.html`
  (kelisim.handbook): A4, tagged, with an outline (bookmarks) from the headings and page numbers
  in the footer;
- `dist/decks/<lang>/<module-slug>.pdf` from each deck's `?print-pdf` view (reveal.js, one slide a page).

Chromium writes the time of printing into the PDF (CreationDate, ModDate). They are replaced by
the date of the commit being printed, same length, so the cross-reference offsets stay right and
two prints of one commit are the same file. A tagged PDF also names structure elements after
Chromium's DOM node counter (`(node00000295)`), which depends on what the browser did before; they
are renumbered 1, 2, 3… in their order, same length again.

Chromium builds the outline's titles from the laid-out text and loses the space where a heading
wraps ("тіл және / азаматтық" becomes "тіл жәнеазаматтық"); `fix_outline` puts back each heading's
own text and moves the cross-reference offsets by what that adds.

Nothing may be fetched from another origin: a request that is not a local file stops the print.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout, sync_playwright

from .handbook import EDITIONS, handbook_path
from .site import language_dir
from .slides import deck_modules, deck_path

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--allow-file-access-from-files", "--font-render-hinting=none"]
#: PDF dates as Chromium (Skia) writes them: D:YYYYMMDDHHmmSS+HH'mm'.
RE_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}(?:[+-]\d\d'\d\d'|Z)?\)")
#: A structure element's id in a tagged PDF (Skia: "node" and the DOM node's id, eight digits).
RE_NODE_ID = re.compile(rb"\(node(\d{8})\)")
#: The page number, centred in the bottom margin (Chromium fills the two spans).
FOOTER = ('<div style="width:100%;text-align:center;font-size:8pt;color:#555;'
          'font-family:\'DejaVu Sans\',sans-serif"><span class="pageNumber"></span> / '
          '<span class="totalPages"></span></div>')
MARGIN = {"top": "18mm", "bottom": "20mm", "left": "17mm", "right": "17mm"}
TIMEOUT = 120_000  # ms: the Kazakh trainer edition is about 130 pages
#: reveal.js's print view is ready when every slide sits in a page of its own.
LAYOUT_STATE = "[document.querySelectorAll('section.kl-slide').length, document.querySelectorAll('.pdf-page').length]"
LAID_OUT = f"(([slides, pages]) => slides > 0 && slides === pages)({LAYOUT_STATE})"
LAYOUT_TIMEOUT, LAYOUT_ATTEMPTS = 30_000, 3
CONTENTS_ATTEMPTS = 4  # prints until the contents' page numbers stay put (two, in practice)
FILL_PAGE_NUMBERS = """numbers => document.querySelectorAll('[data-kl-page-of]').forEach(place => {
  place.textContent = numbers[place.dataset.klPageOf] || '';
})"""


class PrintError(Exception):
    """A page could not be printed as it must (something fetched from outside, a deck not laid out)."""


def source_date(root: Path) -> dt.datetime:
    """What the PDFs say they were made: SOURCE_DATE_EPOCH if set, else the date of the checkout's commit."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), dt.timezone.utc)
    try:
        stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True,
                               check=True).stdout.strip()
        return dt.datetime.fromtimestamp(int(stamp), dt.timezone.utc)
    except (OSError, subprocess.CalledProcessError, ValueError):
        raise PrintError(f"{root} is not a git checkout: set SOURCE_DATE_EPOCH (seconds since 1970) to the date "
                         "the PDFs should carry") from None


def fix_dates(pdf: bytes, when: dt.datetime) -> bytes:
    """The PDF with its creation and modification dates set to `when` (UTC), each the same length."""
    def stamp(match):
        old = match.group(0)
        new = b"/" + match.group(1) + when.astimezone(dt.timezone.utc).strftime(" (D:%Y%m%d%H%M%S").encode()
        new += b"+00'00')" if b"'" in old else b"Z)" if b"Z)" in old else b")"
        if len(new) != len(old):  # a different length would break the cross-reference table's offsets
            raise PrintError(f"unexpected PDF date {old!r}. Fix: make RE_PDF_DATE in scripts/kelisim/printing.py "
                             "match the format this Chromium writes")
        return new
    return RE_PDF_DATE.sub(stamp, pdf)


def renumber_nodes(pdf: bytes) -> bytes:
    """Structure element ids numbered from 1 in the order of the old numbers (the IDTree stays sorted)."""
    numbers = {old: f"{new:08d}".encode() for new, old in enumerate(sorted(set(RE_NODE_ID.findall(pdf))), 1)}
    return RE_NODE_ID.sub(lambda match: b"(node" + numbers[match.group(1)] + b")", pdf)


RE_OUTLINE_TITLE = re.compile(rb"/Title <FEFF((?:[0-9A-F]{4})*)>")
RE_XREF = re.compile(rb"xref\n0 (\d+)\n")
RE_STARTXREF = re.compile(rb"startxref\n(\d+)\n%%EOF\s*$")
XREF_ENTRY = 20  # bytes: "0000012345 00000 n \n"
HEADINGS = "[...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => h.textContent.replace(/\\s+/g, ' ').trim())"


def fix_outline(pdf: bytes, headings: list[str]) -> bytes:
    """Outline titles that are a heading without some of its spaces become that heading's text."""
    by_letters = {re.sub(r"\s", "", heading): heading for heading in headings}
    edits = []
    for match in RE_OUTLINE_TITLE.finditer(pdf):
        title = bytes.fromhex(match.group(1).decode()).decode("utf-16-be")
        heading = by_letters.get(re.sub(r"\s", "", title))
        if heading and heading != title:
            edits.append((match.start(1), match.end(1), heading.encode("utf-16-be").hex().upper().encode()))
    return replace_in_pdf(pdf, edits) if edits else pdf


def replace_in_pdf(pdf: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """`pdf` with (start, end, new bytes) edits inside its objects, its cross-reference table moved to match.

    Only for the single classic xref table Chromium writes (no object streams, no incremental updates).
    """
    xref_at = int(RE_STARTXREF.search(pdf).group(1))
    table = RE_XREF.match(pdf, xref_at)
    if not table or any(end > xref_at for _, end, _ in edits):
        raise PrintError("the PDF's cross-reference table is not the single classic table Chromium wrote so far, so "
                         "its outline cannot be fixed. Fix: adapt replace_in_pdf in scripts/kelisim/printing.py")

    def moved(offset: int) -> int:
        return offset + sum(len(new) - (end - start) for start, end, new in edits if start < offset)

    out, at = [], 0
    for start, end, new in sorted(edits):
        out += [pdf[at:start], new]
        at = end
    out.append(pdf[at:xref_at])
    entries = table.end()
    rows = []
    for index in range(int(table.group(1))):
        row = pdf[entries + index * XREF_ENTRY:entries + (index + 1) * XREF_ENTRY]
        rows.append(b"%010d" % moved(int(row[:10])) + row[10:] if row[17:18] == b"n" else row)
    rest = pdf[entries + len(rows) * XREF_ENTRY:]
    rest = RE_STARTXREF.sub(lambda _: b"startxref\n%d\n%%%%EOF\n" % moved(xref_at), rest)
    return b"".join(out) + pdf[xref_at:entries] + b"".join(rows) + rest


def reproducible(pdf: bytes, when: dt.datetime) -> bytes:
    """What Chromium printed, without what differs between two prints of the same page."""
    return renumber_nodes(fix_dates(pdf, when))


@contextlib.contextmanager
def chromium():
    """Debian's Chromium under Playwright (never `playwright install`), as the tests launch it."""
    if not Path(CHROMIUM).exists():
        raise PrintError("Chromium is missing: sudo apt-get install chromium (make test installs it as root)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Printer:
    """Prints local files with one browser; every request must stay on the local disc."""

    browser: object
    when: dt.datetime

    @contextlib.contextmanager
    def page(self, html_file: Path, query: str = ""):
        if not html_file.is_file():
            raise PrintError(f"{html_file} not found. Fix: build the site (`python -m kelisim handbook` without "
                             "--no-build builds it) or name a built site with --site-dir")
        url = html_file.as_uri() + query
        context = self.browser.new_context(locale="ru-RU")
        outside: list[str] = []

        def route(route):
            if route.request.url.startswith(("file:", "data:", "blob:", "about:")):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT)
        try:
            page.goto(url, wait_until="load")
            yield page
            if outside:
                raise PrintError(f"{url} asked for {', '.join(sorted(set(outside)))}: the print must use local "
                                 "files only. Fix: vendor the file (scripts/kelisim/vendor.py) or drop the reference")
        finally:
            context.close()

    @staticmethod
    def print(page, **options) -> bytes:
        return page.pdf(tagged=True, outline=True, print_background=True, **options)

    def save(self, page, target: Path, pdf: bytes | None = None, **options) -> Path:
        """`pdf` (else the page printed now) made reproducible, with its outline titles whole, written to `target`."""
        headings = page.evaluate(HEADINGS)
        pdf = pdf or self.print(page, **options)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(fix_outline(reproducible(pdf, self.when), headings))
        return target

    def document(self, html_file: Path, target: Path) -> Path:
        """A document page (the handbook): A4, page numbers in the footer and in its contents.

        Where each part starts is known only after printing: the first print's named destinations
        (the ids the contents link to) give the numbers, the next print shows them; again until
        they stay put (a longer number could move a line).
        """
        options = dict(format="A4", margin=MARGIN, display_header_footer=True, header_template="<span></span>",
                       footer_template=FOOTER)
        with self.page(html_file) as page:
            page.evaluate("document.fonts.ready")
            pdf, shown = None, {}
            for _ in range(CONTENTS_ATTEMPTS if page.locator("[data-kl-page-of]").count() else 0):
                pdf = self.print(page, **options)
                numbers = destination_pages(pdf)
                if numbers == shown:
                    break
                page.evaluate(FILL_PAGE_NUMBERS, numbers)
                pdf, shown = None, numbers
            return self.save(page, target, pdf, **options)

    def deck(self, html_file: Path, target: Path) -> Path:
        """A reveal.js deck, one slide a page, as its own print view lays it out."""
        with self.page(html_file, "?print-pdf") as page:
            for attempt in range(LAYOUT_ATTEMPTS):
                try:
                    page.wait_for_function(LAID_OUT, timeout=LAYOUT_TIMEOUT)
                    break
                except PlaywrightTimeout:
                    # Rarely, on a busy machine, reveal's print layout never finishes; a reload does.
                    if attempt == LAYOUT_ATTEMPTS - 1:
                        raise PrintError(f"{html_file}: reveal.js did not lay out its print view "
                                         f"(slides, pages: {page.evaluate(LAYOUT_STATE)}). Fix: print again; if it "
                                         "persists, open the deck with ?print-pdf in Chromium and look at its console") from None
                    page.reload(wait_until="load")
            page.evaluate("document.fonts.ready")
            return self.save(page, target, prefer_css_page_size=True)


RE_CATALOG = re.compile(rb"/Type /Catalog\n/Pages (\d+) 0 R\n/Dests (\d+) 0 R")
RE_PAGES_NODE = re.compile(rb"(\d+) 0 obj\n<</Type /Pages\n/Count \d+\n/Kids \[([^\]]*)\]")
RE_DESTINATION = re.compile(rb"/((?:[^\s/\[\]()<>{}%#]|#[0-9A-Fa-f]{2})+) \[(\d+) 0 R /XYZ")


def destination_pages(pdf: bytes) -> dict[str, int]:
    """Each named destination (an element id that a link in the page points at) and its page number."""
    catalog = RE_CATALOG.search(pdf)
    if not catalog:
        return {}
    kids = {int(node): [int(kid) for kid in re.findall(rb"(\d+) 0 R", body)] for node, body in RE_PAGES_NODE.findall(pdf)}
    pages: list[int] = []

    def walk(node: int) -> None:
        for kid in kids.get(node, ()):
            walk(kid) if kid in kids else pages.append(kid)

    walk(int(catalog.group(1)))
    number = {page: index for index, page in enumerate(pages, 1)}
    start = pdf.index(b"%d 0 obj\n<<" % int(catalog.group(2)))
    dests = pdf[start:pdf.index(b">>\nendobj", start)]
    return {re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes.fromhex(m.group(1).decode()), name).decode(): number[int(page)]
            for name, page in RE_DESTINATION.findall(dests) if int(page) in number}


def page_count(pdf: Path) -> int:
    """Pages in a PDF Chromium wrote (one page object each; no poppler needed)."""
    return len(re.findall(rb"/Type /Page\b(?!s)", pdf.read_bytes()))


def handbook_pdf(out: Path, lang: str, edition: str) -> Path:
    return out / "handbook" / f"kelisim-{lang}{'' if edition == 'learner' else '-' + edition}.pdf"


def deck_pdf(out: Path, lang: str, slug: str) -> Path:
    return out / "decks" / lang / f"{slug}.pdf"


def print_all(site_dir: Path, out: Path, course, pages, when: dt.datetime, report=print) -> list[Path]:
    """Both handbook editions in every language, and every deck; `report` hears of each file written."""
    written = []
    with chromium() as browser:
        printer = Printer(browser, when)
        for lang in course.languages:
            folder = language_dir(site_dir, course, lang)
            for edition in EDITIONS:
                written.append(printer.document(folder / handbook_path(edition), handbook_pdf(out, lang, edition)))
                report(written[-1])
            for module in deck_modules(course, pages):
                written.append(printer.deck(folder / deck_path(module.slug), deck_pdf(out, lang, module.slug)))
                report(written[-1])
    return written
