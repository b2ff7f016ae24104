"""Search settings per language come from the language partials; a lunr language without its file is an error."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config

from kelisim import ROOT, site
from kelisim.problems import CourseError


@pytest.fixture(scope="module")
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


def test_each_language_gets_its_partials_search_settings(config):
    assert site.search_settings(config, "ru")["lang"] == ["ru", "kk", "kelisim"]
    assert site.search_settings(config, "kk")["lang"] == ["kk", "kelisim"]
    assert site.search_settings(config, "kk")["pipeline"] == ["stopWordFilter"]


def test_a_lunr_language_without_its_file_stops_the_build(config, monkeypatch):
    env = config.theme.get_env()
    template = env.get_template("partials/languages/kk.html")
    real = template.module.t
    monkeypatch.setattr(template.module, "t", lambda key: "kk, tatar" if key == "search.config.lang" else real(key))
    monkeypatch.setattr(config.theme, "get_env", lambda: env)
    with pytest.raises(CourseError) as caught:
        site.search_settings(config, "kk")
    [problem] = caught.value.problems
    assert problem.rule == "search-language" and "tatar" in problem.message
    assert problem.file == "overrides/partials/languages/kk.html"
