"""Vendored front-end files match SHA256SUMS, exactly the pinned files, each package with its licence."""

from kelisim import vendor


def test_every_vendored_file_matches_its_checksum():
    sums = vendor.expected_sums()
    on_disk = {p.relative_to(vendor.VENDOR_DIR).as_posix() for p in vendor.VENDOR_DIR.rglob("*")
               if p.is_file() and p != vendor.SUMS}
    assert on_disk == set(sums), "vendored files and SHA256SUMS differ: run `python -m kelisim vendor`"
    for name, digest in sums.items():
        assert vendor.sha256(vendor.VENDOR_DIR / name) == digest, f"{name} was edited by hand"


def test_sums_list_exactly_the_pinned_files_and_each_licence():
    pinned = {target for _, files in vendor.PACKAGES.values() for target in files.values()}
    assert pinned == set(vendor.expected_sums())
    for package, (_, files) in vendor.PACKAGES.items():
        assert any(source.upper().startswith(("LICENSE", "LICENCE")) for source in files), \
            f"{package} is vendored without its licence"
