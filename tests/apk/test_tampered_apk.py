"""Tampered-but-installable APKs: permissions as Android reads them, and a tampering report.

The fixtures come from scripts/build_tampered_fixtures, one trick each, all built from the
same untampered APK; each must extract exactly like it, with `tampered` set and a warning
that says what was wrong.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from permaudit.cli import main
from tests.apk.hostile_support import BASE_APK, MAX_PEAK_RSS_MB, TAMPERED, run_permaudit

# Variant → a fragment of the warning it must produce.
EXPECTED_WARNING = {
    "axml-bad-magic": "file type is 0x0000",
    "axml-appended-junk": "junk after the binary manifest",
    "axml-file-header-size": "header is 12 bytes",
    "axml-string-pool-header": "string pool header is 36 bytes",
    "axml-unknown-chunks": "unknown chunk type",
    "axml-node-header-size": "node header is 20 bytes",
    "axml-attribute-start": "attributes start at 28",
    "axml-attribute-size": "attributes are 24 bytes",
    "axml-junk-in-nodes": "junk inside an XML node",
    "axml-attribute-names": "resource id",
    "zip-local-method": "local header says compression method",
    "zip-local-sizes": "local header sizes",
    "zip-local-name": "local header names",
    "zip-local-name-length": "local header names",
    "zip-unknown-method-stored": "unknown compression method 4919, read as stored",
    "zip-unknown-method-deflated": "unknown compression method 4919, read as deflate",
    "zip-oversized-entry": "junk after the binary manifest",
    "zip-bad-crc": "CRC-32",
}
# What may differ between a tampered APK and the one it was built from.
REPORT_ONLY = {"source", "tampered", "warnings"}


def extract_json(path: Path) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.fixture(scope="module")
def base() -> dict[str, Any]:
    return extract_json(BASE_APK)


def test_every_fixture_has_an_expectation() -> None:
    built = {path.stem for path in TAMPERED.glob("*.apk")}
    assert built == set(EXPECTED_WARNING)


def test_untampered_apk_is_not_reported_as_tampered(base: dict[str, Any]) -> None:
    assert base["tampered"] is False
    assert base["permissions"], "the base fixture must request permissions to compare"


@pytest.mark.parametrize("variant", sorted(EXPECTED_WARNING))
def test_tampered_apk_reads_like_the_original(variant: str, base: dict[str, Any]) -> None:
    facts = extract_json(TAMPERED / f"{variant}.apk")
    assert facts["tampered"] is True
    assert any(EXPECTED_WARNING[variant] in warning for warning in facts["warnings"]), facts[
        "warnings"
    ]
    for key, value in base.items():
        if key not in REPORT_ONLY:
            assert facts[key] == value, key


def test_table_view_says_tampered() -> None:
    path = TAMPERED / "axml-node-header-size.apk"
    run = run_permaudit("extract", str(path))
    assert run.code == 0, run.stderr
    assert run.peak_rss_mb < MAX_PEAK_RSS_MB
    assert "tampered" in run.stdout.lower()
    assert "node header is 20 bytes" in run.stdout + run.stderr
