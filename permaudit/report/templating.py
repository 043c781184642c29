"""One Jinja set-up for every HTML page permaudit writes (the audit report, the batch summary):
escaped by default, and a missing variable is an error rather than an empty string."""

from __future__ import annotations

import jinja2


def template_environment(package: str) -> jinja2.Environment:
    """An environment for the templates in `package`'s `templates/` folder."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader(package, "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
