"""Every report format on a real audit (the demo app against the demo policy, as `make demo`).

The golden-file tests (test_report_formats.py) pin the rendering of hand-built facts; these
check that a real APK + policy text renders in every format, byte-identically across runs and
across processes with different hash seeds, that the SARIF validates against the 2.1.0 schema,
and that the HTML needs nothing from the network.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from permaudit.cli import main
from tests.shared_data import SARIF_SCHEMA, needs_sarif_schema

ROOT = Path(__file__).resolve().parents[2]
# Relative to the repo root, as a user types them (and as every run must print them).
DEMO_ARGS = ("audit", "samples/ipcam-demo.apk", "--policy", "samples/privacy-policy.md")
FORMATS = ("terminal", "json", "sarif", "markdown", "html")

# Renders every format in a fresh interpreter and prints their digests: dict and set order
# there follows another hash seed than in this process.
_CHILD = """
import hashlib, json, sys
from click.testing import CliRunner
from permaudit.cli import main
args = json.loads(sys.argv[1])
out = {}
for fmt in json.loads(sys.argv[2]):
    result = CliRunner().invoke(main, [*args, "--format", fmt])
    out[fmt] = hashlib.sha256(result.stdout_bytes).hexdigest()
print(json.dumps(out))
"""


def _render(fmt: str) -> tuple[int, bytes]:
    previous = Path.cwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(main, [*DEMO_ARGS, "--format", fmt], catch_exceptions=False)
    finally:
        os.chdir(previous)
    assert result.exit_code in (0, 1), result.stderr
    return result.exit_code, result.stdout_bytes


@cache
def rendered(fmt: str) -> bytes:
    exit_code, output = _render(fmt)
    assert exit_code == 1  # the demo has errors (contacts contradicted, storage undisclosed)
    return output


@cache
def demo_json() -> dict[str, object]:
    data: dict[str, object] = json.loads(rendered("json"))
    return data


@pytest.mark.parametrize("fmt", FORMATS)
def test_renders_and_is_byte_identical_across_runs(fmt: str) -> None:
    first = rendered(fmt)
    assert first.strip()
    assert _render(fmt)[1] == first


def test_byte_identical_in_a_process_with_another_hash_seed() -> None:
    env = {**os.environ, "PYTHONHASHSEED": "4242", "PYTHONPATH": str(ROOT)}
    env.pop("COLUMNS", None)
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps(DEMO_ARGS), json.dumps(FORMATS)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        check=True,
        timeout=60,
    )
    digests = json.loads(child.stdout)
    for fmt in FORMATS:
        assert digests[fmt] == hashlib.sha256(rendered(fmt)).hexdigest(), fmt


@needs_sarif_schema
def test_sarif_validates_and_has_one_located_result_per_finding() -> None:
    sarif = json.loads(rendered("sarif"))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class(schema).validate(sarif)

    findings = demo_json()["findings"]
    assert isinstance(findings, list)
    (run,) = sarif["runs"]
    results = run["results"]
    assert len(results) == len(findings)
    assert {r["ruleId"] for r in results} == {f["rule"] for f in findings}
    rule_ids = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    assert {r["ruleId"] for r in results} <= rule_ids
    for result in results:
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert result["partialFingerprints"]
    # The contradiction points at the policy line that denies contacts.
    contradicted = [r for r in results if r["ruleId"] == "contradicted"]
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for r in contradicted
        for loc in r["locations"]
    }
    assert any(uri.endswith("privacy-policy.md") for uri in uris)


def _external_references(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    external: list[str] = []
    for tag in soup.find_all(True):
        for attribute in ("src", "href", "data", "poster", "srcset", "action"):
            value = tag.get(attribute)
            if isinstance(value, str) and value.strip().lower().startswith(
                ("http:", "https:", "//")
            ):
                external.append(f"<{tag.name} {attribute}={value}>")
    for style in soup.find_all("style"):
        text = style.get_text().lower()
        if "@import" in text or "url(http" in text or "url(//" in text:
            external.append("<style> loads a resource")
    return external


def test_html_is_self_contained_and_shows_every_finding_and_quote() -> None:
    html = rendered("html").decode("utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert _external_references(html) == []
    assert "<link" not in html.lower()
    soup = BeautifulSoup(html, "html.parser")
    text = soup.get_text(" ")
    findings = demo_json()["findings"]
    assert isinstance(findings, list)
    for finding in findings:
        assert finding["message"] in text
    # The policy sentence that the contacts request contradicts is shown beside it.
    assert "We do not access or collect your contacts or your address book." in text


def test_markdown_lists_every_finding() -> None:
    markdown = rendered("markdown").decode("utf-8")
    assert markdown.startswith("## permaudit:")
    findings = demo_json()["findings"]
    assert isinstance(findings, list)
    for finding in findings:
        assert finding["rule"] in markdown
    assert "READ_CONTACTS" in markdown


def test_terminal_report_shows_findings_and_the_gate() -> None:
    text = rendered("terminal").decode("utf-8")
    assert "[contradicted] contacts" in text
    assert "not mentioned" in text  # storage: the policy never mentions it
    assert "gate: FAIL" in text
    assert "\x1b[" not in text  # not a terminal: no colour codes
