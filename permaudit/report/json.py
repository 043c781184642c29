"""`--format json`: the machine-readable contract of SPEC §4."""

from __future__ import annotations

import json

from permaudit.models import AuditReport


class JsonReporter:
    def render(self, report: AuditReport) -> str:
        return json.dumps(report.to_json_dict(), indent=2, ensure_ascii=False) + "\n"
