"""Views of `PolicyFacts` for `permaudit policy`: a rich table, or SPEC §4 JSON."""

from __future__ import annotations

import io
import json

from rich.console import Console
from rich.table import Table
from rich.text import Text

from permaudit.models import Category, PolicyFacts, Status
from permaudit.report.common import policy_origin, purposes_text, shorten
from permaudit.report.formats import PolicyFormat

_STATUS_STYLE = {
    Status.EXPLICIT: "green",
    Status.VAGUE: "yellow",
    Status.DENIED: "red",
    Status.ABSENT: "dim",
}
_QUOTE_CHARS = 110


def render_policy(facts: PolicyFacts, fmt: PolicyFormat) -> str:
    if fmt is PolicyFormat.JSON:
        return render_policy_json(facts)
    if fmt is PolicyFormat.TABLE:
        return render_policy_table(facts)
    raise AssertionError(f"unhandled format {fmt!r}")


def render_policy_json(facts: PolicyFacts) -> str:
    return json.dumps(facts.to_json_dict(), indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def render_policy_table(facts: PolicyFacts, *, width: int = 140) -> str:
    origin = policy_origin(facts)
    table = Table(title=f"Policy: {facts.source}" + (f" ({origin})" if origin else ""))
    table.add_column("category", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("purposes")
    table.add_column("evidence")
    for category, disclosure in facts.categories.items():
        style = _STATUS_STYLE[disclosure.status]
        status = disclosure.status.value
        if disclosure.scope is not None and disclosure.status in (Status.EXPLICIT, Status.VAGUE):
            extra: list[str] = [disclosure.scope.precision] if category is Category.LOCATION else []
            if disclosure.scope.background:
                extra.append("background")
            if extra:
                status += f" ({', '.join(extra)})"
        purposes = purposes_text(disclosure.purposes) or (
            "-" if disclosure.status in (Status.ABSENT, Status.DENIED) else "none stated"
        )
        evidence = ""
        if disclosure.evidence:
            first = disclosure.evidence[0]
            where = f"line {first.line}: " if first.line else ""
            evidence = f"{where}{shorten(first.quote, _QUOTE_CHARS)}"
            if len(disclosure.evidence) > 1:
                evidence += f" (+{len(disclosure.evidence) - 1} more)"
        table.add_row(category.value, Text(status, style=style), purposes, evidence)
        if disclosure.status is Status.ABSENT:
            continue
        # SPEC §1b: which datum of the category the policy names, one row each beneath it.
        for data_type, entry in disclosure.data_types.items():
            quote = ""
            if entry.evidence:
                first = entry.evidence[0]
                where = f"line {first.line}: " if first.line else ""
                quote = f"{where}{shorten(first.quote, _QUOTE_CHARS)}"
            table.add_row(
                f"  └ {data_type.value}",
                Text(entry.status.value, style=_STATUS_STYLE[entry.status]),
                "",
                quote,
            )
    buffer = io.StringIO()
    # Policy text is untrusted: "[/b]" in a quote is text, not rich markup.
    console = Console(
        file=buffer, width=width, force_terminal=False, no_color=True, markup=False, emoji=False
    )
    console.print(table)
    return buffer.getvalue()
