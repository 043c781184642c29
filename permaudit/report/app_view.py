"""Render `AppFacts` for `permaudit extract`: a rich table for people, JSON for machines.

The table lives in app_table, imported only for it: `--format json` does not pay for rich.
"""

from __future__ import annotations

import json

from permaudit.models import AppFacts
from permaudit.report.formats import AppFormat


def render_app(app: AppFacts, fmt: AppFormat, *, color: bool = False, width: int = 100) -> str:
    if fmt is AppFormat.JSON:
        return render_json(app)
    if fmt is AppFormat.TABLE:
        from permaudit.report.app_table import render_table

        return render_table(app, color=color, width=width)
    raise AssertionError(f"unhandled format {fmt!r}")


def render_json(app: AppFacts) -> str:
    """SPEC §4 `extract` JSON; lists are already sorted by extraction, keys are sorted here."""
    return json.dumps(app.to_json_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
