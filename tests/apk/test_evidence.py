"""Code evidence on the two-DEX IP camera fixture: exact callers, parties, unused permissions."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from permaudit.apk.evidence import attribute_party, scan_code
from permaudit.catalog.api_tables import api_catalog, sdk_catalog
from permaudit.models import ApiEvidence, Party

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HOMECAM = FIXTURES / "apk" / "evidence_homecam.apk"
PACKAGE = "com.vendor.homecam"

CAMERA2 = (
    "Landroid/hardware/camera2/CameraManager;->openCamera(Ljava/lang/String;"
    "Landroid/hardware/camera2/CameraDevice$StateCallback;Landroid/os/Handler;)V"
)
GET_SENSOR = "Landroid/hardware/SensorManager;->getDefaultSensor(I)Landroid/hardware/Sensor;"
LE_SCAN = (
    "Landroid/bluetooth/le/BluetoothLeScanner;->startScan(Landroid/bluetooth/le/ScanCallback;)V"
)
CONNECT_GATT = (
    "Landroid/bluetooth/BluetoothDevice;->connectGatt(Landroid/content/Context;Z"
    "Landroid/bluetooth/BluetoothGattCallback;)Landroid/bluetooth/BluetoothGatt;"
)
LAST_LOCATION = (
    "Landroid/location/LocationManager;->getLastKnownLocation(Ljava/lang/String;)"
    "Landroid/location/Location;"
)
SECURE_GET_STRING = (
    "Landroid/provider/Settings$Secure;->getString(Landroid/content/ContentResolver;"
    "Ljava/lang/String;)Ljava/lang/String;"
)
BLE = "com.vendor.common.ble.BleScanner"
BLE_SCAN = "scan(Landroid/bluetooth/le/BluetoothLeScanner;Landroid/bluetooth/le/ScanCallback;)V"
BLE_CONNECT = (
    "connect(Landroid/bluetooth/BluetoothDevice;Landroid/content/Context;"
    "Landroid/bluetooth/BluetoothGattCallback;)Landroid/bluetooth/BluetoothGatt;"
)
LIVE = "com.vendor.homecam.LiveActivity"
WIFI = "com.vendor.homecam.setup.WifiSetup"
VITALS = "com.vendor.homecam.health.Vitals"
UMENG = "com.umeng.analytics.DeviceConfig"
PICKER = "com.vendor.homecam.share.ContactPicker"
FIRST, THIRD, UNKNOWN = Party.FIRST_PARTY, Party.THIRD_PARTY, Party.UNKNOWN
P = "android.permission."

# (permission, api, caller class, caller method, party, sdk, dex): every record, nothing else.
EXPECTED = {
    (P + "BLUETOOTH", CONNECT_GATT, BLE, BLE_CONNECT, FIRST, None, "classes.dex"),
    (P + "BLUETOOTH_CONNECT", CONNECT_GATT, BLE, BLE_CONNECT, FIRST, None, "classes.dex"),
    (P + "BLUETOOTH_ADMIN", LE_SCAN, BLE, BLE_SCAN, FIRST, None, "classes.dex"),
    (P + "BLUETOOTH_SCAN", LE_SCAN, BLE, BLE_SCAN, FIRST, None, "classes.dex"),
    (P + "ACCESS_FINE_LOCATION", LE_SCAN, BLE, BLE_SCAN, FIRST, None, "classes.dex"),
    (
        P + "CAMERA",
        "Landroid/hardware/Camera;->open(I)Landroid/hardware/Camera;",
        LIVE,
        "startPreview()V",
        FIRST,
        None,
        "classes.dex",
    ),
    (
        P + "CAMERA",
        CAMERA2,
        LIVE,
        "openCamera2(Landroid/hardware/camera2/CameraManager;Ljava/lang/String;"
        "Landroid/hardware/camera2/CameraDevice$StateCallback;)V",
        FIRST,
        None,
        "classes.dex",
    ),
    # AndroidX runs on the app's behalf: its calls count as the app's own.
    (
        P + "CAMERA",
        CAMERA2,
        "androidx.camera.core.CameraOpener",
        "open(Landroid/hardware/camera2/CameraManager;Ljava/lang/String;"
        "Landroid/hardware/camera2/CameraDevice$StateCallback;Landroid/os/Handler;)V",
        FIRST,
        None,
        "classes2.dex",
    ),
    (
        P + "RECORD_AUDIO",
        "Landroid/media/AudioRecord;-><init>(IIIII)V",
        LIVE,
        "startTalk()V",
        FIRST,
        None,
        "classes.dex",
    ),
    (
        P + "RECORD_AUDIO",
        "Landroid/media/AudioRecord;->startRecording()V",
        LIVE,
        "startTalk()V",
        FIRST,
        None,
        "classes.dex",
    ),
    (
        P + "READ_CONTACTS",
        "Landroid/provider/ContactsContract$Contacts;->CONTENT_URI:Landroid/net/Uri;",
        PICKER,
        "query(Landroid/content/ContentResolver;)Landroid/database/Cursor;",
        FIRST,
        None,
        "classes2.dex",
    ),
    (
        P + "READ_SMS",
        '"content://sms/inbox"',
        PICKER,
        "inbox()Landroid/net/Uri;",
        FIRST,
        None,
        "classes2.dex",
    ),
    # Settings.Secure.getString with the "android_id" key loaded in the same method.
    (
        None,
        SECURE_GET_STRING,
        UMENG,
        "getAndroidId(Landroid/content/ContentResolver;)Ljava/lang/String;",
        THIRD,
        "Umeng",
        "classes2.dex",
    ),
    *(
        (
            permission,
            "Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;",
            UMENG,
            "getImei(Landroid/telephony/TelephonyManager;)Ljava/lang/String;",
            THIRD,
            "Umeng",
            "classes2.dex",
        )
        for permission in (P + "READ_PHONE_STATE", P + "READ_PRIVILEGED_PHONE_STATE")
    ),
    (
        P + "BODY_SENSORS",
        GET_SENSOR,
        VITALS,
        "heartRate(Landroid/hardware/SensorManager;)Landroid/hardware/Sensor;",
        FIRST,
        None,
        "classes.dex",
    ),
    (
        P + "ACTIVITY_RECOGNITION",
        GET_SENSOR,
        VITALS,
        "steps(Landroid/hardware/SensorManager;)Landroid/hardware/Sensor;",
        FIRST,
        None,
        "classes.dex",
    ),
    (
        P + "ACCESS_WIFI_STATE",
        "Landroid/net/wifi/WifiManager;->getConnectionInfo()Landroid/net/wifi/WifiInfo;",
        WIFI,
        "currentSsid(Landroid/net/wifi/WifiManager;)Ljava/lang/String;",
        FIRST,
        None,
        "classes.dex",
    ),
    (
        P + "ACCESS_FINE_LOCATION",
        "Landroid/net/wifi/WifiInfo;->getSSID()Ljava/lang/String;",
        WIFI,
        "currentSsid(Landroid/net/wifi/WifiManager;)Ljava/lang/String;",
        FIRST,
        None,
        "classes.dex",
    ),
    (
        P + "CHANGE_WIFI_MULTICAST_STATE",
        "Landroid/net/wifi/WifiManager;->createMulticastLock(Ljava/lang/String;)"
        "Landroid/net/wifi/WifiManager$MulticastLock;",
        WIFI,
        "discover(Landroid/net/wifi/WifiManager;Ljava/lang/String;)V",
        FIRST,
        None,
        "classes.dex",
    ),
    (
        P + "CHANGE_WIFI_MULTICAST_STATE",
        "Landroid/net/wifi/WifiManager$MulticastLock;->acquire()V",
        WIFI,
        "discover(Landroid/net/wifi/WifiManager;Ljava/lang/String;)V",
        FIRST,
        None,
        "classes.dex",
    ),
    # Obfuscated code: could be the app's or any SDK's.
    *(
        (
            permission,
            LAST_LOCATION,
            "a.b.c",
            "a(Landroid/location/LocationManager;)Landroid/location/Location;",
            UNKNOWN,
            None,
            "classes2.dex",
        )
        for permission in (P + "ACCESS_FINE_LOCATION", P + "ACCESS_COARSE_LOCATION")
    ),
}


def dex_files(apk: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(apk) as archive:
        return [
            (name, archive.read(name))
            for name in archive.namelist()
            if re.fullmatch(r"classes\d*\.dex", name)
        ]


@pytest.fixture(scope="module")
def evidence() -> tuple[ApiEvidence, ...]:
    return scan_code(dex_files(HOMECAM), PACKAGE).evidence


def _row(item: ApiEvidence) -> tuple[object, ...]:
    return (
        item.permission,
        item.api,
        item.caller_class,
        item.caller_method,
        item.party,
        item.sdk,
        item.dex,
    )


def test_exact_callers_of_every_sensitive_api(evidence: tuple[ApiEvidence, ...]) -> None:
    rows = [_row(item) for item in evidence]
    assert len(rows) == len(set(rows)), "evidence must not repeat"
    assert set(rows) == EXPECTED


def test_evidence_is_sorted_and_deterministic(evidence: tuple[ApiEvidence, ...]) -> None:
    again = scan_code(list(reversed(dex_files(HOMECAM))), PACKAGE).evidence
    assert again == evidence
    keys = [(e.category.value, e.permission or "", e.api, e.caller_class) for e in evidence]
    assert keys == sorted(keys)


def test_category_follows_the_permission(evidence: tuple[ApiEvidence, ...]) -> None:
    by_permission = {(e.permission, e.api): e.category.value for e in evidence}
    # A BLE scan needs location up to API 30: that record belongs to the location category.
    assert by_permission[(P + "ACCESS_FINE_LOCATION", LE_SCAN)] == "location"
    assert by_permission[(P + "BLUETOOTH_SCAN", LE_SCAN)] == "bluetooth"
    assert by_permission[(None, SECURE_GET_STRING)] == "device_id"


def test_unused_permission_has_no_evidence(evidence: tuple[ApiEvidence, ...]) -> None:
    """READ_CALENDAR is requested by the fixture and covered by the table, yet no code uses it."""
    manifest = (FIXTURES / "src" / "evidence_homecam" / "AndroidManifest.xml").read_text()
    assert P + "READ_CALENDAR" in manifest
    assert P + "READ_CALENDAR" in api_catalog().covered_permissions
    used = {item.permission for item in evidence}
    assert P + "READ_CALENDAR" not in used
    assert P + "CAMERA" in used


def test_sensor_type_must_be_a_known_constant(evidence: tuple[ApiEvidence, ...]) -> None:
    """motion() asks for the accelerometer, computed() for a type only known at run time."""
    sensor_callers = {e.caller_method.split("(")[0] for e in evidence if e.api == GET_SENSOR}
    assert sensor_callers == {"heartRate", "steps"}


def test_multidex_sees_both_files(evidence: tuple[ApiEvidence, ...]) -> None:
    assert {item.dex for item in evidence} == {"classes.dex", "classes2.dex"}


def test_unreadable_dex_is_skipped_with_a_warning() -> None:
    files = [*dex_files(HOMECAM), ("classes3.dex", b"PK\x03\x04 not a dex at all" * 10)]
    scan = scan_code(files, PACKAGE)
    assert len(scan.evidence) == len(EXPECTED)
    assert scan.warnings == (
        "classes3.dex: skipped, not a readable DEX file (not a DEX file (bad magic))",
    )


@pytest.mark.parametrize(
    ("class_name", "package", "party", "sdk"),
    [
        ("com.vendor.cam.LiveActivity", "com.vendor.cam", FIRST, None),
        ("com.vendor.cam.a.b", "com.vendor.cam", FIRST, None),
        # Same organisation, another module of the vendor.
        ("com.vendor.common.Net", "com.vendor.cam", FIRST, None),
        ("cn.com.vendor.base.Util", "cn.com.vendor.app", FIRST, None),
        ("cn.com.other.Util", "cn.com.vendor.app", THIRD, None),
        ("com.umeng.message.PushAgent", "com.vendor.cam", THIRD, "Umeng Push"),
        ("com.umeng.analytics.pro.X", "com.vendor.cam", THIRD, "Umeng"),
        ("com.tencent.bugly.crashreport.CrashReport", "com.vendor.cam", THIRD, "Tencent Bugly"),
        ("cn.jpush.android.api.JPushInterface", "com.vendor.cam", THIRD, "JPush (JiGuang)"),
        (
            "com.google.android.gms.measurement.X",
            "com.vendor.cam",
            THIRD,
            "Google Firebase Analytics",
        ),
        ("androidx.camera.core.ImageCapture", "com.vendor.cam", FIRST, None),
        # The vendor's own app built on a vendor SDK: its package wins over the SDK table.
        ("com.tuya.smart.home.Main", "com.tuya.smart", FIRST, None),
        ("com.tuya.sdk.ble.Scanner", "com.vendor.cam", THIRD, "Tuya IoT SDK"),
        ("a.b.c", "com.vendor.cam", UNKNOWN, None),
        ("Default", "com.vendor.cam", UNKNOWN, None),
        ("org.unlisted.Lib", "com.vendor.cam", THIRD, None),
        # A two-label package has no separate organisation prefix to share.
        ("com.other.X", "com.vendor", THIRD, None),
        ("com.vendorx.X", "com.vendor", THIRD, None),
    ],
)
def test_party_attribution(class_name: str, package: str, party: Party, sdk: str | None) -> None:
    attribution = attribute_party(class_name, package)
    assert (attribution.party, attribution.sdk) == (party, sdk)


@pytest.mark.parametrize(
    ("class_name", "package", "party", "organisation"),
    [
        # Another organisation's well-formed package: a third party no SDK entry names.
        ("cn.hikvideo.p2p.Session", "com.vendor.cam", THIRD, "cn.hikvideo"),
        ("com.tencent.foo.Bar", "com.vendor.cam", THIRD, "com.tencent"),
        ("cn.com.other.Util", "cn.com.vendor.app", THIRD, "cn.com.other"),
        ("org.unlisted.Lib", "com.vendor.cam", THIRD, "org.unlisted"),
        ("com.other.X", "com.vendor", THIRD, "com.other"),
        ("com.vendorx.X", "com.vendor", THIRD, "com.vendorx"),
        ("cn.jd.sdk.Login", "com.vendor.cam", THIRD, "cn.jd"),
        # Obfuscated or too short: could be anyone's.
        ("a.b.c", "com.vendor.cam", UNKNOWN, None),
        ("com.a.b", "com.vendor.cam", UNKNOWN, None),
        ("aa.bb.Cc", "com.vendor.cam", UNKNOWN, None),
        ("Default", "com.vendor.cam", UNKNOWN, None),
        ("x.Y", "com.vendor.cam", UNKNOWN, None),
        # A repackaged copy of the platform is nobody's SDK.
        ("java.util.Helper", "com.vendor.cam", UNKNOWN, None),
        # Known SDKs keep their name and record no organisation.
        ("com.tencent.bugly.crashreport.CrashReport", "com.vendor.cam", THIRD, None),
        ("com.vendor.common.Net", "com.vendor.cam", FIRST, None),
    ],
)
def test_organisation_of_unknown_third_parties(
    class_name: str, package: str, party: Party, organisation: str | None
) -> None:
    attribution = attribute_party(class_name, package)
    assert (attribution.party, attribution.organisation) == (party, organisation)
    if organisation is not None:
        assert attribution.sdk is None


def test_data_type_of_each_record(evidence: tuple[ApiEvidence, ...]) -> None:
    read = {(e.caller_class, e.data_type.value) for e in evidence if e.data_type is not None}
    assert read == {
        (UMENG, "android_id"),
        (UMENG, "imei"),
        (WIFI, "wifi_network"),
        (WIFI, "lan_devices"),
        (PICKER, "address_book"),
    }


@pytest.mark.parametrize(
    ("class_name", "sdk"),
    [
        ("com.tutk.IOTC.IOTCAPIs", "ThroughTek Kalay P2P"),
        ("com.videogo.openapi.EZOpenSDK", "Ezviz / Hikvision Open SDK"),
        ("com.hikvision.netsdk.HCNetSDK", "Hikvision HCNetSDK"),
        ("com.company.NetSDK.INetSDK", "Dahua NetSDK"),
        ("com.lechange.opensdk.api.LCOpenSDK_Api", "Imou (LeChange) Open SDK"),
        ("com.danale.sdk.Danale", "Danale SDK"),
        ("com.thingclips.smart.camera.ThingCamera", "Tuya IPC camera SDK"),
        ("com.thingclips.smart.home.sdk.ThingHomeSdk", "Tuya IoT SDK"),
        ("com.xiaomi.smarthome.device.api.XmPluginHostApi", "Xiaomi MiJia (MIoT)"),
        ("com.aliyun.alink.linksdk.tmp.TmpSdk", "Alibaba Cloud IoT (Link SDK / Link Visual)"),
        ("com.huawei.hilink.framework.HiLinkManager", "Huawei HiLink"),
        ("com.huawei.wearengine.HiWear", "Huawei Wear Engine"),
        ("com.samsung.android.sdk.accessory.SAAgent", "Samsung Accessory SDK"),
        ("com.garmin.android.connectiq.ConnectIQ", "Garmin Connect IQ Mobile SDK"),
        ("com.veepoo.protocol.VPOperateManager", "Veepoo wearable SDK"),
        ("com.jieli.jl_bt_ota.impl.BluetoothOTAManager", "JieLi Bluetooth SDK"),
    ],
)
def test_p2p_cloud_and_wearable_sdks_of_device_apps(class_name: str, sdk: str) -> None:
    attribution = attribute_party(class_name, PACKAGE)
    assert (attribution.party, attribution.sdk) == (THIRD, sdk)
    entry = sdk_catalog().match(class_name)
    assert entry is not None and entry.source, (
        "each device SDK names where its namespace is published"
    )
