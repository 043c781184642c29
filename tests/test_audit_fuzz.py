"""Property test of `audit`, the command CI runs: a mutated app against a mutated policy.

The APK and policy mutations of the other property tests, together and through the whole
pipeline (manifest, code evidence, policy analysis or policy map, findings, report): the
command exits 0, 1 or 2, never crashes, and an exit 2 is one line naming one of the inputs.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.hostile_support import (
    FIXTURES,
    ROOT,
    apk_mutation,
    assert_well_behaved,
    invoke_permaudit,
    mutate_policy,
    mutate_region,
    policy_mutation,
)

APPS = {
    path.name: path.read_bytes()
    for path in (
        FIXTURES / "apk" / "ipcam.apk",
        FIXTURES / "apk" / "evidence_homecam.apk",
        FIXTURES / "apk" / "watch.apks",
        FIXTURES / "apk" / "watch.aab",
    )
}
POLICIES = {
    path.name: path.read_bytes()
    for path in (
        FIXTURES / "policies" / "demo_policy.txt",
        FIXTURES / "policies" / "demo_policy.html",
        FIXTURES / "policies" / "demo_policy.pdf",
        ROOT / "policy_maps" / "smartmi.yaml",
    )
}


@settings(
    max_examples=40,
    deadline=5000,
    derandomize=True,  # reproducible in CI; a failure prints its example anyway
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    app=st.sampled_from(sorted(APPS)),
    app_mutations=st.lists(apk_mutation, max_size=3),
    policy=st.sampled_from(sorted(POLICIES)),
    policy_mutations=st.lists(policy_mutation, max_size=3),
    noise=st.binary(max_size=32),
    fail_on=st.sampled_from(["error", "none"]),
)
def test_audit_of_mutated_inputs_exits_0_1_or_2(
    app: str,
    app_mutations: list[tuple[str, float, bytes]],
    policy: str,
    policy_mutations: list[tuple[str, float, int]],
    noise: bytes,
    fail_on: str,
) -> None:
    app_bytes = APPS[app]
    for op, where, payload in app_mutations:
        app_bytes = mutate_region(app_bytes, 0, len(app_bytes), op, where, payload)
    with tempfile.TemporaryDirectory() as tmp:
        app_path = Path(tmp) / app
        app_path.write_bytes(app_bytes)
        policy_path = Path(tmp) / policy
        policy_path.write_bytes(mutate_policy(POLICIES[policy], policy_mutations, noise))
        run = invoke_permaudit(
            "audit",
            str(app_path),
            "--policy",
            str(policy_path),
            "--fail-on",
            fail_on,
            trace_memory=False,
        )
    assert_well_behaved(run)
    event(f"exit {run.code}")
    if run.code == 2:
        lines = run.stderr.splitlines()
        assert len(lines) == 1, run.stderr
        assert lines[0].startswith(
            (f"permaudit: error: {app_path}", f"permaudit: error: {policy_path}: ")
        ), lines[0]
    elif fail_on == "none":
        assert run.code == 0, run.stderr
