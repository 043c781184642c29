from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.cli_support import run_cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "apk"
APPS = sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".apk", ".apks", ".xapk"))


def extract_json(app: Path) -> dict[str, Any]:
    result = run_cli("extract", app, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@dataclass
class AaptRecording:
    package: str | None = None
    # (name, sdk23, maxSdkVersion)
    uses: set[tuple[str, bool, int | None]] = field(default_factory=set)
    declared: set[str] = field(default_factory=set)
    badging: dict[str, str] = field(default_factory=dict)


_USES = re.compile(r"^(uses-permission(?:-sdk-23)?): name='([^']+)'(?: maxSdkVersion='(\d+)')?")


def read_recording(app_name: str) -> AaptRecording:
    text = (FIXTURES / f"{app_name}.aapt.txt").read_text(encoding="utf-8")
    permissions, _, badging = text.partition("## badging\n")
    recording = AaptRecording()
    for line in permissions.splitlines():
        if line.startswith("package: "):
            recording.package = line.removeprefix("package: ").strip()
        elif line.startswith("permission: "):
            recording.declared.add(line.removeprefix("permission: ").strip())
        elif match := _USES.match(line):
            kind, name, max_sdk = match.groups()
            recording.uses.add(
                (name, kind == "uses-permission-sdk-23", int(max_sdk) if max_sdk else None)
            )
    for line in badging.splitlines():
        if line.startswith("package: "):
            recording.badging.update(re.findall(r"(\w+)='([^']*)'", line))
        elif match := re.match(r"^(sdkVersion|targetSdkVersion):'(\d+)'", line):
            recording.badging[match.group(1)] = match.group(2)
    return recording
