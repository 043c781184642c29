"""The job's JSONL output (SPEC §6): one line per pair, each written whole and flushed.

Lines are appended as pairs finish, so the file is the job's state: `--resume` reads it back,
drops a last line cut short by a crash, and skips every id it holds. A lock keeps two jobs
from appending to the same file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from permaudit.errors import InputError
from permaudit.models.common import SCHEMA_VERSION

LINE_KEYS = ("schema_version", "id", "app", "policy", "status", "error", "summary", "findings")


def result_line(
    pair_id: str, app: str, policy: str, result: dict[str, Any] | None, error: str | None
) -> dict[str, Any]:
    """A line of SPEC §6: `result` holds `summary` and `findings`, or `error` says why not."""
    return {
        "schema_version": SCHEMA_VERSION,
        "id": pair_id,
        "app": app,
        "policy": policy,
        "status": "ok" if error is None else "error",
        "error": error,
        "summary": result["summary"] if result is not None else None,
        "findings": result["findings"] if result is not None else [],
    }


def read_lines(path: Path) -> Iterator[dict[str, Any]]:
    """The complete lines of an output file (a cut-short last line is left out)."""
    try:
        with path.open("rb") as stream:
            for number, raw in enumerate(stream, start=1):
                if not raw.endswith(b"\n"):
                    return
                if not raw.strip():
                    continue
                try:
                    line = json.loads(raw)
                except (json.JSONDecodeError, UnicodeDecodeError):
                    raise InputError(path, f"line {number}: not a batch result line") from None
                if not isinstance(line, dict) or not isinstance(line.get("id"), str):
                    raise InputError(path, f"line {number}: not a batch result line (no `id`)")
                yield line
    except FileNotFoundError:
        return
    except OSError as error:
        raise InputError(path, f"cannot read: {error.strerror or error}") from None


class ResultWriter:
    """Appends lines to the output file; holds an exclusive lock while the job runs."""

    def __init__(self, path: Path, *, resume: bool) -> None:
        self.path = path
        try:
            exists = path.stat().st_size > 0
        except FileNotFoundError:
            exists = False
        except OSError as error:
            raise InputError(path, f"cannot write: {error.strerror or error}") from None
        if exists and not resume:
            raise InputError(path, "already exists: pass --resume to continue that job")
        try:
            # Missing folders are created, as for every output (permaudit.outputs).
            path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        except OSError as error:
            raise InputError(path, f"cannot write: {error.strerror or error}") from None
        self._lock()
        self._drop_cut_short_line()

    def _lock(self) -> None:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows has no flock; run one job per file
            return
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self._fd)
            raise InputError(self.path, "another permaudit batch is writing it") from None

    def _drop_cut_short_line(self) -> None:
        """A job killed mid-write leaves a partial last line: cut it, its pair runs again."""
        size = os.fstat(self._fd).st_size
        if size == 0:
            return
        with self.path.open("rb") as stream:
            position = size
            while position > 0:
                step = min(65536, position)
                stream.seek(position - step)
                block = stream.read(step)
                newline = block.rfind(b"\n")
                if newline >= 0:
                    position = position - step + newline + 1
                    break
                position -= step
        if position != size:
            os.ftruncate(self._fd, position)

    def done_ids(self) -> set[str]:
        return {line["id"] for line in read_lines(self.path)}

    def write(self, line: dict[str, Any]) -> None:
        data = (json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        # One write per line on an O_APPEND file: a reader never sees half a line of a
        # finished pair, and a crash cuts at most the line being written.
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
