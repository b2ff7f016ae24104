"""SCORM 1.2 packages (kelisim.scorm): manifests against the shipped XSDs, pages kept inside their SCO,
reproducible zips, and the runtime (scorm.js) against a real SCORM runtime: scorm-again (tests/vendor)
plays the LMS on a test page served over http://127.0.0.1 and frames the package's SCO.

Four packages are made once per session from the built site and unpacked once: the module with the
most questions and the whole course, each in Russian and in Kazakh.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import urllib.parse
import zipfile
from dataclasses import dataclass
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from conftest import ROOT, open_visit, serving
from kelisim.i18n import t

CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
NS = {"cp": CP, "adlcp": ADLCP}
SCORM_AGAIN = ROOT / "tests" / "vendor" / "scorm-again" / "scorm12.min.js"
LMS_PAGE = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8"><title>Test LMS</title><link rel="icon" href="data:,">
<script src="scorm12.min.js"></script>
<script>
  var query = new URLSearchParams(location.search);
  window.API = new Scorm12API({logLevel: 5});
  if (query.has("suspend")) API.loadFromFlattenedJSON({"cmi.suspend_data": query.get("suspend")});
  window.calls = {LMSInitialize: 0, LMSCommit: 0, LMSFinish: 0};
  Object.keys(calls).forEach(function (name) { API.on(name, function () { calls[name]++; }); });
  window.written = {};  // the last value the SCO set for each element (exit and session_time are write-only)
  API.on("LMSSetValue.cmi.*", function (element, value) { written[element] = value; });
</script></head>
<body><iframe id="sco" title="SCO" style="width: 100%; height: 90vh"></iframe>
<script>document.getElementById("sco").src = query.get("launch");</script></body></html>
"""
#: Both parts of the SCORM 1.2 manifest schema, from the files the package ships.
WRAPPER_XSD = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="{CP}" schemaLocation="imscp_rootv1p1p2.xsd"/>
  <xsd:import namespace="{ADLCP}" schemaLocation="adlcp_rootv1p2.xsd"/>
</xsd:schema>"""


@dataclass
class Package:
    name: str
    lang: str
    zip: Path
    folder: Path
    scos: dict  # {resource identifier: [its pages]} from the manifest
    launch: dict  # {resource identifier: launch page}


@pytest.fixture(scope="session")
def course_data():
    from kelisim.checks import run_checks

    return run_checks(ROOT)


def question_count(site: Path, lang_root: str, module) -> int:
    return (site / f"{lang_root}quizzes/{module.slug}.html").read_text(encoding="utf-8").count("data-kl-q=")


@pytest.fixture(scope="session")
def packages(built_site, course_data, tmp_path_factory) -> dict[str, Package]:
    from kelisim import scorm

    out = tmp_path_factory.mktemp("scorm")
    largest = max(course_data.course.modules, key=lambda m: question_count(built_site, "", m))
    found = {}
    for name, lang, module in (("ru-module", "ru", largest), ("kk-module", "kk", largest), ("ru-course", "ru", None),
                               ("kk-course", "kk", None)):
        path = scorm.write_package(built_site, course_data, lang, module, out / "zips" / name)
        folder = out / "packages" / name
        with zipfile.ZipFile(path) as archive:
            archive.extractall(folder)
        manifest = lxml.etree.parse(str(folder / "imsmanifest.xml"))
        scos = {r.get("identifier"): [f.get("href") for f in r.findall("cp:file", NS)]
                for r in manifest.iterfind(".//cp:resource", NS) if r.get(f"{{{ADLCP}}}scormtype") == "sco"}
        launch = {r.get("identifier"): r.get("href") for r in manifest.iterfind(".//cp:resource", NS)}
        found[name] = Package(name, lang, path, folder, scos, launch)
    shutil.copy(SCORM_AGAIN, out / "packages")
    (out / "packages" / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    found["largest"] = largest
    return found


@pytest.fixture(scope="session")
def lms_server(packages, tmp_path_factory):
    folder = packages["ru-module"].folder.parent
    with serving(folder, tmp_path_factory.mktemp("lms-webroot")) as httpd:
        yield httpd


CASES = ("ru-module", "kk-module", "ru-course", "kk-course")
#: The SCO each case runs in the LMS (its place in the manifest): a module package's only one; in the
#: whole course the introduction (Russian) and the first module (Kazakh).
RUNS = {"ru-module": 0, "kk-module": 0, "ru-course": 0, "kk-course": 1}


# ---------- the package as files ------------------------------------------------------------

def schema(folder: Path) -> lxml.etree.XMLSchema:
    (folder / "manifest-check.xsd").write_text(WRAPPER_XSD, encoding="utf-8")
    try:
        return lxml.etree.XMLSchema(lxml.etree.parse(str(folder / "manifest-check.xsd")))
    finally:
        (folder / "manifest-check.xsd").unlink()


@pytest.mark.parametrize("case", CASES)
def test_manifest_validates_against_the_shipped_xsds(packages, case):
    package = packages[case]
    xsd = schema(package.folder)
    manifest = lxml.etree.parse(str(package.folder / "imsmanifest.xml"))
    assert xsd.validate(manifest), xsd.error_log
    # The check can fail: a scormtype SCORM 1.2 does not know is rejected.
    broken = lxml.etree.fromstring(lxml.etree.tostring(manifest).replace(b'adlcp:scormtype="sco"', b'adlcp:scormtype="page"'))
    assert not xsd.validate(broken)


@pytest.mark.parametrize("case", CASES)
def test_manifest_lists_every_file_and_the_package_holds_them(packages, case, course_data):
    package = packages[case]
    manifest = lxml.etree.parse(str(package.folder / "imsmanifest.xml"))
    listed = {f.get("href") for f in manifest.iterfind(".//cp:file", NS)}
    with zipfile.ZipFile(package.zip) as archive:
        names = set(archive.namelist())
    control = {"imsmanifest.xml", "imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd"}
    assert control <= names
    assert listed == names - control
    assert manifest.getroot().find("cp:organizations", NS).get("default") == "org"
    for identifier, pages in package.scos.items():
        assert package.launch[identifier] == pages[0]
    items = manifest.findall(".//cp:item", NS)
    modules = course_data.course.modules
    expected = 1 if case.endswith("module") else 1 + len(modules)
    assert len(items) == len(package.scos) == expected
    mastery = {i.findtext("adlcp:masteryscore", namespaces=NS) for i in items if i.get("identifierref") != "res-intro"}
    assert mastery == {str(course_data.course.mastery_score)}
    assert "assets/kelisim/scorm.js" in names


@pytest.mark.parametrize("case", CASES)
def test_pages_stay_inside_their_sco(packages, case):
    """No language switcher, no search, no link to the other language or to a page of another SCO."""
    package = packages[case]
    files = {p.relative_to(package.folder).as_posix() for p in package.folder.rglob("*") if p.is_file()}
    other = "kk/" if package.lang == "ru" else ""
    for pages in package.scos.values():
        for page in pages:
            doc = lxml.html.parse(str(package.folder / page)).getroot()
            assert not doc.xpath("//*[contains(@class, 'md-select') or contains(@class, 'md-search')]"), page
            assert doc.xpath("//script[@id='kl-scorm']") and doc.xpath("//script[contains(@src, 'kelisim/scorm.js')]")
            for href in doc.xpath("//a/@href"):
                if href.startswith("#"):
                    continue
                assert not re.match(r"^[a-z]+:", href), f"{page}: {href} leaves the package"
                target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("#")[0]))
                assert target in files, f"{page}: {href} is not in the package"
                if target.endswith(".html"):
                    assert target in pages, f"{page}: {href} leads to another SCO"
                if other:
                    assert not target.startswith(other), f"{page}: {href} leads to the other language"
            for course in doc.xpath("//@data-kl-course"):
                assert course == f"kelisim-{_version()}-{package.lang}"


def _version() -> str:
    from kelisim.model import load_course

    return load_course(ROOT).version


def test_zips_are_reproducible(packages, built_site, course_data, tmp_path):
    from kelisim import scorm

    again = scorm.write_package(built_site, course_data, "kk", packages["largest"], tmp_path)
    assert again.read_bytes() == packages["kk-module"].zip.read_bytes()
    with zipfile.ZipFile(again) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}  # no build time


# ---------- the runtime against scorm-again ---------------------------------------------------

@pytest.fixture(scope="module")
def lms(browser, lms_server):
    """One browser context for every runtime check; its console warnings are collected."""
    visit = open_visit(browser, lms_server)
    visit.warnings = []
    visit.page.on("console", lambda m: m.type == "warning" and visit.warnings.append(m.text))
    yield visit
    visit.context.close()


def lms_url(server, package: Package, page: str, suspend: str | None = None) -> str:
    query = {"launch": f"{package.name}/{page}"}
    if suspend is not None:
        query["suspend"] = suspend
    return f"{server.base}lms.html?{urllib.parse.urlencode(query)}"


def cmi(page, name: str):
    return page.evaluate(f"() => API.cmi.{name}")


def written(page, name: str):
    """The last value the SCO set for a write-only element."""
    return page.evaluate(f"() => written['cmi.{name}']")


def sco_frame(page):
    page.wait_for_function("() => { const f = document.getElementById('sco'); return f.contentWindow && "
                           "f.contentWindow.KelisimScorm && f.contentDocument.readyState === 'complete'; }")
    return page.frame_locator("#sco"), page.frames[1]


def answer_rest_correctly(frame):
    """Every question not answered yet gets its right answer through KelisimProgress (the widget's own path)."""
    frame.evaluate("""() => document.querySelectorAll('form[data-kl-q]').forEach(f => {
        const id = f.getAttribute('data-kl-q');
        if (!KelisimProgress.get(id)) KelisimProgress.set(id, {v: 1, answer: JSON.parse(f.getAttribute('data-kl-answer')),
            score: 1, max: 1, at: new Date().toISOString()});
    })""")


@pytest.mark.parametrize("case", CASES)
def test_the_lms_records_status_score_and_answers(lms, lms_server, packages, case):
    package = packages[case]
    pages = list(package.scos.values())[RUNS[case]]
    page = lms.page
    page.goto(lms_url(lms_server, package, pages[0]))
    sco_frame(page)
    assert cmi(page, "core.lesson_status") == "incomplete"
    assert page.evaluate("() => calls.LMSInitialize") == 1
    # To the quiz through the page's own link: the SCO's session goes on (no second LMSInitialize).
    quiz = next(p for p in pages if "/quizzes/" in f"/{p}")
    page.frame_locator("#sco").locator(f"a[href$='quizzes/{Path(quiz).name}']").first.click()
    page.wait_for_function(f"() => document.getElementById('sco').contentWindow.location.pathname.endsWith('{quiz}')")
    frames, frame = sco_frame(page)
    assert page.evaluate("() => [calls.LMSInitialize, calls.LMSFinish]") == [1, 0]
    assert frames.locator(".kl-quiz__lead").inner_text().endswith(t(package.lang, "scorm.stored-lms"))
    commits = page.evaluate("() => calls.LMSCommit")
    # The first question through the widget, with its right answer.
    first = frames.locator("form[data-kl-q]").first
    qid = first.get_attribute("data-kl-q")
    kind = first.get_attribute("data-kl-type")
    right = json.loads(first.get_attribute("data-kl-answer"))
    assert kind in ("single", "true-false"), "the first question of the quiz is expected to be a one-choice one"
    first.locator(f"input[value='{str(right).lower() if kind == 'true-false' else right}']").check()
    first.locator("button[type=submit]").click()
    page.wait_for_function(f"() => API.cmi.suspend_data.includes({json.dumps(qid)})")
    assert page.evaluate("() => calls.LMSCommit") > commits, "no commit after an answered question"
    assert written(page, "core.exit") == "suspend"
    answer_rest_correctly(frame)
    assert (cmi(page, "core.lesson_status"), cmi(page, "core.score.raw")) == ("passed", "100")
    assert written(page, "core.exit") == ""
    # Half the questions wrong: below the mastery score the LMS records "failed".
    frame.evaluate("""() => [...document.querySelectorAll('form[data-kl-q]')].forEach((f, i) => { if (i % 2 === 0) {
        const id = f.getAttribute('data-kl-q'); KelisimProgress.set(id, {...KelisimProgress.get(id), score: 0}); } })""")
    total = frame.evaluate("() => document.querySelectorAll('form[data-kl-q]').length")
    assert cmi(page, "core.lesson_status") == "failed"
    assert cmi(page, "core.score.raw") == str(round(100 * (total // 2) / total))
    suspend = cmi(page, "suspend_data")
    assert len(suspend) <= 4096
    saved = frame.evaluate("() => KelisimProgress.all()")
    assert len(saved) == total
    # Another browser: a new LMS session with the saved suspend_data restores every answer.
    page.goto(lms_url(lms_server, package, quiz, suspend))
    frames, frame = sco_frame(page)
    restored = frame.evaluate("() => KelisimProgress.all()")
    assert {k: v["answer"] for k, v in restored.items()} == {k: v["answer"] for k, v in saved.items()}
    assert frames.locator(f"#q-{qid} input:checked").count() == 1
    # The widget re-scores stored answers against the questions (the zeros above were not real answers).
    assert (cmi(page, "core.lesson_status"), cmi(page, "core.score.raw")) == ("passed", "100")
    assert not lms.errors
    assert not lms_server.missing, "files the package's pages ask for but do not ship"


def test_suspend_data_fits_with_every_question_of_the_largest_module_answered(lms, lms_server, packages, capsys):
    """Every question answered with its longest possible answer (all options, every pair) still fits 4,096."""
    package = packages["ru-module"]
    quiz = next(p for p in next(iter(package.scos.values())) if "quizzes/" in p)
    lms.page.goto(lms_url(lms_server, package, quiz))
    _, frame = sco_frame(lms.page)
    length = frame.evaluate("""() => {
        const records = {};
        document.querySelectorAll('form[data-kl-q]').forEach(f => {
            const type = f.getAttribute('data-kl-type');
            const keys = [...f.querySelectorAll('[data-kl-key]')].map(r => r.getAttribute('data-kl-key'));
            const rights = [...f.querySelectorAll('select option[value]')].map(o => o.value).filter(Boolean);
            const answer = type === 'single' ? keys[0] : type === 'true-false' ? false : type === 'matching'
                ? Object.fromEntries(keys.map(k => [k, rights[0]])) : keys;
            records[KelisimProgress.key(f.getAttribute('data-kl-q'))] = JSON.stringify(
                {v: 1, answer: answer, score: 0.33333, max: 1, at: new Date().toISOString()});
        });
        return KelisimScorm.encode(records).length;
    }""")
    with capsys.disabled():
        print(f"\n  suspend_data with all {question_count(package.folder, '', packages['largest'])} questions of "
              f"{packages['largest'].id} answered: {length} of 4096 characters")
    assert length <= 4096


def test_commit_and_finish_on_pagehide(lms, lms_server, packages):
    package = packages["kk-module"]
    lms.page.goto(lms_url(lms_server, package, next(iter(package.launch.values()))))
    sco_frame(lms.page)
    commits = lms.page.evaluate("() => calls.LMSCommit")
    lms.page.evaluate("() => { document.getElementById('sco').src = 'about:blank'; }")
    lms.page.wait_for_function("() => calls.LMSFinish === 1")
    assert lms.page.evaluate("() => calls.LMSCommit") > commits
    assert re.fullmatch(r"\d{2,4}:\d\d:\d\d(\.\d{1,2})?", written(lms.page, "core.session_time"))


def test_corrupted_suspend_data_is_ignored_with_a_warning(lms, lms_server, packages):
    package = packages["ru-module"]
    quiz = next(p for p in next(iter(package.scos.values())) if "quizzes/" in p)
    lms.warnings.clear()
    lms.page.goto(lms_url(lms_server, package, quiz, '{"v":1,"q":[["broken'))
    _, frame = sco_frame(lms.page)
    assert any("suspend_data" in w and "corrupted" in w for w in lms.warnings), lms.warnings
    assert frame.evaluate("() => Object.keys(KelisimProgress.all()).length") == 0
    answer_rest_correctly(frame)
    assert json.loads(cmi(lms.page, "suspend_data"))["v"] == 1
    assert not lms.errors


def test_without_an_lms_the_package_works_like_the_site_with_a_notice(lms, lms_server, packages):
    package = packages["kk-module"]
    quiz = next(p for p in next(iter(package.scos.values())) if "quizzes/" in p)
    page = lms.page
    page.goto(f"{lms_server.base}{package.name}/{quiz}")
    notice = page.locator(".kl-scorm-notice")
    notice.wait_for()
    assert "бағалар журналына түспейді" in notice.inner_text()
    first = page.locator("form[data-kl-q]").first
    qid = first.get_attribute("data-kl-q")
    first.locator("input").first.check()
    first.locator("button[type=submit]").click()
    key = f"kelisim:kelisim-{_version()}-kk:q:{qid}"
    assert page.evaluate("(key) => JSON.parse(localStorage.getItem(key)).v", key) == 1
    assert not lms.errors



def test_an_lms_on_another_origin_gives_the_fallback_with_its_message(browser, lms_server, packages):
    """The SCO framed from another origin cannot reach window.parent.API: the site's behaviour, a clear notice."""
    package = packages["ru-module"]
    quiz = next(p for p in next(iter(package.scos.values())) if "quizzes/" in p)
    other_origin = lms_server.base.replace("127.0.0.1", "localhost")
    context = browser.new_context(locale="ru-RU")
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(f"{lms_server.base}lms.html?{urllib.parse.urlencode({'launch': f'{other_origin}{package.name}/{quiz}'})}")
        notice = page.frame_locator("#sco").locator(".kl-scorm-notice")
        notice.wait_for()
        assert "с разных адресов" in notice.inner_text()
        assert page.evaluate("() => calls.LMSInitialize") == 0
        assert not errors
    finally:
        context.close()
