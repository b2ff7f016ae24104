"""The supported Python floor (pyproject.toml's requires-python) holds for every pin, README and Makefile.

Reads the installed distributions' metadata (no network): a pin whose Requires-Python excludes the
floor installs here on a newer interpreter and fails on the oldest one the README promises.
"""

import importlib.metadata
import re
import sys
import tomllib

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from conftest import ROOT


def floor() -> Version:
    spec = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    match = re.fullmatch(r">=\s*(\d+(?:\.\d+)*)", spec)
    assert match, f"requires-python should be a plain '>=X.Y' floor, not {spec!r}"
    return Version(match.group(1))


def pins() -> list[Requirement]:
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return [Requirement(line) for line in lines if line.strip() and not line.startswith("#")]


def test_every_pinned_package_installs_on_the_floor():
    lowest = floor()
    excluded = []
    for pin in pins():
        installed = importlib.metadata.distribution(pin.name)
        assert pin.specifier.contains(installed.version), f"{pin} is installed as {installed.version}: run make"
        needs = installed.metadata.get("Requires-Python")
        if needs and not SpecifierSet(needs).contains(lowest, prereleases=True):
            excluded.append(f"{pin} requires Python {needs}")
    assert not excluded, f"pins that exclude the floor {lowest} (pyproject.toml): {excluded}"


def test_this_interpreter_meets_the_floor():
    assert sys.version_info >= floor().release


def test_readme_authoring_guide_and_makefile_state_the_same_floor():
    for guide in ("README.md", "AUTHORING.md"):
        assert f"Python {floor()} or newer" in (ROOT / guide).read_text(encoding="utf-8"), guide
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "requires-python" in makefile and re.search(r"^FLOOR\s*:=.*pyproject\.toml", makefile, re.M)
