"""Boundaries of BRIEF "How we build": data flows inputs → facts → findings → report."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from permaudit.audit import RULES
from permaudit.models import Rule

PACKAGE = Path(__file__).resolve().parents[1] / "permaudit"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("path", sorted((PACKAGE / "report").glob("*.py")), ids=lambda p: p.name)
def test_reports_read_the_finished_report_never_the_engine(path: Path) -> None:
    engine = {
        name
        for name in _imports(path)
        if name.startswith(("permaudit.audit", "permaudit.apk", "permaudit.policy"))
    }
    assert engine == set()


@pytest.mark.parametrize("path", sorted((PACKAGE / "audit").rglob("*.py")), ids=lambda p: p.name)
def test_the_audit_does_no_io_and_renders_nothing(path: Path) -> None:
    forbidden = {"permaudit.report", "permaudit.cli", "permaudit.apk", "permaudit.policy"}
    assert {n for n in _imports(path) if n.startswith(tuple(forbidden))} == set()


def test_every_rule_has_one_module_with_its_doc_and_default_severity() -> None:
    assert [spec.rule for spec in RULES] == list(Rule)
    for spec in RULES:
        module = spec.check.__module__
        assert module == f"permaudit.audit.rules.{spec.rule.value}"
        assert spec.doc.summary and spec.doc.help and spec.doc.default_severity
