"""Pairs of real fixture apps and policies for the batch tests, and reading a job's lines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli_support import APKS, ROOT

POLICIES = ROOT / "tests" / "fixtures" / "policies"
MAPS = ROOT / "tests" / "fixtures" / "policy_maps"
TAMPERED = ROOT / "tests" / "fixtures" / "tampered"
DEMO_MD = POLICIES / "demo_policy.md"
DEMO_TXT = POLICIES / "demo_policy.txt"
LINE_KEYS = {"schema_version", "id", "app", "policy", "status", "error", "summary", "findings"}

# Good pairs (apps, bundles, a policy map, a tampered APK Android still installs) and bad ones
# (not an APK, a missing app, a missing policy): (id, app, policy).
MIXED_PAIRS: list[tuple[str, Path, Path]] = [
    ("ipcam", APKS / "ipcam.apk", DEMO_MD),
    ("watch", APKS / "watch.apk", DEMO_MD),
    ("homecam", APKS / "evidence_homecam.apk", DEMO_TXT),
    ("watch-aab", APKS / "watch.aab", MAPS / "luminacam_privacy_policy.yaml"),
    ("ipcam-xapk", APKS / "ipcam.xapk", DEMO_TXT),
    ("tampered", TAMPERED / "zip-bad-crc.apk", DEMO_MD),
    ("not-an-apk", DEMO_MD, DEMO_MD),
    ("missing-app", APKS / "no-such.apk", DEMO_MD),
    ("missing-policy", APKS / "minimal.apk", POLICIES / "no-such-policy.txt"),
]
BAD_IDS = {"not-an-apk", "missing-app", "missing-policy"}


def write_csv(path: Path, pairs: list[tuple[str, Path, Path]]) -> Path:
    rows = ["app,policy,id", *(f"{app},{policy},{pair_id}" for pair_id, app, policy in pairs)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def lines_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def by_id(path: Path) -> dict[str, dict[str, Any]]:
    lines = lines_of(path)
    result = {line["id"]: line for line in lines}
    assert len(result) == len(lines), "an id appears twice"
    return result
