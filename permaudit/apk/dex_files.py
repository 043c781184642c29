"""The code of an app, each classes*.dex inflated and parsed once for every consumer.

Two readers look at the DEX files: the privacy-policy URL search (every run) and the code
evidence scan (`--evidence`). Inflating an 8 MB DEX costs tens of milliseconds, so `load_app`
reads each once and hands the same `DexRead` to both; each consumer words its own warning for
a DEX it could not use.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from permaudit.apk._dex import DexFile, DexFormatError
from permaudit.apk.archive import ApkArchive
from permaudit.apk.bundle import dex_entries
from permaudit.errors import InputError

# Largest single DEX read into memory; real ones stay well under 32 MiB (64K-method limit).
# The cap is also the memory a DEX bomb can cost, so it must leave the process well under
# a few hundred MB.
MAX_DEX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class DexRead:
    """One DEX entry of the app: parsed, or why not (exactly one of the three is set)."""

    name: str
    dex: DexFile | None = None
    # The archive would not give the entry (over the size cap, corrupt compressed data).
    refused: str | None = None
    # The entry's bytes are not a well-formed DEX header and id tables.
    malformed: str | None = None


def read_dex_files(archive: ApkArchive) -> Iterator[DexRead]:
    """Every DEX of `archive` (`bundle.dex_entries`, in load order), read when iterated.

    A generator, so that a caller that keeps none of them holds one DEX at a time.
    """
    for name in dex_entries(archive):
        try:
            data = archive.read(name, limit=MAX_DEX_BYTES)
        except InputError as error:
            yield DexRead(name, refused=error.problem)
            continue
        try:
            dex = DexFile(data)
        except DexFormatError as error:
            yield DexRead(name, malformed=str(error))
            continue
        yield DexRead(name, dex)
