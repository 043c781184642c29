"""Property tests: mutated fixture APKs never crash permaudit, never hang it.

Mutations hit the three places tampering lives: the central directory, the manifest's local
file header, and the binary manifest itself (rewritten into a fresh zip so the mutation
reaches the XML parser rather than just breaking the deflate stream).
"""

from __future__ import annotations

import tempfile
import zipfile
from io import BytesIO
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from permaudit.cli import main
from tests.hostile_support import BASE_APK, apk_mutation, mutate_region

MANIFEST = "AndroidManifest.xml"
APK = BASE_APK.read_bytes()
with zipfile.ZipFile(BytesIO(APK)) as _archive:
    _CD_START = _archive.start_dir
    _LOCAL = _archive.getinfo(MANIFEST).header_offset
    _ENTRIES = [(info.filename, _archive.read(info)) for info in _archive.infolist()]
MANIFEST_BYTES = dict(_ENTRIES)[MANIFEST]

REGIONS = {
    "central directory": (_CD_START, len(APK)),
    "local header": (_LOCAL, _LOCAL + 30 + len(MANIFEST)),
    "whole file": (0, len(APK)),
}


def with_manifest(manifest: bytes) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in _ENTRIES:
            archive.writestr(name, manifest if name == MANIFEST else data)
    return out.getvalue()


def run_extract(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mutant.apk"
        path.write_bytes(data)
        result = CliRunner().invoke(main, ["extract", str(path), "--format", "json"])
    assert result.exit_code in (0, 1, 2), result.output
    # CliRunner catches every exception; only the exit itself is allowed through.
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.stderr.startswith(f"permaudit: error: {path}: "), result.stderr


SETTINGS = settings(
    max_examples=60,
    deadline=2000,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)


@SETTINGS
@given(
    region=st.sampled_from(sorted(REGIONS)),
    mutations=st.lists(apk_mutation, min_size=1, max_size=3),
)
def test_mutated_zip_never_crashes(region: str, mutations: list[tuple[str, float, bytes]]) -> None:
    data = APK
    for op, where, payload in mutations:
        start, end = REGIONS[region]
        end = min(end, len(data))
        start = min(start, end)
        data = mutate_region(data, start, end, op, where, payload)
    run_extract(data)


@SETTINGS
@given(mutations=st.lists(apk_mutation, min_size=1, max_size=4))
def test_mutated_manifest_never_crashes(mutations: list[tuple[str, float, bytes]]) -> None:
    manifest = MANIFEST_BYTES
    for op, where, payload in mutations:
        manifest = mutate_region(manifest, 0, len(manifest), op, where, payload)
    run_extract(with_manifest(manifest))
