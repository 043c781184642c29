"""Behaviour tables: how a Chinese policy states what data is for, and which purposes attach to
which category. Each shape has rows that must attach and counter-examples that must not change.

Purposes never change a status: every text here is read by the whole analyzer, and the
statuses it gives are checked beside the purposes where a rule reads beyond one sentence.
"""

from __future__ import annotations

import pytest

from permaudit.models import Category, Status
from permaudit.policy import analyze_text
from permaudit.policy.languages.zh import LANGUAGE
from permaudit.policy.normalise import normalise

# Every test policy needs one plain disclosure to read as a policy at all.
_OPENING = "隐私政策\n我们会收集您的位置信息，用于天气服务。\n"


def _sentence_purposes(sentence: str) -> list[str]:
    text = normalise(sentence)
    sentences = LANGUAGE.segment(text, [])
    return [p.id for p in LANGUAGE.purposes(sentences, range(len(sentences)))]


def _category_purposes(body: str) -> dict[Category, list[str]]:
    facts = analyze_text(_OPENING + body, source="purposes.txt")
    return {
        category: [p.id for p in disclosure.purposes]
        for category, disclosure in facts.categories.items()
        if disclosure.status in (Status.EXPLICIT, Status.VAGUE)
    }


# Clause shapes and the words of the purpose ids: one sentence → the purposes it states.
@pytest.mark.parametrize(
    ("sentence", "purposes"),
    [
        # 以 + a verb of prevention or doing (以预防, 以进行)
        ("我们会了解您设备安装的应用信息，以预防病毒、木马等恶意程序。", ["fraud_prevention"]),
        ("需获取手机麦克风权限以进行拾音，目的是为了向您提供该服务。", ["service_provision"]),
        # 旨在 states an aim
        ("我们处理您的设备信息，旨在分析我们的运营效率。", ["analytics"]),
        # 进行 right after the camera it uses
        ("允许程序访问摄像头进行拍照。", ["media_capture"]),
        (
            "在需要人脸识别的场景下，需要调用您的摄像头进行人脸的拍摄。",
            ["media_capture", "face_recognition"],
        ),
        # the situation without 您: "在使用…时", "在导出…时"
        ("在使用离线地图时，我们需要使用位置信息。", ["location_services"]),
        ("在导出照片/视频资料时，我们需要使用写入存储权限。", ["media_storage"]),
        # device setup, discovery and the ids' other words
        ("我们需要获取相机权限，用于扫码添加设备。", ["device_setup"]),
        ("我们需要您的蓝牙权限，用于搜索并连接附近的智能体脂秤。", ["device_discovery"]),
        ("我们需要定位权限，以完成将本应用与该设备进行智能匹配。", ["device_setup"]),
        ("当您使用短信验证码登录您的账号时，我们将读取短信。", ["account_security"]),
        ("我们会收集录音，用于分析您的睡眠质量。", ["analytics", "health_tracking"]),
        ("为了向您提供基于地理位置相关的服务，我们会获取位置信息。", ["location_services"]),
        ("我们会收集日志信息，为了更真实地还原crash场景。", ["troubleshooting"]),
        ("我们会使用您的设备信息，为了预防诈骗、盗号等不法行为。", ["fraud_prevention"]),
        ("我们会访问您的摄像头，为您提供视频评论、直播互动等功能。", ["social_features"]),
        ("我们会收集版本信息，用于应用更新提醒。", ["firmware_update", "notifications"]),
    ],
)
def test_a_purpose_clause_states_its_purposes(sentence: str, purposes: list[str]) -> None:
    assert _sentence_purposes(sentence) == purposes


# Counter-examples: words that look like a purpose and are none.
@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        # a policy's own update is no software update
        ("九、本隐私政策如何更新\n我们会收集您的位置信息。", "firmware_update"),
        # 体脂秤 is a product, not health tracking
        ("我们需要蓝牙权限，用于搜索附近的智能体脂秤。", "health_tracking"),
        # the situation "提供上述服务的过程中" is when, not what for
        ("在提供上述服务的过程中，我们将会采集设备信息。", "service_provision"),
        # 以 inside a word (可以, 所以) opens no purpose
        ("您可以进行拍照，所以我们会访问相机。", "media_capture"),
        # 进行 after no data word is no use of it
        ("我们会对您的信息进行拍照存档。", "media_capture"),
        # 直播 watched (TV) is no social feature; taking part in one is
        ("您可在开启麦克风权限后实现语音搜索喜欢的视频(电视/直播)等。", "social_features"),
        # nearby shops are no devices to discover; interacting with ads is no social feature
        ("我们会获取您的位置信息，用于搜索附近换电柜及门店。", "device_discovery"),
        ("数据分析服务可通过与某些移动应用及广告的互动获取您设备的标识符。", "social_features"),
        # 在…时 needs a use of the app, not any time
        ("在法律允许时，我们会保存您的位置信息。", "media_storage"),
    ],
)
def test_words_that_state_no_such_purpose(sentence: str, absent: str) -> None:
    assert absent not in _sentence_purposes(sentence)


# Shapes that carry a category's purpose beyond its own sentence: policy body → category →
# purposes; None where the category must stay disclosed with no purpose.
@pytest.mark.parametrize(
    ("body", "category", "purposes"),
    [
        # an entry ending in a colon: the line under it is its use, marker or not
        (
            "七、相关权限使用场景说明\n1、允许程序读取短信内容:\n账号注册以及修改密码需要验证码核对时使用\n"
            "2、允许程序拨打电话:\n客服电话拨打。使用场景：我的-客服热线\n",
            Category.SMS,
            ["account_security"],
        ),
        (
            "七、相关权限使用场景说明\n1、允许程序读取短信内容:\n账号注册以及修改密码需要验证码核对时使用\n"
            "2、允许程序拨打电话:\n客服电话拨打。使用场景：我的-客服热线\n",
            Category.PHONE,
            ["customer_support"],
        ),
        # counter: under "设备信息:" a line of data is the entry's content, not its use
        ("一、我们收集的信息\n设备信息:\nIMEI、运动步数、崩溃日志\n", Category.DEVICE_ID, None),
        # a sentence that names data and no use, followed by one that refers back to it
        (
            "我们会收集您的Wi-Fi信息(SSID、BSSID)。这些信息将用于设备配网。\n",
            Category.LOCAL_NETWORK,
            ["wifi_provisioning"],
        ),
        (
            "我们会收集您的Wi-Fi信息(SSID、BSSID)。这些信息都能够帮助我们优化应用的使用体验。\n",
            Category.LOCAL_NETWORK,
            ["analytics"],
        ),
        # counter: the next sentence does not refer back
        (
            "我们会收集您的Wi-Fi信息(SSID、BSSID)。我们会为您配网。\n",
            Category.LOCAL_NETWORK,
            None,
        ),
        # counter: the referring sentence is in another section
        (
            "一、我们收集的信息\n我们会收集您的Wi-Fi信息(SSID、BSSID)。\n二、我们如何共享信息\n"
            "这些信息将用于设备配网。\n",
            Category.LOCAL_NETWORK,
            None,
        ),
        # a table whose header names a purpose column: the cell under it
        ("权限\t用途\t是否必须\n相机权限\t扫码添加设备\t否\n", Category.CAMERA, ["device_setup"]),
        # … and only that cell: the vendor 中移互联网有限公司 is no 联网 (Wi-Fi provisioning)
        (
            "第三方SDK列表\nSDK名称\t收集的个人信息\t使用目的\t第三方名称\n"
            "中国移动SDK\t设备识别码(IMEI)\t统计分析\t中移互联网有限公司\n",
            Category.DEVICE_ID,
            ["analytics"],
        ),
        # a header whose cells a converter ran together: the whole row is the use
        (
            "\n\n权限业务功能调用权限目的是否询问 用户可否关闭权限\n\n\n"
            "相册/相机/存储个人信息设置、家庭管理中使用相册或拍照1、扫二维码加入家庭 "
            "2、拍照上传个人头像是是\n",
            Category.CAMERA,
            ["media_capture", "social_features"],
        ),
        # counter: "使用场景：…" is an entry's value, no table header, so the entry under it
        # (a permission's own description) gets no purpose from its words (录制)
        (
            "1、允许程序访问相机:\n使用场景：我的-头像\n2、允许程序录制声音通过手机的麦克:\n",
            Category.MICROPHONE,
            None,
        ),
        # an SDK's record of labelled lines: the data line takes the 使用目的 line's purposes
        (
            "第三方SDK信息\nSDK名称：友盟统计\n所属公司：友盟\n"
            "使用目的：用户使用效果分析，提供基础反作弊能力。\n"
            "收集数据：IMEI/android ID/IDFA、SIM 卡 IMSI 信息\n",
            Category.DEVICE_ID,
            ["fraud_prevention", "analytics"],
        ),
        # counter: records that run together end where a label comes again: the location is
        # the WeChat SDK's, so no push purpose (location_services is the opening sentence's)
        (
            "第三方SDK信息\nSDK名称：微信开放平台\n所属公司：腾讯\n使用目的：微信登陆/微信支付\n"
            "收集数据：定位信息，IMEI，网络信息\nSDK名称：友盟推送\n所属公司：友盟\n"
            "使用目的：友盟推送功能\n收集数据：IMEI，设备基本信息,推送到达信息\n",
            Category.LOCATION,
            ["location_services"],
        ),
        # counter: a blank line ends the record
        (
            "第三方SDK信息\nSDK名称：友盟统计\n所属公司：友盟\n"
            "使用目的：用户使用效果分析，提供基础反作弊能力。\n\n"
            "收集数据：IMEI/android ID/IDFA、SIM 卡 IMSI 信息\n",
            Category.DEVICE_ID,
            None,
        ),
    ],
)
def test_a_purpose_stated_beside_the_data(
    body: str, category: Category, purposes: list[str] | None
) -> None:
    found = _category_purposes(body)
    assert category in found, "the category must stay disclosed"
    assert found[category] == (purposes or [])


def test_purposes_do_not_change_statuses() -> None:
    body = (
        "我们会收集您的Wi-Fi信息(SSID、BSSID)。这些信息将用于设备配网。\n"
        "权限\t用途\t是否必须\n相机权限\t扫码添加设备\t否\n"
    )
    plain = "我们会收集您的Wi-Fi信息(SSID、BSSID)。\n权限\t是否必须\n相机权限\t否\n"
    with_purposes = analyze_text(_OPENING + body, source="a.txt")
    without = analyze_text(_OPENING + plain, source="b.txt")
    for category in Category:
        assert with_purposes.categories[category].status == without.categories[category].status, (
            category
        )
