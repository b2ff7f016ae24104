"""Search recall benchmark: the query sets in tests/search/ through the real search in Chromium.

For each language, every query is typed into the search box of the built site, and the first five
result pages are compared with the page the query must find (recall@5). The same site is searched
again with the search settings stock Material had before Kelisim's (lunr "ru", stop words only, no
lunr.kk / lunr.kelisim), so the figures show what the search files change.

Precision on exact-form queries: a page is relevant when its indexed text has the query word as
typed, as a whole word; precision = relevant pages among the first k results, k = min(5, relevant
pages). It tells whether pages with the exact form still come first.
"""

from __future__ import annotations

import functools
import html
import http.server
import json
import re
import shutil
import threading
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

import yaml

from . import ROOT

QUERIES = ROOT / "tests" / "search"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
#: What stock Material searched with before lunr.kk and lunr.kelisim (Material's own lunr.ru only).
STOCK_SETTINGS = {"lang": ["ru"], "pipeline": ["stopWordFilter"]}
TOP = 5
DEBUG = False


def load_queries(lang: str) -> list[dict]:
    return yaml.safe_load((QUERIES / f"queries-{lang}.yml").read_text(encoding="utf-8"))["queries"]


def index_file(site: Path, lang: str, default: str) -> Path:
    return (site if lang == default else site / lang) / "search" / "search_index.json"


def stock_copy(site: Path, target: Path, languages: list[str], default: str) -> Path:
    """The same site with its search settings set back to stock Material's."""
    shutil.copytree(site, target)
    for lang in languages:
        path = index_file(target, lang, default)
        index = json.loads(path.read_text(encoding="utf-8"))
        index["config"].update(STOCK_SETTINGS)
        data = json.dumps(index, ensure_ascii=False)
        path.write_text(data, encoding="utf-8")
        path.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")
    return target


def page_words(site: Path, lang: str, default: str) -> dict[str, set[str]]:
    """{page: lowercase words of its indexed text}, split as the search splits them."""
    index = json.loads(index_file(site, lang, default).read_text(encoding="utf-8"))
    separator = re.compile(index["config"]["separator"])
    words: dict[str, set[str]] = defaultdict(set)
    for doc in index["docs"]:
        text = html.unescape(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}")).lower()
        words[doc["location"].split("#")[0]].update(w.strip(".'’") for w in separator.split(text))
    return words


@contextmanager
def serve(site: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def search_pages(page, query: str, placeholder: str) -> list[str]:
    """Types `query` as a reader would; returns the result pages (paths from the language root), best first."""
    box = "input.md-search__input"
    page.fill(box, "")
    page.press(box, "End")
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent === t", arg=placeholder)
    page.fill(box, query)
    page.press(box, "End")  # Material searches on keyup
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent !== t", arg=placeholder)
    hrefs = page.eval_on_selector_all(".md-search-result__item", "items => items.map(li => li.querySelector('a').href)")
    return [href.split("#")[0].split("?")[0] for href in hrefs]


def run_queries(browser, root_url: str, queries: list[dict]) -> list[list[str]]:
    page = browser.new_page()
    page.goto(root_url + "index.html")
    page.click("input.md-search__input")
    placeholder = page.evaluate("JSON.parse(document.getElementById('__config').textContent)"
                                ".translations['search.result.placeholder']")
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent === t", arg=placeholder)
    found = [[url[len(root_url):] for url in search_pages(page, q["q"], placeholder)] for q in queries]
    page.close()
    return found


def figures(queries: list[dict], found: list[list[str]], words: dict[str, set[str]]) -> dict[str, tuple]:
    """{category (and 'all', 'precision'): (hits, total)}."""
    result: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for query, pages in zip(queries, found):
        hit = query["page"] in pages[:TOP]
        for key in (query["category"], "all"):
            result[key][0] += hit
            result[key][1] += 1
        if query["category"] == "exact":
            relevant = {p for p, ws in words.items() if query["q"].lower() in ws}
            k = min(TOP, len(relevant))
            result["precision"][0] += len(relevant & set(pages[:k]))
            result["precision"][1] += k
            if DEBUG:
                print("   exact", query["q"], sorted(relevant), pages[:k])
    return {key: tuple(value) for key, value in result.items()}


def percent(pair: tuple) -> str:
    hits, total = pair
    return f"{100 * hits / total:5.1f} % ({hits}/{total})" if total else "-"


def run(site: Path, course, work: Path, show_misses: bool = True) -> bool:
    """Prints recall@5 per language and category, Kelisim's search beside stock Material's.

    Returns whether every language reaches 95 % recall@5 and precision on exact queries did not drop.
    """
    from playwright.sync_api import sync_playwright

    languages, default = list(course.languages), course.default_language
    stock = stock_copy(site, work / "stock", languages, default)
    ok = True
    with sync_playwright() as p, serve(site) as ours_url, serve(stock) as stock_url:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang in languages:
            queries = load_queries(lang)
            prefix = "" if lang == default else f"{lang}/"
            ours = run_queries(browser, ours_url + prefix, queries)
            theirs = run_queries(browser, stock_url + prefix, queries)
            words = page_words(site, lang, default)
            ours_figures, stock_figures = figures(queries, ours, words), figures(queries, theirs, words)
            print(f"search recall@{TOP}, {lang} ({len(queries)} queries)   Kelisim              stock Material")
            categories = sorted({q["category"] for q in queries}) + ["all"]
            for key in categories:
                print(f"  {key:<30} {percent(ours_figures[key]):<20} {percent(stock_figures[key])}")
            print(f"  {'precision, exact forms':<30} {percent(ours_figures['precision']):<20} "
                  f"{percent(stock_figures['precision'])}")
            recall = ours_figures["all"][0] / ours_figures["all"][1]
            precision_ok = (ours_figures["precision"][0] / ours_figures["precision"][1]
                            >= stock_figures["precision"][0] / stock_figures["precision"][1])
            ok = ok and recall >= 0.95 and precision_ok
            if show_misses:
                for query, pages in zip(queries, ours):
                    if query["page"] not in pages[:TOP]:
                        print(f"    missed: {query['q']!r} ({query['category']}) wants {query['page']}, "
                              f"got {pages[:TOP] or 'nothing'}")
        browser.close()
    return ok
