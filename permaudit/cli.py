"""Command-line wiring: parse options, call the boundaries, write the report. No logic here."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from permaudit import __version__
from permaudit.errors import InputError
from permaudit.report.app_view import AppFormat, render_app

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class _Group(click.Group):
    """Turns every user-caused error into one line on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InputError as error:
            click.echo(f"permaudit: error: {error}", err=True)
            sys.exit(EXIT_ERROR)


def write_output(text: str, output: Path | None) -> None:
    """Write the report to stdout, or to the file the user named."""
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(output, f"cannot write report: {error.strerror or error}") from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="permaudit")
def main() -> None:
    """Audit the Android companion app of a connected device against its privacy policy.

    \b
    Examples:
      permaudit extract app.apk
      permaudit policy privacy.html --format json
      permaudit audit app.apk --policy privacy.html --format sarif -o permaudit.sarif
    """


# --- extract: owned by the apk boundary (permaudit/apk/) -------------------------------------


@main.command()
@click.argument("app", type=click.Path(path_type=Path, dir_okay=True, exists=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice([f.value for f in AppFormat]),
    default=AppFormat.TABLE.value,
    show_default=True,
    help="table: grouped by data category, for people; json: SPEC §4 contract, for tools.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write the report to FILE instead of stdout.",
)
def extract(app: Path, fmt: str, output: Path | None) -> None:
    """Show what APP asks for: permissions, sensitive components, features.

    APP is an .apk, or a bundle as downloaded: .apks (split APKs; the base is read) or .xapk
    (manifest.json plus APKs). Bundles are recognised by content, not by extension.

    \b
    Examples:
      permaudit extract app.apk
      permaudit extract app.xapk --format json -o app.json
      permaudit extract app.apks --format json | jq '.permissions[].name'
    """
    from permaudit.apk import load_app

    facts = load_app(app)
    color = output is None and sys.stdout.isatty()
    write_output(render_app(facts, AppFormat(fmt), color=color), output)


# --- policy: owned by the policy boundary (permaudit/policy/) --------------------------------
#
#
#


# --- audit and diff: owned by permaudit/audit.py and permaudit/report/ -----------------------
#
#
#
