"""Binary XML (AXML) → a small tree of our own, through androguard's pull parser.

androguard's `AXMLPrinter` names attributes by the string pool, which obfuscators blank or
rename, and by a table of public attributes that stops before newer ones such as
`usesPermissionFlags`. The platform itself identifies android attributes by resource id, so
this module does the same for the attributes permaudit reads, and keeps each value's type and
raw data so integers, flags and references are not guessed back out of strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from permaudit.apk._androguard import axml as _axml

ANDROID_NS = "http://schemas.android.com/apk/res/android"

# Resource ids of the android attributes we read (frameworks/base/core/res/res/values/public.xml;
# all but usesPermissionFlags are in API 29's framework-res; usesPermissionFlags is API 31).
ANDROID_ATTRIBUTE_IDS: dict[int, str] = {
    0x01010003: "name",
    0x01010006: "permission",
    0x01010009: "protectionLevel",
    0x01010018: "authorities",
    0x0101020C: "minSdkVersion",
    0x0101021B: "versionCode",
    0x0101021C: "versionName",
    0x01010270: "targetSdkVersion",
    0x01010271: "maxSdkVersion",
    0x0101028E: "required",
    0x01010605: "usesPermissionFlags",
}

# Value types of Res_value (frameworks/base/libs/androidfw/include/androidfw/ResourceTypes.h).
TYPE_REFERENCE = 0x01
TYPE_STRING = 0x03
TYPE_INT_DEC = 0x10
TYPE_INT_HEX = 0x11
TYPE_INT_BOOLEAN = 0x12

# Hostile manifests can nest or repeat elements without end; real ones stay far below these.
MAX_ELEMENTS = 100_000
MAX_DEPTH = 64


class AxmlError(Exception):
    """The bytes are not a binary XML document we can read."""


@dataclass(frozen=True)
class Value:
    """One attribute value: its Res_value type, raw 32-bit data, and string when it has one."""

    type: int
    data: int
    string: str | None = None

    @property
    def is_reference(self) -> bool:
        return self.type == TYPE_REFERENCE

    def as_int(self) -> int | None:
        if self.type in (TYPE_INT_DEC, TYPE_INT_HEX):
            # Res_value data is an unsigned 32-bit word holding a signed int.
            return self.data - (1 << 32) if self.data >= 1 << 31 else self.data
        if self.type == TYPE_STRING and self.string is not None:
            try:
                return int(self.string.strip(), 0)
            except ValueError:
                return None
        return None

    def as_bool(self, default: bool) -> bool:
        if self.type == TYPE_INT_BOOLEAN:
            return self.data != 0
        if self.type == TYPE_STRING and self.string is not None:
            return {"true": True, "false": False}.get(self.string.strip().lower(), default)
        return default


@dataclass
class Element:
    tag: str
    attributes: dict[str, Value] = field(default_factory=dict)
    children: list[Element] = field(default_factory=list)

    def get(self, name: str) -> Value | None:
        """Attribute `name`: android attributes are plain names, others `{ns}name` or bare."""
        return self.attributes.get(name)

    def string(self, name: str) -> str | None:
        value = self.attributes.get(name)
        if value is None or value.string is None:
            return None
        return value.string

    def iter(self, tag: str) -> list[Element]:
        return [child for child in self.children if child.tag == tag]


def parse(data: bytes) -> Element:
    """Parse binary XML into an `Element` tree. Raises `AxmlError` when it is not AXML."""
    try:
        return _parse(data)
    except AxmlError:
        raise
    except Exception as error:
        # androguard's parser fails in many ways on corrupt input (struct.error, IndexError,
        # ...): to the caller they all mean the same thing.
        raise AxmlError(f"corrupt binary XML ({type(error).__name__})") from None


def _parse(data: bytes) -> Element:
    parser = _axml.AXMLParser(data)
    if not parser.is_valid():
        raise AxmlError("not a binary XML document")
    root: Element | None = None
    stack: list[Element] = []
    count = 0
    while parser.is_valid():
        event = next(parser)
        if event == _axml.START_TAG:
            count += 1
            if count > MAX_ELEMENTS or len(stack) >= MAX_DEPTH:
                raise AxmlError("too many or too deeply nested elements")
            element = Element(tag=parser.name, attributes=_attributes(parser))
            if root is None:
                root = element
            elif stack:
                stack[-1].children.append(element)
            stack.append(element)
        elif event == _axml.END_TAG:
            if stack:
                stack.pop()
        elif event == _axml.END_DOCUMENT:
            break
    if root is None:
        raise AxmlError("binary XML has no root element")
    return root


def _attributes(parser: _axml.AXMLParser) -> dict[str, Value]:
    attributes: dict[str, Value] = {}
    resource_ids: list[int] = parser.m_resourceIDs
    for index in range(parser.getAttributeCount()):
        name_index = parser.m_attributes[index * _axml.ATTRIBUTE_LENGTH + _axml.ATTRIBUTE_IX_NAME]
        resource_id = resource_ids[name_index] if name_index < len(resource_ids) else None
        key = attribute_key(resource_id, parser.getAttributeNamespace(index), parser.sb[name_index])
        value_type = parser.getAttributeValueType(index)
        value_data = parser.getAttributeValueData(index)
        string = parser.getAttributeValue(index) if value_type == TYPE_STRING else None
        attributes.setdefault(key, Value(type=value_type, data=value_data, string=string))
    return attributes


def attribute_key(resource_id: int | None, namespace: str | None, local: str | None) -> str:
    """The key an attribute is stored under in `Element.attributes`.

    Android attributes are identified by resource id, as the platform does: the ones permaudit
    reads by their plain name, the others as `android:<name>`. Everything else keeps its
    namespace, as `{namespace}name`, or its bare name.
    """
    if resource_id is not None and resource_id in ANDROID_ATTRIBUTE_IDS:
        return ANDROID_ATTRIBUTE_IDS[resource_id]
    local = local or ""
    if resource_id is not None and resource_id >> 24 == 0x01:
        # An android attribute we do not read; keep it under its own name.
        return f"android:{local}" if local else f"android:0x{resource_id:08x}"
    if namespace == ANDROID_NS:
        # An android-namespace name without a resource id: the platform ignores it.
        return f"{{{ANDROID_NS}}}{local}"
    return f"{{{namespace}}}{local}" if namespace else local
