"""`--format markdown`: a compact report for a pull-request comment (GitHub-flavoured)."""

from __future__ import annotations

from permaudit.models import AuditReport, Finding, Rule, Severity
from permaudit.report.common import (
    NOT_MENTIONED,
    app_title,
    code_line,
    data_type_label,
    evidence_location,
    gate_line,
    party_text,
    permissions_text,
    plural,
    policy_origin,
    reader_note,
    severity_counts,
    shorten,
    subject,
)

_ICON = {Severity.ERROR: "🔴", Severity.WARNING: "🟡", Severity.NOTE: "🔵"}


def _cell(text: str) -> str:
    """Table cells: no line breaks, no column separators, no HTML."""
    text = " ".join(text.split()).replace("|", "\\|")
    return text.replace("<", "&lt;").replace(">", "&gt;")


def _code(text: str) -> str:
    """Inside a code span nothing is escaped, so only keep it from ending early."""
    return "`" + " ".join(text.split()).replace("`", "'") + "`"


def _quote(text: str) -> str:
    return "> " + _cell(shorten(text)).replace("\\|", "|")


class MarkdownReporter:
    def render(self, report: AuditReport) -> str:
        s = report.summary
        lines = [
            f"## permaudit: `{app_title(report)}` vs `{_cell(report.policy.source)}`",
            "",
            " · ".join(f"{_ICON[sev]} {plural(n, sev.value)}" for sev, n in severity_counts(report))
            + f" — **{gate_line(report)}**",
        ]
        notes = []
        origin = policy_origin(report.policy)
        if origin:
            notes.append(f"policy: {origin}")
        if report.baseline is not None:
            notes.append(
                f"baseline `{report.baseline.source}`: {s.new} new, {s.known} known, "
                f"{s.fixed} fixed"
            )
        if s.hidden:
            notes.append(f"{s.hidden} below `{report.min_severity.value}` not shown")
        if s.ignored:
            notes.append(f"{s.ignored} ignored by configuration")
        expired = [i for i in report.ignores if i.status == "expired"]
        if expired:
            notes.append(f"{plural(len(expired), 'ignore')} expired")
        if notes:
            lines += ["", "_" + "; ".join(notes) + "_"]
        note = reader_note(report)
        if note:
            lines += ["", "> [!WARNING]", f"> {_cell(note[0].upper() + note[1:])}:"]
            lines += [f"> - {_cell(warning)}" for warning in report.app.warnings]
        if report.changes is not None:
            lines += ["", *self._changes(report)]
        if report.findings:
            lines += [
                "",
                "| | Rule | Category | Permissions | Finding |",
                "|---|---|---|---|---|",
            ]
            for f in report.findings:
                state = f" ({f.baseline})" if f.baseline else ""
                lines.append(
                    f"| {_ICON[f.severity]} | `{f.rule.value}`{state} | "
                    f"{_cell(subject(f))} | {_cell(permissions_text(f))} | "
                    f"{_cell(f.message)} |"
                )
            lines += ["", "<details><summary>Evidence and what to do</summary>", ""]
            for f in report.findings:
                lines += self._details(f)
            lines += ["</details>"]
        else:
            lines += ["", "No findings to show. ✅"]
        if report.baseline is not None and report.baseline.fixed:
            lines += ["", f"**Fixed since baseline ({len(report.baseline.fixed)})**", ""]
            lines += [f"- `{x.rule}` {_cell(x.message)}" for x in report.baseline.fixed]
        return "\n".join(lines) + "\n"

    @staticmethod
    def _changes(report: AuditReport) -> list[str]:
        changes = report.changes
        assert changes is not None
        old = changes.old_version_name or changes.old_source
        lines = [f"**Changes since {_cell(old)}** (`{_cell(changes.old_source)}`)", ""]
        lines += [f"> ⚠️ **Warning:** {_cell(w)}" for w in changes.warnings]
        if changes.warnings:
            lines.append("")
        rows = [
            *(f"- ➕ permission `{p}`" for p in changes.added_permissions),
            *(f"- ➖ permission `{p}`" for p in changes.removed_permissions),
            *(f"- ➕ component `{_cell(c)}`" for c in changes.added_components),
            *(f"- ➖ component `{_cell(c)}`" for c in changes.removed_components),
            *(f"- ➕ reads the {data_type_label(d)}" for d in changes.added_data_types),
            *(f"- ➖ no longer reads the {data_type_label(d)}" for d in changes.removed_data_types),
        ]
        return lines + (rows or ["- no permission, component or data type changes"])

    @staticmethod
    def _details(f: Finding) -> list[str]:
        lines = [
            f"#### {_ICON[f.severity]} `{f.rule.value}` — {_cell(subject(f))}",
            "",
            f"{_cell(f.message)}. Permissions: {_cell(permissions_text(f))}",
            "",
        ]
        party = party_text(f)
        if party:
            lines += [f"Read by: {_cell(party)}", ""]
        if f.policy_evidence:
            for evidence in f.policy_evidence[:2]:
                where = evidence_location(evidence)
                lines.append(_quote(evidence.quote) + (f" _({_cell(where)})_" if where else ""))
                lines.append("")
        elif f.rule is not Rule.UNUSED_PERMISSION:
            lines += [f"Policy: _{NOT_MENTIONED}_", ""]
        if f.code_evidence:
            lines += [f"- code: {_code(code_line(e))}" for e in f.code_evidence[:3]] + [""]
        if f.remediation:
            lines += [f"**To do:** {_cell(f.remediation)}", ""]
        return lines
