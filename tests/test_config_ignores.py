"""An ignore naming both `category` and `permission`: a finding must match both, and an ignore
whose permission belongs to another category is refused wherever ignores are made."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from permaudit.audit import Ignore
from permaudit.models import Category, Rule
from tests.cli_support import ACCOUNT_ONLY, IPCAM, assert_error_line, run_cli

BOTH = (
    '[[ignore]]\nrule = "undisclosed"\ncategory = "location"\npermission = "{permission}"\n'
    'reason = "setup needs it; disclosure tracked in LEGAL-7"\n'
)


def _audit(config: Path, fmt: str) -> str:
    result = run_cli(
        "audit", IPCAM, "--policy", ACCOUNT_ONLY, "--config", config, "--no-evidence",
        "--format", fmt,
    )  # fmt: skip
    assert result.exit_code == 1, result.stderr
    return result.stdout


def _audit_json(config: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(_audit(config, "json"))
    return data


def test_both_fields_remove_only_the_finding_of_that_category_with_that_permission(
    tmp_path: Path,
) -> None:
    config = tmp_path / "permaudit.toml"
    config.write_text(BOTH.format(permission="ACCESS_FINE_LOCATION"), encoding="utf-8")
    data = _audit_json(config)
    findings = data["findings"]
    assert isinstance(findings, list)
    assert "location" not in {f["category"] for f in findings}
    assert {"camera", "microphone"} <= {f["category"] for f in findings}
    (outcome,) = data["ignores"]  # type: ignore[misc]
    assert outcome["status"] == "applied" and len(outcome["fingerprints"]) == 1
    assert (outcome["category"], outcome["permission"]) == ("location", "ACCESS_FINE_LOCATION")


def test_reports_name_both_fields(tmp_path: Path) -> None:
    config = tmp_path / "permaudit.toml"
    config.write_text(BOTH.format(permission="ACCESS_FINE_LOCATION"), encoding="utf-8")
    for fmt in ("terminal", "html"):
        assert "location + ACCESS_FINE_LOCATION" in _audit(config, fmt), fmt


@pytest.mark.parametrize("name", ["permaudit.toml", "pyproject.toml"])
def test_a_permission_of_another_category_is_a_config_error(tmp_path: Path, name: str) -> None:
    text = BOTH.format(permission="CAMERA")
    if name == "pyproject.toml":
        text = "[tool.permaudit]\n" + text.replace("[[ignore]]", "[[tool.permaudit.ignore]]")
    config = tmp_path / name
    config.write_text(text, encoding="utf-8")
    result = run_cli("audit", IPCAM, "--policy", ACCOUNT_ONLY, "--config", config)
    assert_error_line(result, config, "ignore.0: ")
    assert "CAMERA is of category camera, not location" in result.stderr
    assert "could never match" in result.stderr


def test_the_library_ignore_is_validated_the_same_way() -> None:
    with pytest.raises(ValueError, match="CAMERA is of category camera, not location"):
        Ignore(rule=Rule.UNDISCLOSED, reason="x", category=Category.LOCATION, permission="CAMERA")
    with pytest.raises(ValueError, match="needs `category` or `permission`"):
        Ignore(rule=Rule.UNDISCLOSED, reason="x")
    full = "android.permission.ACCESS_FINE_LOCATION"
    assert Ignore(rule=Rule.UNDISCLOSED, reason="x", category=Category.LOCATION, permission=full)


def test_a_permission_the_catalog_does_not_know_may_name_any_category(tmp_path: Path) -> None:
    # Components and vendor permissions have no catalog category; nothing to contradict.
    config = tmp_path / "permaudit.toml"
    config.write_text(BOTH.format(permission="com.vendor.permission.GPS"), encoding="utf-8")
    data = _audit_json(config)
    (outcome,) = data["ignores"]  # type: ignore[misc]
    assert outcome["status"] == "unused"
