"""Behaviour table: a purpose stated beside an umbrella term ("设备信息", "网络信息") is a
purpose of the categories the umbrella covers, even where a specific term ("IMEI") makes the
category explicit in another sentence. The umbrella's sentence gives its purposes, never its
evidence: the status and the quotes stay those of the specific term. Only what the umbrella's
sentence says in its own words counts: what is read from around it is about the umbrella.
"""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from permaudit.policy import analyze_text

# Every test policy needs one plain disclosure to read as a policy at all.
_OPENING = "隐私政策\n我们会收集您的位置信息，用于天气服务。\n"


def _disclosure(body: str, category: Category) -> tuple[Status, list[str], list[str]]:
    facts = analyze_text(_OPENING + body, source="umbrella.txt")
    disclosure = facts.categories[category]
    return (
        disclosure.status,
        [p.id for p in disclosure.purposes],
        [e.quote for e in disclosure.evidence],
    )


# policy body → category → its purposes (the category explicit through its first sentence).
@pytest.mark.parametrize(
    ("body", "category", "purposes"),
    [
        # the umbrella alone in a sentence of use
        (
            "我们会收集您的IMEI。\n我们会使用您的设备信息，以预防欺诈行为。\n",
            Category.DEVICE_ID,
            ["fraud_prevention"],
        ),
        # the umbrella inside the bracket of a broader one (个人信息 names no data itself)
        (
            "我们会收集您的IMEI。\n我们会使用您的个人信息（设备信息、日志信息）以预防交易欺诈。\n",
            Category.DEVICE_ID,
            ["fraud_prevention"],
        ),
        # the specific term's own purpose first, the umbrella's beside it
        (
            "我们会收集您的IMEI，用于账号安全。\n我们会收集您的设备信息，用于统计分析。\n",
            Category.DEVICE_ID,
            ["account_security", "analytics"],
        ),
        # another umbrella and category: 网络信息 beside a Wi-Fi name
        (
            "我们会收集您的Wi-Fi名称。\n我们会收集您的网络信息，用于设备配网。\n",
            Category.LOCAL_NETWORK,
            ["wifi_provisioning"],
        ),
        # counter: an umbrella its definition narrows to no identifier covers no device_id
        (
            "我们会收集您的IMEI。\n我们会收集您的设备信息（设备型号、操作系统版本），用于统计分析。\n",
            Category.DEVICE_ID,
            [],
        ),
        # counter: a denial beside the umbrella discloses nothing, so states no purpose
        (
            "我们会收集您的IMEI。\n我们不会将您的设备信息用于广告推送。\n",
            Category.DEVICE_ID,
            [],
        ),
        # counter: a purpose read only from around the umbrella's sentence (its section's
        # heading, the next sentence) is the umbrella's, not the specific data's
        (
            "一、我们收集的信息\n我们会收集您的IMEI。\n二、扫码添加设备\n我们会收集您的设备信息。\n",
            Category.DEVICE_ID,
            [],
        ),
        (
            "我们会收集您的IMEI。\n我们会收集您的设备信息。这些信息将用于统计分析。\n",
            Category.DEVICE_ID,
            [],
        ),
        # counter: an umbrella of another category gives this one nothing
        (
            "我们会收集您的IMEI。\n我们会收集您的网络信息，用于统计分析。\n",
            Category.DEVICE_ID,
            [],
        ),
    ],
)
def test_an_umbrella_sentence_gives_its_purposes(
    body: str, category: Category, purposes: list[str]
) -> None:
    status, found, _ = _disclosure(body, category)
    assert status is Status.EXPLICIT
    assert found == purposes


def test_the_umbrella_sentence_is_no_evidence_of_an_explicit_category() -> None:
    body = "我们会收集您的IMEI。\n我们会使用您的设备信息，以预防欺诈行为。\n"
    status, _, quotes = _disclosure(body, Category.DEVICE_ID)
    assert status is Status.EXPLICIT
    assert quotes == ["我们会收集您的IMEI。"]
