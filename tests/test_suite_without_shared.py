"""A checkout without `../shared` beside it: the tests that read it skip with a reason.

The project is copied to a folder that has no `shared/` beside it, and the test modules that
reference `../shared` run there in a fresh interpreter: none may fail, none may hang (the
50 MB policy of test_hostile.py once repeated empty seed text forever), and each skip says
what is missing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.shared_data import ROOT

_COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "*.egg-info", "__pycache__", ".*_cache", "build", "dist"
)
# A test module reads ../shared through tests/shared_data.py, or names the folder itself.
_READS_SHARED = re.compile(r"shared_data|[\"']shared[\"']|\.\./shared/")
# test_hostile.py is long: only its case built from seed text can be affected.
_ONLY = {"tests/test_hostile.py": "tests/test_hostile.py::test_hostile_input[policy-huge-50mb]"}


def _modules_reading_shared() -> list[str]:
    found = []
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        if path.name == Path(__file__).name:
            continue
        if _READS_SHARED.search(path.read_text(encoding="utf-8")):
            found.append(path.relative_to(ROOT).as_posix())
    return found


def test_modules_reading_shared_skip_with_a_reason_when_it_is_missing(tmp_path: Path) -> None:
    clone = tmp_path / "clone" / "permaudit"
    shutil.copytree(ROOT, clone, ignore=_COPY_IGNORE)
    assert not (clone.parent / "shared").exists()
    modules = _modules_reading_shared()
    assert "tests/test_audit_e2e_seeds.py" in modules and "tests/test_hostile.py" in modules
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTEST_ADDOPTS")}
    selection = [_ONLY.get(module, module) for module in modules]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", *selection],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-4000:]
    skip_reasons = set(re.findall(r"^SKIPPED \[\d+\] [^:]+:\d+: (.+)$", run.stdout, re.M))
    assert skip_reasons, "nothing was skipped, yet ../shared is missing"
    assert all("../shared/" in reason for reason in skip_reasons), skip_reasons
