"""Command-line wiring: parse options, call the boundaries, write the report. No logic here.

Start-up matters (`permaudit --version` and `--help` in well under a quarter second, tests/
test_startup.py): this module imports click and the standard library only. The boundaries
(pydantic models, androguard, the policy analyzer, rich) are imported inside the commands
that use them, and option choices that come from their enums are computed on first use.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import click

from permaudit import __version__
from permaudit.batch.command import batch as batch_command
from permaudit.errors import InputError
from permaudit.outputs import check_distinct, check_output, write_output_file

if TYPE_CHECKING:
    from permaudit.audit import Baseline
    from permaudit.config import Config
    from permaudit.models import AppFacts, AuditReport, FailOn, PolicyFacts, Severity
    from permaudit.report.formats import Format as _Format

# Existence, type and permission checks are left to the readers, which report every problem in
# one line naming the file; click's own checks would print a multi-line usage error instead.
FILE_PATH = click.Path(path_type=Path, exists=False, dir_okay=True, readable=False)

EXIT_ERROR = 2
EXIT_CLOSED_PIPE = 128 + 13  # SIGPIPE on every platform permaudit runs on
POLICY_AUTO = "auto"
_OFFLINE_HELP = (
    "Read a policy URL from the cache of earlier fetches only; never use the network "
    "(a URL not fetched before is an error)."
)


class _LazyChoice(click.Choice):  # type: ignore[type-arg]  # generic only since click 8.2
    """A click.Choice whose values are computed when first needed (parsing, `CMD --help`)."""

    def __init__(self, values: Callable[[], Sequence[str]]) -> None:
        self._values = values
        self._choices: tuple[Any, ...] | None = None
        self.case_sensitive = True

    @property
    def choices(self) -> tuple[Any, ...]:
        if self._choices is None:
            self._choices = tuple(self._values())
        return self._choices

    @choices.setter
    def choices(self, values: Sequence[Any]) -> None:
        self._choices = tuple(values)


def _app_formats() -> list[str]:
    from permaudit.report.formats import AppFormat

    return [f.value for f in AppFormat]


def _policy_formats() -> list[str]:
    from permaudit.report.formats import PolicyFormat

    return [f.value for f in PolicyFormat]


def _report_formats() -> list[str]:
    from permaudit.report.formats import Format

    return [f.value for f in Format]


def _fail_on_values() -> tuple[str, ...]:
    from typing import get_args

    from permaudit.models import FailOn

    return get_args(FailOn)


def _policy_languages() -> list[str]:
    from permaudit.policy.languages import supported

    return list(supported())


def _severities() -> list[str]:
    from permaudit.models import Severity

    return [s.value for s in Severity]


class UsageLine(click.ClickException):
    """A usage error as SPEC §4 promises it: one line on stderr, exit code 2."""

    exit_code = EXIT_ERROR

    @classmethod
    def of(cls, error: click.UsageError) -> UsageLine:
        lines = [line.strip() for line in error.format_message().splitlines() if line.strip()]
        message = "; ".join(lines).rstrip(".")
        if error.ctx is not None:
            message += f" (see '{error.ctx.command_path} --help')"
        return cls(message)

    def show(self, file: Any = None) -> None:
        click.echo(f"permaudit: error: {self.format_message()}", err=True)


# `permaudit` alone prints the help (click ≥ 8.2 raises this UsageError for it): not an error line.
_HELP_ON_NO_ARGS: tuple[type[click.UsageError], ...] = tuple(
    getattr(click.exceptions, name)
    for name in ("NoArgsIsHelpError",)
    if hasattr(click.exceptions, name)
)


class _Group(click.Group):
    """Turns every error into one line on stderr and exit code 2, never a traceback."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        # Options of the group itself (`permaudit --bogus`) are parsed here, outside invoke.
        try:
            return super().make_context(info_name, args, parent, **extra)
        except _HELP_ON_NO_ARGS:
            raise
        except click.UsageError as error:
            raise UsageLine.of(error) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InputError as error:
            click.echo(f"permaudit: error: {error}", err=True)
            sys.exit(EXIT_ERROR)
        except _HELP_ON_NO_ARGS:
            raise
        except click.UsageError as error:
            # Unknown command or option, missing argument, bad choice: parsed in here.
            raise UsageLine.of(error) from None
        except (click.exceptions.Exit, click.ClickException, KeyboardInterrupt, SystemExit):
            raise
        except BrokenPipeError:
            # The reader left early (`permaudit policy P --format json | head`): nothing is
            # wrong and nothing is left to say. Standard output points at /dev/null so the
            # interpreter's last flush cannot fail again, and the exit code is the one a shell
            # gives a command a closed pipe ends (128 + SIGPIPE).
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(EXIT_CLOSED_PIPE)
        except Exception as error:
            # A bug, not the user's doing; a CI log still gets one line and exit 2, and
            # PERMAUDIT_DEBUG=1 shows the traceback for the bug report.
            if os.environ.get("PERMAUDIT_DEBUG"):
                raise
            click.echo(
                f"permaudit: internal error: {type(error).__name__}: {error} "
                "(set PERMAUDIT_DEBUG=1 for the traceback and report it as a bug)",
                err=True,
            )
            sys.exit(EXIT_ERROR)


def write_output(text: str, output: Path | None) -> None:
    """Write the report to stdout, or to the file the user named."""
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    write_output_file(output, text, "report")


def check_outputs(*outputs: Path | None, inputs: tuple[Path | None, ...]) -> None:
    """Before any work: every output path is writable, distinct, and none is an input."""
    for output in outputs:
        if output is not None:
            check_output(output, inputs=inputs)
    check_distinct(*outputs)


@click.group(name="permaudit", cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="permaudit")
def main() -> None:
    """Audit the Android companion app of a connected device against its privacy policy.

    \b
    Examples:
      permaudit extract app.apk
      permaudit policy privacy.html --format json
      permaudit audit app.apk --policy privacy.html --format sarif -o permaudit.sarif
    """


# --- extract -----------------------------------------------------------------------------------


@main.command()
@click.argument("app", type=FILE_PATH)
@click.option(
    "--format",
    "fmt",
    type=_LazyChoice(_app_formats),
    default="table",
    show_default=True,
    help="table: grouped by data category, for people; json: SPEC §4 contract, for tools.",
)
@click.option(
    "-o",
    "--output",
    type=FILE_PATH,
    default=None,
    help="Write the report to FILE instead of stdout.",
)
@click.option(
    "--evidence",
    is_flag=True,
    help="Also scan the app's code (every classes*.dex) for calls to sensitive APIs: which "
    "class and method makes each, and whether it is the app's own code or a bundled SDK.",
)
def extract(app: Path, fmt: str, output: Path | None, evidence: bool) -> None:
    """Show what APP asks for: permissions, sensitive components, features.

    APP is an .apk, or a bundle as downloaded: .apks (split APKs; the base is read), .xapk
    (manifest.json plus APKs) or an Android App Bundle .aab (its base module). Bundles are
    recognised by content, not by extension.

    \b
    Examples:
      permaudit extract app.apk
      permaudit extract app.xapk --format json -o app.json
      permaudit extract app.apks --format json | jq '.permissions[].name'
      permaudit extract app.apk --evidence --format json | jq '.api_evidence'
    """
    from permaudit.report.app_view import render_app
    from permaudit.report.formats import AppFormat

    check_outputs(output, inputs=(app,))
    facts = _load_app(app, evidence=evidence)
    color = output is None and sys.stdout.isatty()
    write_output(render_app(facts, AppFormat(fmt), color=color), output)


# --- policy ------------------------------------------------------------------------------------


_POLICY_LANGUAGE_OPTION = click.option(
    "--policy-language",
    type=_LazyChoice(_policy_languages),
    help="Read the policy in this language (en, zh) instead of the one detected from its text.",
)


@main.command("policy")
@click.argument("policy")
@_POLICY_LANGUAGE_OPTION
@click.option(
    "--format",
    "output_format",
    type=_LazyChoice(_policy_formats),
    default="table",
    show_default=True,
    help="table: category, status, purposes, evidence; json: SPEC §4 policy object.",
)
@click.option("-o", "--output", type=FILE_PATH, help="Write the report to FILE instead of stdout.")
@click.option(
    "--write-map",
    type=FILE_PATH,
    help="Also write the analysis as a policy map (YAML, reviewed: false) to review and commit.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Let --write-map replace a reviewed map (reviewed: true) or a file that is no map.",
)
@click.option("--offline", is_flag=True, help=_OFFLINE_HELP)
def policy_command(
    policy: str,
    policy_language: str | None,
    output_format: str,
    output: Path | None,
    write_map: Path | None,
    force: bool,
    offline: bool,
) -> None:
    """Show what a privacy policy discloses, per data category, with evidence.

    POLICY is a policy document (txt, md, html, pdf) or a reviewed policy map (YAML): a file,
    an http(s) URL (fetched and cached) or - for standard input.

    \b
    Examples:
      permaudit policy privacy.html
      permaudit policy privacy.txt --format json -o policy.json
      permaudit policy privacy.txt --write-map policy_maps/vendor.yaml
      permaudit policy https://vendor.example/privacy --format json
      curl -s https://vendor.example/privacy | permaudit policy -
    """
    from permaudit.policy import load_policy_source
    from permaudit.policy.maps import check_map_target, map_from_facts
    from permaudit.policy.maps import write_map as write_policy_map
    from permaudit.report.formats import PolicyFormat
    from permaudit.report.policy_view import render_policy

    check_outputs(output, write_map, inputs=(_local_path(policy),))
    if write_map is not None:
        check_map_target(write_map, force=force)
    facts = load_policy_source(policy, offline=offline, language=policy_language)
    if write_map is not None:
        write_policy_map(map_from_facts(facts), write_map)
        click.echo(f"permaudit: wrote policy map {write_map} (reviewed: false)", err=True)
    write_output(render_policy(facts, PolicyFormat(output_format)), output)


# --- audit and diff ----------------------------------------------------------------------------

_FORMAT_CHOICE = _LazyChoice(_report_formats)
_FAIL_ON_CHOICE = _LazyChoice(_fail_on_values)
_SEVERITY_CHOICE = _LazyChoice(_severities)


def _policy_option(command: Any) -> Any:
    """--policy, --policy-language, and --offline, which only means something for a URL."""
    command = click.option("--offline", is_flag=True, help=_OFFLINE_HELP)(command)
    command = _POLICY_LANGUAGE_OPTION(command)
    return click.option(
        "--policy",
        "policy_path",
        help="Privacy policy: .txt, .md, .html, .pdf or a reviewed policy map (.yaml); "
        "a file, an http(s) URL, - for standard input, or `auto`: the privacy-policy "
        "URL found in the app (see `extract`). Default: `policy` of the configuration.",
    )(command)


_NO_EVIDENCE_OPTION = click.option(
    "--no-evidence",
    is_flag=True,
    help="Skip the scan of the app's code (faster; no code evidence, no "
    "unused_permission findings).",
)
_CONFIG_OPTION = click.option(
    "--config",
    "config_path",
    type=FILE_PATH,
    help="Configuration file (default: permaudit.toml or [tool.permaudit] in "
    "pyproject.toml, searched from the working directory upward).",
)


def _report_options(command: Any) -> Any:
    """Options shared by `audit` and `diff`; defaults come from the configuration file."""
    for option in reversed(
        [
            _policy_option,
            click.option(
                "--format",
                "format_name",
                type=_FORMAT_CHOICE,
                help="Report format (default: terminal).",
            ),
            click.option(
                "-o",
                "--output",
                type=FILE_PATH,
                help="Write the report to FILE instead of stdout.",
            ),
            click.option(
                "--fail-on",
                type=_FAIL_ON_CHOICE,
                help="Exit 1 when a (new) finding is at or above this severity (default: error).",
            ),
            click.option(
                "--min-severity",
                type=_SEVERITY_CHOICE,
                help="Show only findings at or above this severity; the exit code still sees all "
                "(default: note).",
            ),
            _NO_EVIDENCE_OPTION,
            _CONFIG_OPTION,
        ]
    ):
        command = option(command)
    return command


def _settings(
    config_path: Path | None,
    policy_path: str | None,
    format_name: str | None,
    fail_on: str | None,
    min_severity: str | None,
) -> tuple[Config, str | Path, _Format, FailOn, Severity]:
    from permaudit.config import discover_config, load_config
    from permaudit.models import Severity
    from permaudit.policy.fetch import is_url
    from permaudit.report.formats import Format

    config = load_config(_must_exist(config_path)) if config_path else discover_config()
    configured = config.policy
    # A configured URL (or `auto`) is not a path relative to the configuration file.
    if configured is not None and (is_url(configured) or configured == POLICY_AUTO):
        policy: str | Path | None = policy_path or configured
    else:
        policy = policy_path or config.policy_path()
    if policy is None:
        raise click.UsageError("no policy: give --policy POLICY or set `policy` in the config")
    fmt = Format(format_name or config.format or "terminal")
    gate = cast("FailOn", fail_on or config.fail_on or "error")
    shown = Severity(min_severity or config.min_severity or "note")
    return config, policy, fmt, gate, shown


def _local_path(policy: str | Path) -> Path | None:
    """The policy file, when the policy is one (not a URL, standard input or `auto`)."""
    from permaudit.policy.fetch import STDIN, is_url

    if isinstance(policy, Path):
        return policy
    return None if is_url(policy) or policy in (STDIN, POLICY_AUTO) else Path(policy)


def _policy_facts(
    policy: str | Path, app: AppFacts, *, offline: bool, language: str | None = None
) -> PolicyFacts:
    """The policy the user named; `auto`: the privacy-policy URL found in `app`."""
    from permaudit.policy import load_policy_source

    if policy == POLICY_AUTO:
        from permaudit.apk.policy_urls import choose_policy_url

        chosen = choose_policy_url(app)
        click.echo(f"permaudit: --policy auto: {chosen.url} (found in {chosen.where})", err=True)
        policy = chosen.url
    return load_policy_source(policy, offline=offline, language=language)


def _must_exist(path: Path) -> Path:
    if not path.is_file():
        raise InputError(path, "no such file" if not path.exists() else "not a regular file")
    return path


def _load_app(path: Path, *, evidence: bool) -> AppFacts:
    from permaudit.apk import load_app

    return load_app(path, evidence=evidence, progress=evidence and sys.stderr.isatty())


def _audit_report(
    app: Path,
    policy: str | Path,
    config: Config,
    *,
    evidence: bool,
    offline: bool,
    language: str | None = None,
    gate: FailOn,
    shown: Severity,
    baseline: Baseline | None,
) -> AuditReport:
    """Read APP and POLICY and audit them: the report of `audit` and of `baseline`."""
    from permaudit.api import audit_pair

    app_facts = _load_app(app, evidence=evidence)
    policy_facts = _policy_facts(policy, app_facts, offline=offline, language=language)
    return audit_pair(
        app_facts,
        policy_facts,
        fail_on=gate,
        min_severity=shown,
        ignores=config.ignores(),
        baseline=baseline,
        progress=evidence and sys.stderr.isatty(),
    )


def _emit(report: AuditReport, fmt: _Format, output: Path | None) -> None:
    import shutil

    from permaudit.report.formats import reporter_for
    from permaudit.repository import repository_root

    interactive = output is None and sys.stdout.isatty()
    width = shutil.get_terminal_size((100, 24)).columns if interactive else 100
    root = repository_root(Path.cwd()) or Path.cwd()
    reporter = reporter_for(fmt, color=interactive, width=width, source_root=root)
    write_output(reporter.render(report), output)


@main.command()
@click.argument("app", type=FILE_PATH)
@_report_options
@click.option(
    "--baseline",
    "baseline_path",
    type=FILE_PATH,
    help="A report of `permaudit baseline` (or of `audit --format json`): its findings are "
    "known and do not fail the run.",
)
@click.pass_context
def audit(
    ctx: click.Context,
    app: Path,
    policy_path: str | None,
    offline: bool,
    policy_language: str | None,
    format_name: str | None,
    output: Path | None,
    fail_on: str | None,
    min_severity: str | None,
    no_evidence: bool,
    config_path: Path | None,
    baseline_path: Path | None,
) -> None:
    """Audit APP against its privacy policy and report every mismatch with evidence.

    \b
    Exit codes:
      0  nothing (new) at or above --fail-on
      1  findings at or above --fail-on
      2  bad usage or unreadable input (one line on stderr)

    \b
    Examples:
      permaudit audit app.apk --policy privacy.html
      permaudit audit app.apk --policy privacy.md --format sarif -o permaudit.sarif
      permaudit audit app.apk --policy privacy.md --fail-on warning --min-severity warning
      permaudit baseline app.apk --policy privacy.md -o baseline.json
      permaudit audit app.apk --policy privacy.md --baseline baseline.json
      permaudit audit app.apk --policy https://vendor.example/privacy
      permaudit audit app.apk --policy auto --offline
    """
    from permaudit.audit import exit_code
    from permaudit.baseline import load_baseline

    config, policy, fmt, gate, shown = _settings(
        config_path, policy_path, format_name, fail_on, min_severity
    )
    check_outputs(output, inputs=(app, _local_path(policy), baseline_path, config.path))
    baseline = load_baseline(_must_exist(baseline_path)) if baseline_path else None
    report = _audit_report(
        app,
        policy,
        config,
        evidence=not no_evidence,
        offline=offline,
        language=policy_language,
        gate=gate,
        shown=shown,
        baseline=baseline,
    )
    _emit(report, fmt, output)
    ctx.exit(exit_code(report))


@main.command()
@click.argument("old_app", type=FILE_PATH)
@click.argument("new_app", type=FILE_PATH)
@_report_options
@click.pass_context
def diff(
    ctx: click.Context,
    old_app: Path,
    new_app: Path,
    policy_path: str | None,
    offline: bool,
    policy_language: str | None,
    format_name: str | None,
    output: Path | None,
    fail_on: str | None,
    min_severity: str | None,
    no_evidence: bool,
    config_path: Path | None,
) -> None:
    """Review a release: what NEW_APP asks for that OLD_APP did not, and the findings it adds.

    Findings of the old release are "known"; only findings new in NEW_APP count toward the
    exit code, so a release gate fails only on what the release changed.

    \b
    Examples:
      permaudit diff app-1.4.apk app-1.5.apk --policy privacy.md
      permaudit diff app-1.4.apk app-1.5.apk --policy privacy.md --format markdown -o pr.md
    """
    import datetime

    from permaudit.audit import as_baseline, build_report, diff_apps, exit_code
    from permaudit.audit import audit as run_audit

    config, policy, fmt, gate, shown = _settings(
        config_path, policy_path, format_name, fail_on, min_severity
    )
    check_outputs(output, inputs=(old_app, new_app, _local_path(policy), config.path))
    old_facts = _load_app(old_app, evidence=not no_evidence)
    new_facts = _load_app(new_app, evidence=not no_evidence)
    # `auto`: the policy URL of the release under review.
    policy_facts = _policy_facts(policy, new_facts, offline=offline, language=policy_language)
    changes = diff_apps(old_facts, new_facts)
    for warning in changes.warnings:
        click.echo(f"permaudit: warning: {warning}", err=True)
    today = datetime.date.today()
    # The old release's findings go through the same ignores, so an ignored finding is
    # neither "fixed" nor "new" merely because of the comparison.
    old_report = build_report(
        old_facts,
        policy_facts,
        run_audit(old_facts, policy_facts),
        fail_on="none",
        ignores=config.ignores(),
        today=today,
    )
    report = build_report(
        new_facts,
        policy_facts,
        run_audit(new_facts, policy_facts, release_data_types=changes.added_data_types),
        fail_on=gate,
        min_severity=shown,
        ignores=config.ignores(),
        baseline=as_baseline(str(old_app), old_report.findings),
        today=today,
        changes=changes,
    )
    _emit(report, fmt, output)
    ctx.exit(exit_code(report))


@main.command()
@click.argument("app", type=FILE_PATH)
@_policy_option
@click.option(
    "-o",
    "--output",
    type=FILE_PATH,
    help="Write the baseline to FILE instead of stdout.",
)
@_NO_EVIDENCE_OPTION
@_CONFIG_OPTION
def baseline(
    app: Path,
    policy_path: str | None,
    offline: bool,
    policy_language: str | None,
    output: Path | None,
    no_evidence: bool,
    config_path: Path | None,
) -> None:
    """Write a baseline holding every finding of APP: exit 0 whatever they are.

    The baseline is the JSON report of `permaudit audit --format json` with nothing filtered:
    no --min-severity, whatever --fail-on, so no finding that exists now can come back as
    "new". Ignores of the configuration still apply, so a finding whose ignore expires is new.
    Give it to `permaudit audit --baseline FILE` to fail only on what is new.

    \b
    Exit codes:
      0  the baseline was written (findings or not)
      2  bad usage or unreadable input (one line on stderr)

    \b
    Examples:
      permaudit baseline app.apk --policy privacy.md -o permaudit-baseline.json
      permaudit audit app.apk --policy privacy.md --baseline permaudit-baseline.json
    """
    from permaudit.models import Severity
    from permaudit.report.formats import Format, reporter_for

    config, policy, _, _, _ = _settings(config_path, policy_path, None, None, None)
    check_outputs(output, inputs=(app, _local_path(policy), config.path))
    report = _audit_report(
        app,
        policy,
        config,
        evidence=not no_evidence,
        offline=offline,
        language=policy_language,
        gate="none",
        shown=Severity.NOTE,
        baseline=None,
    )
    write_output(reporter_for(Format.JSON).render(report), output)
    if output is not None:
        count = len(report.findings)
        noun = "finding" if count == 1 else "findings"
        click.echo(f"permaudit: wrote baseline {output} ({count} {noun})", err=True)


main.add_command(batch_command)
