"""Android App Bundles (.aab): the protobuf manifest and resource table of the base module.

An .aab is a zip of modules. Its base module keeps the manifest at
`base/manifest/AndroidManifest.xml`, not as binary XML but as an aapt2 `XmlNode` message
(frameworks/base/tools/aapt2/Resources.proto, vendored under `_proto/`), the resource table as
a `ResourceTable` message at `base/resources.pb`, and its code at `base/dex/classes*.dex`.
`BundleConfig.pb` at the root holds bundletool's settings.

`parse_manifest` turns the `XmlNode` into the same `axml.Element` tree the binary reader
builds: attributes are keyed by resource id the same way (`axml.attribute_key`) and each
compiled value becomes the `Res_value` type and data aapt2 would have flattened into an APK,
so `manifest.facts_from_manifest` reads an .aab with no code of its own.
"""

from __future__ import annotations

import struct

from google.protobuf.message import DecodeError

from permaudit.apk import axml
from permaudit.apk._proto import Configuration_pb2
from permaudit.apk._proto import Resources_pb2 as pb
from permaudit.apk.archive import ApkArchive
from permaudit.apk.bundle import AAB_BUNDLE_CONFIG as BUNDLE_CONFIG
from permaudit.apk.bundle import AAB_DEX_DIR as DEX_DIR
from permaudit.apk.bundle import AAB_MANIFEST as MANIFEST
from permaudit.apk.bundle import is_app_bundle
from permaudit.errors import InputError

__all__ = [
    "BUNDLE_CONFIG",
    "DEX_DIR",
    "MANIFEST",
    "RESOURCES",
    "ProtoManifestError",
    "ProtoResourceTable",
    "is_app_bundle",
    "parse_manifest",
]

RESOURCES = "base/resources.pb"

# Same bound as resources.arsc: beyond it references stay unresolved rather than eat memory.
_RESOURCES_LIMIT = 64 * 1024 * 1024
# A reference may point to another reference; real chains are one or two long.
_MAX_REFERENCE_HOPS = 8

# Res_value types (ResourceTypes.h) for the Primitive cases of Resources.proto.
_TYPE_NULL = 0x00
_TYPE_ATTRIBUTE = 0x02
_TYPE_FLOAT = 0x04
_TYPE_DIMENSION = 0x05
_TYPE_FRACTION = 0x06
_TYPE_COLOR_ARGB8 = 0x1C
_TYPE_COLOR_RGB8 = 0x1D
_TYPE_COLOR_ARGB4 = 0x1E
_TYPE_COLOR_RGB4 = 0x1F
# Res_value data of an explicit @empty (TYPE_NULL with DATA_NULL_EMPTY).
_DATA_NULL_EMPTY = 1


class ProtoManifestError(Exception):
    """The bytes are not an aapt2 protobuf XML document we can read."""


def parse_manifest(data: bytes) -> axml.Element:
    """Parse a protobuf `XmlNode` into an `axml.Element` tree; raises `ProtoManifestError`."""
    if not data:
        raise ProtoManifestError("empty file")
    node = pb.XmlNode()
    try:
        # upb refuses messages nested deeper than 100 levels with a DecodeError, so hostile
        # nesting cannot exhaust the stack.
        node.ParseFromString(data)
    except DecodeError as error:
        raise ProtoManifestError(f"not an aapt2 protobuf XML document ({error})") from None
    if not node.HasField("element"):
        raise ProtoManifestError("protobuf XML document has no root element")
    counter = [0]
    return _element(node.element, 0, counter)


def _element(element: pb.XmlElement, depth: int, counter: list[int]) -> axml.Element:
    counter[0] += 1
    if counter[0] > axml.MAX_ELEMENTS or depth >= axml.MAX_DEPTH:
        raise ProtoManifestError("too many or too deeply nested elements")
    attributes: dict[str, axml.Value] = {}
    for attribute in element.attribute:
        key = axml.attribute_key(
            attribute.resource_id or None, attribute.namespace_uri, attribute.name
        )
        attributes.setdefault(key, _value(attribute))
    children = [
        _element(child.element, depth + 1, counter)
        for child in element.child
        if child.HasField("element")
    ]
    return axml.Element(tag=element.name, attributes=attributes, children=children)


def _value(attribute: pb.XmlAttribute) -> axml.Value:
    """The Res_value aapt2 flattens this attribute to when it links an APK."""
    if not attribute.HasField("compiled_item"):
        # aapt2 compiles only values whose attribute format asks for it; the rest stay strings.
        return axml.Value(type=axml.TYPE_STRING, data=0, string=attribute.value)
    item = attribute.compiled_item
    kind = item.WhichOneof("value")
    if kind == "ref":
        reference_type = (
            _TYPE_ATTRIBUTE if item.ref.type == pb.Reference.ATTRIBUTE else axml.TYPE_REFERENCE
        )
        return axml.Value(type=reference_type, data=item.ref.id)
    if kind in ("str", "raw_str", "styled_str"):
        string = getattr(item, kind).value
        return axml.Value(type=axml.TYPE_STRING, data=0, string=string)
    if kind == "prim":
        return _primitive(item.prim, attribute.value)
    # file / id items do not occur in manifests; keep the source text.
    return axml.Value(type=axml.TYPE_STRING, data=0, string=attribute.value)


def _primitive(prim: pb.Primitive, text: str) -> axml.Value:
    kind = prim.WhichOneof("oneof_value")
    if kind == "int_decimal_value":
        return axml.Value(type=axml.TYPE_INT_DEC, data=prim.int_decimal_value & 0xFFFFFFFF)
    if kind == "int_hexadecimal_value":
        return axml.Value(type=axml.TYPE_INT_HEX, data=prim.int_hexadecimal_value)
    if kind == "boolean_value":
        # aapt2 flattens true as 0xffffffff.
        return axml.Value(type=axml.TYPE_INT_BOOLEAN, data=0xFFFFFFFF if prim.boolean_value else 0)
    simple = {
        "dimension_value": _TYPE_DIMENSION,
        "fraction_value": _TYPE_FRACTION,
        "color_argb8_value": _TYPE_COLOR_ARGB8,
        "color_rgb8_value": _TYPE_COLOR_RGB8,
        "color_argb4_value": _TYPE_COLOR_ARGB4,
        "color_rgb4_value": _TYPE_COLOR_RGB4,
    }
    if kind in simple:
        return axml.Value(type=simple[kind], data=getattr(prim, kind))
    if kind in ("float_value", "dimension_value_deprecated", "fraction_value_deprecated"):
        bits = struct.unpack("<I", struct.pack("<f", getattr(prim, kind)))[0]
        return axml.Value(type=_TYPE_FLOAT, data=bits)
    if kind == "empty_value":
        return axml.Value(type=_TYPE_NULL, data=_DATA_NULL_EMPTY)
    if kind == "null_value":
        return axml.Value(type=_TYPE_NULL, data=0)
    return axml.Value(type=axml.TYPE_STRING, data=0, string=text)


class ProtoResourceTable:
    """Lazily parsed `base/resources.pb`; a reference it cannot resolve gives None.

    Same interface as `resources.ResourceTable` (`resolve`, `unresolved`).
    """

    def __init__(self, archive: ApkArchive) -> None:
        self._archive = archive
        self._entries: dict[int, pb.Entry] | None = None
        self.unresolved: list[int] = []

    def resolve(self, resource_id: int) -> str | None:
        value = self._lookup(resource_id, _MAX_REFERENCE_HOPS)
        if value is None:
            self.unresolved.append(resource_id)
        return value

    def _lookup(self, resource_id: int, hops: int) -> str | None:
        if resource_id >> 24 == 0x01 or hops == 0:
            # A framework resource (@android:string/...): its value lives on the device.
            return None
        entry = self._load().get(resource_id)
        if entry is None or not entry.config_value:
            return None
        default = Configuration_pb2.Configuration()
        # The default configuration first, as the platform falls back to it; else any.
        chosen = next((c for c in entry.config_value if c.config == default), entry.config_value[0])
        if chosen.value.WhichOneof("value") != "item":
            return None
        item = chosen.value.item
        kind = item.WhichOneof("value")
        if kind in ("str", "raw_str", "styled_str"):
            string: str = getattr(item, kind).value
            return string
        if kind == "ref" and item.ref.type == pb.Reference.REFERENCE:
            return self._lookup(item.ref.id, hops - 1)
        if kind == "prim":
            prim_kind = item.prim.WhichOneof("oneof_value")
            if prim_kind == "int_decimal_value":
                return str(item.prim.int_decimal_value)
            if prim_kind == "int_hexadecimal_value":
                return str(item.prim.int_hexadecimal_value)
        return None

    def _load(self) -> dict[int, pb.Entry]:
        if self._entries is None:
            self._entries = {}
            if RESOURCES in self._archive:
                table = pb.ResourceTable()
                try:
                    table.ParseFromString(self._archive.read(RESOURCES, limit=_RESOURCES_LIMIT))
                except (InputError, DecodeError):
                    # An unreadable table leaves references unresolved, reported as a warning.
                    return self._entries
                for package in table.package:
                    for type_ in package.type:
                        for entry in type_.entry:
                            resource_id = (
                                (package.package_id.id & 0xFF) << 24
                                | (type_.type_id.id & 0xFF) << 16
                                | (entry.entry_id.id & 0xFFFF)
                            )
                            self._entries.setdefault(resource_id, entry)
        return self._entries
