"""Exercise cards printed from the built site: no site navigation on paper, no card cut across sheets."""

import subprocess

import pytest

pytestmark = pytest.mark.browser

PAGES = ["materials/road-incident.html", "kk/materials/road-incident.html"]
NAVIGATION = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", "h1"]


def test_module_page_links_to_the_printable_cards(built_site):
    for prefix in ("", "kk/"):
        html = (built_site / prefix / "modules/conflict-prevention.html").read_text(encoding="utf-8")
        assert 'href="../materials/road-incident.html"' in html


@pytest.mark.parametrize("path", PAGES)
def test_printed_cards_show_no_navigation_and_none_is_cut(visit, server, tmp_path, path):
    page = visit.page
    page.goto(server.base + path)
    page.wait_for_load_state("networkidle")
    cards = page.locator(".kl-card")
    assert cards.count() == 1 + 10 + 11  # cover, role cards, inject cards
    assert page.locator(".md-header").is_visible()  # on screen the site looks as usual

    page.emulate_media(media="print")
    for selector in NAVIGATION:
        shown = [el.is_visible() for el in page.locator(selector).all()]
        assert not any(shown), f"{path}: '{selector}' is visible in print"
    assert page.locator(".kl-sheet--control").is_visible() and page.locator(".kl-sheet--checklist").is_visible()

    # Every card keeps its text inside its box and is a whole A5 half of an A4 sheet (277 mm printable).
    boxes = page.evaluate("""() => [...document.querySelectorAll('.kl-card')].map(card => ({
        overflow: card.scrollHeight - card.clientHeight,
        height: card.getBoundingClientRect().height,
        breakInside: getComputedStyle(card).breakInside}))""")
    mm = 96 / 25.4
    for box in boxes:
        assert box["overflow"] <= 1, f"{path}: a card's text does not fit its card"
        assert box["breakInside"] == "avoid" and box["height"] * 2 < 277 * mm

    # On paper: each card's title and the end of its text land on the same sheet.
    pdf = tmp_path / "cards.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    sheets = [" ".join(sheet.split()) for sheet in text.split("\f")]
    cards_text = page.evaluate("""() => [...document.querySelectorAll('.kl-card')].map(card => [
        card.querySelector('.kl-card__title').innerText.trim(),
        card.querySelector('.kl-card__title').nextElementSibling.innerText.trim().split(/\\s+/).pop()])""")
    sheet = 0
    for title, last_word in cards_text:
        while sheet < len(sheets) and title not in sheets[sheet]:
            sheet += 1
        assert sheet < len(sheets), f"{path}: card '{title}' is not in the PDF"
        start = sheets[sheet].index(title)
        assert last_word in sheets[sheet][start:], f"{path}: card '{title}' runs onto the next sheet"
    assert len(sheets) - 1 <= 1 + 5 + 6 + 4, f"{path}: {len(sheets) - 1} sheets: cards are not two to a sheet"
