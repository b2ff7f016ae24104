"""The quiz and the trainers' answer key as HTML, in one page's language.

Called by the `quiz` and `answer-key` blocks (kelisim.blocks) with the page context
(lang, path, course, pages, link). The quiz is complete without JavaScript (questions,
hints, a <noscript> note); quiz.js adds checking, feedback and saved progress. Bank texts
are plain text: AtomicString keeps Markdown and glossary tooltips out of them.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree

from markdown.util import AtomicString

from .. import blocks
from ..i18n import for_script, t
from ..site import to_site_root
from .bank import Bank, Question
from .pages import page_title

ASSETS = "assets/kelisim/"
#: Strings quiz.js needs at run time; they live in i18n.py and travel as data-kl-strings.
SCRIPT_STRINGS = ("quiz.correct", "quiz.wrong", "quiz.partial", "quiz.points", "quiz.summary", "quiz.summary.empty",
                  "quiz.choose", "quiz.match.all", "quiz.moved", "quiz.reset.done", "quiz.mark.right",
                  "quiz.mark.wrong", "quiz.top", "quiz.bottom")


def _el(parent, tag: str, text: str | None = None, **attrs) -> etree.Element:
    """blocks.child with the text kept out of Markdown and glossary tooltips (bank texts are plain text)."""
    return blocks.child(parent, tag, None if text is None else AtomicString(text), **attrs)


def _tail(element, text: str) -> None:
    element.tail = AtomicString(text)


def asset(ctx, name: str) -> str:
    """Path from the page to one of our theme assets."""
    return to_site_root(ctx.course, ctx.lang, ctx.path) + ASSETS + name


def section_title(ctx, section: str) -> str:
    """The heading a question's section points at, in the page's language (for the link text)."""
    page_path, _, anchor = section.partition("#")
    page = ctx.pages[ctx.lang][page_path]
    for heading in page.headings:
        if heading.anchor == anchor:
            return heading.text
    for block in page.walk_blocks():
        if block.name == "case" and f"case-{block.options.get('id')}" == anchor:
            return block.argument or anchor
    return section


def display_order(bank: Bank) -> list[tuple[object, list[Question]]]:
    """Questions in bank order, with each scenario's questions kept together under it."""
    groups, placed = [], set()
    for question in bank.questions:
        if question.scenario is None:
            groups.append((None, [question]))
        elif question.scenario not in placed:
            placed.add(question.scenario)
            groups.append((bank.scenario(question.scenario), [q for q in bank.questions if q.scenario == question.scenario]))
    return groups


def scrambled(items: list, correct_keys: list[str]) -> list:
    """A fixed order that is not the answer: sorted by key, reversed if that happens to be correct."""
    order = sorted(items, key=lambda item: item.key)
    return order[::-1] if [item.key for item in order] == correct_keys else order


# ---------- the quiz --------------------------------------------------------------------

def quiz(parent, bank: Bank, ctx) -> etree.Element:
    lang, course = ctx.lang, ctx.course
    own_page = ctx.path == bank.quiz_page
    _el(parent, "h1" if own_page else "h2", page_title(bank, lang), id=f"quiz-{bank.id}")
    strings = for_script(lang, SCRIPT_STRINGS, "quiz.")
    section = _el(parent, "section", class_="kl-quiz", data_kl_block="quiz", data_kl_quiz=bank.id,
                  data_kl_course=course.id, data_kl_strings=json.dumps(strings, ensure_ascii=False))
    _el(section, "link", rel="stylesheet", href=asset(ctx, "quiz.css"))
    lead = _el(section, "p", class_="kl-quiz__lead")
    if bank.module:
        link = _el(lead, "a", bank.module.title[lang], href=ctx.link(bank.module.page))
        lead.text = AtomicString(t(lang, "module", n=bank.module.number) + ". ")
        _tail(link, ". " + t(lang, "quiz.lead", n=len(bank.questions)))
    else:
        lead.text = AtomicString(t(lang, "quiz.lead", n=len(bank.questions)))
    noscript = _el(section, "noscript")
    _el(noscript, "p", t(lang, "quiz.noscript"), class_="kl-quiz__noscript")
    number, total = 0, len(bank.questions)
    for scenario, questions in display_order(bank):
        holder = section
        if scenario is not None:
            holder = _el(section, "div", class_="kl-quiz__scenario", id=f"scenario-{scenario.id}")
            _el(holder, "h2", f"{t(lang, 'case')}: {scenario.title[lang]}")
            _el(holder, "p", t(lang, "case.composite"), class_="kl-case__label")
            _el(holder, "p", scenario.text[lang], class_="kl-quiz__scenario-text")
        for question in questions:
            number += 1
            _question(holder, question, bank.stored_id(question), number, total, ctx)
    footer = _el(section, "div", class_="kl-quiz__footer")
    _el(footer, "p", class_="kl-quiz__summary", role="status")
    _el(footer, "button", t(lang, "quiz.reset"), type="button", class_="md-button kl-quiz__reset", hidden="hidden")
    # progress.js (the answers store) is on every page: overrides/main.html.
    _el(section, "script", "", src=asset(ctx, "quiz.js"), defer="defer")
    return section


def _question(parent, q: Question, ident: str, number: int, total: int, ctx) -> None:
    """One question's form; `ident` is the id its answer is stored under (Bank.stored_id)."""
    lang = ctx.lang
    form = _el(parent, "form", class_="kl-quiz__q", id=f"q-{ident}", data_kl_q=ident, data_kl_type=q.type,
               data_kl_answer=json.dumps(q.correct), novalidate="novalidate")
    if q.shuffle:
        form.set("data-kl-shuffle", "true")
    fieldset = _el(form, "fieldset")
    legend = _el(fieldset, "legend")
    counter = _el(legend, "span", t(lang, "quiz.number", n=number, total=total), class_="kl-quiz__num")
    _tail(counter, " ")  # read as two phrases, not run together
    _el(legend, "span", q.text[lang], class_="kl-quiz__text")
    name = f"q-{ident}"
    if q.type in ("single", "multiple", "true-false"):
        box = _el(fieldset, "div", class_="kl-quiz__choices")
        if q.type == "true-false":
            choices = [("true", t(lang, "quiz.true")), ("false", t(lang, "quiz.false"))]
        else:
            choices = [(o.key, o.text[lang]) for o in q.options]
        kind = "checkbox" if q.type == "multiple" else "radio"
        for key, text in choices:
            row = _el(box, "div", class_="kl-quiz__choice", data_kl_key=key)
            _el(row, "input", type=kind, name=name, id=f"{name}-{key}", value=key)
            _el(row, "label", text, for_=f"{name}-{key}")
            _el(row, "span", "", class_="kl-quiz__mark")
    elif q.type == "matching":
        box = _el(fieldset, "div", class_="kl-quiz__pairs")
        rights = sorted((p.right for p in q.pairs), key=lambda c: c.text[lang].lower())
        for pair in q.pairs:
            row = _el(box, "div", class_="kl-quiz__pair", data_kl_key=pair.left.key)
            select_id = f"{name}-{pair.left.key}"
            _el(row, "label", pair.left.text[lang], for_=select_id)
            select = _el(row, "select", id=select_id, name=select_id)
            _el(select, "option", t(lang, "quiz.match.choose"), value="")
            for right in rights:
                _el(select, "option", right.text[lang], value=right.key)
            _el(row, "span", "", class_="kl-quiz__mark")
    else:
        _el(fieldset, "p", t(lang, "quiz.order.help"), class_="kl-quiz__help")
        box = _el(fieldset, "ol", class_="kl-quiz__order")
        for item in scrambled(list(q.items), q.correct):
            row = _el(box, "li", class_="kl-quiz__item", data_kl_key=item.key)
            _el(row, "span", item.text[lang], class_="kl-quiz__item-text")
            for move, label in ((-1, "quiz.up"), (1, "quiz.down")):
                _el(row, "button", "↑" if move < 0 else "↓", type="button", class_="kl-quiz__move",
                    data_kl_move=str(move), aria_label=t(lang, label, item=item.text[lang]))
            _el(row, "span", "", class_="kl-quiz__mark")
    if q.hint:
        hint = _el(form, "details", class_="kl-quiz__hint")
        _el(hint, "summary", t(lang, "quiz.hint"))
        _el(hint, "p", q.hint[lang])
    actions = _el(form, "div", class_="kl-quiz__actions", hidden="hidden")
    _el(actions, "button", t(lang, "quiz.check"), type="submit", class_="md-button md-button--primary")
    _el(actions, "button", t(lang, "quiz.retry"), type="button", class_="md-button kl-quiz__retry", hidden="hidden")
    _el(form, "div", class_="kl-quiz__result", aria_live="polite")
    feedback = _el(form, "div", class_="kl-quiz__feedback", hidden="hidden")
    for option in q.options:
        if option.feedback:
            _el(feedback, "p", option.feedback[lang], data_kl_fb=option.key)
    if q.wrong_feedback:
        _el(feedback, "p", q.wrong_feedback[lang], data_kl_fb=json.dumps(not q.answer))
    explanation = _el(form, "div", class_="kl-quiz__explanation", hidden="hidden")
    _el(explanation, "p", q.explanation[lang])
    back = _el(explanation, "p")
    _el(back, "a", f"{t(lang, 'quiz.section')}: {section_title(ctx, q.section)}", href=ctx.link(q.section))


# ---------- the answer key ------------------------------------------------------------------

def answer_key(parent, banks: list[Bank], ctx) -> etree.Element:
    lang, course = ctx.lang, ctx.course
    _el(parent, "h1", t(lang, "key.title"), id="answer-key")
    section = _el(parent, "section", class_="kl-key", data_kl_block="answer-key")
    _el(section, "link", rel="stylesheet", href=asset(ctx, "quiz.css"))
    _el(section, "p", t(lang, "key.lead"), class_="kl-key__lead")
    outcomes = course.outcomes_by_id
    for bank in banks:
        outcomes.update({o.id: o for o in bank.own_outcomes})
    for bank in banks:
        part = _el(section, "section", class_="kl-key__bank", id=f"key-{bank.id}")
        heading = _el(part, "h2")
        if bank.module:
            heading.text = AtomicString(f"{t(lang, 'module', n=bank.module.number)}. ")
        link = _el(heading, "a", bank.module.title[lang] if bank.module else bank.title[lang],
                   href=ctx.link(bank.quiz_page))
        link.set("class", "kl-key__quiz")
        for scenario in bank.scenarios:
            box = _el(part, "div", class_="kl-key__scenario", id=f"key-scenario-{scenario.id}")
            _el(box, "p", f"{t(lang, 'case')}: {scenario.title[lang]}", class_="kl-key__scenario-title")
            _el(box, "p", t(lang, "case.composite"), class_="kl-case__label")
            _el(box, "p", scenario.text[lang])
        order = [o.id for o in bank.outcomes]
        order += [o for q in bank.questions for o in q.outcomes[:1] if o not in order]
        for outcome_id in order:
            questions = [q for q in bank.questions if q.outcomes[0] == outcome_id]
            if not questions:
                continue
            _el(part, "h3", f"{t(lang, 'key.outcome')}: {outcomes[outcome_id].text[lang]}",
                id=f"key-outcome-{outcome_id}")
            for q in questions:
                _key_question(part, q, bank, outcomes, ctx)
    return section


def _key_question(parent, q: Question, bank: Bank, outcomes, ctx) -> None:
    lang = ctx.lang
    box = _el(parent, "article", class_="kl-key__q", id=f"key-{q.id}")
    head = _el(box, "p", class_="kl-key__head")
    _el(head, "code", q.id)
    details = f" · {t(lang, 'key.type.' + q.type)}"
    if q.scenario:
        details += f" · {t(lang, 'case')}: {bank.scenario(q.scenario).title[lang]}"
    _tail(head[0], details)
    _el(box, "p", q.text[lang], class_="kl-key__text")
    if len(q.outcomes) > 1:
        also = "; ".join(outcomes[o].text[lang] for o in q.outcomes[1:])
        _el(box, "p", f"{t(lang, 'key.also')}: {also}", class_="kl-key__also")
    if q.type in ("single", "multiple"):
        items = _el(box, "ul", class_="kl-key__options")
        for option in q.options:
            mark = t(lang, "quiz.mark.right" if option.correct else "quiz.mark.wrong")
            item = _el(items, "li", class_=f"kl-key__option kl-key__option--{'right' if option.correct else 'wrong'}")
            _el(item, "span", mark, class_="kl-key__mark")
            _tail(item[0], f" {option.text[lang]}")
            if option.feedback:
                _el(item, "span", f" — {option.feedback[lang]}", class_="kl-key__feedback")
    elif q.type == "true-false":
        _el(box, "p", f"{t(lang, 'key.answer')}: {t(lang, 'quiz.true' if q.answer else 'quiz.false')}",
            class_="kl-key__answer")
        _el(box, "p", f"{t(lang, 'key.wrong')}: {q.wrong_feedback[lang]}", class_="kl-key__feedback")
    elif q.type == "matching":
        table = _el(box, "table", class_="kl-key__pairs")
        for pair in q.pairs:
            row = _el(table, "tr")
            _el(row, "td", pair.left.text[lang])
            _el(row, "td", "→ " + pair.right.text[lang])
    else:
        items = _el(box, "ol", class_="kl-key__order")
        for item in q.items:
            _el(items, "li", item.text[lang])
    if q.hint:
        _el(box, "p", f"{t(lang, 'quiz.hint')}: {q.hint[lang]}", class_="kl-key__hint")
    _el(box, "p", f"{t(lang, 'quiz.explanation')}: {q.explanation[lang]}", class_="kl-key__explanation")
    where = _el(box, "p", class_="kl-key__section")
    where.text = AtomicString(f"{t(lang, 'key.section')}: ")
    _el(where, "a", section_title(ctx, q.section), href=ctx.link(q.section))
