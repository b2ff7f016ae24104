"""De-identification checks on case notes: what could name a person, a family, a school or a firm.

Each rule finds spans in a line of the note (its titles and body, in the language of the part
the line belongs to) and reports them as `file:line: [text] message (rule: …). Fix: …`.
A reviewer can clear a flagged span by listing text that covers it under `reviewed_exceptions`
in the note's front matter, with the reason.

False-positive guards are part of each rule (see AUTHORING.md, «Книга практик»): names that are
also ordinary words are not in the name list; a surname-shaped word counts only inside a sentence
(where a capital letter means a proper noun); street words need a capitalised street name and a
number; «№ 12» counts only next to a school word; ethnonym adjectives are allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..problems import Problem

UP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
LOW = "а-яёәғқңөұүһі"
WORD = re.compile(rf"[{UP}{LOW}A-Za-z]+")
RE_PART = re.compile(r"^#\s+(ru|kk)\s*$")

# Case endings added to first names (Russian declension, Kazakh case suffixes).
RU_ENDINGS_CONSONANT = ("", "а", "у", "ом", "е", "ым", "ой", "ем", "ы", "ю", "я")
RU_ENDINGS_VOWEL = ("а", "я", "ы", "и", "е", "у", "ю", "ой", "ей", "ою", "ею")
KK_SUFFIXES = ("", "ға", "ге", "қа", "ке", "ның", "нің", "дың", "дің", "тың", "тің", "ны", "ні", "ды", "ді", "ты",
               "ті", "мен", "бен", "пен", "да", "де", "та", "те", "нан", "нен", "дан", "ден", "тан", "тен")
RU_NOUN_ENDINGS = ("", "ы", "и", "е", "а", "у", "ом", "ем", "ам", "ами", "ах", "ов", "ев", "ей", "ин", "ина",
                   "ину", "ином", "ине", "ины", "ка", "ки", "ке", "ку", "кой", "ой", "ок", "ям", "ями", "ях")

SURNAME = re.compile(rf"^[{UP}][{LOW}]{{2,}}(?:ов|ев|ёв|ин)(?:а|у|ым|ой|ом|ых|ыми|е|ы)?$|"
                     rf"^[{UP}][{LOW}]{{2,}}(?:ұлы|улы|қызы|кызы)$")
INITIALS_BEFORE = re.compile(rf"(?<![\w.])[{UP}]\.\s?[{UP}]\.\s?[{UP}][{LOW}]{{2,}}")
INITIALS_AFTER = re.compile(rf"(?<![\w])[{UP}][{LOW}]{{2,}}\s+[{UP}]\.\s?[{UP}]\.(?!\w)")
ONE_INITIAL = re.compile(rf"(?<![\w.])[{UP}]\.\s?([{UP}][{LOW}]{{2,}})")
PHONE = re.compile(r"(?<![\d\w])(?:\+\s?7|8)[\s\-()]*(?:\d[\s\-()]*){9}\d(?!\d)|(?<![\d\-])\d{2,3}-\d{2}-\d{2}(?![\d\-])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
IIN = re.compile(r"(?<!\d)\d{12}(?!\d)")
STREET_RU = re.compile(rf"(?<![\w])(?:ул\.|улиц[аеуыи]|пр\.|просп\.|проспект[аеу]?|пр-т|переул(?:ок|ка|ке)|пер\.|"
                       rf"бульвар[аеу]?|б-р|мкр\.?|микрорайон[аеу]?)\s*[«\"]?[{UP}][^,.;:!?\n]{{0,30}}?,?\s*"
                       rf"(?:д\.\s*|дом\s*)?\d+[{LOW}]?(?!\d)")
STREET_KK = re.compile(rf"[{UP}][\w-]*\s+(?:көшесі|даңғылы|шағынауданы|шағын\s+ауданы|тұйығы)[,\s]+\d+(?!\d)|"
                       rf"(?<!\d)\d+\s*-\s*үй(?![{LOW}])")
BIRTH_WORDS = re.compile(r"рожд|родил|г\.\s?р\.|туған|туылған|дүниеге\s+кел", re.I)
MONTHS = ("январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр|"
          "қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан")
FULL_DATE = re.compile(rf"(?<!\d)\d{{1,2}}[./-]\d{{1,2}}[./-](?:19|20)?\d{{2}}(?!\d)|"
                       rf"(?<!\d)\d{{1,2}}\s+(?:{MONTHS})\w*\s+(?:19|20)\d{{2}}|(?:19|20)\d{{2}}\s+жылғы\s+\d{{1,2}}\s+(?:{MONTHS})")
SCHOOL = (r"школ\w*|СОШ|гимнази\w*|лице[йяею]\w*|колледж\w*|детск\w+\s+сад\w*|ясли-сад\w*|больниц\w*|"
          r"поликлиник\w*|мектеп\w*|балабақша\w*|аурухана\w*|емхана\w*")
NAMED_PLACE = re.compile(rf"(?<![\w])(?:{SCHOOL})\s*№\s*\d+|№\s*\d+\s*(?:{SCHOOL})|(?<![\w\d])\d+\s*-\s*(?:мектеп|гимназия|"
                         rf"лицей|балабақша)\w*", re.I)
FIRM = re.compile(rf"(?<![\w])(?:ТОО|ООО|АО|ИП|ЖШС|АҚ|ЖК|КХ|ПК|ОАО|ЗАО)\s*[«\"“„']|(?<![\w])(?:ТОО|ООО|ИП|ЖШС|ЖК)\s+[{UP}]")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str
    rule: str
    message: str
    fix: str


def _name_forms(book) -> frozenset[str]:
    forms = set()
    for name in book.first_names["ru"]:
        if name[-1] in "ая":
            forms |= {name[:-1] + e for e in RU_ENDINGS_VOWEL}
        elif name[-1] == "й":
            forms |= {name[:-1] + e for e in ("й", "я", "ю", "ем", "е")}
        else:
            forms |= {name + e for e in RU_ENDINGS_CONSONANT}
    for name in book.first_names["kk"]:
        forms |= {name + e for e in KK_SUFFIXES} | {name + e for e in RU_ENDINGS_CONSONANT if name[-1] not in "ая"}
    return frozenset(forms)


_COMPILED: dict[int, tuple] = {}


def _compiled(book) -> dict:
    """The book's word lists as sets and patterns, built once per loaded book."""
    if id(book) not in _COMPILED:
        _COMPILED.clear()
        _COMPILED[id(book)] = (book, _compile(book))
    return _COMPILED[id(book)][1]


def _compile(book) -> dict:
    return {
        "names": _name_forms(book),
        "ru_nouns": frozenset(stem + e for stem in book.ethnonym_nouns_ru for e in RU_NOUN_ENDINGS),
        "russified": re.compile(r"(?<![\w])(" + "|".join(map(re.escape, book.russified_kk)) + r")\w*", re.I),
        "loaded": {lang: re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, words)) + r")\w*", re.I)
                   for lang, words in book.loaded_terms.items()},
    }


def _sentence_start(line: str, start: int) -> bool:
    before = line[:start].rstrip()
    return not before or before[-1] in ".!?…:;«\"„“(—–-*#>|" or bool(re.fullmatch(r"\s*(\d+[.)]|[-*+])", before))


def find(line: str, lang: str, book) -> list[Hit]:
    """Every span of `line` (written in `lang`) that a de-identification rule flags."""
    data = _compiled(book)
    hits: list[Hit] = []

    def add(match_or_span, rule, message, fix):
        start, end = match_or_span.span() if hasattr(match_or_span, "span") else match_or_span
        hits.append(Hit(start, end, line[start:end], rule, message, fix))

    name_fix = "replace the person by their role («глава сельского округа», «ауыл әкімі», «житель села»)"
    for word in WORD.finditer(line):
        token = word.group()
        if token in data["names"]:
            add(word, "practice-personal-name", f"'{token}' is a personal name", name_fix)
        elif SURNAME.match(token) and not _sentence_start(line, word.start()):
            add(word, "practice-personal-name", f"'{token}' looks like a surname (a capitalised word ending like one)",
                name_fix + "; if it is a place or a term, list it under reviewed_exceptions")
        elif lang == "ru" and token.lower() in data["ru_nouns"]:
            add(word, "practice-ethnonym", f"'{token}' names an ethnic group as a collective noun",
                "write «община А», «жители соседнего села»; if the group must be named, «представители … общины» "
                "(brief §4.3) and list it under reviewed_exceptions with the reason")
    for pattern in (INITIALS_BEFORE, INITIALS_AFTER):
        for match in pattern.finditer(line):
            add(match, "practice-personal-name", f"'{match.group()}' is a name with initials", name_fix)
    for match in ONE_INITIAL.finditer(line):
        if SURNAME.match(match.group(1)):
            add(match, "practice-personal-name", f"'{match.group()}' is a name with an initial", name_fix)
    for match in PHONE.finditer(line):
        add(match, "practice-phone", f"'{match.group().strip()}' is a phone number", "remove it: a note names no contact")
    for match in EMAIL.finditer(line):
        add(match, "practice-email", f"'{match.group()}' is an e-mail address", "remove it: a note names no contact")
    for match in IIN.finditer(line):
        add(match, "practice-iin", f"'{match.group()}' has the 12 digits of an IIN or BIN",
            "remove it: an IIN names a person, a BIN a firm")
    for pattern in (STREET_RU, STREET_KK):
        for match in pattern.finditer(line):
            add(match, "practice-address", f"'{match.group()}' is a street address",
                "say only the kind of place («частный дом на окраине села», «көп қабатты үй»)")
    if BIRTH_WORDS.search(line):
        for match in FULL_DATE.finditer(line):
            add(match, "practice-birth-date", f"'{match.group()}' is an exact date of birth",
                "give an age group instead («подросток», «мужчина около 60 лет», «егде жастағы адам»)")
    for match in NAMED_PLACE.finditer(line):
        add(match, "practice-named-organisation", f"'{match.group()}' names a particular school or institution",
            "say the kind of place only («одна из школ района», «аудандағы мектептің бірі»)")
    for match in FIRM.finditer(line):
        add(match, "practice-named-organisation", f"'{match.group()}…' names an enterprise",
            "say the kind of business only («местный перевозчик», «жергілікті сауда орны»)")
    if lang == "kk":
        for match in data["russified"].finditer(line):
            stem = match.group(1).lower()
            add(match, "practice-ethnonym", f"'{match.group()}' is a Russian spelling of an ethnonym in Kazakh text",
                f"write «{book.russified_kk[stem]}…» (brief §4.3), or better «А қауымдастығы» in a de-identified note")
    for match in data["loaded"].get(lang, re.compile("(?!)")).finditer(line):
        add(match, "practice-loaded-term", f"'{match.group()}' is a loaded label that brief §4.3 asks to avoid",
            "describe what happened and who acted («жители», «группа людей из соседних сёл», «тұрғындар»)")
    # One report per finding: a surname inside «Фамилия И.О.» is the same name.
    return [h for h in hits if not any(o is not h and o.rule == h.rule and o.start <= h.start and h.end <= o.end
                                       and (o.end - o.start) > (h.end - h.start) for o in hits)]


def deid_problems(file: str, lines: list[str], body_start: int, meta, book) -> list[Problem]:
    """Problems for every flagged span of the note's titles and body not covered by a reviewed exception."""
    exceptions = meta.get("reviewed_exceptions", [])
    used: set[int] = set()
    problems = []

    def check(number: int, line: str, lang: str):
        for hit in find(line, lang, book):
            covering = [i for i, item in enumerate(exceptions) if _covers(line, item["text"], hit)]
            used.update(covering)
            if not covering:
                problems.append(Problem(file, number, hit.text, hit.rule, hit.message, hit.fix))

    for lang, title in meta["title"].items():
        check(meta["title"].line_of(lang), title, lang)
    lang, in_comment = meta["languages"][0], False
    for index in range(body_start, len(lines)):
        line = lines[index]
        part = RE_PART.match(line)
        if part:
            lang = part.group(1)
            continue
        line, in_comment = _without_comments(line, in_comment)
        check(index + 1, line, lang)
    for index, item in enumerate(exceptions):
        if index not in used:  # an exception that clears nothing would silently clear a later leak
            problems.append(Problem(file, exceptions.line_of(index), item["text"], "practice-exception-unused",
                                    f"reviewed exception '{item['text']}' matches nothing the checks flag",
                                    "remove it (or correct its text to cover the flagged words exactly)"))
    return problems


def _covers(line: str, text: str, hit: Hit) -> bool:
    for match in re.finditer(re.escape(text), line):
        if match.start() <= hit.start and hit.end <= match.end():
            return True
    return False


def _without_comments(line: str, in_comment: bool) -> tuple[str, bool]:
    """The line with HTML comments blanked (same length, so positions stay), and whether one stays open."""
    out, i = [], 0
    while i < len(line):
        if in_comment:
            end = line.find("-->", i)
            if end < 0:
                out.append(" " * (len(line) - i))
                return "".join(out), True
            out.append(" " * (end + 3 - i))
            i, in_comment = end + 3, False
        else:
            start = line.find("<!--", i)
            if start < 0:
                out.append(line[i:])
                break
            out.append(line[i:start])
            i, in_comment = start, True
    return "".join(out), in_comment


