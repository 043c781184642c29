"""Android App Bundles: `extract` on an .aab gives what the same app's APK gives.

watch.aab is encoded by scripts/build_aab_fixture; watch_bundletool.aab is the same app built
by Google's aapt2 (`link --proto-format`) and bundletool (`build-bundle`).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from permaudit.apk import ApkArchive, aab, dex_entries, load_app
from permaudit.apk._proto import Resources_pb2 as pb
from tests.apk.apk_helpers import FIXTURES, extract_json, read_recording
from tests.cli_support import assert_error_line, run_cli

BUNDLES = ["watch.aab", "watch_bundletool.aab"]


def _without_source(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key != "source"}


@pytest.fixture(scope="module")
def apk_json() -> dict[str, Any]:
    return extract_json(FIXTURES / "watch.apk")


@pytest.mark.parametrize("bundle", BUNDLES)
def test_aab_extracts_exactly_what_the_apk_does(bundle: str, apk_json: dict[str, Any]) -> None:
    data = extract_json(FIXTURES / bundle)
    assert data["source"].endswith(bundle)
    assert _without_source(data) == _without_source(apk_json)


@pytest.mark.parametrize("bundle", BUNDLES)
def test_aab_matches_the_aapt_recording_of_the_apk(bundle: str) -> None:
    recording = read_recording("watch")
    data = extract_json(FIXTURES / bundle)
    assert data["package"] == recording.package == "com.vendor.fitwatch"
    extracted = {(p["name"], p["sdk23"], p["max_sdk_version"]) for p in data["permissions"]}
    assert extracted == recording.uses
    assert {d["name"] for d in data["declared_permissions"]} == recording.declared
    assert str(data["version_code"]) == recording.badging["versionCode"] == "280"
    # versionName is @string/app_version: resolved through base/resources.pb.
    assert data["version_name"] == recording.badging["versionName"] == "2.8.0-release"
    assert str(data["min_sdk"]) == recording.badging["sdkVersion"] == "23"
    assert str(data["target_sdk"]) == recording.badging["targetSdkVersion"] == "34"
    assert data["warnings"] == []


@pytest.mark.parametrize("bundle", BUNDLES)
def test_aab_keeps_compiled_flags_booleans_and_components(bundle: str) -> None:
    facts = load_app(FIXTURES / bundle)
    by_name = {p.name: p for p in facts.permissions}
    assert by_name["android.permission.BLUETOOTH_SCAN"].uses_permission_flags == "neverForLocation"
    assert by_name["android.permission.BLUETOOTH"].max_sdk_version == 30
    assert by_name["android.permission.READ_CONTACTS"].max_sdk_version is None
    assert [(d.name, d.protection_level) for d in facts.declared_permissions] == [
        ("com.vendor.fitwatch.permission.SYNC_DATA", "signature")
    ]
    assert {(f.name, f.required) for f in facts.features} == {
        ("android.hardware.bluetooth_le", True),
        ("android.hardware.sensor.stepcounter", False),
    }
    assert [(c.kind, c.name) for c in facts.components] == [
        ("notification_listener", "com.vendor.fitwatch.notify.NotificationMirrorService")
    ]


@pytest.mark.parametrize("bundle", BUNDLES)
def test_dex_entries_of_an_aab_are_the_base_module_code(bundle: str) -> None:
    with (
        ApkArchive.open(FIXTURES / bundle) as archive,
        ApkArchive.open(FIXTURES / "watch.apk") as apk,
    ):
        assert dex_entries(archive) == ["base/dex/classes.dex", "base/dex/classes2.dex"]
        assert dex_entries(apk) == ["classes.dex", "classes2.dex"]
        assert archive.read("base/dex/classes2.dex") == apk.read("classes2.dex")


@pytest.mark.parametrize("bundle", BUNDLES)
def test_code_evidence_of_an_aab_is_the_apks_from_base_dex(bundle: str) -> None:
    apk = load_app(FIXTURES / "watch.apk", evidence=True)
    facts = load_app(FIXTURES / bundle, evidence=True)
    assert facts.api_evidence
    assert {e.dex for e in facts.api_evidence} == {"base/dex/classes.dex", "base/dex/classes2.dex"}
    as_in_apk = [
        e.model_copy(update={"dex": e.dex.removeprefix("base/dex/")}) for e in facts.api_evidence
    ]
    assert as_in_apk == list(apk.api_evidence)
    assert facts.warnings == apk.warnings == ()


def test_dex_entries_follow_load_order_not_archive_order(tmp_path: Path) -> None:
    path = tmp_path / "multidex.apk"
    with zipfile.ZipFile(path, "w") as archive:
        for name in ("classes10.dex", "AndroidManifest.xml", "classes2.dex", "classes.dex"):
            archive.writestr(name, b"")
        # Not code ART loads: a nested path, and classes1.dex (numbering starts at 2).
        archive.writestr("assets/classes3.dex", b"")
        archive.writestr("classes1.dex", b"")
    with ApkArchive.open(path) as opened:
        assert dex_entries(opened) == ["classes.dex", "classes2.dex", "classes10.dex"]


# -- the proto manifest decoder on its own --------------------------------------------------


def _manifest_node(*children: pb.XmlNode) -> pb.XmlNode:
    node = pb.XmlNode()
    node.element.name = "manifest"
    node.element.attribute.add(name="package", value="com.example.proto")
    for child in children:
        node.element.child.add().CopyFrom(child)
    return node


def _uses_permission(name: str, **compiled: int | bool) -> pb.XmlNode:
    node = pb.XmlNode()
    node.element.name = "uses-permission"
    node.element.attribute.add(
        namespace_uri=aab.axml.ANDROID_NS, name="name", value=name, resource_id=0x01010003
    )
    ids = {"maxSdkVersion": 0x01010271, "usesPermissionFlags": 0x01010605}
    for attribute, value in compiled.items():
        added = node.element.attribute.add(
            namespace_uri=aab.axml.ANDROID_NS,
            name=attribute,
            value=str(value),
            resource_id=ids[attribute],
        )
        if attribute == "usesPermissionFlags":
            added.compiled_item.prim.int_hexadecimal_value = int(value)
        else:
            added.compiled_item.prim.int_decimal_value = int(value)
    return node


def test_attributes_are_identified_by_resource_id_not_by_name() -> None:
    node = _manifest_node(_uses_permission("android.permission.CAMERA", maxSdkVersion=28))
    # An obfuscator may blank attribute names; the resource id still says what each one is.
    for attribute in node.element.child[0].element.attribute:
        attribute.name = ""
    root = aab.parse_manifest(node.SerializeToString())
    child = root.iter("uses-permission")[0]
    assert child.string("name") == "android.permission.CAMERA"
    max_sdk = child.get("maxSdkVersion")
    assert max_sdk is not None and max_sdk.as_int() == 28


def test_text_nodes_are_skipped_and_unknown_android_attributes_kept() -> None:
    text = pb.XmlNode(text="\n    ")
    query = pb.XmlNode()
    query.element.name = "data"
    query.element.attribute.add(
        namespace_uri=aab.axml.ANDROID_NS, name="scheme", value="https", resource_id=0x01010027
    )
    root = aab.parse_manifest(_manifest_node(text, query).SerializeToString())
    assert [child.tag for child in root.children] == ["data"]
    assert root.children[0].string("android:scheme") == "https"


def test_negative_integers_keep_their_sign() -> None:
    node = _manifest_node()
    attribute = node.element.attribute.add(
        namespace_uri=aab.axml.ANDROID_NS, name="versionCode", value="-1", resource_id=0x0101021B
    )
    attribute.compiled_item.prim.int_decimal_value = -1
    value = aab.parse_manifest(node.SerializeToString()).get("versionCode")
    assert value is not None and value.as_int() == -1


# -- broken bundles: exit 2, one line naming the file ---------------------------------------


def _write_bundle(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, data in entries.items():
            bundle.writestr(name, data)
    return path


def _watch_entries(**replace: bytes | None) -> dict[str, bytes]:
    with zipfile.ZipFile(FIXTURES / "watch.aab") as bundle:
        entries = {name: bundle.read(name) for name in bundle.namelist()}
    for name, data in replace.items():
        entry = {"manifest": aab.MANIFEST, "resources": aab.RESOURCES}[name]
        if data is None:
            del entries[entry]
        else:
            entries[entry] = data
    return entries


def _binary_xml_manifest() -> bytes:
    with zipfile.ZipFile(FIXTURES / "minimal.apk") as apk:
        return apk.read("AndroidManifest.xml")


def _wide(children: int) -> bytes:
    # Serialized by repetition: building 100,000 messages one by one would be slow.
    child = pb.XmlNode(element=pb.XmlElement(name="x")).SerializeToString()
    field = b"\x2a" + bytes([len(child)]) + child  # XmlElement.child (5), length-delimited
    element = pb.XmlElement.FromString(b"\x1a\x08manifest" + field * children)
    return pb.XmlNode(element=element).SerializeToString()


def _nested(depth: int) -> bytes:
    node = _manifest_node()
    inner = node.element
    for _ in range(depth):
        inner = inner.child.add().element
        inner.name = "nested"
    return node.SerializeToString()


BROKEN: dict[str, tuple[Callable[[], dict[str, bytes]], str]] = {
    "garbage manifest": (
        lambda: _watch_entries(manifest=b"\xff\xff\xff\xff garbage, not protobuf"),
        f"unreadable {aab.MANIFEST}: not an aapt2 protobuf XML document",
    ),
    "empty manifest": (lambda: _watch_entries(manifest=b""), f"unreadable {aab.MANIFEST}"),
    "binary XML where the proto belongs": (
        lambda: _watch_entries(manifest=_binary_xml_manifest()),
        f"unreadable {aab.MANIFEST}",
    ),
    "missing manifest": (
        lambda: _watch_entries(manifest=None),
        f"no {aab.MANIFEST} in the app bundle",
    ),
    "root is not <manifest>": (
        lambda: _watch_entries(
            manifest=pb.XmlNode(element=pb.XmlElement(name="x")).SerializeToString()
        ),
        "root element is <x>, not <manifest>",
    ),
    "more elements than the reader allows": (
        lambda: _watch_entries(manifest=_wide(aab.axml.MAX_ELEMENTS)),
        "too many or too deeply nested elements",
    ),
    "nested deeper than protobuf parses": (
        lambda: _watch_entries(manifest=_nested(400)),
        "not an aapt2 protobuf XML document",
    ),
    "manifest over the size cap": (
        lambda: _watch_entries(manifest=b"\x00" * (9 * 1024 * 1024)),
        "more than the",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_aab_is_one_line_exit_2(case: str, tmp_path: Path) -> None:
    make, problem = BROKEN[case]
    path = _write_bundle(tmp_path / "broken.aab", make())
    assert_error_line(run_cli("extract", path, "--format", "json"), path, problem)


def test_aab_detected_by_content_whatever_its_name(tmp_path: Path) -> None:
    # Only the base module manifest: no BundleConfig.pb, and a name that says nothing.
    entries = _watch_entries()
    del entries[aab.BUNDLE_CONFIG]
    path = _write_bundle(tmp_path / "download.zip", entries)
    assert load_app(path).package == "com.vendor.fitwatch"


@pytest.mark.parametrize("resources", [None, b"\xff\xff not a resource table"])
def test_unresolvable_reference_is_null_with_a_warning(
    resources: bytes | None, tmp_path: Path
) -> None:
    path = _write_bundle(tmp_path / "no-resources.aab", _watch_entries(resources=resources))
    facts = load_app(path)
    assert facts.version_name is None
    assert facts.version_code == 280
    assert len(facts.warnings) == 1
    assert "resource references left unresolved" in facts.warnings[0]
    assert "@0x7f010001" in facts.warnings[0]
