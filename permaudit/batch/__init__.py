"""Batch audits (SPEC §6): many (app, policy) pairs as one job, locally or on Dask.

Public API:
- `read_manifest(path)` / `pairs_from_folder(folder, policy)`: the job's `Pair`s;
- `run_batch(pairs, BatchOptions(output=...))`: runs the job, appending one JSONL line per
  pair to the output, and returns a `BatchResult` (counts, time, peak memory per worker);
- `summarise(read_lines(output))`: the job's summary, for `render_terminal`, CSV or HTML.

The command is `permaudit batch` (permaudit.batch.command). Each pair goes through
`permaudit.audit_pair`, the same function `permaudit audit` runs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from permaudit.batch.job import BatchOptions, BatchResult, JobError, run_batch
    from permaudit.batch.manifest import Pair, pairs_from_folder, read_manifest
    from permaudit.batch.output import read_lines
    from permaudit.batch.sandbox import Limits
    from permaudit.batch.summary import summarise
    from permaudit.batch.tasks import AuditOptions

# Imported on first use: `permaudit --help` imports the command module of this package, and
# must not load the audit with it.
_EXPORTS = {
    "AuditOptions": "tasks",
    "BatchOptions": "job",
    "BatchResult": "job",
    "JobError": "job",
    "Limits": "sandbox",
    "Pair": "manifest",
    "pairs_from_folder": "manifest",
    "read_lines": "output",
    "read_manifest": "manifest",
    "run_batch": "job",
    "summarise": "summary",
}
__all__ = [
    "AuditOptions",
    "BatchOptions",
    "BatchResult",
    "JobError",
    "Limits",
    "Pair",
    "pairs_from_folder",
    "read_lines",
    "read_manifest",
    "run_batch",
    "summarise",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'permaudit.batch' has no attribute {name!r}")
    return getattr(importlib.import_module(f"permaudit.batch.{module}"), name)
