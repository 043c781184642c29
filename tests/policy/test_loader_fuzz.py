"""Mutated policies (byte flips, truncations, encoding swaps, splices) never crash or hang.

The mutations start from the seed policies (../shared/seeds) and from the fixture policies
in every format, so they reach the PDF, HTML and Markdown readers as well as the decoder.
In-process for speed: the loader directly, and the `policy` command through CliRunner.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from permaudit.cli import main
from permaudit.errors import InputError
from permaudit.policy.loader import PolicyText, load_policy_text
from tests.hostile_support import mutate_policy, policy_mutation
from tests.shared_data import seed_files

ROOT = Path(__file__).resolve().parents[2]
SOURCES = seed_files() + sorted((ROOT / "tests" / "fixtures" / "policies").glob("*_policy.*"))
ORIGINALS = {path.name: path.read_bytes() for path in SOURCES}


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mutated-policies")


@pytest.fixture(scope="module", autouse=True)
def _parser_loaded() -> None:
    """Load the parser model and compile the lexicons once before the timed examples: the
    analyzer's start-up is no example's."""
    from permaudit.policy import analyze_text

    analyze_text("Our privacy policy. We collect your location and your IMEI.", source="warm")


FUZZ_SETTINGS = settings(
    max_examples=50,
    deadline=3000,
    derandomize=True,  # reproducible in CI; failures print the example anyway
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@FUZZ_SETTINGS
@given(
    source=st.sampled_from(sorted(ORIGINALS)),
    mutations=st.lists(policy_mutation, min_size=1, max_size=4),
    noise=st.binary(max_size=64),
)
def test_loader_returns_text_or_one_line_input_error(
    scratch: Path, source: str, mutations: list[tuple[str, float, int]], noise: bytes
) -> None:
    path = scratch / f"mutated-{source}"
    path.write_bytes(mutate_policy(ORIGINALS[source], mutations, noise))
    try:
        policy = load_policy_text(path)
    except InputError as error:
        assert error.path == str(path)
        assert error.problem and "\n" not in error.problem
        return
    assert isinstance(policy, PolicyText)
    assert policy.text == policy.text.strip() and "\r" not in policy.text
    assert any(character.isalpha() for character in policy.text)


@FUZZ_SETTINGS
@given(
    source=st.sampled_from(sorted(ORIGINALS)),
    mutations=st.lists(policy_mutation, min_size=1, max_size=4),
    noise=st.binary(max_size=64),
)
def test_policy_command_exits_0_1_or_2_without_traceback(
    scratch: Path, source: str, mutations: list[tuple[str, float, int]], noise: bytes
) -> None:
    path = scratch / f"cli-{source}"
    path.write_bytes(mutate_policy(ORIGINALS[source], mutations, noise))
    result = CliRunner().invoke(main, ["policy", str(path), "--format", "json"])
    # An exception other than SystemExit escaping the command is a crash.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.stderr.startswith(f"permaudit: error: {path}: ")
        assert result.stderr.count("\n") == 1
