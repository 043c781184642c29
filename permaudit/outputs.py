"""Files permaudit writes (`-o`, `--write-map`): checked before any work, written one way.

One rule for every output path: missing parent folders are created (CI writes into
`reports/` that does not exist yet), so a path is usable when the nearest folder that exists
on the way to it can be written to, nothing on the way is a file, and the path itself is not
a folder. The check runs before the APK and the policy are read, so a typo costs no scan and
leaves nothing behind; an output that would overwrite one of the command's inputs is refused.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from permaudit.errors import InputError


def check_output(path: Path, *, inputs: Iterable[Path | None] = ()) -> None:
    """Raise InputError when `path` cannot be written as an output of this run."""
    if path.is_dir():
        raise InputError(path, "cannot write output: is a directory")
    if path.exists() and not os.access(path, os.W_OK):
        raise InputError(path, "cannot write output: permission denied")
    for source in inputs:
        if source is not None and _same_file(path, source):
            raise InputError(path, "cannot write output: it is an input of this command")
    folder = path.absolute().parent
    while not folder.exists():
        folder = folder.parent
    if not folder.is_dir():
        raise InputError(path, f"cannot write output: {folder} is not a directory")
    if not path.exists() and not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(path, f"cannot write output: folder {folder} is not writable")


def check_distinct(*paths: Path | None) -> None:
    """Two outputs of one run must not be the same file: the second would replace the first."""
    seen: list[Path] = []
    for path in paths:
        if path is None:
            continue
        for earlier in seen:
            if _same_file(path, earlier):
                raise InputError(path, f"cannot write output: also the path of {earlier}")
        seen.append(path)


def write_output_file(path: Path, text: str, what: str) -> None:
    """Write `text` to `path`, creating missing parent folders (see the module docstring)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(path, f"cannot write {what}: {error.strerror or error}") from None


def _same_file(first: Path, second: Path) -> bool:
    try:
        if first.exists() and second.exists():
            return os.path.samefile(first, second)
    except OSError:
        return False
    return first.resolve() == second.resolve()
