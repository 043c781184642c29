"""Every format tells a reviewed policy map from an unreviewed one and from the analyzer's
reading, and `--write-map` never overwrites a reviewer's corrections without `--force`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_support import ACCOUNT_ONLY, MINIMAL, ROOT, assert_error_line, run_cli

REVIEWED_MAP = ROOT / "policy_maps" / "smartmi.yaml"
FORMATS = ("terminal", "json", "sarif", "markdown", "html")


@pytest.fixture
def unreviewed_map(tmp_path: Path) -> Path:
    text = REVIEWED_MAP.read_text(encoding="utf-8")
    assert "\nreviewed: true\n" in text
    path = tmp_path / "smartmi-draft.yaml"
    path.write_text(text.replace("\nreviewed: true\n", "\nreviewed: false\n"), encoding="utf-8")
    return path


def _report(policy: Path, fmt: str) -> str:
    result = run_cli("audit", MINIMAL, "--policy", policy, "--no-evidence", "--format", fmt)
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_text_formats_say_whether_the_map_was_reviewed(fmt: str, unreviewed_map: Path) -> None:
    reviewed = _report(REVIEWED_MAP, fmt)
    assert "reviewed policy map" in reviewed and "NOT reviewed" not in reviewed
    draft = _report(unreviewed_map, fmt)
    assert "NOT reviewed (reviewed: false)" in draft
    assert "reviewed policy map" not in draft and "(reviewed map)" not in draft
    document = _report(ACCOUNT_ONLY, fmt)
    assert "reviewed" not in document.lower()


def test_json_policy_object_carries_reviewed(unreviewed_map: Path) -> None:
    def policy(path: Path) -> tuple[bool, bool]:
        data = json.loads(_report(path, "json"))["policy"]
        return data["from_map"], data["reviewed"]

    assert policy(REVIEWED_MAP) == (True, True)
    assert policy(unreviewed_map) == (True, False)
    assert policy(ACCOUNT_ONLY) == (False, False)
    standalone = run_cli("policy", unreviewed_map, "--format", "json")
    assert json.loads(standalone.stdout)["reviewed"] is False


def test_sarif_run_carries_reviewed(unreviewed_map: Path) -> None:
    def policy(path: Path) -> dict[str, object]:
        properties: dict[str, object] = json.loads(_report(path, "sarif"))["runs"][0]["properties"]
        return properties["policy"]  # type: ignore[return-value]

    assert policy(REVIEWED_MAP)["reviewed"] is True
    assert policy(unreviewed_map) == {"source": str(unreviewed_map), "map": True, "reviewed": False}


def test_policy_table_title_says_whether_the_map_was_reviewed(unreviewed_map: Path) -> None:
    assert "(reviewed policy map)" in run_cli("policy", REVIEWED_MAP).stdout
    assert "NOT reviewed" in run_cli("policy", unreviewed_map).stdout


def test_write_map_refuses_to_overwrite_a_reviewed_map(tmp_path: Path) -> None:
    target = tmp_path / "vendor.yaml"
    target.write_bytes(REVIEWED_MAP.read_bytes())
    result = run_cli("policy", ACCOUNT_ONLY, "--write-map", target)
    assert_error_line(result, target, "is a reviewed policy map (reviewed: true)")
    assert "--force" in result.stderr
    assert target.read_bytes() == REVIEWED_MAP.read_bytes()
    forced = run_cli("policy", ACCOUNT_ONLY, "--write-map", target, "--force")
    assert forced.exit_code == 0, forced.stderr
    assert "reviewed: false" in target.read_text(encoding="utf-8")


def test_write_map_replaces_an_unreviewed_map(unreviewed_map: Path) -> None:
    result = run_cli("policy", ACCOUNT_ONLY, "--write-map", unreviewed_map)
    assert result.exit_code == 0, result.stderr
    assert "source: account_only_policy.txt" in unreviewed_map.read_text(encoding="utf-8")


def test_write_map_refuses_a_file_that_is_no_map(tmp_path: Path) -> None:
    notes = tmp_path / "notes.yaml"
    notes.write_text("- my notes\n", encoding="utf-8")
    result = run_cli("policy", ACCOUNT_ONLY, "--write-map", notes)
    assert_error_line(result, notes, "exists and is not a policy map; --force replaces it")
    assert notes.read_text(encoding="utf-8") == "- my notes\n"
