"""The rules of SPEC §3 on hand-built facts (the real inputs of the pure audit function)."""

from __future__ import annotations

from permaudit.audit import audit, is_granted
from permaudit.models import (
    ApiEvidence,
    AppFacts,
    Category,
    CategoryDisclosure,
    Component,
    Feature,
    Party,
    Permission,
    PolicyFacts,
    Purpose,
    Rule,
    Scope,
    Severity,
    Status,
)
from tests.audit_samples import P, camera_app, camera_policy, evidence, perm

DETECTABLE = {P + "CAMERA", P + "RECORD_AUDIO", P + "ACCESS_FINE_LOCATION", P + "READ_PHONE_STATE"}


def _policy(**disclosures: CategoryDisclosure) -> PolicyFacts:
    categories = {c: CategoryDisclosure() for c in Category}
    for name, disclosure in disclosures.items():
        categories[Category(name)] = disclosure
    return PolicyFacts(source="policy.txt", categories=categories)


def _app(*permissions: Permission, **extra: object) -> AppFacts:
    return AppFacts(source="a.apk", package="com.x", min_sdk=24, permissions=permissions, **extra)  # type: ignore[arg-type]


def _explicit(purpose: bool = True, **extra: object) -> CategoryDisclosure:
    return CategoryDisclosure(
        status=Status.EXPLICIT,
        purposes=(Purpose(id="setup", text="to set up the device"),) if purpose else (),
        evidence=(evidence("We use it to set up the device.", 3),),
        **extra,  # type: ignore[arg-type]
    )


def _rules(findings: tuple[object, ...]) -> list[tuple[str, str | None, str]]:
    return [
        (f.rule.value, f.category.value if f.category else None, f.severity.value)  # type: ignore[attr-defined]
        for f in findings
    ]


def test_camera_never_mentioned_is_undisclosed_error_with_no_policy_evidence() -> None:
    findings = audit(_app(perm("CAMERA", Category.CAMERA)), _policy())
    assert _rules(findings) == [("undisclosed", "camera", "error")]
    assert findings[0].permissions == (P + "CAMERA",)
    assert findings[0].policy_evidence == ()
    assert "CAMERA" in findings[0].message and "\n" not in findings[0].message
    assert findings[0].remediation


def test_normal_only_category_is_at_most_a_warning() -> None:
    app = _app(
        perm("ACCESS_WIFI_STATE", Category.LOCAL_NETWORK, "normal"),
        perm("ACCESS_NETWORK_STATE", Category.LOCAL_NETWORK, "normal"),
    )
    assert _rules(audit(app, _policy())) == [("undisclosed", "local_network", "warning")]
    # A dangerous permission of the same category makes it an error again.
    app = _app(
        perm("ACCESS_WIFI_STATE", Category.LOCAL_NETWORK, "normal"),
        perm("NEARBY_WIFI_DEVICES", Category.LOCAL_NETWORK),
    )
    assert _rules(audit(app, _policy())) == [("undisclosed", "local_network", "error")]


def test_protection_level_falls_back_to_the_catalog() -> None:
    app = _app(Permission(name=P + "RECORD_AUDIO"))  # no level, no category from the extractor
    assert _rules(audit(app, _policy())) == [("undisclosed", "microphone", "error")]


def test_denied_category_that_is_requested_is_contradicted() -> None:
    denied = CategoryDisclosure(
        status=Status.DENIED, evidence=(evidence("We do not collect health data.", 7),)
    )
    findings = audit(_app(perm("BODY_SENSORS", Category.HEALTH)), _policy(health=denied))
    assert _rules(findings) == [("contradicted", "health", "error")]
    assert findings[0].policy_evidence[0].quote == "We do not collect health data."


def test_vague_and_purpose_missing() -> None:
    vague = CategoryDisclosure(
        status=Status.VAGUE, evidence=(evidence("We collect device information.", 2),)
    )
    app = _app(perm("READ_PHONE_STATE", Category.DEVICE_ID), perm("CAMERA", Category.CAMERA))
    findings = audit(app, _policy(device_id=vague, camera=_explicit(purpose=False)))
    assert _rules(findings) == [
        ("vague", "device_id", "warning"),
        ("purpose_missing", "camera", "warning"),
    ]


def test_explicit_with_purpose_is_clean() -> None:
    assert audit(_app(perm("CAMERA", Category.CAMERA)), _policy(camera=_explicit())) == ()


def test_precise_location_against_approximate_only_disclosure() -> None:
    app = _app(
        perm("ACCESS_FINE_LOCATION", Category.LOCATION),
        perm("ACCESS_COARSE_LOCATION", Category.LOCATION),
    )
    approximate = _explicit(scope=Scope(precision="approximate"))
    findings = audit(app, _policy(location=approximate))
    assert _rules(findings) == [("scope_exceeded", "location", "warning")]
    assert findings[0].permissions == (P + "ACCESS_FINE_LOCATION",)
    # Unspecified precision ("your location") covers precise location.
    assert audit(app, _policy(location=_explicit(scope=Scope()))) == ()
    assert audit(app, _policy(location=_explicit(scope=Scope(precision="precise")))) == ()


def test_background_location_needs_a_background_disclosure() -> None:
    app = _app(
        perm("ACCESS_COARSE_LOCATION", Category.LOCATION),
        perm("ACCESS_BACKGROUND_LOCATION", Category.LOCATION),
    )
    findings = audit(app, _policy(location=_explicit()))  # scope None = not background
    assert _rules(findings) == [("scope_exceeded", "location", "warning")]
    assert findings[0].permissions == (P + "ACCESS_BACKGROUND_LOCATION",)
    background = _explicit(scope=Scope(background=True))
    assert audit(app, _policy(location=background)) == ()


def test_background_body_sensors_against_health_scope() -> None:
    app = _app(
        perm("BODY_SENSORS", Category.HEALTH),
        perm("BODY_SENSORS_BACKGROUND", Category.HEALTH),
    )
    assert _rules(audit(app, _policy(health=_explicit()))) == [
        ("scope_exceeded", "health", "warning")
    ]
    assert audit(app, _policy(health=_explicit(scope=Scope(background=True)))) == ()


def test_permission_capped_below_min_sdk_is_never_granted_and_never_reported() -> None:
    capped = perm("WRITE_EXTERNAL_STORAGE", Category.STORAGE, max_sdk_version=22)
    assert not is_granted(capped, 24)
    assert is_granted(capped, 21)
    assert audit(_app(capped), _policy()) == ()
    # ... and a disclosure of storage is then a disclosure of something not requested.
    assert _rules(audit(_app(capped), _policy(storage=_explicit()))) == [
        ("unrequested_disclosure", "storage", "note")
    ]
    # The same cap on an app that still supports API 22 is a real request.
    low = AppFacts(source="a.apk", package="com.x", min_sdk=21, permissions=(capped,))
    assert _rules(audit(low, _policy())) == [("undisclosed", "storage", "error")]


def test_sdk23_permissions_count_unless_capped_below_23() -> None:
    sdk23 = perm("CAMERA", Category.CAMERA, sdk23=True)
    low = AppFacts(source="a.apk", package="com.x", min_sdk=21, permissions=(sdk23,))
    assert _rules(audit(low, _policy())) == [("undisclosed", "camera", "error")]
    never = perm("CAMERA", Category.CAMERA, sdk23=True, max_sdk_version=22)
    assert audit(low.model_copy(update={"permissions": (never,)}), _policy()) == ()


def test_sensitive_components_are_requests_of_their_category() -> None:
    listener = Component(
        kind="notification_listener",
        name="com.x.Listener",
        permission=P + "BIND_NOTIFICATION_LISTENER_SERVICE",
        categories=(Category.NOTIFICATIONS,),
    )
    queries = Component(kind="queries", name="com.tencent.mm")
    findings = audit(_app(components=(listener, queries)), _policy())
    assert _rules(findings) == [
        ("undisclosed", "notifications", "error"),
        # <queries> is narrower than QUERY_ALL_PACKAGES (normal), so at most a warning.
        ("undisclosed", "installed_apps", "warning"),
    ]
    assert findings[0].permissions == (P + "BIND_NOTIFICATION_LISTENER_SERVICE",)


def test_unrequested_disclosure_only_for_explicit_statuses() -> None:
    vague = CategoryDisclosure(status=Status.VAGUE, evidence=(evidence("personal info", 1),))
    findings = audit(_app(), _policy(contacts=_explicit(), calendar=vague))
    assert _rules(findings) == [("unrequested_disclosure", "contacts", "note")]
    assert findings[0].permissions == ()


def test_camera_feature_explains_a_camera_disclosure_but_needs_none() -> None:
    app = _app(features=(Feature(name="android.hardware.camera.autofocus"),))
    assert audit(app, _policy()) == ()
    assert audit(app, _policy(camera=_explicit())) == ()


def test_unused_permission_only_with_code_evidence_and_only_for_detectable_permissions() -> None:
    app = camera_app(with_code=False)
    no_code = audit(app, camera_policy(), detectable_permissions=DETECTABLE)
    assert Rule.UNUSED_PERMISSION not in {f.rule for f in no_code}

    findings = audit(camera_app(), camera_policy(), detectable_permissions=DETECTABLE)
    unused = sorted(f.permissions[0] for f in findings if f.rule is Rule.UNUSED_PERMISSION)
    # CAMERA and location are used by code; BLUETOOTH_SCAN is not in the API table, so
    # nothing can be claimed about it; RECORD_AUDIO and READ_PHONE_STATE have no use.
    assert unused == [P + "READ_PHONE_STATE", P + "RECORD_AUDIO"]
    assert all(f.severity is Severity.NOTE for f in findings if f.rule is Rule.UNUSED_PERMISSION)

    nothing_detectable = audit(camera_app(), camera_policy(), detectable_permissions=())
    assert Rule.UNUSED_PERMISSION not in {f.rule for f in nothing_detectable}


def test_third_party_sdk_use_without_third_party_disclosure() -> None:
    findings = audit(camera_app(), camera_policy(), detectable_permissions=())
    third = [f for f in findings if f.rule is Rule.THIRD_PARTY_UNDISCLOSED]
    assert len(third) == 1
    assert third[0].category is Category.LOCATION
    assert "AdSDK" in third[0].message
    assert {e.party for e in third[0].code_evidence} == {Party.THIRD_PARTY}

    policy = camera_policy()
    shared = policy.categories[Category.LOCATION].model_copy(
        update={"parties": (Party.FIRST_PARTY, Party.THIRD_PARTY)}
    )
    policy = policy.model_copy(
        update={"categories": {**policy.categories, Category.LOCATION: shared}}
    )
    findings = audit(camera_app(), policy, detectable_permissions=())
    assert Rule.THIRD_PARTY_UNDISCLOSED not in {f.rule for f in findings}


def _sdk_call(api: str, permission: str | None) -> ApiEvidence:
    return ApiEvidence(
        api=api,
        permission=permission,
        category=Category.DEVICE_ID,
        caller_class="com.tencent.bugly.crashreport.common.DeviceInfo",
        caller_method="collect(Landroid/content/Context;)V",
        party=Party.THIRD_PARTY,
        sdk="Tencent Bugly",
    )


IMEI_CALL = "Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;"


def test_sdk_reading_android_id_without_a_permission_is_a_third_party_finding() -> None:
    # The app requests no device-id permission, yet an SDK reads the Android ID (no permission
    # needed) and tries the IMEI (fails: READ_PHONE_STATE is not held). The policy names
    # device ids, first party only: the disclosure is not stale, the SDK recipient is missing.
    app = _app(
        api_evidence=(
            _sdk_call('"android_id"', None),
            _sdk_call(IMEI_CALL, P + "READ_PHONE_STATE"),
        )
    )
    policy = _policy(device_id=_explicit(parties=(Party.FIRST_PARTY,)))
    findings = audit(app, policy, detectable_permissions=())
    assert _rules(findings) == [("third_party_undisclosed", "device_id", "warning")]
    assert findings[0].permissions == ()
    assert "Tencent Bugly" in findings[0].message
    # Only the call that can succeed is evidence: the IMEI call throws without the permission.
    assert [e.api for e in findings[0].code_evidence] == ['"android_id"']

    shared = _policy(device_id=_explicit(parties=(Party.FIRST_PARTY, Party.THIRD_PARTY)))
    assert audit(app, shared, detectable_permissions=()) == ()


def test_sdk_reading_android_id_against_a_policy_silent_on_device_ids() -> None:
    # Issue 5: an analytics SDK reading a device identifier needs a third-party disclosure,
    # whether or not the app requests a permission for it.
    app = _app(api_evidence=(_sdk_call('"android_id"', None),))
    findings = audit(app, _policy(), detectable_permissions=())
    assert _rules(findings) == [("third_party_undisclosed", "device_id", "warning")]
    assert "the policy never mentions it" in findings[0].message


def test_sdk_calls_needing_a_permission_the_app_lacks_are_no_use() -> None:
    # Without the Android ID read, nothing of the category is collected: the disclosure is
    # unrequested, exactly as with no code at all.
    app = _app(api_evidence=(_sdk_call(IMEI_CALL, P + "READ_PHONE_STATE"),))
    policy = _policy(device_id=_explicit(parties=(Party.FIRST_PARTY,)))
    findings = audit(app, policy, detectable_permissions=())
    assert _rules(findings) == [("unrequested_disclosure", "device_id", "note")]


def test_third_party_evidence_keeps_only_calls_the_granted_permissions_allow() -> None:
    app = _app(
        perm("READ_PHONE_STATE", Category.DEVICE_ID),
        api_evidence=(
            _sdk_call(IMEI_CALL, P + "READ_PHONE_STATE"),
            _sdk_call(IMEI_CALL, P + "READ_PRIVILEGED_PHONE_STATE"),
        ),
    )
    policy = _policy(device_id=_explicit(parties=(Party.FIRST_PARTY,)))
    findings = audit(app, policy, detectable_permissions=())
    assert _rules(findings) == [("third_party_undisclosed", "device_id", "warning")]
    assert [e.permission for e in findings[0].code_evidence] == [P + "READ_PHONE_STATE"]


def test_whole_camera_app_against_its_policy() -> None:
    findings = audit(camera_app(), camera_policy(), detectable_permissions=DETECTABLE)
    assert _rules(findings) == [
        ("undisclosed", "microphone", "error"),
        ("undisclosed", "notifications", "error"),
        ("contradicted", "device_id", "error"),
        ("vague", "local_network", "warning"),
        ("purpose_missing", "bluetooth", "warning"),
        ("scope_exceeded", "location", "warning"),
        ("scope_exceeded", "location", "warning"),
        ("third_party_undisclosed", "location", "warning"),
        ("unrequested_disclosure", "health", "note"),
        ("unused_permission", "microphone", "note"),
        ("unused_permission", "device_id", "note"),
    ]
    # Storage is requested only below minSdk: nothing about it.
    assert Category.STORAGE not in {f.category for f in findings}


def test_audit_is_deterministic_and_fingerprints_are_unique() -> None:
    first = audit(camera_app(), camera_policy(), detectable_permissions=DETECTABLE)
    reordered = camera_app().model_copy(
        update={"permissions": tuple(reversed(camera_app().permissions))}
    )
    second = audit(reordered, camera_policy(), detectable_permissions=DETECTABLE)
    assert first == second
    fingerprints = [f.fingerprint for f in first]
    assert len(set(fingerprints)) == len(fingerprints)


def test_unused_is_judged_per_permission_record() -> None:
    # Location evidence names only FINE: COARSE, also detectable, has no use of its own.
    findings = audit(
        camera_app(),
        camera_policy(),
        detectable_permissions={P + "ACCESS_FINE_LOCATION", P + "ACCESS_COARSE_LOCATION"},
    )
    unused = [f.permissions for f in findings if f.rule is Rule.UNUSED_PERMISSION]
    assert unused == [(P + "ACCESS_COARSE_LOCATION",)]


def test_code_evidence_shows_each_call_site_once_under_the_requested_permission() -> None:
    from permaudit.audit import audit
    from permaudit.models import (
        ApiEvidence,
        AppFacts,
        Category,
        CategoryDisclosure,
        Party,
        Permission,
        PolicyFacts,
    )

    api = "Landroid/location/LocationManager;->getLastKnownLocation(Ljava/lang/String;)"
    site = {
        "api": api,
        "category": Category.LOCATION,
        "caller_class": "com.vendor.cam.Setup",
        "caller_method": "scan()V",
        "party": Party.FIRST_PARTY,
    }
    app = AppFacts(
        source="a.apk",
        package="com.vendor.cam",
        permissions=(
            Permission(
                name="android.permission.ACCESS_COARSE_LOCATION",
                protection_level="dangerous",
                categories=(Category.LOCATION,),
            ),
        ),
        api_evidence=(
            ApiEvidence(permission="android.permission.ACCESS_FINE_LOCATION", **site),
            ApiEvidence(permission="android.permission.ACCESS_COARSE_LOCATION", **site),
        ),
    )
    policy = PolicyFacts(source="p.txt", categories={c: CategoryDisclosure() for c in Category})
    (finding,) = [f for f in audit(app, policy) if f.category is Category.LOCATION]
    assert [e.permission for e in finding.code_evidence] == [
        "android.permission.ACCESS_COARSE_LOCATION"
    ]


def test_a_disclosure_of_data_open_to_every_app_is_not_stale() -> None:
    # Motion sensors need no permission: a policy naming the gyroscope describes the app even
    # though its manifest asks for nothing. Camera needs one, so that disclosure is stale.
    policy = _policy(sensors=_explicit(), camera=_explicit())
    findings = audit(_app(), policy, detectable_permissions=())
    assert _rules(findings) == [("unrequested_disclosure", "camera", "note")]
