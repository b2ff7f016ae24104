"""Kazakh interface text, rendered with real values, against text a Kazakh editor reviewed.

Every key of i18n.STRINGS["kk"] is here: a new or changed string fails until its Kazakh rendering
is read and written down below. Dates take the case their sentence needs («2026 жылғы 15 наурызда
тексерілді», «2026 жылғы 15 наурыздағы жағдай»), not a Russian word order filled with Kazakh words.
"""

import pytest

from kelisim import i18n

VALUES = dict(n=3, total=12, s="2,5", m=4, p=63, a=2, item="Ескерту", hours="6 сағ 30 мин", h=6,
              title="«Медиация туралы» Заң", date=i18n.Date("kk", "2026-03-15"),
              first="орыс", second="қазақ", role="семинар тренері")

REVIEWED = {
    "permalink": "Осы бөлімге сілтеме",
    "outcomes": "Оқу нәтижелері",
    "outcomes.lead": "Модульді меңгерген тыңдаушы:",
    "key-points": "Негізгі түйіндер",
    "case": "Кейс",
    "case.composite": "Құрастырылған әрі иесіздендірілген кейс: орны, адамдары мен егжей-тегжейі ойдан шығарылған",
    "case.questions": "Талқылауға арналған сұрақтар",
    "briefing": "Анықтама",
    "briefing.label": "Ашық дереккөздерге сүйенген нақты оқиға: тек өрбу тетігі сипатталады, жеке адамдардың есімі аталмайды, ешкім кінәланбайды",
    "briefing.sources": "Анықтаманың дереккөздері",
    "briefing.when": "Қайда және қашан",
    "briefing.trigger": "Түрткі",
    "briefing.framing": "Түсіндірілуі",
    "briefing.mobilisation": "Жұмылдыру",
    "briefing.response": "Ден қою",
    "briefing.court": "Сот",
    "briefing.lessons": "Аудан үшін тағылым",
    "trainer-note": "Тренерге арналған",
    "status": "Құқықтық негіз: 2026 жылғы 15 наурыздағы жағдай бойынша",
    "sources": "Дереккөздер",
    "source.status.in_force": "күшінде",
    "source.status.amended": "өзгерістерімен күшінде",
    "source.status.repealed": "күшін жойған",
    "source.status.replaced": "басқа құжатпен ауыстырылған",
    "source.status.expired": "қолданылу мерзімі аяқталған",
    "source.status.not_yet_in_force": "әлі күшіне енбеген",
    "source.status.draft": "жоба",
    "source.status.reference": "анықтамалық дереккөз",
    "source.status.unverified": "құжаттың күшінде екені және қай редакциясы қолданылатыны тексерілмеген",
    "source.replaced_by": "құжат мынамен ауыстырылған: «Медиация туралы» Заң",
    "source.checked": "2026 жылғы 15 наурызда ресми мәтінмен салыстырылды",
    "source.unchecked": "ресми мәтінмен салыстырылмаған",
    "minutes": "3 мин",
    "self_study": "Өздік оқу",
    "seminar_day": "Семинар",
    "day": "3-күн",
    "module": "3-модуль",
    "syllabus.module": "Модуль",
    "syllabus.minutes": "Өздік оқу уақыты",
    "syllabus.outcomes": "Оқу нәтижелері",
    "syllabus.seminar": "Семинарда",
    "syllabus.total": "Өздік жұмыстың жалпы уақыты: 6 сағ 30 мин",
    "timetable.time": "Уақыты",
    "timetable.activity": "Сабақ",
    "timetable.evening": "Кеш",
    "hours": "6 сағ 4 мин",
    "glossary.other": "Орысша",
    "quiz": "Өзін-өзі тексеру тесті",
    "quiz.page": "Өзін-өзі тексеру тесті: 3-модуль",
    "quiz.link": "Өзін-өзі тексеру тестін тапсыру",
    "quiz.lead": "Сұрақ саны: 3. Жауапты таңдап, «Тексеру» түймесін басыңыз. Жауаптарыңыз тек осы браузерде сақталады.",
    "quiz.noscript": "Жауаптарды тексеру үшін браузерде JavaScript-ті қосыңыз. Сұрақтар мен кеңестерді онсыз да оқуға болады.",
    "quiz.number": "3-сұрақ (барлығы 12)",
    "quiz.true": "Дұрыс",
    "quiz.false": "Дұрыс емес",
    "quiz.match.choose": "— таңдаңыз —",
    "quiz.order.help": "Тармақтарды «↑» және «↓» түймелерімен ретімен орналастырыңыз.",
    "quiz.up": "«Ескерту» тармағын жоғары жылжыту",
    "quiz.down": "«Ескерту» тармағын төмен жылжыту",
    "quiz.hint": "Кеңес",
    "quiz.check": "Тексеру",
    "quiz.retry": "Қайталау",
    "quiz.reset": "Жауаптарымды өшіру",
    "quiz.section": "Бөлімді қайта оқу",
    "quiz.explanation": "Түсіндірме",
    "quiz.correct": "✓ Дұрыс жауап",
    "quiz.wrong": "✗ Қате жауап",
    "quiz.partial": "◐ Жартылай дұрыс",
    "quiz.points": "Ұпай: 2,5 (ең көбі 4)",
    "quiz.summary": "Нәтиже: 4 ұпайдан 2,5 ұпай (63 %). 3 сұрақтың 2 сұрағына жауап берілді.",
    "quiz.summary.empty": "Сіз әлі бірде-бір сұраққа жауап берген жоқсыз.",
    "quiz.choose": "Алдымен жауапты таңдаңыз.",
    "quiz.match.all": "Әр тармаққа сәйкесін таңдаңыз.",
    "quiz.moved": "«Ескерту» енді 3-орында (барлығы 12).",
    "quiz.top": "«Ескерту» онсыз да бірінші орында.",
    "quiz.bottom": "«Ескерту» онсыз да соңғы орында.",
    "quiz.reset.done": "Осы тестке берген жауаптарыңыз өшірілді.",
    "quiz.mark.right": "✓ дұрыс",
    "quiz.mark.wrong": "✗ қате",
    "quiz.order.moodle": "Әр тармақтың реттік орнын көрсетіңіз (1 — бірінші).",
    "key.title": "Өзін-өзі тексеру тестерінің жауап кілті",
    "key.lead": "Бұл бет тренерге арналған. Тестердің барлық сұрағы модульдер мен оқу нәтижелері бойынша топтастырылып, дұрыс жауабымен, нұсқаларға берілетін түсініктемелермен және түсіндірмелермен берілген. Бет сайт мәзірінсіз басып шығарылады.",
    "key.outcome": "Оқу нәтижесі",
    "key.also": "Қосымша тексерілетін нәтиже",
    "key.answer": "Дұрыс жауап",
    "key.wrong": "Қате жауапқа түсініктеме",
    "key.section": "Курс бөлімі",
    "key.type.single": "бір жауап",
    "key.type.multiple": "бірнеше жауап",
    "key.type.true-false": "дұрыс немесе дұрыс емес",
    "key.type.matching": "сәйкестендіру",
    "key.type.ordering": "ретімен орналастыру",
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
    "slides.keys": "S — баяндамашы режимі · B — бос экран · Esc — шолу · F — толық экран",
    "slides.slide": "3-слайд",
    "slides.none": "Модульдердің слайдтары әлі дайындалмаған.",
    "slides.speaker.title": "Баяндамашы режимі",
    "slides.speaker.upcoming": "Келесі слайд",
    "slides.speaker.time": "Уақыт",
    "slides.speaker.reset": "Таймерді нөлдеу",
    "slides.speaker.pacing": "Қарқын: слайдтың соңына дейінгі уақыт",
    "slides.speaker.notes": "Жазбалар",
    "slides.previous": "Алдыңғы слайд",
    "slides.next": "Келесі слайд",
    "slides.resume": "Көрсетуді жалғастыру",
    "practice.nav": "Басқа өңірлерге ұсынымдар",
    "practice.title": "Басқа өңірлерге ұсынымдар",
    "practice.lead": "Семинардың тәжірибе кітабы: өңірлер бойынша кейс клиникасында (4-модуль) топтар талдаған кейстер туралы бейтарап жазбалар. Әр жазба иесіздендіріліп, тексерілген. Онда жағдайдың тетігі, кімнің әрекет еткені, не нәтиже беріп, не бермегені және басқа ауданға көшіруге болатын сабақтар жазылған. Жаңа жазбаларды семинардан кейін тренер қосады.",
    "practice.lessons.title": "Басқа өңірлерге сабақ: тақырыптар бойынша",
    "practice.lessons.lead": "Тәжірибе кітабындағы барлық жазбадан алынған сабақтар тақырыптар бойынша топтастырылған. Әр сабақтың жанында ол алынған жазбаға сілтеме бар: тәжірибені өз ауданыңызға көшірмес бұрын, оның қандай жағдайда қалыптасқанын оқып шығыңыз.",
    "practice.by-region": "Өңірлер бойынша",
    "practice.by-theme": "Тақырыптар бойынша",
    "practice.by-mechanism": "Тетіктер бойынша",
    "practice.region": "Өңір",
    "practice.note": "Жазба",
    "practice.notes": "Жазбалар",
    "practice.district": "Аумақ түрі",
    "practice.period": "Кезең",
    "practice.language": "Жазба тілі",
    "practice.theme": "Тақырып",
    "practice.mechanism": "Тетік",
    "practice.languages.1": "орыс тілі",
    "practice.languages.2": "орыс және қазақ тілдері",
    "practice.example": "Жазба үлгісі",
    "practice.example.short": "үлгі",
    "practice.example.body": "Курс авторлары семинардың топтық жаттығу тақырыптары бойынша дайындаған құрастырылған әрі иесіздендірілген жазба. Орны, адамдары мен егжей-тегжейі жалпыланған; нақты оқиғалармен ұқсастығы кездейсоқ.",
    "practice.only.ru": "Жазба тек орыс тілінде бар",
    "practice.only.kk": "Жазба тек қазақ тілінде бар",
    "practice.only.body": "Топ бұл жазбаны бір тілде жазған. Мәтін аударусыз, түпнұсқа тілінде берілген.",
    "practice.field": "Көрсеткіш",
    "practice.value": "Мәні",
    "practice.reviewed": "Тексеру",
    "practice.reviewed.by": "иесіздендірілген; тексерген: семинар тренері",
    "practice.back": "← Тәжірибе кітабының барлық жазбасы",
    "slides.case": "Құрастырылған әрі иесіздендірілген кейс",
    "slides.handout.more": "Бөлімнің толық мәтіні модуль бетінде.",
    "slides.handout.notes": "Слайдқа түсініктеме",
    "slides.popup-blocked": "Браузер баяндамашы режимінің терезесін ашпады. Осы сайт үшін қалқымалы терезелерге рұқсат беріп, S пернесін қайта басыңыз.",
    "slides.speaker.loading": "Баяндамашы режимі жүктелуде…",
    "slides.speaker.layout": "Көрініс",
    "slides.speaker.layout.default": "әдеттегі",
    "slides.speaker.layout.wide": "кең",
    "slides.speaker.layout.tall": "тік",
    "slides.speaker.layout.notes-only": "тек жазбалар",
    "slides.speaker.cross-origin": "Баяндамашы режимі тек осы сайттағы слайдтардан ашылады.",
    "slides.speaker.no-connection": "Слайдтар терезесімен байланыс жоқ. Баяндамашы режимін жауып, S пернесімен қайта ашыңыз.",
}


def test_every_kazakh_string_renders_as_reviewed():
    rendered = {key: text.format(**VALUES) for key, text in i18n.STRINGS["kk"].items()}
    assert set(rendered) == set(REVIEWED), "review the Kazakh rendering of new keys and add it above"
    for key, text in REVIEWED.items():
        assert rendered[key] == text, key


@pytest.mark.parametrize("month, attr, loc", [
    (1, "қаңтардағы", "қаңтарда"), (2, "ақпандағы", "ақпанда"), (3, "наурыздағы", "наурызда"),
    (4, "сәуірдегі", "сәуірде"), (5, "мамырдағы", "мамырда"), (6, "маусымдағы", "маусымда"),
    (7, "шілдедегі", "шілдеде"), (8, "тамыздағы", "тамызда"), (9, "қыркүйектегі", "қыркүйекте"),
    (10, "қазандағы", "қазанда"), (11, "қарашадағы", "қарашада"), (12, "желтоқсандағы", "желтоқсанда")])
def test_kazakh_dates_take_the_case_of_their_sentence(month, attr, loc):
    date = i18n.Date("kk", f"2026-{month:02d}-05")
    assert f"{date:attr}" == f"2026 жылғы 5 {attr}"
    assert f"{date:loc}" == f"2026 жылғы 5 {loc}"
    assert f"{date:nom}" == f"2026 жылғы 5 {i18n.MONTHS['kk'][month - 1]}"


def test_a_checked_source_says_when_it_was_compared_in_kazakh_word_order():
    checked = i18n.t("kk", "source.checked", date=i18n.Date("kk", "2026-03-15"))
    assert checked == "2026 жылғы 15 наурызда ресми мәтінмен салыстырылды"
    assert i18n.t("ru", "source.checked", date=i18n.Date("ru", "2026-03-15")) == "сверено с официальным текстом 15 марта 2026 г."


def test_outcomes_lead_agrees_with_third_person_outcomes():
    """Outcomes end in «…түсіндіре алады»: the lead names the learner, not «сіз»."""
    assert i18n.STRINGS["kk"]["outcomes.lead"] == "Модульді меңгерген тыңдаушы:"
