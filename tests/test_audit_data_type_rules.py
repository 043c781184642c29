"""The data-type rules on hand-built facts: SPEC §3 severities, wording, reachability, and
which category-level finding already speaks for a datum."""

from __future__ import annotations

import hashlib

import pytest

from permaudit.audit import audit
from permaudit.models import (
    ApiEvidence,
    AppFacts,
    Category,
    CategoryDisclosure,
    DataType,
    DataTypeDisclosure,
    Finding,
    Party,
    PolicyFacts,
    Rule,
    Scope,
    Severity,
    Status,
    all_data_types,
    data_type_label,
    fingerprint,
)
from permaudit.policy import analyze_text
from tests.audit_samples import P, evidence, perm

GET_IMEI = "Landroid/telephony/TelephonyManager;->getImei()Ljava/lang/String;"
ANDROID_ID = (
    "Landroid/provider/Settings$Secure;->getString(Landroid/content/ContentResolver;"
    "Ljava/lang/String;)Ljava/lang/String;"
)
AD_ID_INFO = (
    "Lcom/google/android/gms/ads/identifier/AdvertisingIdClient;->getAdvertisingIdInfo"
    "(Landroid/content/Context;)Lcom/google/android/gms/ads/identifier/AdvertisingIdClient$Info;"
)
ANDROID_ID_QUOTE = evidence("We collect the Android ID of your phone.", 3)
IMEI_READ = ApiEvidence(
    api=GET_IMEI,
    permission=P + "READ_PHONE_STATE",
    category=Category.DEVICE_ID,
    caller_class="com.vendor.Bind",
    caller_method="register(Landroid/telephony/TelephonyManager;)V",
    party=Party.FIRST_PARTY,
    data_type=DataType("imei"),
)


def app(*records: ApiEvidence, permissions: tuple[str, ...] = (), target: int = 34) -> AppFacts:
    return AppFacts(
        source="bind.apk",
        package="com.vendor",
        min_sdk=26,
        target_sdk=target,
        permissions=tuple(
            perm(
                name,
                Category.DEVICE_ID,
                "normal" if name.endswith("AD_ID") else "dangerous",
            )
            for name in permissions
        ),
        api_evidence=records,
    )


def policy(
    device_id: CategoryDisclosure | None = None,
    **data_types: Status,
) -> PolicyFacts:
    categories = {c: CategoryDisclosure() for c in Category}
    categories[Category.LOCATION] = CategoryDisclosure(scope=Scope())
    disclosure = device_id or CategoryDisclosure(
        status=Status.EXPLICIT,
        evidence=(ANDROID_ID_QUOTE,),
        purposes=(),
        parties=(Party.FIRST_PARTY,),
    )
    said = {
        DataType(name): DataTypeDisclosure(
            status=status, evidence=(ANDROID_ID_QUOTE,) if status is Status.EXPLICIT else ()
        )
        for name, status in data_types.items()
    }
    categories[Category.DEVICE_ID] = disclosure.model_copy(update={"data_types": said})
    return PolicyFacts(source="policy.txt", categories=categories)


def data_type_findings(findings: tuple[Finding, ...]) -> list[Finding]:
    return [f for f in findings if f.data_type is not None]


def test_the_policy_names_the_android_id_not_the_imei_the_app_reads() -> None:
    findings = audit(
        app(IMEI_READ, permissions=("READ_PHONE_STATE",)),
        policy(android_id=Status.EXPLICIT),
    )
    (finding,) = data_type_findings(findings)
    assert finding.rule is Rule.DATA_TYPE_UNDISCLOSED
    assert finding.severity is Severity.ERROR
    assert finding.category is Category.DEVICE_ID
    assert finding.data_type is DataType("imei")
    assert finding.party is Party.FIRST_PARTY
    assert finding.permissions == (P + "READ_PHONE_STATE",)
    assert finding.message == (
        "com.vendor.Bind.register reads the IMEI (TelephonyManager.getImei); "
        "the policy names the Android ID, not the IMEI"
    )
    assert finding.policy_evidence == (ANDROID_ID_QUOTE,)
    assert finding.code_evidence == (IMEI_READ,)


@pytest.mark.parametrize("data_type", all_data_types(), ids=lambda d: d.value)
def test_severity_of_each_data_type_follows_spec_section_3(data_type: DataType) -> None:
    record = ApiEvidence(
        api="Lcom/example/Api;->read()V",
        permission=None,
        category=data_type.category,
        caller_class="com.vendor.Reader",
        caller_method="read()V",
        party=Party.FIRST_PARTY,
        data_type=data_type,
    )
    categories = {c: CategoryDisclosure() for c in Category}
    categories[Category.LOCATION] = CategoryDisclosure(scope=Scope())
    (finding,) = data_type_findings(
        audit(app(record), PolicyFacts(source="p.txt", categories=categories))
    )
    assert finding.rule is Rule.DATA_TYPE_UNDISCLOSED
    spec_errors = {"imei", "imsi", "sim_serial", "phone_number", "serial_number"}
    spec_errors |= {"mac_address", "wifi_network"}
    assert {d.value for d in all_data_types() if d.severity == "error"} == spec_errors
    want = Severity.ERROR if data_type.value in spec_errors else Severity.WARNING
    assert finding.severity is want
    assert finding.message.endswith(f"the policy never mentions the {data_type_label(data_type)}")


def test_a_call_the_app_has_no_permission_for_reads_nothing() -> None:
    """An SDK asking for the IMEI in an app without READ_PHONE_STATE only throws."""
    sdk_read = IMEI_READ.model_copy(
        update={"party": Party.THIRD_PARTY, "caller_class": "cn.hikvideo.p2p.Session"}
    )
    assert data_type_findings(audit(app(sdk_read), policy(android_id=Status.EXPLICIT))) == []


@pytest.mark.parametrize(("target", "read"), [(32, True), (33, False)])
def test_the_ad_id_permission_is_enforced_from_target_33(target: int, read: bool) -> None:
    record = ApiEvidence(
        api=AD_ID_INFO,
        permission="com.google.android.gms.permission.AD_ID",
        category=Category.DEVICE_ID,
        caller_class="com.vendor.Ads",
        caller_method="id()V",
        party=Party.FIRST_PARTY,
        data_type=DataType("ad_id"),
    )
    found = data_type_findings(audit(app(record, target=target), policy(imei=Status.EXPLICIT)))
    assert [f.data_type for f in found] == ([DataType("ad_id")] if read else [])


def test_facts_that_do_not_resolve_data_types_raise_nothing_at_data_type_level() -> None:
    """A v1 map or today's analyzer: the category is explicit, every data type absent."""
    findings = audit(app(IMEI_READ, permissions=("READ_PHONE_STATE",)), policy())
    assert data_type_findings(findings) == []


def test_a_denied_category_contradicts_a_datum_read_without_any_permission() -> None:
    android_id = ApiEvidence(
        api=ANDROID_ID,
        permission=None,
        category=Category.DEVICE_ID,
        caller_class="com.tencent.bugly.crashreport.DeviceInfo",
        caller_method="collect()V",
        party=Party.THIRD_PARTY,
        sdk="Tencent Bugly",
        data_type=DataType("android_id"),
    )
    denial = evidence("We do not collect device identifiers.", 7)
    facts = policy(CategoryDisclosure(status=Status.DENIED, evidence=(denial,)))
    (finding,) = data_type_findings(audit(app(android_id), facts))
    assert (finding.rule, finding.severity) == (Rule.CONTRADICTED, Severity.ERROR)
    assert finding.party is Party.THIRD_PARTY
    assert finding.message == (
        "com.tencent.bugly.crashreport.DeviceInfo.collect (Tencent Bugly) reads the Android ID "
        "(Settings.Secure.getString); the policy says the Android ID is not collected"
    )
    assert finding.policy_evidence == (denial,)


def test_an_umbrella_only_datum_is_vague_beside_a_named_one() -> None:
    findings = audit(
        app(IMEI_READ, permissions=("READ_PHONE_STATE",)),
        policy(android_id=Status.EXPLICIT, imei=Status.VAGUE),
    )
    (finding,) = data_type_findings(findings)
    assert (finding.rule, finding.severity) == (Rule.VAGUE, Severity.WARNING)
    assert finding.message.endswith(
        "the policy names the Android ID, and covers the IMEI only with an umbrella term"
    )


def test_a_category_level_finding_speaks_for_its_data_types() -> None:
    """The category is requested and covered only by an umbrella: its vague finding says it."""
    umbrella = CategoryDisclosure(status=Status.VAGUE, evidence=(ANDROID_ID_QUOTE,))
    findings = audit(
        app(IMEI_READ, permissions=("READ_PHONE_STATE",)),
        policy(umbrella, imei=Status.VAGUE, android_id=Status.VAGUE),
    )
    assert [(f.rule, f.data_type) for f in findings] == [(Rule.VAGUE, None)]
    release = audit(
        app(IMEI_READ, permissions=("READ_PHONE_STATE",)),
        policy(umbrella, imei=Status.VAGUE, android_id=Status.VAGUE),
        release_data_types=(DataType("imei"),),
    )
    assert [(f.rule, f.data_type) for f in release] == [
        (Rule.VAGUE, None),
        (Rule.VAGUE, DataType("imei")),
    ]


def test_fingerprints_of_category_findings_are_those_baselines_already_hold() -> None:
    """The data type joins the fingerprint only when there is one."""
    permissions = (P + "CAMERA",)
    before = hashlib.sha256(
        "\x1f".join(["undisclosed", "com.vendor", "camera", *permissions]).encode()
    ).hexdigest()[:32]
    assert fingerprint(Rule.UNDISCLOSED, "com.vendor", Category.CAMERA, permissions) == before
    imei = fingerprint(
        Rule.DATA_TYPE_UNDISCLOSED, "com.vendor", Category.DEVICE_ID, (), DataType("imei")
    )
    imsi = fingerprint(
        Rule.DATA_TYPE_UNDISCLOSED, "com.vendor", Category.DEVICE_ID, (), DataType("imsi")
    )
    assert imei != imsi


# --- scope_exceeded quotes the sentence that states the disclosed scope (issue 13 item 16) ---


def test_scope_exceeded_quotes_the_sentence_stating_the_scope() -> None:
    text = (
        "We use location to show nearby installers. "
        "We only collect your approximate location, never the precise one. "
        "Location also helps us set the time zone of your camera."
    )
    facts = analyze_text(text, source="p.txt")
    location = facts.categories[Category.LOCATION]
    assert location.scope is not None and location.scope.precision == "approximate"
    assert [e.quote for e in location.scope.evidence] == [
        "We only collect your approximate location, never the precise one."
    ]
    assert len(location.evidence) == 3
    camera_app = AppFacts(
        source="a.apk",
        package="com.vendor",
        permissions=(perm("ACCESS_FINE_LOCATION", Category.LOCATION),),
    )
    (finding,) = [f for f in audit(camera_app, facts) if f.rule is Rule.SCOPE_EXCEEDED]
    assert finding.policy_evidence == location.scope.evidence


def test_the_generic_term_alone_speaks_for_every_datum_of_its_category() -> None:
    """ "We collect device identifiers" and nothing named: the IMEI is disclosed as well as
    any identifier is; a datum is vague on its own only beside one the policy names."""
    generic = evidence("We collect device identifiers for troubleshooting.", 4)
    disclosure = CategoryDisclosure(
        status=Status.EXPLICIT, evidence=(generic,), parties=(Party.FIRST_PARTY,)
    )
    findings = audit(
        app(IMEI_READ, permissions=("READ_PHONE_STATE",)),
        policy(disclosure, imei=Status.VAGUE, android_id=Status.VAGUE),
    )
    assert data_type_findings(findings) == []
