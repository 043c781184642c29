"""Command-line wiring: parse options, call the boundaries, write the report. No logic here."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from permaudit import __version__
from permaudit.errors import InputError

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
#
#
#


# --- policy: owned by the policy boundary (permaudit/policy/) --------------------------------


@main.command("policy")
@click.argument("policy", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table: category, status, purposes, evidence; json: SPEC §4 policy object.",
)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write here.")
@click.option(
    "--write-map",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also write the analysis as a policy map (YAML, reviewed: false) to review and commit.",
)
def policy_command(
    policy: Path, output_format: str, output: Path | None, write_map: Path | None
) -> None:
    """Show what a privacy policy discloses, per data category, with evidence.

    POLICY is a policy document (txt, md, html, pdf) or a reviewed policy map (YAML).

    \b
    Examples:
      permaudit policy privacy.html
      permaudit policy privacy.txt --format json -o policy.json
      permaudit policy privacy.txt --write-map policy_maps/vendor.yaml
    """
    from permaudit.policy import load_policy
    from permaudit.policy.maps import map_from_facts
    from permaudit.policy.maps import write_map as write_policy_map
    from permaudit.report.policy_view import render_policy_json, render_policy_table

    if not policy.exists():
        raise InputError(policy, "no such file")
    facts = load_policy(policy)
    if write_map is not None:
        write_policy_map(map_from_facts(facts), write_map)
        click.echo(f"permaudit: wrote policy map {write_map} (reviewed: false)", err=True)
    if output_format == "json":
        write_output(render_policy_json(facts), output)
    else:
        write_output(render_policy_table(facts), output)


# --- audit and diff: owned by permaudit/audit.py and permaudit/report/ -----------------------
#
#
#
