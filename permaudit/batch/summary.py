"""The summary of a job, read back from its JSONL: what an auditor looks at first.

Counts by rule and by category (findings, and how many apps have one), the worst apps, and
the pairs that could not be audited. Rendered as a rich table on the terminal, and as CSV
(one row per pair, for spreadsheets) or a self-contained HTML page (`--summary FILE`).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from permaudit.errors import InputError
from permaudit.models import Category, Rule, Severity
from permaudit.outputs import write_output_file
from permaudit.report.templating import template_environment

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.NOTE)
WORST_APPS = 10
ERRORS_SHOWN = 10


@dataclass(frozen=True)
class PairRow:
    id: str
    app: str
    policy: str
    status: str
    error: str | None
    counts: dict[str, int]
    failing: int
    rules: Counter[str]

    @property
    def severity_key(self) -> tuple[int, int, int]:
        return (self.counts["error"], self.counts["warning"], self.counts["note"])


@dataclass
class Tally:
    """Findings of one rule or category: by severity, and the apps that have any."""

    by_severity: Counter[str] = field(default_factory=Counter)
    apps: set[str] = field(default_factory=set)

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())


@dataclass
class BatchSummary:
    rows: list[PairRow] = field(default_factory=list)
    by_rule: dict[str, Tally] = field(default_factory=dict)
    by_category: dict[str, Tally] = field(default_factory=dict)

    @property
    def ok(self) -> int:
        return sum(1 for row in self.rows if row.status == "ok")

    @property
    def errors(self) -> list[PairRow]:
        return [row for row in self.rows if row.status != "ok"]

    @property
    def failing(self) -> int:
        """Pairs with a finding at or above their --fail-on."""
        return sum(1 for row in self.rows if row.failing)

    def worst(self, limit: int = WORST_APPS) -> list[PairRow]:
        audited = [row for row in self.rows if row.status == "ok" and any(row.severity_key)]
        audited.sort(key=lambda row: (tuple(-n for n in row.severity_key), row.id))
        return audited[:limit]

    def rule_rows(self) -> list[tuple[str, Tally]]:
        order = {rule.value: index for index, rule in enumerate(Rule)}
        return sorted(self.by_rule.items(), key=lambda item: order.get(item[0], len(order)))

    def category_rows(self) -> list[tuple[str, Tally]]:
        order = {category.value: index for index, category in enumerate(Category)}
        return sorted(self.by_category.items(), key=lambda item: order.get(item[0], len(order)))


def summarise(lines: Iterable[dict[str, Any]]) -> BatchSummary:
    summary = BatchSummary()
    # Line by line: a job's lines with all their evidence may not fit in memory at once.
    for line in lines:
        findings = line.get("findings") or []
        counts = {severity.value: 0 for severity in SEVERITIES}
        rules: Counter[str] = Counter()
        pair_id = str(line.get("id"))
        for finding in findings:
            severity = str(finding.get("severity"))
            rule = str(finding.get("rule"))
            category = finding.get("category") or "app"
            counts[severity] = counts.get(severity, 0) + 1
            rules[rule] += 1
            for key, table in ((rule, summary.by_rule), (category, summary.by_category)):
                tally = table.setdefault(key, Tally())
                tally.by_severity[severity] += 1
                tally.apps.add(pair_id)
        line_summary = line.get("summary") or {}
        summary.rows.append(
            PairRow(
                id=pair_id,
                app=str(line.get("app")),
                policy=str(line.get("policy")),
                status=str(line.get("status")),
                error=line.get("error"),
                counts=counts,
                failing=int(line_summary.get("failing") or 0),
                rules=rules,
            )
        )
    summary.rows.sort(key=lambda row: row.id)
    return summary


# --- terminal ------------------------------------------------------------------------------


def _tally_table(title: str, first: str, rows: list[tuple[str, Tally]]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(first)
    for severity in SEVERITIES:
        table.add_column(severity.value, justify="right")
    table.add_column("apps", justify="right")
    for name, tally in rows:
        table.add_row(
            name,
            *(str(tally.by_severity[s.value]) for s in SEVERITIES),
            str(len(tally.apps)),
        )
    return table


def render_terminal(summary: BatchSummary, console: Console) -> None:
    pairs = len(summary.rows)
    errors = summary.errors
    console.print(
        f"[bold]{pairs} pairs[/bold]: {summary.ok} audited, {len(errors)} could not be "
        f"audited; {summary.failing} fail the gate"
    )
    if summary.by_rule:
        console.print(_tally_table("Findings by rule", "rule", summary.rule_rows()))
        console.print(_tally_table("Findings by category", "category", summary.category_rows()))
    worst = summary.worst()
    if worst:
        table = Table(title=f"Worst apps (top {len(worst)})", title_justify="left")
        table.add_column("id", overflow="fold")
        for severity in SEVERITIES:
            table.add_column(severity.value, justify="right")
        table.add_column("top rules")
        for row in worst:
            top = ", ".join(f"{rule} {n}" for rule, n in row.rules.most_common(3))
            table.add_row(row.id, *(str(n) for n in row.severity_key), top)
        console.print(table)
    if errors:
        table = Table(title="Could not be audited", title_justify="left")
        table.add_column("id", overflow="fold")
        table.add_column("error", overflow="fold")
        for row in errors[:ERRORS_SHOWN]:
            table.add_row(row.id, row.error or "")
        console.print(table)
        if len(errors) > ERRORS_SHOWN:
            console.print(f'… and {len(errors) - ERRORS_SHOWN} more (status "error" lines)')


# --- files ---------------------------------------------------------------------------------


def render_csv(summary: BatchSummary) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    rules = [rule.value for rule in Rule]
    # Plural count columns: `error` is the message of a pair that could not be audited.
    counts = [f"{s.value}s" for s in SEVERITIES]
    writer.writerow(["id", "app", "policy", "status", "error", *counts, "failing", *rules])
    for row in summary.rows:
        writer.writerow(
            [row.id, row.app, row.policy, row.status, row.error or ""]
            + [row.counts[s.value] for s in SEVERITIES]
            + [row.failing]
            + [row.rules.get(rule, 0) for rule in rules]
        )
    return buffer.getvalue()


_ENVIRONMENT = template_environment("permaudit.batch")


def render_html(summary: BatchSummary, *, title: str) -> str:
    return _ENVIRONMENT.get_template("summary.html.j2").render(
        summary=summary, title=title, severities=[s.value for s in SEVERITIES]
    )


def write_summary(summary: BatchSummary, path: Path, *, title: str) -> None:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        text = render_csv(summary)
    elif suffix in {".html", ".htm"}:
        text = render_html(summary, title=title)
    else:
        raise InputError(path, "summary must be a .csv or .html file")
    write_output_file(path, text, "summary")
