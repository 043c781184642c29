"""Errors a user can cause. The CLI turns each into exit code 2 and one line on stderr."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """A file the user gave us cannot be used: names the file and the problem, nothing more."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ConfigError(InputError):
    """Configuration (pyproject.toml / permaudit.toml / a policy map) failed validation."""
