"""Facts of a small IP-camera app and its policy, built by hand: the real inputs of audit()."""

from __future__ import annotations

from permaudit.models import (
    ApiEvidence,
    AppFacts,
    Category,
    CategoryDisclosure,
    Component,
    Evidence,
    Feature,
    Party,
    Permission,
    PolicyFacts,
    Purpose,
    Scope,
    Status,
)

P = "android.permission."


def perm(
    name: str,
    category: Category | None,
    level: str = "dangerous",
    **extra: object,
) -> Permission:
    full = name if "." in name else P + name
    return Permission(
        name=full,
        protection_level=level,
        categories=(category,) if category else (),
        **extra,  # type: ignore[arg-type]
    )


def evidence(quote: str, line: int, section: str | None = None, start: int = 0) -> Evidence:
    return Evidence(quote=quote, start=start, end=start + len(quote), section=section, line=line)


def camera_app(*, with_code: bool = True) -> AppFacts:
    code = (
        ApiEvidence(
            api="Landroid/hardware/Camera;->open(I)Landroid/hardware/Camera;",
            permission=P + "CAMERA",
            category=Category.CAMERA,
            caller_class="com.example.ipcam.LiveActivity",
            caller_method="startPreview()V",
            party=Party.FIRST_PARTY,
        ),
        ApiEvidence(
            api="Landroid/location/LocationManager;->getLastKnownLocation"
            "(Ljava/lang/String;)Landroid/location/Location;",
            permission=P + "ACCESS_FINE_LOCATION",
            category=Category.LOCATION,
            caller_class="com.adsdk.tracker.GeoCollector",
            caller_method="collect()V",
            party=Party.THIRD_PARTY,
            sdk="AdSDK",
        ),
    )
    return AppFacts(
        source="apps/ipcam.apk",
        package="com.example.ipcam",
        version_name="2.1.0",
        version_code=210,
        min_sdk=24,
        target_sdk=34,
        permissions=(
            perm("CAMERA", Category.CAMERA),
            perm("RECORD_AUDIO", Category.MICROPHONE),
            perm("ACCESS_FINE_LOCATION", Category.LOCATION),
            perm("ACCESS_COARSE_LOCATION", Category.LOCATION),
            perm("ACCESS_BACKGROUND_LOCATION", Category.LOCATION),
            perm("ACCESS_WIFI_STATE", Category.LOCAL_NETWORK, "normal"),
            perm("CHANGE_WIFI_STATE", Category.LOCAL_NETWORK, "normal"),
            # Capped below minSdk 24: never granted, so never a finding.
            perm("WRITE_EXTERNAL_STORAGE", Category.STORAGE, max_sdk_version=18),
            perm("READ_PHONE_STATE", Category.DEVICE_ID),
            perm(
                "BLUETOOTH_SCAN",
                Category.BLUETOOTH,
                sdk23=True,
                uses_permission_flags="neverForLocation",
            ),
            perm("INTERNET", None, "normal"),
        ),
        features=(Feature(name="android.hardware.camera"),),
        components=(
            Component(
                kind="notification_listener",
                name="com.example.ipcam.NotifyService",
                permission=P + "BIND_NOTIFICATION_LISTENER_SERVICE",
                categories=(Category.NOTIFICATIONS,),
            ),
        ),
        api_evidence=code if with_code else None,
    )


def camera_policy() -> PolicyFacts:
    categories = {c: CategoryDisclosure() for c in Category}
    categories[Category.CAMERA] = CategoryDisclosure(
        status=Status.EXPLICIT,
        purposes=(Purpose(id="device_binding", text="scan the QR code to add a camera"),),
        evidence=(
            evidence(
                "We access your camera to scan the QR code when you add a device.",
                12,
                "2. Permissions",
            ),
        ),
        parties=(Party.FIRST_PARTY,),
    )
    categories[Category.LOCATION] = CategoryDisclosure(
        status=Status.EXPLICIT,
        purposes=(Purpose(id="wifi_provisioning", text="to configure the camera's Wi-Fi"),),
        evidence=(
            evidence(
                "We collect your approximate location to configure the camera's Wi-Fi.",
                14,
                "2. Permissions",
            ),
        ),
        parties=(Party.FIRST_PARTY,),
        scope=Scope(precision="approximate", background=False),
    )
    categories[Category.LOCAL_NETWORK] = CategoryDisclosure(
        status=Status.VAGUE,
        evidence=(evidence("We collect device information and network information.", 9),),
    )
    categories[Category.DEVICE_ID] = CategoryDisclosure(
        status=Status.DENIED,
        evidence=(evidence("We do not collect IMEI or other device identifiers.", 20),),
    )
    categories[Category.BLUETOOTH] = CategoryDisclosure(
        status=Status.EXPLICIT,
        evidence=(evidence("The app uses Bluetooth to pair with the camera.", 16),),
    )
    categories[Category.HEALTH] = CategoryDisclosure(
        status=Status.EXPLICIT,
        purposes=(Purpose(id="health_tracking", text="heart rate"),),
        evidence=(evidence("We process your heart rate <b>data</b> & sleep.", 30),),
    )
    return PolicyFacts(source="docs/privacy.md", categories=categories)
