"""permaudit: audit an Android companion app against its privacy policy.

The Python API is `permaudit.audit_pair(app, policy, **options) -> AuditReport` (see
permaudit.api); it is imported on first use, so `import permaudit` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "audit_pair"]

if TYPE_CHECKING:
    from permaudit.api import audit_pair as audit_pair


def __getattr__(name: str) -> Any:
    if name == "audit_pair":
        from permaudit.api import audit_pair

        return audit_pair
    raise AttributeError(f"module 'permaudit' has no attribute {name!r}")
