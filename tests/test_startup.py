"""What each command imports: heavy libraries only where they are used (a behaviour, not a timing).

Each check runs the CLI in a fresh interpreter and reads its sys.modules, since this process
has long imported everything. Timings are benchmarks/startup_bench.py's business.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APK = ROOT / "tests" / "fixtures" / "apk" / "minimal.apk"
EVIDENCE_APK = ROOT / "tests" / "fixtures" / "apk" / "evidence_homecam.apk"
AAB = ROOT / "tests" / "fixtures" / "apk" / "watch.aab"
POLICY = ROOT / "tests" / "fixtures" / "policies" / "demo_policy.txt"
# The APK reader, the policy readers, the network, the policy analyzer's parser (policy v2),
# the models and the terminal renderer.
HEAVY = (
    "androguard",
    "lxml",
    "pypdf",
    "httpx",
    "spacy",
    "pydantic",
    "rich",
    "yaml",
    "jinja2",
    "charset_normalizer",
    "markdown_it",
    "permaudit.apk",
    "permaudit.policy",
    "permaudit.audit",
)

_PROBE = """
import json, sys
from permaudit.cli import main
try:
    main(sys.argv[1:], prog_name="permaudit")
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def every_module(*args: str | Path) -> set[str]:
    run = subprocess.run(
        [sys.executable, "-c", _PROBE, *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    modules: list[str] = json.loads(run.stderr.strip().splitlines()[-1])
    return set(modules)


def imported(*args: str | Path) -> set[str]:
    heavy_roots = {h.split(".")[0] for h in HEAVY}
    return {name for name in every_module(*args) if name.split(".")[0] in heavy_roots}


def loaded(modules: set[str], package: str) -> bool:
    return any(name == package or name.startswith(package + ".") for name in modules)


@pytest.mark.parametrize("args", [("--version",), ("--help",)], ids=["version", "help"])
def test_version_and_help_import_no_heavy_module(args: tuple[str, ...]) -> None:
    modules = imported(*args)
    assert [h for h in HEAVY if loaded(modules, h)] == []
    # The data types are the ontology's (permaudit.models.DataType): read on first use only.
    assert not loaded(modules, "permaudit.catalog.ontology")


def test_extract_does_not_load_the_policy_side_or_the_network() -> None:
    modules = imported("extract", APK, "--format", "json")
    assert loaded(modules, "androguard")  # the check would be vacuous without it
    # (permaudit.audit still comes in through report/common.py, which issue 18 untangles.)
    for package in ("httpx", "pypdf", "spacy", "permaudit.policy"):
        assert not loaded(modules, package), package


def test_extract_json_of_an_apk_loads_only_what_it_uses() -> None:
    """No terminal renderer for JSON, no protobuf runtime for an APK, androguard's public.xml
    (parsed with minidom when its module is first read) left unparsed, and no YAML parser
    once the catalog's parsed data is cached (the first run fills the cache)."""
    command = ("extract", EVIDENCE_APK, "--evidence", "--format", "json")
    every_module(*command)  # fills the cache if no earlier test did
    modules = every_module(*command)
    assert "androguard.core.axml" in modules  # the check would be vacuous without it
    assert "permaudit.apk.evidence" in modules
    for package in ("rich", "google.protobuf", "permaudit.apk.aab", "xml.dom.minidom", "yaml"):
        assert not loaded(modules, package), package
    # The lazy parts still load where they are needed.
    assert loaded(every_module("extract", AAB, "--format", "json"), "google.protobuf")
    assert loaded(every_module("extract", APK), "rich")


_NO_CONNECTION = (
    """
import socket

def refuse(*args, **kwargs):
    raise AssertionError("permaudit opened a network connection")

socket.socket.connect = refuse
socket.create_connection = refuse
"""
    + _PROBE
)


def test_audit_of_a_text_policy_loads_no_pdf_reader_and_opens_no_connection() -> None:
    command = ["audit", APK, "--policy", POLICY, "--format", "json", "--fail-on", "none"]
    for _ in range(2):  # the second run reads the policy's facts from the cache the first filled
        run = subprocess.run(
            [sys.executable, "-c", _NO_CONNECTION, *map(str, command), "--no-evidence"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=120,
        )
        assert "opened a network connection" not in run.stderr
        assert json.loads(run.stdout)["policy"]["categories"]  # the audit really ran
    modules: set[str] = set(json.loads(run.stderr.strip().splitlines()[-1]))
    assert loaded(modules, "permaudit.audit")
    # On a cached policy not even the HTTP client loads; uncached, spaCy's own helpers import
    # httpx (opening nothing), so only the refused connection above speaks for that run.
    for package in ("httpx", "pypdf"):
        assert not loaded(modules, package), package
