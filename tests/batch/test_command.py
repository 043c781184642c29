"""The batch command's module stays light, and its choices are the models' values."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import get_args

from permaudit.batch.command import FAIL_ON_CHOICES, SEVERITY_CHOICES
from permaudit.models import FailOn, Severity


def test_choices_are_the_models_values() -> None:
    assert get_args(FailOn) == FAIL_ON_CHOICES
    assert tuple(s.value for s in Severity) == SEVERITY_CHOICES


def test_importing_the_command_loads_no_model_audit_or_worker() -> None:
    code = "import json, sys, permaudit.batch.command; print(json.dumps(sorted(sys.modules)))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    modules = set(json.loads(run.stdout))
    heavy = {"pydantic", "rich", "androguard", "distributed", "permaudit.audit", "permaudit.api"}
    assert not heavy & modules
    workers = {m for m in modules if m.startswith("permaudit.batch.")}
    assert workers == {"permaudit.batch.command"}


def test_every_export_of_the_package_resolves() -> None:
    import permaudit.batch

    for name in permaudit.batch.__all__:
        assert getattr(permaudit.batch, name) is not None
