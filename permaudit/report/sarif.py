"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One result per finding with exactly one location (GitHub shows only the first location of a
result): findings about what the policy says point at the policy file and line of the quote;
findings about what the APK asks for point at the APK (the decoded manifest has no file of its
own in the repository). `partialFingerprints` carries the finding fingerprint, so code scanning
tracks a finding across runs even when the policy text moves.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any
from urllib.parse import quote

from permaudit import __version__
from permaudit.models import AuditReport, Finding, Rule, RuleDoc
from permaudit.report.common import NOT_MENTIONED, party_text, permissions_text, shorten

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "permauditFingerprint/v1"
# Rules whose finding is about a sentence of the policy: located at that sentence.
_POLICY_LOCATED = frozenset(
    {
        Rule.CONTRADICTED,
        Rule.VAGUE,
        Rule.PURPOSE_MISSING,
        Rule.SCOPE_EXCEEDED,
        Rule.UNREQUESTED_DISCLOSURE,
    }
)


def _artifact(path: str, root: Path | None = None) -> dict[str, Any]:
    """An artifact location: relative to `root` (the repository's top level) under %SRCROOT%.

    Without a root the path is taken as given (relative paths are then relative to the
    repository root already). A path outside the root keeps an absolute file URI: code
    scanning cannot show it, but a SARIF viewer on the same machine can.
    """
    if "://" in path:
        return {"uri": path}  # a policy fetched from a URL is located there
    if root is not None:
        located = Path(path).absolute().resolve()
        try:
            relative = located.relative_to(root.resolve())
        except ValueError:
            return {"uri": located.as_uri()}
        return {"uri": quote(relative.as_posix()), "uriBaseId": "%SRCROOT%"}
    windows = PureWindowsPath(path)
    if windows.drive and windows.is_absolute():
        return {"uri": windows.as_uri()}
    posix = PurePosixPath(path.replace("\\", "/"))
    if posix.is_absolute():
        return {"uri": posix.as_uri()}
    return {"uri": quote(posix.as_posix()), "uriBaseId": "%SRCROOT%"}


def _location(report: AuditReport, finding: Finding, root: Path | None) -> dict[str, Any]:
    if finding.rule in _POLICY_LOCATED and finding.policy_evidence:
        evidence = finding.policy_evidence[0]
        region: dict[str, Any] = {"startLine": evidence.line or 1}
        region["snippet"] = {"text": shorten(evidence.quote, 500)}
        artifact = _artifact(report.policy.source, root)
        description = "privacy policy"
    else:
        region = {"startLine": 1}
        artifact = _artifact(report.app.source, root)
        description = f"AndroidManifest.xml: {permissions_text(finding)}"
    return {
        "physicalLocation": {"artifactLocation": artifact, "region": region},
        "message": {"text": description},
    }


def _message(finding: Finding) -> str:
    if finding.policy_evidence:
        policy = f"Policy: “{shorten(finding.policy_evidence[0].quote, 300)}”"
    else:
        policy = f"Policy: {NOT_MENTIONED}."
    parts = [finding.message + ".", f"Permissions: {permissions_text(finding)}.", policy]
    party = party_text(finding)
    if party:
        parts.append(f"Read by {party}.")
    if finding.code_evidence:
        first = finding.code_evidence[0]
        parts.append(f"Code: {first.caller_class}.{first.caller_method} calls {first.api}.")
    if finding.remediation:
        parts.append(f"To do: {finding.remediation}")
    return " ".join(parts)


def _rule(doc: RuleDoc) -> dict[str, Any]:
    return {
        "id": doc.rule.value,
        "name": doc.name,
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": doc.help},
        "help": {"text": doc.help, "markdown": f"**{doc.summary}**\n\n{doc.help}"},
        "defaultConfiguration": {"level": doc.default_severity.value},
        "properties": {"tags": ["privacy", "android", "permissions"], "precision": "medium"},
    }


def _result(
    report: AuditReport, finding: Finding, rule_index: dict[Rule, int], root: Path | None
) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": finding.rule.value}
    if finding.rule in rule_index:
        result["ruleIndex"] = rule_index[finding.rule]
    result |= {
        "level": finding.severity.value,
        "message": {"text": _message(finding)},
        "locations": [_location(report, finding, root)],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {
            "category": finding.category.value if finding.category else None,
            "data_type": finding.data_type.value if finding.data_type else None,
            "party": finding.party.value if finding.party else None,
            "permissions": list(finding.permissions),
        },
    }
    if finding.baseline is not None:
        result["baselineState"] = "new" if finding.baseline == "new" else "unchanged"
    return result


def _invocation(report: AuditReport, root: Path | None) -> dict[str, Any]:
    """The run completed; what the reader had to work around is a warning notification."""
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if report.app.warnings:
        invocation["toolExecutionNotifications"] = [
            {
                "level": "warning",
                "message": {"text": f"{report.app.source}: {warning}"},
                "locations": [
                    {"physicalLocation": {"artifactLocation": _artifact(report.app.source, root)}}
                ],
            }
            for warning in report.app.warnings
        ]
    return invocation


class SarifReporter:
    def __init__(self, *, source_root: Path | None = None) -> None:
        # The repository's top level; relative sources resolve against the working directory.
        self.source_root = source_root

    def render(self, report: AuditReport) -> str:
        rule_index = {doc.rule: index for index, doc in enumerate(report.rules)}
        root = self.source_root
        sarif = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "permaudit",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "rules": [_rule(doc) for doc in report.rules],
                        }
                    },
                    "invocations": [_invocation(report, root)],
                    "columnKind": "unicodeCodePoints",
                    "results": [_result(report, f, rule_index, root) for f in report.findings],
                    "properties": {
                        "package": report.app.package,
                        "policy": {
                            "source": report.policy.source,
                            "map": report.policy.from_map,
                            "reviewed": report.policy.reviewed,
                        },
                        "summary": report.summary.model_dump(mode="json"),
                    },
                }
            ],
        }
        return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"
