"""`permaudit batch`: the command-line wiring of a batch job (SPEC §6)."""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

import click

from permaudit.errors import InputError

if TYPE_CHECKING:
    from permaudit.models import FailOn

_PATH = click.Path(path_type=Path, exists=False, dir_okay=True, readable=False)
# The values of permaudit.models' FailOn and Severity, spelled out so that importing the CLI
# loads no model (start-up); tests/batch/test_command.py keeps them equal.
FAIL_ON_CHOICES = ("error", "warning", "note", "none")
SEVERITY_CHOICES = ("error", "warning", "note")


def default_workers() -> int:
    """The cores this process may use (a container's or taskset's share, not the machine's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@click.command("batch")
@click.argument("manifest", type=_PATH, required=False)
@click.option(
    "--apps",
    "apps_dir",
    type=_PATH,
    help="Audit every app (.apk, .apks, .xapk, .aab) under DIR, each against --policy.",
)
@click.option(
    "--policy",
    "policy",
    help="The policy of --apps; with a MANIFEST, the policy of rows that name none.",
)
@click.option(
    "-o",
    "--output",
    type=_PATH,
    required=True,
    help="JSONL file: one line per pair, appended as each finishes.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: the cores available); with --dask local, its workers.",
)
@click.option(
    "--dask",
    "dask",
    metavar="ADDRESS",
    help="Run on the Dask scheduler at ADDRESS (tcp://host:8786), or `local` for a "
    "LocalCluster. Needs `pip install 'permaudit[dask]'`.",
)
@click.option("--resume", is_flag=True, help="Continue the job in OUTPUT: skip ids it holds.")
@click.option(
    "--summary",
    "summary_path",
    type=_PATH,
    help="Also write the summary to FILE.csv (a row per pair) or FILE.html.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=120.0,
    show_default=True,
    help="Seconds one pair may take; past it the pair is an error line.",
)
@click.option(
    "--memory-limit",
    "memory_mib",
    type=click.IntRange(min=256),
    default=2048,
    show_default=True,
    help="MiB of memory a worker process may use (its loaded models included, Linux: the "
    "data segment); a pair that needs more is an error line.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON_CHOICES),
    default="error",
    show_default=True,
    help="Exit 1 when any pair has a finding at or above this severity.",
)
@click.option(
    "--min-severity",
    type=click.Choice(SEVERITY_CHOICES),
    default="note",
    show_default=True,
    help="Keep only findings at or above this severity in the lines.",
)
@click.option("--no-evidence", is_flag=True, help="Skip the scan of each app's code (faster).")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no terminal summary.")
@click.pass_context
def batch(
    ctx: click.Context,
    manifest: Path | None,
    apps_dir: Path | None,
    policy: str | None,
    output: Path,
    jobs: int | None,
    dask: str | None,
    resume: bool,
    summary_path: Path | None,
    timeout: float,
    memory_mib: int,
    fail_on: str,
    min_severity: str,
    no_evidence: bool,
    quiet: bool,
) -> None:
    """Audit many (app, policy) pairs as one job: locally or on a Dask cluster.

    MANIFEST is a CSV (header `app,policy,id`) or JSONL file (`{"app": ..., "policy": ...,
    "id": ...}` per line); `id` is optional (default: the app as written) and relative paths
    are relative to the manifest. Or give `--apps DIR --policy POLICY`.

    Each line of OUTPUT is `{"schema_version", "id", "app", "policy", "status": "ok" |
    "error", "error", "summary", "findings"}`. A pair that cannot be audited (not an APK, a
    policy that cannot be read, past --timeout or --memory-limit) is a `status: "error"` line
    and the job goes on. Each distinct policy is analysed once.

    \b
    Exit codes:
      0  no pair has a finding at or above --fail-on
      1  some pair has
      2  the job cannot run (bad manifest, unwritable output; one line on stderr)

    \b
    Examples:
      permaudit batch apps.csv -o results.jsonl --summary summary.html
      permaudit batch --apps apks/ --policy privacy.html -o results.jsonl -j 8
      permaudit batch apps.csv -o results.jsonl --resume
      permaudit batch apps.jsonl -o results.jsonl --dask tcp://scheduler:8786
    """
    from permaudit.batch.job import BatchOptions, run_batch
    from permaudit.batch.manifest import pairs_from_folder, read_manifest
    from permaudit.batch.output import read_lines
    from permaudit.batch.sandbox import Limits
    from permaudit.batch.summary import render_terminal, summarise, write_summary
    from permaudit.batch.tasks import AuditOptions
    from permaudit.models import Severity
    from permaudit.outputs import check_distinct, check_output

    if dask is not None:
        from permaudit.batch.runners import require_dask

        require_dask()
    if (manifest is None) == (apps_dir is None):
        raise InputError("batch", "give a MANIFEST or --apps DIR (one of them)")
    if summary_path is not None and summary_path.suffix.lower() not in {".csv", ".html", ".htm"}:
        raise InputError(summary_path, "summary must be a .csv or .html file")
    # Before any work, with the rules of every command's outputs (permaudit.outputs).
    check_output(output, inputs=(manifest,))
    if summary_path is not None:
        check_distinct(output, summary_path)
        check_output(summary_path, inputs=(manifest,))
    if apps_dir is not None:
        if policy is None:
            raise InputError(apps_dir, "--apps needs --policy POLICY")
        pairs = pairs_from_folder(apps_dir, policy)
    else:
        assert manifest is not None
        pairs = read_manifest(manifest, default_policy=policy)

    options = BatchOptions(
        output=output,
        workers=jobs or default_workers(),
        dask=dask,
        resume=resume,
        limits=Limits(timeout=timeout, memory_mib=memory_mib),
        audit=AuditOptions(
            evidence=not no_evidence,
            fail_on=cast("FailOn", fail_on),
            min_severity=Severity(min_severity),
            today=datetime.date.today(),
        ),
        progress=not quiet,
    )
    try:
        result = run_batch(pairs, options)
    except KeyboardInterrupt:
        click.echo(
            f"permaudit: interrupted; finished pairs are in {output}: rerun with --resume",
            err=True,
        )
        ctx.exit(130)
    if not quiet and not result.audited:
        click.echo(f"permaudit: all {result.total} pairs are already in {output}", err=True)
    elif not quiet:
        rate = result.audited / result.seconds if result.seconds else 0.0
        skipped = f", {result.skipped} already done" if result.skipped else ""
        click.echo(
            f"permaudit: {result.audited} pairs in {result.seconds:.1f} s ({rate:.1f} pairs/s, "
            f"{result.workers} worker{'' if result.workers == 1 else 's'}, "
            f"{result.policies} distinct {'policy' if result.policies == 1 else 'policies'})"
            f"{skipped}",
            err=True,
        )
    summary = summarise(read_lines(output))
    if summary_path is not None:
        write_summary(summary, summary_path, title=str(manifest or apps_dir))
    if not quiet:
        from rich.console import Console

        render_terminal(summary, Console(file=sys.stdout, width=_width()))
    ctx.exit(1 if summary.failing else 0)


def _width() -> int | None:
    return None if sys.stdout.isatty() else 100
