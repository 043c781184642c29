"""The `--format` choices of every command, one enum each, and the audit reporter behind each
audit format. Adding an audit format is one module + one case."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import assert_never

from permaudit.report.interface import Reporter


class AppFormat(StrEnum):
    """`permaudit extract --format`."""

    TABLE = "table"
    JSON = "json"


class PolicyFormat(StrEnum):
    """`permaudit policy --format`."""

    TABLE = "table"
    JSON = "json"


class Format(StrEnum):
    """`permaudit audit` / `diff --format` (and `format` in the configuration)."""

    TERMINAL = "terminal"
    JSON = "json"
    SARIF = "sarif"
    MARKDOWN = "markdown"
    HTML = "html"


def reporter_for(
    fmt: Format, *, color: bool = False, width: int = 100, source_root: Path | None = None
) -> Reporter:
    """The reporter of one format; `color` and `width` only matter to the terminal report,
    `source_root` (the repository's top level, for artifact paths) only to SARIF."""
    # Imported per branch so that `--format json` does not pay for rich or jinja2.
    if fmt is Format.TERMINAL:
        from permaudit.report.terminal import TerminalReporter

        return TerminalReporter(color=color, width=width)
    if fmt is Format.JSON:
        from permaudit.report.json import JsonReporter

        return JsonReporter()
    if fmt is Format.SARIF:
        from permaudit.report.sarif import SarifReporter

        return SarifReporter(source_root=source_root)
    if fmt is Format.MARKDOWN:
        from permaudit.report.markdown import MarkdownReporter

        return MarkdownReporter()
    if fmt is Format.HTML:
        from permaudit.report.html import HtmlReporter

        return HtmlReporter()
    assert_never(fmt)
