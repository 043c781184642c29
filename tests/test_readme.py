"""The README documents the CLI users actually have: no option goes undocumented."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from permaudit.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[click.Command]:
    assert isinstance(main, click.Group)
    return [main.commands[name] for name in sorted(main.commands)]


@pytest.mark.parametrize("command", _commands(), ids=lambda c: c.name or "")
def test_every_option_of_every_command_is_in_the_readme(command: click.Command) -> None:
    assert f"permaudit {command.name}" in README
    for parameter in command.params:
        if not isinstance(parameter, click.Option) or parameter.hidden:
            continue
        if "--help" in parameter.opts:
            continue
        # Either spelling documents the option (`-o FILE` for `--output`).
        documented = [o for o in parameter.opts if re.search(rf"{re.escape(o)}\b", README)]
        assert documented, f"{command.name} {parameter.opts[0]} is not in the README"


def test_quickstart_is_exactly_make_demo_and_make_test() -> None:
    quickstart = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^\$ (.+?)(?:\s+#.*)?$", quickstart, flags=re.MULTILINE)
    assert commands == ["make demo", "make test"]
