"""The release as an administrator installs it (release/deploy.md): the real site packed by `dist`
with stand-in PDFs, unzipped, served by Debian's nginx with the SHIPPED deploy/nginx/kelisim.conf
under /kurs/, changed only where the guide tells the admin to (port and folder)."""

from __future__ import annotations

import datetime as dt
import http.client
import os
import re
import shutil
import socket
import subprocess
import time
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, SUB_PATH, Visit

NGINX = shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")
HASHED = "assets/stylesheets/main."  # Material's fingerprinted stylesheet: main.<hash>.min.css
LONG = "public, max-age=31536000, immutable"

#: The test's own nginx: foreground, one process (no user switch), everything in its temp prefix.
MAIN_CONF = """daemon off;
master_process off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/kelisim.conf;
}}
"""


@pytest.fixture(scope="module")
def installed(built_site, tmp_path_factory) -> Path:
    """/srv/kelisim/current as the guide sets it up: the unzipped release behind a `current` link."""
    from kelisim import release
    from kelisim.checks import read_pages
    from kelisim.model import load_course

    course = load_course(ROOT)
    pages = read_pages(ROOT, course.languages)
    work = tmp_path_factory.mktemp("release")
    for download in release.downloads(course, pages):  # the PDFs and XML are `make handbook`'s: stand-ins here
        target = work / "dist" / download.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"%PDF-1.7 stand-in\n" * 100)
    version = release.Version(course.id, course.version, "0" * 40, dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc))
    zip_path = release.assemble(ROOT, built_site, work / "dist", course, pages, version)
    srv = work / "srv"
    zipfile.ZipFile(zip_path).extractall(srv)
    (srv / "current").symlink_to(f"kelisim-{course.version}")
    return srv / "current"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def nginx(installed, tmp_path_factory):
    """The shipped configuration on a free port; yields 'http://127.0.0.1:<port>/kurs/'. Stopped by its pid."""
    if not NGINX:
        pytest.fail("nginx is missing: run `make test` (installs it as root) or `sudo apt-get install nginx`")
    prefix = tmp_path_factory.mktemp("nginx")
    port = free_port()
    shipped = (installed / "deploy" / "nginx" / "kelisim.conf").read_text(encoding="utf-8")
    assert shipped == (ROOT / "deploy" / "nginx" / "kelisim.conf").read_text(encoding="utf-8")
    conf, listens = re.subn(r"^(\s+)listen 80;$", rf"\1listen 127.0.0.1:{port};", shipped, flags=re.M)
    assert listens == 1 and "/srv/kelisim/current/site/;" in conf
    conf = conf.replace("/srv/kelisim/current", str(installed))
    (prefix / "kelisim.conf").write_text(conf, encoding="utf-8")
    (prefix / "nginx.conf").write_text(MAIN_CONF.format(prefix=prefix), encoding="utf-8")
    process = subprocess.Popen([NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            if process.poll() is not None:
                pytest.fail(f"nginx stopped: {process.stderr.read().decode()}")
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        else:
            pytest.fail("nginx did not listen within 5 s")
        yield f"http://127.0.0.1:{port}/{SUB_PATH}/"
    finally:
        process.terminate()  # our own nginx, by its pid
        process.wait(timeout=10)


def get(base: str, path: str, gzip: bool = False):
    """(status, headers, body) of one request; redirects are not followed."""
    host, _, rest = base.removeprefix("http://").partition("/")
    connection = http.client.HTTPConnection(host, timeout=10)
    connection.request("GET", f"/{rest}{path}", headers={"Accept-Encoding": "gzip"} if gzip else {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, response.headers, body


def test_every_page_and_download_answers_200_with_its_type(nginx, installed):
    site = installed / "site"
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len(pages) > 60
    for page in pages:
        status, headers, _ = get(nginx, page)
        assert (status, headers["Content-Type"]) == (200, "text/html; charset=utf-8"), page
        assert headers["Cache-Control"] == "no-cache", page
    assert get(nginx, "")[0] == get(nginx, "kk/")[0] == 200  # the folders' index.html
    types = {"search/search_index.json": "application/json", "assets/kelisim/favicon.svg": "image/svg+xml",
             "sitemap.xml": "application/xml", "downloads/handbook/kelisim-kk.pdf": "application/pdf",
             "downloads/moodle/kelisim-ru.xml": "application/xml"}
    package = min((site / "downloads" / "scorm").glob("*.zip"))
    types[package.relative_to(site).as_posix()] = "application/zip"
    for path, expected in types.items():
        status, headers, _ = get(nginx, path)
        assert status == 200 and headers["Content-Type"].split(";")[0] == expected, path


def test_the_sub_path_without_its_slash_redirects_on_the_same_host(nginx):
    status, headers, _ = get(nginx.removesuffix(f"{SUB_PATH}/"), SUB_PATH)
    assert (status, headers["Location"]) == (301, f"/{SUB_PATH}/")


@pytest.mark.parametrize("lang, prefix, title", [("ru", "", "Страница не найдена"), ("kk", "kk/", "Бет табылмады")])
def test_a_missing_page_gets_its_languages_404_with_status_404(nginx, lang, prefix, title):
    for missing in (f"{prefix}no-such-page.html", f"{prefix}modules/old/deeper/gone.html"):
        status, headers, body = get(nginx, missing)
        text = body.decode()
        assert status == 404, missing
        assert f'<html lang="{lang}">' in text and f"<h1>{title}</h1>" in text, missing


def test_text_files_are_gzipped_and_only_hashed_assets_cached_long(nginx, installed):
    site = installed / "site"
    hashed = [p.relative_to(site).as_posix() for p in (site / "assets").rglob("*")
              if re.search(r"\.[0-9a-f]{8}\.min\.(css|js)$", p.name)]
    assert any(h.startswith(HASHED) for h in hashed) and any("bundle." in h for h in hashed)
    assert len(hashed) == 4  # main and palette CSS, the bundle, the search worker: nothing else is fingerprinted
    for path in hashed:
        status, headers, _ = get(nginx, path, gzip=True)
        assert (status, headers["Cache-Control"], headers["Content-Encoding"]) == (200, LONG, "gzip"), path
    for path in ("index.html", "kk/modules/kazaktanu.html", "assets/kelisim/kelisim.css",
                 "assets/kelisim/quiz.js", "search/search_index.json", "kk/search/search_index.json",
                 "assets/kelisim/favicon.svg", "assets/javascripts/lunr/min/lunr.kk.min.js"):
        status, headers, _ = get(nginx, path, gzip=True)
        assert status == 200 and headers["Content-Encoding"] == "gzip", path
        assert headers["Cache-Control"] == "no-cache" and "Accept-Encoding" in headers["Vary"], path


def test_the_download_page_links_real_files_with_their_sizes(nginx):
    for page, up in (("release/index.html", "../"), ("kk/release/index.html", "../../")):
        text = get(nginx, page)[2].decode()
        assert "указан в выпуске</span>" not in text and "шығарылымда көрсетіледі</span>" not in text
        assert text.count('">2 КБ</span>') == text.count("data-kl-size=") >= 16, page  # 1 800-byte stand-ins
        assert f'href="{up}downloads/handbook/kelisim-ru.pdf" download="kelisim-ru.pdf"' in text, page
        assert f'href="{up}downloads/decks/kk/kazaktanu.pdf" download="kelisim-kk-kazaktanu.pdf"' in text, page
    assert get(nginx, "downloads/handbook/kelisim-ru.pdf")[0] == 200


@pytest.mark.browser
def test_a_quiz_answered_through_nginx_survives_a_reload(browser, nginx):
    origin = nginx.removesuffix(f"{SUB_PATH}/")
    visit = Visit(browser.new_context(locale="ru-RU"), origin)
    try:
        page = visit.page
        page.goto(nginx + "quizzes/intro.html")
        page.wait_for_selector(".kl-quiz--ready")
        page.locator("#q-intro-module-count label").filter(has_text="Пять").click()
        page.click("#q-intro-module-count button[type=submit]")
        assert "✓ Правильно" in page.inner_text("#q-intro-module-count .kl-quiz__result")
        page.reload()
        page.wait_for_selector(".kl-quiz--ready")
        assert "✓ Правильно" in page.inner_text("#q-intro-module-count .kl-quiz__result")
        assert page.locator("#q-intro-module-count input:checked").count() == 1
        assert visit.external == [] and visit.errors == []
    finally:
        visit.context.close()


def test_the_apache_and_iis_configs_name_real_files(installed):
    """No Apache or IIS here to run (Apache was tried by hand): their configs are read against the release."""
    import xml.etree.ElementTree as etree

    site, deploy = installed / "site", installed / "deploy"
    fingerprinted = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)(\.map)?$")
    files = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]

    iis = etree.parse(deploy / "iis" / "web.config").getroot()
    errors = [e.get("path") for e in iis.iter("error") if e.get("statusCode") == "404"]
    assert errors == [f"/{SUB_PATH}/404.html", f"/{SUB_PATH}/kk/404.html"]
    for location in iis.iter("location"):
        folder = location.get("path")
        assert [f for f in files if f.startswith(folder + "/")], folder
        if location.find(".//clientCache[@cacheControlMode='UseMaxAge']") is not None:  # cached for a year
            assert all(fingerprinted.search(f) for f in files if f.startswith(folder + "/")), folder

    apache = (deploy / "apache" / "kelisim.conf").read_text(encoding="utf-8")
    assert re.findall(r"ErrorDocument 404 (\S+)", apache) == errors
    long_cached, = re.findall(r'<FilesMatch "([^"]+)">\s*Header always set Cache-Control "[^"]*immutable', apache)
    assert sorted(f for f in files if re.search(long_cached, f)) == sorted(f for f in files if fingerprinted.search(f))
