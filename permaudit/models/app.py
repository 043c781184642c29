"""What an APK asks for: the app facts that extraction produces (SPEC §1, §4)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from permaudit.models.common import SCHEMA_VERSION, Category, DataType, Frozen, Party

ANDROID_PERMISSION_PREFIX = "android.permission."


def short_permission(name: str) -> str:
    """`android.permission.CAMERA` → `CAMERA`; other names stay in full."""
    return name.removeprefix(ANDROID_PERMISSION_PREFIX)


class Permission(Frozen):
    """One `<uses-permission>` or `<uses-permission-sdk-23>` entry of the manifest."""

    name: str
    max_sdk_version: int | None = None
    sdk23: bool = False
    # Raw value of android:usesPermissionFlags, e.g. "neverForLocation".
    uses_permission_flags: str | None = None
    # "dangerous", "normal", "signature", "signature|privileged", ... or "unknown".
    protection_level: str = "unknown"
    categories: tuple[Category, ...] = ()

    @property
    def is_dangerous(self) -> bool:
        return "dangerous" in self.protection_level.split("|")


class DeclaredPermission(Frozen):
    """A `<permission>` the app defines itself."""

    name: str
    protection_level: str = "normal"


class Feature(Frozen):
    """A `<uses-feature>` entry."""

    name: str
    required: bool = True


ComponentKind = Literal["notification_listener", "accessibility_service", "queries"]


class Component(Frozen):
    """A manifest component that gives access to data without a uses-permission."""

    kind: ComponentKind
    # Class name for services; for <queries>, the queried package or intent action.
    name: str
    permission: str | None = None
    categories: tuple[Category, ...] = ()


class ApiEvidence(Frozen):
    """One reference in DEX code to a sensitive API (SPEC §4 `api_evidence`)."""

    api: str  # e.g. "Landroid/hardware/Camera;->open(I)Landroid/hardware/Camera;"
    permission: str | None
    category: Category
    caller_class: str  # dotted Java name, e.g. "com.vendor.cam.LiveActivity"
    caller_method: str  # method name with descriptor, e.g. "startPreview()V"
    party: Party
    sdk: str | None = None  # name of the third-party SDK when party is third_party
    dex: str = "classes.dex"
    # The SPEC §1b datum the call reads (imei, android_id, ...), None for other APIs.
    data_type: DataType | None = None
    # Third-party code that no SDK entry names: the organisation its package belongs to
    # ("cn.hikvideo" for cn.hikvideo.p2p.Session), so the report can say whose code it is.
    organisation: str | None = None


class PolicyUrl(Frozen):
    """A URL inside the app that looks like its privacy policy (permaudit.apk.policy_urls)."""

    url: str
    # Where it was found, e.g. "resources.arsc @string/privacy_url", "classes2.dex".
    found_in: tuple[str, ...]
    # Found in a string resource (text the app shows or opens), not only in code.
    in_resources: bool = False
    # Found in a string resource of the default configuration (not a translation).
    default_locale: bool = False


class AppFacts(Frozen):
    """Everything permaudit knows about one app. Serialises to SPEC §4 `extract` JSON."""

    schema_version: str = SCHEMA_VERSION
    source: str
    package: str
    version_name: str | None = None
    version_code: int | None = None
    min_sdk: int | None = None
    target_sdk: int | None = None
    permissions: tuple[Permission, ...] = ()
    declared_permissions: tuple[DeclaredPermission, ...] = ()
    features: tuple[Feature, ...] = ()
    components: tuple[Component, ...] = ()
    # None means code evidence was not collected (not "no evidence found").
    api_evidence: tuple[ApiEvidence, ...] | None = None
    # Privacy-policy URLs the app carries, most likely first (see permaudit.apk.policy_urls).
    policy_urls: tuple[PolicyUrl, ...] = ()
    # Set when the APK had to be read by the tolerant reader (tampered zip or manifest).
    tampered: bool = False
    warnings: tuple[str, ...] = Field(default=())

    def to_json_dict(self) -> dict[str, Any]:
        """SPEC §4 `extract` JSON: `api_evidence` only appears when evidence was collected."""
        data = self.model_dump(mode="json")
        if self.api_evidence is None:
            del data["api_evidence"]
        return data

    def permission(self, name: str) -> Permission | None:
        for permission in self.permissions:
            if permission.name == name:
                return permission
        return None
