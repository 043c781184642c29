"""Configuration: discovery, validation naming the key, ignores with reasons and expiry."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from permaudit.config import discover_config, load_config
from permaudit.errors import ConfigError
from permaudit.models import Category, Rule, Severity


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_table_is_found_from_a_subdirectory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(
        tmp_path / "pyproject.toml",
        """
[project]
name = "x"

[tool.permaudit]
policy = "docs/privacy.md"
fail-on = "warning"
format = "sarif"
min-severity = "warning"

[[tool.permaudit.ignore]]
rule = "undisclosed"
category = "microphone"
reason = "intercom disclosed in the EULA"
expires = 2030-01-31
""",
    )
    sub = tmp_path / "app" / "src"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    config = discover_config()
    assert config.fail_on == "warning"
    assert config.format == "sarif"
    assert config.min_severity is Severity.WARNING
    assert config.path is not None and config.path.resolve() == tmp_path / "pyproject.toml"
    policy = config.policy_path()
    assert policy is not None and policy.resolve() == tmp_path / "docs" / "privacy.md"
    (ignore,) = config.ignores()
    assert ignore.rule is Rule.UNDISCLOSED and ignore.category is Category.MICROPHONE
    assert ignore.expires == datetime.date(2030, 1, 31)


def test_permaudit_toml_wins_and_pyproject_without_table_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path / "permaudit.toml", 'fail-on = "note"\n')
    inner = tmp_path / "inner"
    inner.mkdir()
    _write(inner / "pyproject.toml", '[project]\nname = "y"\n')
    monkeypatch.chdir(inner)
    assert discover_config().fail_on == "note"


def test_no_config_gives_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = discover_config()
    assert config.fail_on is None and config.policy_path() is None and config.ignores() == ()


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('fail_on = "error"\n', "fail_on: unknown key"),
        ('fail-on = "critical"\n', "fail-on: Input should be"),
        ('format = "xml"\n', "format: Input should be"),
        ('[[ignore]]\nrule = "nope"\ncategory = "camera"\nreason = "x"\n', "ignore.0.rule"),
        ('[[ignore]]\nrule = "vague"\ncategory = "camera"\n', "ignore.0.reason: Field required"),
        ('[[ignore]]\nrule = "vague"\nreason = "x"\n', "needs `category` or `permission`"),
        ('[[ignore]]\nrule = "vague"\ncategory = "camera"\nreason = "  "\n', "reason"),
        ('[[ignore]]\nrule = "vague"\ncategory = "cam"\nreason = "x"\n', "ignore.0.category"),
        (
            '[[ignore]]\nrule = "vague"\ncategory = "camera"\nreason = "x"\nexpires = "soon"\n',
            "ignore.0.expires",
        ),
        ("fail-on = \n", "invalid TOML"),
    ],
)
def test_bad_config_names_the_key(tmp_path: Path, text: str, named: str) -> None:
    path = _write(tmp_path / "permaudit.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert caught.value.path == str(path)
    assert named in caught.value.problem


def test_pyproject_errors_carry_the_table_prefix(tmp_path: Path) -> None:
    path = _write(tmp_path / "pyproject.toml", '[tool.permaudit]\nfailon = "x"\n')
    with pytest.raises(ConfigError, match=r"tool\.permaudit\.failon: unknown key"):
        load_config(path)


def test_explicit_pyproject_without_table_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"no \[tool.permaudit\] table"):
        load_config(path)
