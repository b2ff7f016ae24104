"""Vendored front-end files match SHA256SUMS, exactly the pinned files, each package with its licence."""

import pytest

from conftest import ROOT
from kelisim import vendor


@pytest.mark.parametrize("folder", vendor.FOLDERS, ids=str)
def test_every_vendored_file_matches_its_checksum(folder):
    sums = vendor.expected_sums(ROOT, folder)
    on_disk = {p.relative_to(ROOT / folder).as_posix() for p in (ROOT / folder).rglob("*")
               if p.is_file() and p.name != vendor.SUMS}
    assert on_disk == set(sums), "vendored files and SHA256SUMS differ: run `python -m kelisim vendor`"
    for name, digest in sums.items():
        assert vendor.sha256(ROOT / folder / name) == digest, f"{name} was edited by hand"


def test_sums_list_exactly_the_pinned_files_and_each_licence():
    for folder in vendor.FOLDERS:
        pinned = {target for _, where, files in vendor.PACKAGES.values() if where == folder for target in files.values()}
        assert pinned == set(vendor.expected_sums(ROOT, folder)), folder
    for package, (_, _, files) in vendor.PACKAGES.items():
        assert any(source.upper().startswith(("LICENSE", "LICENCE")) for source in files), \
            f"{package} is vendored without its licence"

