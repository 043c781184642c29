"""The GitHub Action and the pre-commit hook, run the way GitHub and pre-commit run them.

The action's shell steps run for real under bash with the environment GitHub gives them (a
recording stand-in for `python -m pip`, the real permaudit for the audit step); the hook's
entry runs with the README's `args` on a project whose policy has no telltale name.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.cli_support import ACCOUNT_ONLY, IPCAM, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
ACTION: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
HOOKS: list[dict[str, Any]] = yaml.safe_load(
    (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
)
# Keys of a hook in .pre-commit-hooks.yaml (pre-commit's clientlib MANIFEST_HOOK_DICT).
HOOK_KEYS = {
    "id", "name", "entry", "language", "alias", "files", "exclude", "types", "types_or",
    "exclude_types", "additional_dependencies", "args", "always_run", "fail_fast",
    "pass_filenames", "description", "language_version", "log_file", "require_serial",
    "stages", "verbose", "minimum_pre_commit_version",
}  # fmt: skip
FULL_SHA = re.compile(r"[0-9a-f]{40}")


def _step(name: str) -> dict[str, Any]:
    (step,) = [s for s in ACTION["runs"]["steps"] if s.get("name") == name]
    return step


def _yaml_block(after: str) -> Any:
    block = README.split(after, 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    return yaml.safe_load(block)


def _executable(path: Path, script: str) -> None:
    path.write_text(script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


# --- GitHub Action -----------------------------------------------------------------------------


def _run_install_step(tmp_path: Path, version: str) -> list[str]:
    """The install step's script under bash, with `python` recording what pip was asked."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    record = tmp_path / "pip-args"
    _executable(bin_dir / "python", f'#!/bin/sh\nprintf "%s\\n" "$@" > "{record}"\n')
    step = _step("Install permaudit")
    assert step["env"] == {"PERMAUDIT_VERSION": "${{ inputs.version }}"}
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "GITHUB_ACTION_PATH": "/home/runner/work/_actions/OWNER/permaudit/0123abc",
        "PERMAUDIT_VERSION": version,
    }
    subprocess.run(["bash", "-e", "-c", step["run"]], env=env, check=True, timeout=30)
    return record.read_text(encoding="utf-8").split()


def test_action_installs_from_its_own_checkout_by_default(tmp_path: Path) -> None:
    assert ACTION["inputs"]["version"]["default"] == ""
    args = _run_install_step(tmp_path, "")
    assert args[:3] == ["-m", "pip", "install"]
    assert args[-1] == "/home/runner/work/_actions/OWNER/permaudit/0123abc"


def test_action_version_selects_a_published_release(tmp_path: Path) -> None:
    assert _run_install_step(tmp_path, "0.3.1")[-1] == "permaudit==0.3.1"


def test_action_scripts_never_splice_inputs_into_shell() -> None:
    for step in ACTION["runs"]["steps"]:
        if "run" in step:
            assert "${{" not in step["run"], step["name"]
            assert step["shell"] == "bash"


@pytest.mark.parametrize(("policy", "code"), [(ACCOUNT_ONLY, "1"), (ROOT / "missing.md", "2")])
def test_action_audit_step_runs_permaudit_and_records_the_exit_code(
    tmp_path: Path, policy: Path, code: str
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    # `permaudit` on PATH as pip would install it: this checkout, run by this interpreter.
    _executable(bin_dir / "permaudit", f'#!/bin/sh\nexec "{sys.executable}" -m permaudit "$@"\n')
    output, summary = tmp_path / "github-output", tmp_path / "step-summary.md"
    step = _step("Run permaudit")
    assert set(step["env"]) == {"APP", "POLICY", "FAIL_ON", "BASELINE", "SARIF"}
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        "HOME": str(tmp_path),
        "GITHUB_OUTPUT": str(output),
        "GITHUB_STEP_SUMMARY": str(summary),
        "APP": str(IPCAM),
        "POLICY": str(policy),
        "FAIL_ON": ACTION["inputs"]["fail-on"]["default"],
        "BASELINE": "",
        "SARIF": ACTION["inputs"]["sarif-file"]["default"],
    }
    run = subprocess.run(
        ["bash", "-e", "-c", step["run"]],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr  # the step records the code; the gate step fails
    assert output.read_text(encoding="utf-8") == f"exit-code={code}\n"
    sarif_path = tmp_path / "permaudit.sarif"
    if code == "1":
        sarif = json.loads(sarif_path.read_text(encoding="utf-8"))
        assert sarif["runs"][0]["results"]
        assert summary.read_text(encoding="utf-8").startswith("## permaudit:")
    else:
        assert not sarif_path.exists()
        assert "permaudit: error:" in run.stderr
    gate = subprocess.run(
        ["bash", "-e", "-c", _step("Gate on the findings")["run"]],
        env={"PATH": "/usr/bin:/bin", "CODE": code},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert gate.returncode == int(code)


def test_readme_action_example_uses_real_inputs_and_an_existing_ref() -> None:
    workflow = _yaml_block("### GitHub Action")
    (step,) = [s for s in workflow["jobs"]["audit"]["steps"] if "permaudit" in s["uses"]]
    _, ref = step["uses"].split("@")
    assert ref == "main" or FULL_SHA.fullmatch(ref), ref  # no tag is published
    assert set(step["with"]) <= set(ACTION["inputs"])
    assert {name for name, spec in ACTION["inputs"].items() if spec.get("required")} <= set(
        step["with"]
    )
    for name in ACTION["inputs"]:
        assert f"`{name}`" in README, f"action input {name} is not in the README"


# --- pre-commit --------------------------------------------------------------------------------


def test_hook_manifest_is_valid_and_reruns_on_any_change() -> None:
    (hook,) = HOOKS
    assert {"id", "name", "entry", "language"} <= set(hook) <= HOOK_KEYS
    # What matters (the configured policy whatever its name, pyproject.toml, permaudit.toml)
    # is known only to permaudit: the hook runs on every commit and reads the configuration.
    assert hook["always_run"] is True and hook["pass_filenames"] is False
    assert "files" not in hook


def test_readme_hook_example_is_valid() -> None:
    config = _yaml_block("### pre-commit")
    (repo,) = config["repos"]
    assert repo["rev"] == "main" or FULL_SHA.fullmatch(repo["rev"]), repo["rev"]
    (hook,) = repo["hooks"]
    assert hook["id"] == HOOKS[0]["id"]


def test_hook_entry_with_the_readme_args_audits_the_configured_policy(tmp_path: Path) -> None:
    (hook,) = _yaml_block("### pre-commit")["repos"][0]["hooks"]
    (app,) = hook["args"]
    (tmp_path / app).parent.mkdir(parents=True)
    shutil.copyfile(IPCAM, tmp_path / app)
    (tmp_path / "legal").mkdir()
    shutil.copyfile(ACCOUNT_ONLY, tmp_path / "legal" / "terms-and-data.txt")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "vendor-app"\n\n[tool.permaudit]\npolicy = "legal/terms-and-data.txt"\n',
        encoding="utf-8",
    )
    entry = shlex.split(HOOKS[0]["entry"])
    assert entry[0] == "permaudit"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-m", "permaudit", *entry[1:], *hook["args"]],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1, run.stderr  # the policy never mentions the camera
    assert "legal/terms-and-data.txt" in run.stdout
    assert "[undisclosed] camera" in run.stdout
