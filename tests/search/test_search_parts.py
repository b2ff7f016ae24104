"""The search's own parts: the Kazakh stemmer's Node tests, and the lunr files each language loads."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kelisim import ROOT

HERE = Path(__file__).parent
OURS = ROOT / "overrides" / "assets" / "javascripts" / "lunr" / "min"


def test_kazakh_stemmer_node_tests_pass():
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is missing (Debian package nodejs, listed in the Makefile's DEBIAN_PACKAGES)")
    result = subprocess.run([node, "--test", str(HERE)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, f"node --test failed:\n{result.stdout[-4000:]}\n{result.stderr[-2000:]}"
    assert "# fail 0" in result.stdout


def test_every_lunr_language_in_the_search_settings_has_its_file(built_site):
    """The worker imports lunr.<lang>.min.js for each language listed; a missing one kills search."""
    import json

    material = Path(__import__("material").__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
    for index in [built_site / "search" / "search_index.json", built_site / "kk" / "search" / "search_index.json"]:
        languages = json.loads(index.read_text(encoding="utf-8"))["config"]["lang"]
        assert "kelisim" in languages and "kk" in languages, languages
        for lang in languages:
            name = f"lunr.{lang}.min.js"
            assert (built_site / "assets" / "javascripts" / "lunr" / "min" / name).is_file(), name
            assert (OURS / name).is_file() or (material / name).is_file(), name
