"""The repository a run happens in: SARIF locations are relative to its top level.

GitHub code scanning resolves `%SRCROOT%` to the root of the checkout, so a path must be
relative to the git top level whatever folder permaudit runs from (`working-directory:
android/` in a workflow, a policy configured as `../docs/privacy.md`).
"""

from __future__ import annotations

from pathlib import Path


def repository_root(start: Path) -> Path | None:
    """The nearest folder from `start` upward holding `.git` (a folder, or a file in a
    worktree or submodule), resolved; None outside any repository."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None
