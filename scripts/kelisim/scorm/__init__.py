"""SCORM 1.2 packages of the built course, for the Academy's LMS (Moodle and others).

`python -m kelisim scorm` builds the site (strict) unless given one, then writes per language
dist/scorm/<course>-<version>-<lang>.zip (the whole course: a SCO for the frame pages, one per module)
and dist/scorm/<course>-<version>-<lang>-<module slug>.zip (one module, one SCO).

A SCO is a set of built pages (its launch page first); a package keeps the site's own layout
(Russian at the root, Kazakh under kk/), so every relative link and asset path still works. Each
page is adapted for the package (`adapt_page`): the language switcher and search (whose index lists
pages outside the package) are removed, links to pages outside the SCO are dropped or become text,
the progress store's namespace becomes course id + version + language (every package on an LMS
shares one origin), and the runtime (overrides/assets/kelisim/scorm.js) is loaded with the SCO's
settings. Files follow the pages' references, so a package holds what its pages use and nothing else.
Zips are reproducible: sorted entries, fixed times and permissions.
"""

from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import lxml.html

from ..i18n import for_script, t
from ..release import write_zip

XSD = Path(__file__).parent / "xsd"
#: The control files the SCORM 1.2 specification expects beside imsmanifest.xml.
XSD_FILES = ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd")
RUNTIME = "assets/kelisim/scorm.js"
#: Pages that stay out of learners' packages: trainer material, the answer key, release and LMS guides.
NOT_FOR_LEARNERS = ("trainer/", "release/", "slides.md", "answer-key.md")
#: Attributes that make a page load another file of the package.
REFERENCES = ("src", "href")
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


@dataclass(frozen=True)
class Sco:
    """One SCO: what the LMS launches, records a score for and lists as an activity item."""

    id: str  # "intro" or a module id; names the manifest's item and resource
    title: str
    pages: tuple[str, ...]  # built pages, paths inside the site; the launch page first


def site_page(lang: str, default_language: str, page: str) -> str:
    """The built path of a Markdown page of the language (Kazakh lives under kk/)."""
    prefix = "" if lang == default_language else f"{lang}/"
    return prefix + page.removesuffix(".md") + ".html"


def scos(data, lang: str) -> list[Sco]:
    """The SCOs of a language: the frame pages (home first), then each module with its quiz and materials."""
    from ..build import materials_pages

    course = data.course
    materials = materials_pages(data)
    modules = []
    for module in course.modules:
        pages = [module.page, *(b.quiz_page for b in data.banks if b.module == module),
                 *(path for owner, path in materials if owner == module.id)]
        modules.append(Sco(module.id, f"{t(lang, 'module', n=module.number)}. {module.title[lang]}",
                           tuple(site_page(lang, course.default_language, p) for p in pages)))
    in_modules = {page for sco in modules for page in sco.pages}
    frame = [site_page(lang, course.default_language, p) for p in data.pages[lang]
             if not p.startswith(NOT_FOR_LEARNERS)]
    frame = sorted((p for p in frame if p not in in_modules), key=lambda p: (not p.endswith("index.html"), p))
    return [Sco("intro", t(lang, "scorm.intro"), tuple(frame)), *modules]


def namespace(course, lang: str) -> str:
    """The progress store's course name in packages: learners' answers are kept per course, version, language."""
    return f"{course.id}-{course.version}-{lang}"


def _target(page: str, href: str) -> str | None:
    """The site path a relative reference of `page` points to; None for other origins and schemes."""
    if not href or href.startswith(("#", "data:", "blob:", "//")) or re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I):
        return None
    path = href.split("#", 1)[0].split("?", 1)[0]
    if not path:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def adapt_page(html: str, page: str, sco: Sco, settings: dict) -> tuple[str, set[str]]:
    """A built page made for the package: (new HTML, site paths of the files it references)."""
    doc = lxml.html.document_fromstring(html)
    for node in doc.xpath("//*[contains(concat(' ', @class, ' '), ' md-select ')]"  # language switcher
                          " | //*[contains(concat(' ', @class, ' '), ' md-search ')]"  # search and its index
                          " | //label[@for='__search']"):
        node.drop_tree()
    inside = set(sco.pages)
    for link in doc.xpath("//a[@href]"):
        target = _target(page, link.get("href"))
        if link.get("href").startswith("#") or (target in inside):
            continue
        if target is not None and not target.endswith(".html"):
            continue  # a file (image, PDF) the package carries along
        classes = (link.get("class") or "").split()
        if "md-nav__link" in classes:
            link.getparent().drop_tree()  # the navigation item of a page outside the SCO
        elif "md-footer__link" in classes or "md-button" in classes:  # a button that leads out: gone
            parent = link.getparent()
            link.drop_tree()
            if parent.tag == "p" and not parent.text_content().strip() and not len(parent):
                parent.drop_tree()
        else:  # a link in the text: its words stay, the way out goes
            link.tag = "span"
            for name in ("href", "hreflang", "target", "rel"):
                link.attrib.pop(name, None)
    # Navigation sections left without a page (their pages belong to other SCOs).
    for section in reversed(doc.xpath("//li[contains(@class, 'md-nav__item--nested')]")):
        if not section.xpath(".//a[@href]"):
            section.drop_tree()
    for node in doc.xpath("//*[@data-kl-course]"):
        node.set("data-kl-course", settings["course"])
    head = doc.find("head")
    config = lxml.html.Element("script", type="application/json", id="kl-scorm")
    config.text = json.dumps(settings, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")  # never ends the script
    runtime = lxml.html.Element("script", src=posixpath.relpath(RUNTIME, posixpath.dirname(page) or "."))
    head.extend([config, runtime])  # in the head and not deferred: ready before progress.js runs
    referenced = {target for name in REFERENCES for value in doc.xpath(f"//@{name}")
                  if (target := _target(page, value)) is not None}
    return lxml.html.tostring(doc, encoding="unicode", doctype="<!DOCTYPE html>"), referenced


def sco_settings(course, lang: str, sco: Sco, questions: list[str]) -> dict:
    """What the runtime needs to know about its SCO (read from the page's #kl-scorm)."""
    return {"course": namespace(course, lang), "sco": sco.id, "mastery": course.mastery_score,
            "questions": questions, "strings": for_script(lang, ("scorm.no-lms", "scorm.blocked", "scorm.stored-browser", "scorm.stored-lms"), "scorm.")}


def questions_of(site: Path, sco: Sco) -> list[str]:
    """Ids of the self-check questions on the SCO's pages, in page order (what its score is out of)."""
    ids = []
    for page in sco.pages:
        ids += re.findall(r'data-kl-q="([^"]+)"', (site / page).read_text(encoding="utf-8"))
    return ids


def package_files(site: Path, course, lang: str, units: list[Sco]) -> dict[str, bytes]:
    """{path in the zip: bytes}: the SCOs' adapted pages and every file they reference, transitively."""
    files: dict[str, bytes] = {}
    wanted: set[str] = {RUNTIME}
    for sco in units:
        settings = sco_settings(course, lang, sco, questions_of(site, sco))
        for page in sco.pages:
            html, referenced = adapt_page((site / page).read_text(encoding="utf-8"), page, sco, settings)
            files[page] = html.encode("utf-8")
            wanted |= {path for path in referenced if not path.endswith(".html")}
    while wanted:
        path = wanted.pop()
        if path in files or not (site / path).is_file():
            continue
        files[path] = (site / path).read_bytes()
        if path.endswith(".css"):  # stylesheets name their images and fonts
            text = files[path].decode("utf-8", "replace")
            wanted |= {target for url in CSS_URL.findall(text) if (target := _target(path, url)) is not None}
    return files


def manifest(course, lang: str, identifier: str, title: str, units: list[Sco], files: dict[str, bytes]) -> str:
    """imsmanifest.xml (SCORM 1.2: IMS CP 1.1.2 + ADL CP 1.2): one item and SCO resource per SCO,
    the files they share as one asset resource; every file of the package is listed."""
    pages = {page for sco in units for page in sco.pages}
    shared = sorted(path for path in files if path not in pages)

    def file_list(paths, indent="      "):
        return "".join(f"{indent}<file href={quoteattr(p)}/>\n" for p in paths)

    items = "".join(
        f'      <item identifier="item-{sco.id}" identifierref="res-{sco.id}" isvisible="true">\n'
        f"        <title>{escape(sco.title)}</title>\n"
        + (f"        <adlcp:masteryscore>{course.mastery_score}</adlcp:masteryscore>\n" if sco.id != "intro" else "")
        + "      </item>\n" for sco in units)
    resources = "".join(
        f'    <resource identifier="res-{sco.id}" type="webcontent" adlcp:scormtype="sco" href={quoteattr(sco.pages[0])}>\n'
        + file_list(sco.pages) + '      <dependency identifierref="res-shared"/>\n    </resource>\n' for sco in units)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<manifest identifier="{identifier}" version={quoteattr(course.version)}\n'
        '  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"\n'
        '  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"\n'
        '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
        '  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd'
        ' http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd'
        ' http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">\n'
        "  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>1.2</schemaversion>\n  </metadata>\n"
        f'  <organizations default="org">\n    <organization identifier="org">\n'
        f"      <title>{escape(title)}</title>\n{items}    </organization>\n  </organizations>\n"
        f"  <resources>\n{resources}"
        '    <resource identifier="res-shared" type="webcontent" adlcp:scormtype="asset">\n'
        + file_list(shared) + "    </resource>\n  </resources>\n</manifest>\n")


def write_package(site: Path, data, lang: str, module=None, out: Path | None = None) -> Path:
    """Write one package (the whole course in `lang`, or one module) into `out`; return its path."""
    course = data.course
    units = scos(data, lang)
    name = f"{course.id}-{course.version}-{lang}"
    title = course.title[lang]
    if module is not None:
        units = [sco for sco in units if sco.id == module.id]
        name += f"-{module.slug}"
        title = units[0].title
    files = package_files(site, course, lang, units)
    files["imsmanifest.xml"] = manifest(course, lang, name, title, units, files).encode("utf-8")
    for xsd in XSD_FILES:
        files[xsd] = (XSD / xsd).read_bytes()
    target = (out or Path("dist") / "scorm") / f"{name}.zip"
    write_zip(target, files)
    return target


def write_packages(root: Path, site: Path, out: Path) -> list[Path]:
    """Every package: per language the whole course and each module."""
    from ..checks import run_checks

    data = run_checks(root)
    return [write_package(site, data, lang, module, out)
            for lang in data.course.languages for module in (None, *data.course.modules)]
