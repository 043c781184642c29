"""How permaudit imports androguard (permaudit/apk/_androguard.py)."""

from __future__ import annotations

import subprocess
import sys

from permaudit.apk._androguard import android_attribute_names


def test_attribute_names_are_androguards_own() -> None:
    """The tampering check's table is exactly the one androguard builds from public.xml."""
    from androguard.core.resources import public

    names = android_attribute_names()
    assert names[0x01010003] == "name"
    assert names == public.SYSTEM_RESOURCES["attributes"]["inverse"]


def test_public_xml_is_parsed_only_when_androguard_reads_it() -> None:
    """Importing the readers leaves androguard's public.xml unparsed; androguard's axml module,
    reading it through the name it imported, still gets the table."""
    probe = (
        "import sys\n"
        "from permaudit.apk._androguard import axml\n"
        "print('xml.dom.minidom' in sys.modules)\n"
        "print(len(axml.public.SYSTEM_RESOURCES['attributes']['inverse']) > 1000)\n"
        "print('xml.dom.minidom' in sys.modules)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert run.stdout.split() == ["False", "True", "True"]
