"""androguard's binary-XML and resource-table readers, imported the way permaudit uses them.

Every module of this package takes androguard from here, so that two things hold wherever
the import happens first:

* androguard logs every parsing step through loguru at DEBUG to stderr; our stderr is for
  one-line errors and progress only, so its logging is disabled.
* `androguard.core.resources.public` parses androguard's 190 KB public.xml with minidom when
  it is imported (about 45 ms, a tenth of an `extract`), for one use: naming an attribute
  whose name an obfuscator blanked (`AXMLParser.getAttributeName`), which permaudit never
  calls since it identifies attributes by resource id. It is registered as a lazy module, so
  that parse happens only if something reads it. `android_attribute_names` reads the same
  file with ElementTree (C expat, a fifth of the time) for the tampering check.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from importlib import resources
from xml.etree import ElementTree

from loguru import logger

logger.disable("androguard")

_PUBLIC = "androguard.core.resources.public"


def _import_lazily(name: str) -> None:
    """Register module `name` so that its code runs on first attribute access, not on import."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:  # pragma: no cover - part of every androguard
        return
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    # Bound on its package as an import would: `from package import module` then finds it
    # there, where looking it up in sys.modules would read its __spec__ and so load it.
    package, _, attribute = name.rpartition(".")
    setattr(sys.modules[package], attribute, module)


_import_lazily(_PUBLIC)

from androguard.core import axml  # noqa: E402

__all__ = ["android_attribute_names", "axml"]


@cache
def android_attribute_names() -> dict[int, str]:
    """Resource id → name of every attribute the platform defines (android:name is
    0x01010003), from the public.xml androguard ships and reads itself."""
    source = resources.files("androguard.core.resources").joinpath("public.xml")
    names: dict[int, str] = {}
    with source.open("rb") as handle:
        for _, element in ElementTree.iterparse(handle):
            if element.tag == "public" and element.get("type") == "attr":
                names[int(element.get("id", "0"), 16)] = element.get("name", "")
            element.clear()
    return names
