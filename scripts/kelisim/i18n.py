"""Interface strings that our blocks and generated pages print, in every course language.

Theme strings (search box, footer, ...) live in overrides/partials/languages/*.html;
these are the course's own. A key missing in one language is a test failure.
"""

from __future__ import annotations

MONTHS = {
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"],
    "kk": ["қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы",
           "шілдедегі", "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы"],
}

STRINGS: dict[str, dict[str, str]] = {
    "ru": {
        "outcomes": "Результаты обучения",
        "outcomes.lead": "После изучения модуля вы сможете:",
        "key-points": "Главное",
        "case": "Кейс",
        "case.composite": "Составной анонимизированный кейс: место, люди и детали вымышлены",
        "case.questions": "Вопросы для обсуждения",
        "trainer-note": "Для тренера",
        "status": "Правовая база по состоянию на {date}",
        "sources": "Источники",
        "source.status.in_force": "действует",
        "source.status.amended": "действует с изменениями",
        "source.status.repealed": "утратил силу",
        "source.status.replaced": "заменён",
        "source.status.expired": "срок действия истёк",
        "source.status.not_yet_in_force": "ещё не вступил в силу",
        "source.status.draft": "проект",
        "source.status.reference": "справочный источник",
        "source.checked": "проверено",
        "minutes": "{n} мин",
        "self_study": "Самостоятельное изучение",
        "seminar_day": "Семинар",
        "day": "день {n}",
        "module": "Модуль {n}",
        "open_module": "Открыть модуль",
        "syllabus.module": "Модуль",
        "syllabus.minutes": "Время самостоятельно",
        "syllabus.outcomes": "Результаты обучения",
        "syllabus.seminar": "На семинаре",
        "syllabus.total": "Всего самостоятельной работы: {hours}",
        "timetable.time": "Время",
        "timetable.activity": "Занятие",
        "timetable.evening": "Вечер",
        "hours": "{h} ч {m} мин",
        "glossary.term": "Термин",
        "glossary.definition": "Определение",
        "glossary.other": "По-казахски",
        "quiz": "Тест для самопроверки",
        "404.title": "Страница не найдена",
        "404.body": "Такой страницы в курсе нет. Возможно, ссылка устарела после обновления курса или в адресе опечатка.",
        "404.home": "Перейти на главную страницу курса",
        "slides.open": "Открыть как слайды",
        "slides.title": "Слайды",
        "slides.closing": "Вопросы и обсуждение",
        "slides.page": "Текст модуля",
        "slides.handout": "Раздаточный вариант с заметками",
        "slides.print": "Печать и PDF",
        "slides.tools": "Инструменты тренера",
        "slides.keys": "S — режим докладчика · Esc — обзор · F — во весь экран",
        "slides.notes": "Заметки для тренера",
        "slides.slide": "Слайд {n}",
        "slides.none": "Слайды к модулям пока не подготовлены.",
        "slides.speaker.title": "Режим докладчика",
        "slides.speaker.upcoming": "Следующий слайд",
        "slides.speaker.time": "Время",
        "slides.speaker.reset": "Сбросить таймер",
        "slides.speaker.pacing": "Темп: время до конца слайда",
        "slides.speaker.notes": "Заметки",
    },
    "kk": {
        "outcomes": "Оқу нәтижелері",
        "outcomes.lead": "Модульді меңгергеннен кейін сіз:",
        "key-points": "Негізгі түйін",
        "case": "Кейс",
        "case.composite": "Құрастырылған жасырын кейс: орны, адамдары мен егжей-тегжейі ойдан алынған",
        "case.questions": "Талқылауға арналған сұрақтар",
        "trainer-note": "Тренерге арналған",
        "status": "Құқықтық негіз {date} жағдай бойынша",
        "sources": "Дереккөздер",
        "source.status.in_force": "күшінде",
        "source.status.amended": "өзгерістерімен күшінде",
        "source.status.repealed": "күшін жойған",
        "source.status.replaced": "ауыстырылған",
        "source.status.expired": "қолданылу мерзімі аяқталған",
        "source.status.not_yet_in_force": "әлі күшіне енбеген",
        "source.status.draft": "жоба",
        "source.status.reference": "анықтамалық дереккөз",
        "source.checked": "тексерілді",
        "minutes": "{n} мин",
        "self_study": "Өздік оқу",
        "seminar_day": "Семинар",
        "day": "{n}-күн",
        "module": "{n}-модуль",
        "open_module": "Модульді ашу",
        "syllabus.module": "Модуль",
        "syllabus.minutes": "Өздік оқу уақыты",
        "syllabus.outcomes": "Оқу нәтижелері",
        "syllabus.seminar": "Семинарда",
        "syllabus.total": "Өздік жұмыстың жалпы уақыты: {hours}",
        "timetable.time": "Уақыты",
        "timetable.activity": "Сабақ",
        "timetable.evening": "Кеш",
        "hours": "{h} сағ {m} мин",
        "glossary.term": "Термин",
        "glossary.definition": "Анықтама",
        "glossary.other": "Орысша",
        "quiz": "Өзін-өзі тексеру тесті",
        "404.title": "Бет табылмады",
        "404.body": "Курста мұндай бет жоқ. Курс жаңартылғаннан кейін сілтеме ескірген болуы немесе мекенжайда қате кеткен болуы мүмкін.",
        "404.home": "Курстың басты бетіне өту",
        "slides.open": "Слайдтар түрінде ашу",
        "slides.title": "Слайдтар",
        "slides.closing": "Сұрақтар мен талқылау",
        "slides.page": "Модуль мәтіні",
        "slides.handout": "Жазбалары бар үлестірме нұсқа",
        "slides.print": "Басып шығару және PDF",
        "slides.tools": "Тренер құралдары",
        "slides.keys": "S — баяндамашы режимі · Esc — шолу · F — толық экран",
        "slides.notes": "Тренерге арналған жазбалар",
        "slides.slide": "{n}-слайд",
        "slides.none": "Модульдердің слайдтары әлі дайындалмаған.",
        "slides.speaker.title": "Баяндамашы режимі",
        "slides.speaker.upcoming": "Келесі слайд",
        "slides.speaker.time": "Уақыт",
        "slides.speaker.reset": "Таймерді нөлдеу",
        "slides.speaker.pacing": "Қарқын: слайдтың соңына дейінгі уақыт",
        "slides.speaker.notes": "Жазбалар",
    },
}


def t(lang: str, key: str, **values) -> str:
    return STRINGS[lang][key].format(**values)


def long_date(lang: str, iso: str) -> str:
    """2026-03-18 -> '18 марта 2026 г.' / '2026 жылғы 18 наурыздағы'."""
    year, month, day = (int(part) for part in iso.split("-"))
    if lang == "kk":
        return f"{year} жылғы {day} {MONTHS['kk'][month - 1]}"
    return f"{day} {MONTHS['ru'][month - 1]} {year} г."


def duration(lang: str, minutes: int) -> str:
    return t(lang, "hours", h=minutes // 60, m=minutes % 60)
