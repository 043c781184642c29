"""Reading an earlier `permaudit audit --format json` report as a baseline."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from permaudit.audit import Baseline
from permaudit.errors import InputError
from permaudit.models import FixedFinding

# A baseline is a report we wrote; anything far bigger is not one.
MAX_BASELINE_BYTES = 64 * 1024 * 1024


def load_baseline(path: Path) -> Baseline:
    try:
        if path.stat().st_size > MAX_BASELINE_BYTES:
            raise InputError(path, "baseline is larger than 64 MiB; not a permaudit report")
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(path, f"cannot read baseline: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise InputError(path, "baseline is not UTF-8 JSON") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        problem = f"baseline is not JSON: {error.msg} at line {error.lineno}"
        raise InputError(path, problem) from None
    if not isinstance(data, dict) or "schema_version" not in data or "findings" not in data:
        raise InputError(
            path, "not a permaudit JSON report (write one with `permaudit audit --format json`)"
        )
    raw = data["findings"]
    if not isinstance(raw, list):
        raise InputError(path, "baseline `findings` is not a list")
    fields = set(FixedFinding.model_fields)
    findings: list[FixedFinding] = []
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            raise InputError(path, f"baseline findings[{index}] is not an object")
        try:
            findings.append(
                FixedFinding.model_validate({k: v for k, v in item.items() if k in fields})
            )
        except ValidationError as error:
            detail = error.errors()[0]
            key = ".".join(str(p) for p in detail["loc"])
            raise InputError(path, f"baseline findings[{index}].{key}: {detail['msg']}") from None
    return Baseline(source=str(path), findings=tuple(findings))
