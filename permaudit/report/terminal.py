"""The default report: a rich terminal view (summary panel, findings grouped by severity)."""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from permaudit.models import AuditReport, Finding, Rule, Severity
from permaudit.report.common import (
    NOT_MENTIONED,
    SEVERITIES,
    app_title,
    code_line,
    data_type_label,
    evidence_location,
    gate_line,
    ignore_target,
    party_text,
    permissions_text,
    plural,
    policy_origin,
    reader_note,
    severity_counts,
    shorten,
    subject,
)

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.NOTE: "cyan"}
_MARK = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.NOTE: "●"}
# Code references printed per finding; the JSON report holds the rest.
_CODE_LINES = 3


class TerminalReporter:
    def __init__(self, *, color: bool = False, width: int = 100) -> None:
        self.color = color
        self.width = width

    def render(self, report: AuditReport) -> str:
        buffer = io.StringIO()
        console = Console(
            file=buffer,
            width=self.width,
            force_terminal=self.color,
            no_color=not self.color,
            color_system="standard" if self.color else None,
            highlight=False,
            # Text from the APK and the policy is untrusted: "[/x]" is not markup, ":x:" no emoji.
            markup=False,
            emoji=False,
            legacy_windows=False,
            # Environment variables (COLUMNS, NO_COLOR, TERM) must not change the golden output.
            _environ={},
        )
        console.print(_summary(report))
        note = reader_note(report)
        if note:
            console.print()
            console.rule(Text(f"INPUT WARNINGS: {note}", style="yellow"), align="left")
            for warning in report.app.warnings:
                console.print(Text(f"  ! {warning}", style="yellow"))
        if report.changes is not None:
            console.print(_changes(report))
        for severity in SEVERITIES:
            group = [f for f in report.findings if f.severity is severity]
            if not group:
                continue
            console.print()
            console.rule(
                Text(f"{severity.value.upper()} ({len(group)})", style=_STYLE[severity]),
                align="left",
                style=_STYLE[severity],
            )
            for finding in group:
                console.print(_finding(finding))
        if report.baseline is not None and report.baseline.fixed:
            console.print()
            console.rule(Text(f"FIXED since baseline ({len(report.baseline.fixed)})"), align="left")
            for fixed in report.baseline.fixed:
                console.print(Text(f"  ✔ [{fixed.rule}] {fixed.message}"))
        if report.ignores:
            console.print()
            console.rule(Text("IGNORES (from configuration)"), align="left")
            for ignore in report.ignores:
                target = ignore_target(ignore)
                until = f", expires {ignore.expires.isoformat()}" if ignore.expires else ""
                console.print(
                    Text(
                        f"  {ignore.status}: {ignore.rule.value} / {target}"
                        f" — {plural(len(ignore.fingerprints), 'finding')}{until}"
                        f" — reason: {ignore.reason}"
                    )
                )
        if not report.findings:
            console.print()
            console.print(Text("No findings to show.", style="green"))
        # rich pads table cells to the full width; trailing blanks only make diffs noisy.
        return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def _summary(report: AuditReport) -> Panel:
    s = report.summary
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    grid.add_row("App", f"{app_title(report)}  ({report.app.source})")
    origin = policy_origin(report.policy)
    grid.add_row("Policy", report.policy.source + (f"  ({origin})" if origin else ""))
    counts = Text()
    for index, (severity, count) in enumerate(severity_counts(report)):
        if index:
            counts.append(", ")
        counts.append(plural(count, severity.value), style=_STYLE[severity])
    extras = []
    if s.hidden:
        extras.append(f"{s.hidden} below --min-severity {report.min_severity.value} not shown")
    if s.ignored:
        extras.append(f"{s.ignored} ignored by configuration")
    if extras:
        counts.append(f"  ({'; '.join(extras)})")
    grid.add_row("Findings", counts)
    if report.baseline is not None:
        grid.add_row(
            "Baseline",
            f"{s.new} new, {s.known} known, {s.fixed} fixed  ({report.baseline.source})",
        )
    expired = [i for i in report.ignores if i.status == "expired"]
    if expired:
        grid.add_row("Ignores", Text(f"{plural(len(expired), 'ignore')} expired", style="yellow"))
    gate = gate_line(report)
    grid.add_row("Result", Text(gate, style="bold red" if s.failing else "green"))
    title = "permaudit diff" if report.changes is not None else "permaudit audit"
    return Panel(grid, title=title, title_align="left", expand=True)


def _changes(report: AuditReport) -> Panel:
    changes = report.changes
    assert changes is not None
    old = changes.old_version_name or changes.old_source
    lines = Text()
    lines.append(f"Compared with {old} ({changes.old_source})\n")
    for warning in changes.warnings:
        lines.append(f"warning: {warning}\n", style="bold yellow")
    rows = (
        ("+ permission", changes.added_permissions),
        ("- permission", changes.removed_permissions),
        ("+ component", changes.added_components),
        ("- component", changes.removed_components),
        ("+ data read", [data_type_label(d) for d in changes.added_data_types]),
        ("- data read", [data_type_label(d) for d in changes.removed_data_types]),
    )
    for label, items in rows:
        for item in items:
            lines.append(f"{label}  {item}\n", style="red" if label[0] == "+" else "green")
    if not any(items for _, items in rows):
        lines.append("No permission, component or data type changes.\n")
    lines.rstrip()
    return Panel(lines, title="changes in this release", title_align="left")


def _finding(finding: Finding) -> Group:
    style = _STYLE[finding.severity]
    head = Text()
    head.append(f"{_MARK[finding.severity]} ", style=style)
    head.append(f"[{finding.rule.value}] ", style=style)
    head.append(subject(finding), style="bold")
    if finding.baseline is not None:
        head.append(f"  ({finding.baseline})", style="dim" if finding.baseline == "known" else "")
    body = Table.grid(padding=(0, 1))
    body.add_column(width=2)
    body.add_column(style="dim", width=11)
    body.add_column(ratio=1)
    body.add_row("", "", Text(finding.message))
    body.add_row("", "permissions", permissions_text(finding))
    party = party_text(finding)
    if party:
        body.add_row("", "read by", party)
    if finding.policy_evidence:
        for evidence in finding.policy_evidence[:2]:
            where = evidence_location(evidence)
            quote = f"“{shorten(evidence.quote)}”" + (f"  ({where})" if where else "")
            body.add_row("", "policy", Text(quote, style="italic"))
        if len(finding.policy_evidence) > 2:
            body.add_row("", "", f"… {len(finding.policy_evidence) - 2} more quotes")
    elif finding.rule is not Rule.UNUSED_PERMISSION:
        body.add_row("", "policy", Text(NOT_MENTIONED, style="italic"))
    for reference in finding.code_evidence[:_CODE_LINES]:
        body.add_row("", "code", code_line(reference))
    if len(finding.code_evidence) > _CODE_LINES:
        body.add_row("", "", f"… {len(finding.code_evidence) - _CODE_LINES} more code references")
    if finding.remediation:
        body.add_row("", "to do", finding.remediation)
    return Group(Text(), head, body)
