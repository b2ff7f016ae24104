from kelisim.pages import parse_page

PAGE = """---
module: m1
slides: true
---

# Title { #top }

## Раздел { #part-one }

```
/// not-a-block
## not a heading
```

//// case | Клуб
    id: m1-club

Scenario ![схема](../img/a.svg).

/// questions
1. Why?
///
////

## No anchor here

/// trainer-note
"""


def test_structure_with_lines():
    page = parse_page(PAGE)
    assert page.meta == {"module": "m1", "slides": True}
    assert [(h.level, h.anchor, h.line) for h in page.headings] == [
        (1, "top", 6), (2, "part-one", 8), (2, None, 25)]
    assert page.anchors == ["top", "part-one"]
    case = page.blocks[0]
    assert (case.name, case.argument, case.options, case.line) == ("case", "Клуб", {"id": "m1-club"}, 15)
    assert [child.name for child in case.children] == ["questions"]
    assert case.children[0].parent is case
    assert page.images == [("../img/a.svg", 18)]


def test_code_fences_hide_blocks_and_headings():
    page = parse_page(PAGE)
    assert "not-a-block" not in [b.name for b in page.walk_blocks()]
    assert not set(page.text_lines) & {1, 2, 3, 4, 10, 11, 12, 13}  # front matter and the fenced lines
    assert {6, 8, 18} <= set(page.text_lines)


def test_unclosed_block_is_reported():
    page = parse_page(PAGE)
    assert [(b.name, b.line) for b in page.unclosed] == [("trainer-note", 27)]
