"""The one interface every report format implements."""

from __future__ import annotations

from typing import Protocol

from permaudit.models import AuditReport


class Reporter(Protocol):
    """Turns a finished report into text. Gets the report, never the engine."""

    def render(self, report: AuditReport) -> str: ...
