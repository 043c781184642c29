"""The DEX reader behind code evidence: instruction widths, id lookups, hostile input."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from permaudit.apk._dex import OPCODE_WIDTHS, CodeRef, DexFile, DexFormatError, Wanted
from permaudit.apk.evidence import scan_code

APK = Path(__file__).resolve().parents[1] / "fixtures" / "apk" / "evidence_homecam.apk"
PACKAGE = "com.vendor.homecam"


def _dex(name: str = "classes.dex") -> bytes:
    with zipfile.ZipFile(APK) as archive:
        return archive.read(name)


def test_opcode_widths_match_the_dalvik_formats() -> None:
    """Cross-check against androguard's opcode table (format ids start with the width)."""
    from androguard.core.dex import DALVIK_OPCODES_FORMAT

    for opcode, (instruction_class, _) in DALVIK_OPCODES_FORMAT.items():
        format_id = instruction_class.__name__.removeprefix("Instruction")
        expected = int(format_id[0]) or 1  # "00x" marks unused opcodes: one unit
        assert OPCODE_WIDTHS[opcode] == expected, hex(opcode)


def test_id_lookups_by_binary_search() -> None:
    dex = DexFile(_dex())
    camera = dex.find_type(b"Landroid/hardware/Camera;")
    assert camera is not None
    assert dex.type_descriptor(camera) == "Landroid/hardware/Camera;"
    methods = dex.methods_of_class(camera)
    assert [dex.method_name(m) + dex.method_descriptor(m) for m in methods] == [
        "open(I)Landroid/hardware/Camera;"
    ]
    assert dex.find_type(b"Landroid/hardware/Missing;") is None
    assert dex.find_string(b"zzz-not-there") is None


def test_string_prefix_run() -> None:
    dex = DexFile(_dex("classes2.dex"))
    run = dex.strings_with_prefix(b"content://")
    assert [dex.string(i) for i in run] == ["content://sms/inbox"]
    assert len(dex.strings_with_prefix(b"content://nothing")) == 0


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "too short for a DEX header"),
        (b"dex\n035\0" + b"\0" * 10, "too short for a DEX header"),
        (b"PK\x03\x04" + b"\0" * 200, "not a DEX file (bad magic)"),
    ],
)
def test_rejects_what_is_not_dex(data: bytes, problem: str) -> None:
    with pytest.raises(DexFormatError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        DexFile(data)


def test_rejects_tables_outside_the_file() -> None:
    data = bytearray(_dex())
    struct.pack_into("<I", data, 0x58, 0x7FFFFFFF)  # method_ids_size
    with pytest.raises(DexFormatError, match="method_ids table lies outside the file"):
        DexFile(bytes(data))


def _every_kind(dex: DexFile) -> Wanted:
    """Half the methods, every field, half the strings: ids whose bytes are everywhere."""
    return Wanted(
        methods={i: None for i in range(0, dex.method_ids_size, 2)},
        fields=set(range(dex.field_ids_size)),
        strings=set(range(1, dex.string_ids_size, 2)),
    )


def _decoding_every_method(dex: DexFile, wanted: Wanted) -> list[CodeRef]:
    return [
        ref
        for class_idx, method_idx, start, units in dex.code_items()
        for ref in dex._scan_code(class_idx, method_idx, start, units, wanted)
    ]


CODE_APK = APK.parent / "ipcam_demo.apk"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    edits=st.lists(
        st.tuples(st.floats(min_value=0, max_value=1, exclude_max=True), st.integers(0, 255)),
        max_size=12,
    ),
)
def test_candidate_pass_loses_no_reference(edits: list[tuple[float, int]]) -> None:
    """find_references decodes only the methods the byte search flags: it must find exactly
    what decoding every method finds. Random bytes written into the instruction streams make
    look-alike operands at odd offsets and overlapping the real instructions."""
    with zipfile.ZipFile(CODE_APK) as archive:
        data = bytearray(archive.read("classes.dex"))
    dex = DexFile(bytes(data))
    code = dex.code_items()
    first = min(start for _, _, start, _ in code)
    last = max(start + 2 * units for _, _, start, units in code)
    for where, value in edits:
        data[first + int(where * (last - first))] = value
    dex = DexFile(bytes(data))
    wanted = _every_kind(dex)
    try:
        expected = _decoding_every_method(dex, wanted)
    except DexFormatError:
        return  # an edit broke an instruction stream; test_mutated_dex_never_crashes covers it
    assert dex.find_references(wanted) == expected


def test_candidate_pass_check_is_not_vacuous() -> None:
    with zipfile.ZipFile(CODE_APK) as archive:
        dex = DexFile(archive.read("classes.dex"))
    wanted = _every_kind(dex)
    refs = dex.find_references(wanted)
    assert {ref.kind for ref in refs} == {"method", "field", "string"}
    # Candidates the search dropped as operand bytes, not instructions: the hard case.
    assert len(dex.candidate_offsets(wanted)) > len(refs)


def test_overlapping_candidates_are_all_found() -> None:
    """A look-alike whose operand bytes hold the start of the next look-alike: both count, or a
    false match made of operand bytes could hide a real instruction starting inside it."""
    with zipfile.ZipFile(CODE_APK) as archive:
        data = bytearray(archive.read("classes.dex"))
    at = min(start for _, _, start, _ in DexFile(bytes(data)).code_items())
    # const-string v5, string@0x1a; its index bytes read again as const-string, string@0x1a.
    data[at : at + 6] = b"\x1a\x05\x1a\x00\x1a\x00"
    dex = DexFile(bytes(data))
    assert dex.candidate_offsets(Wanted(strings={0x1A}), at, at + 6) == [at, at + 2]


def test_truncated_dex_gives_a_warning_not_a_crash() -> None:
    data = _dex()
    scan = scan_code([("classes.dex", data[: len(data) // 2])], PACKAGE)
    assert scan.evidence == ()
    assert len(scan.warnings) == 1
    assert scan.warnings[0].startswith("classes.dex: ")


def test_lying_class_data_counts_are_bounded() -> None:
    """A class_data_item claiming 2**28 methods must fail fast, not loop."""
    data = bytearray(_dex())
    dex = DexFile(bytes(data))
    class_data = struct.unpack_from("<I", data, dex.class_defs_off + 24)[0]
    data[class_data + 2 : class_data + 7] = b"\xff\xff\xff\xff\x01"  # direct_methods_size
    scan = scan_code([("classes.dex", bytes(data))], PACKAGE)
    assert any("malformed DEX" in w or "not a readable DEX" in w for w in scan.warnings)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    which=st.sampled_from(["classes.dex", "classes2.dex"]),
    edits=st.lists(
        st.tuples(st.integers(min_value=0, max_value=3000), st.integers(0, 255)),
        min_size=1,
        max_size=8,
    ),
)
def test_mutated_dex_never_crashes(which: str, edits: list[tuple[int, int]]) -> None:
    data = bytearray(_dex(which))
    for position, value in edits:
        data[position % len(data)] = value
    scan = scan_code([(which, bytes(data))], PACKAGE)
    assert isinstance(scan.evidence, tuple)


def test_progress_bar_does_not_change_results(capsys: pytest.CaptureFixture[str]) -> None:
    files = [("classes.dex", _dex()), ("classes2.dex", _dex("classes2.dex"))]
    assert scan_code(files, PACKAGE, progress=True) == scan_code(files, PACKAGE)
    assert capsys.readouterr().out == ""  # progress goes to stderr only
