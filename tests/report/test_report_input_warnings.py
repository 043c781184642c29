"""What the APK reader worked around (tampering) is shown in every format, not only JSON."""

from __future__ import annotations

import html
import json

import jsonschema
import pytest

from tests.cli_support import ACCOUNT_ONLY, IPCAM, ROOT, run_cli
from tests.shared_data import SARIF_SCHEMA, needs_sarif_schema

TAMPERED = ROOT / "tests" / "fixtures" / "tampered" / "axml-unknown-chunks.apk"
FORMATS = ("terminal", "json", "sarif", "markdown", "html")


def _audit(app: object, fmt: str) -> str:
    result = run_cli("audit", app, "--policy", ACCOUNT_ONLY, "--no-evidence", "--format", fmt)
    assert result.exit_code == 1, result.stderr
    return result.stdout


def _warnings() -> list[str]:
    data = json.loads(run_cli("extract", TAMPERED, "--format", "json").stdout)
    assert data["tampered"] is True and len(data["warnings"]) == 2
    return list(data["warnings"])


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_lists_every_reader_warning(fmt: str) -> None:
    text = _audit(TAMPERED, fmt)
    shown = html.unescape(text) if fmt == "html" else text
    if fmt in ("json", "sarif"):
        shown = json.dumps(json.loads(text), ensure_ascii=False)
    for warning in _warnings():
        assert warning in shown, (fmt, warning)
    if fmt in ("terminal", "markdown", "html"):
        assert "tampered: read the way Android reads it, 2 warnings" in shown


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_an_untampered_apk_has_no_warning_block(fmt: str) -> None:
    text = _audit(IPCAM, fmt).lower()
    assert "input warnings" not in text and "tampered" not in text


def test_sarif_warnings_are_tool_notifications() -> None:
    (invocation,) = json.loads(_audit(TAMPERED, "sarif"))["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is True
    notes = invocation["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["warning", "warning"]
    assert all(n["message"]["text"].startswith(f"{TAMPERED}: ") for n in notes)
    clean = json.loads(_audit(IPCAM, "sarif"))["runs"][0]["invocations"][0]
    assert "toolExecutionNotifications" not in clean


@needs_sarif_schema
def test_sarif_with_notifications_is_valid() -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(
        json.loads(_audit(TAMPERED, "sarif"))
    )
