"""Vendored front-end files: pinned npm packages, copied with their licences, checksummed.

`python -m kelisim vendor` fetches each pinned package from the npm registry (`npm pack`)
and rewrites overrides/assets/vendor/ and its SHA256SUMS. Tests verify the checksums,
so a hand-edited vendored file fails the suite.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from . import ROOT

VENDOR_DIR = ROOT / "overrides" / "assets" / "vendor"
SUMS = VENDOR_DIR / "SHA256SUMS"

#: package -> (version, {file in the package: path under overrides/assets/vendor/})
PACKAGES: dict[str, tuple[str, dict[str, str]]] = {
    # Lets Material's search worker run from file:// (a USB copy of the site).
    "iframe-worker": ("1.0.4", {"shim/index.js": "iframe-worker/shim.js", "LICENSE": "iframe-worker/LICENSE"}),
    # Lecture decks (kelisim.slides): the core, its stylesheet and the speaker-notes plugin,
    # whose speaker view is built into notes.js. Themes (no Cyrillic fonts) are not shipped.
    "reveal.js": ("6.0.2", {"dist/reveal.js": "reveal.js/reveal.js", "dist/reveal.css": "reveal.js/reveal.css",
                            "dist/plugin/notes.js": "reveal.js/plugin/notes.js", "LICENSE": "reveal.js/LICENSE"}),
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def expected_sums() -> dict[str, str]:
    """{relative path: sha256} as recorded in SHA256SUMS."""
    sums = {}
    for line in SUMS.read_text(encoding="utf-8").splitlines():
        digest, name = line.split(maxsplit=1)
        sums[name.lstrip("*")] = digest
    return sums


def fetch() -> None:
    """Re-download every pinned package and rewrite the vendored files and SHA256SUMS."""
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        for package, (version, files) in PACKAGES.items():
            subprocess.run(["npm", "pack", "--silent", f"{package}@{version}", "--pack-destination", tmp],
                           check=True, stdout=subprocess.DEVNULL)
            archive = next(Path(tmp).glob(f"{package.replace('/', '-').lstrip('@')}-{version}.tgz"))
            unpacked = Path(tmp) / package
            with tarfile.open(archive) as tar:
                tar.extractall(unpacked, filter="data")
            for source, target in files.items():
                destination = VENDOR_DIR / target
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(unpacked / "package" / source, destination)
                lines.append(f"{sha256(destination)}  {target}")
    SUMS.write_text("\n".join(sorted(lines, key=lambda l: l.split()[1])) + "\n", encoding="utf-8")
