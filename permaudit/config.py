"""Project configuration: `[tool.permaudit]` in pyproject.toml, or a permaudit.toml.

Discovery walks from the working directory upward and stops at the first directory holding a
`permaudit.toml` (keys at top level) or a `pyproject.toml` with a `[tool.permaudit]` table; a
pyproject.toml without that table is skipped. Command-line options override the file. Every
key is validated: a typo or a bad value is an error naming the key, never a silent default.

    [tool.permaudit]
    policy = "docs/privacy-policy.md"   # relative to the file's directory
    fail-on = "warning"
    format = "sarif"
    min-severity = "note"

    [[tool.permaudit.ignore]]
    rule = "unrequested_disclosure"
    category = "health"
    reason = "Policy is shared with the watch app, which does read heart rate"
    expires = 2026-06-30
"""

from __future__ import annotations

import datetime
import tomllib
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, model_validator

from permaudit.audit import Ignore, ignore_problem
from permaudit.errors import ConfigError
from permaudit.models import Category, FailOn, Frozen, Rule, Severity
from permaudit.report.formats import Format

CONFIG_FILENAMES = ("permaudit.toml", "pyproject.toml")


class IgnoreConfig(Frozen):
    rule: Rule
    category: Category | None = None
    permission: str | None = None
    reason: str = Field(min_length=1)
    expires: datetime.date | None = None

    @model_validator(mode="after")
    def _names_what_it_ignores(self) -> IgnoreConfig:
        problem = ignore_problem(self.category, self.permission)
        if problem:
            raise ValueError(problem)
        if not self.reason.strip():
            raise ValueError("`reason` must say why the finding is accepted")
        return self

    def to_ignore(self) -> Ignore:
        return Ignore(
            rule=self.rule,
            reason=self.reason.strip(),
            category=self.category,
            permission=self.permission,
            expires=self.expires,
        )


class Config(Frozen):
    policy: str | None = None
    fail_on: FailOn | None = Field(default=None, alias="fail-on")
    format: Format | None = None
    min_severity: Severity | None = Field(default=None, alias="min-severity")
    ignore: tuple[IgnoreConfig, ...] = ()
    # Where the configuration came from (not a key of the file).
    path: Path | None = Field(default=None, exclude=True)

    def policy_path(self) -> Path | None:
        """The configured policy, relative to the directory of the config file."""
        if self.policy is None:
            return None
        policy = Path(self.policy)
        if policy.is_absolute() or self.path is None:
            return policy
        return self.path.parent / policy

    def ignores(self) -> tuple[Ignore, ...]:
        return tuple(entry.to_ignore() for entry in self.ignore)


def _table(path: Path) -> tuple[dict[str, Any], str] | None:
    """The permaudit table of a config file and the key prefix used in errors, or None."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(path, f"cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise ConfigError(path, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(path, f"invalid TOML: {error}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        if not isinstance(tool, dict) or "permaudit" not in tool:
            return None
        table = tool["permaudit"]
        prefix = "tool.permaudit."
    else:
        table = data
        prefix = ""
    if not isinstance(table, dict):
        raise ConfigError(path, f"{prefix.rstrip('.') or 'file'}: must be a table")
    return table, prefix


def _describe(error: ValidationError, prefix: str) -> str:
    first = error.errors()[0]
    key = ".".join(str(part) for part in first["loc"])
    message = first["msg"]
    if first["type"] == "extra_forbidden":
        message = "unknown key"
    return f"{prefix}{key}: {message}" if key else f"{prefix.rstrip('.')}: {message}"


def load_config(path: Path) -> Config:
    """Read and validate one config file (`--config FILE`)."""
    found = _table(path)
    if found is None:
        raise ConfigError(path, "no [tool.permaudit] table")
    table, prefix = found
    try:
        config = Config.model_validate(table)
    except ValidationError as error:
        raise ConfigError(path, _describe(error, prefix)) from None
    return config.model_copy(update={"path": path})


def discover_config(start: Path | None = None) -> Config:
    """The nearest config from `start` (default: working directory) upward, or the defaults."""
    directory = (start or Path.cwd()).resolve()
    for candidate_dir in (directory, *directory.parents):
        for name in CONFIG_FILENAMES:
            candidate = candidate_dir / name
            if candidate.is_file() and _table(candidate) is not None:
                return load_config(_display_path(candidate))
    return Config()


def _display_path(path: Path) -> Path:
    try:
        return path.relative_to(Path.cwd().resolve())
    except ValueError:
        return path
