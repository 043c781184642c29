"""languages/zh building blocks: segmentation, script normalisation, word boundaries, the
lexicon and its traps, language identification."""

from __future__ import annotations

import pytest

from permaudit.policy.languages.identify import identify, is_chinese_line
from permaudit.policy.languages.zh.lexicon import umbrella_narrowed, vocabulary
from permaudit.policy.languages.zh.segment import is_heading, numbering, segments
from permaudit.policy.languages.zh.text import for_matching, half_width, to_simplified
from permaudit.policy.languages.zh.words import on_boundaries


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("一、我们如何收集信息", "一、"),
        ("（一）添加设备", "（一）"),
        ("(2) 对讲", "(2) "),
        ("1. 相机权限", "1. "),
        ("1.2.1 为实现服务目的", "1.2.1 "),
        ("①位置信息", "①"),
        ("第三条 个人信息", "第三条 "),
        ("我们会收集", ""),
    ],
)
def test_numbering_of_chinese_parts_and_items(line: str, expected: str) -> None:
    assert numbering(line) == expected


def test_headings_are_short_unpunctuated_lines() -> None:
    assert is_heading("一、我们如何收集和使用您的个人信息")
    assert is_heading("隐私政策")
    assert not is_heading("我们会收集您的位置信息。")
    assert not is_heading("我们收集的信息包括：")


def test_sentences_end_at_chinese_punctuation_but_not_inside_brackets() -> None:
    text = "我们会收集位置信息。您可以拒绝；如您拒绝（例如：关闭定位。）将无法使用！真的吗？\n"
    pieces = [s.text for s in segments(text)]
    assert pieces == [
        "我们会收集位置信息。",
        "您可以拒绝；",
        "如您拒绝（例如：关闭定位。）将无法使用！",
        "真的吗？",
    ]
    for piece in segments(text):
        assert text[piece.start : piece.end] == piece.text


def test_sections_table_rows_and_permission_entries() -> None:
    text = (
        "二、第三方SDK\nSDK名称\t收集的个人信息\t使用目的\n"
        "友盟SDK\t设备标识符\t统计分析\n录音权限\n"
    )
    found = segments(text)
    assert [s.kind for s in found] == ["heading", "row", "row", "item"]
    assert found[2].cells == ("友盟SDK", "设备标识符", "统计分析")
    assert found[2].section == "二、第三方SDK"


def test_a_line_that_ends_inside_a_sentence_runs_on() -> None:
    text = "我们会访问您的麦克风、\n摄像头，为您提供直播功能。\n"
    (sentence,) = segments(text)
    assert sentence.text == "我们会访问您的麦克风、 摄像头，为您提供直播功能。"
    assert (sentence.start, sentence.end) == (0, len(text) - 1)


def test_traditional_chinese_reads_as_simplified_with_the_same_length() -> None:
    assert to_simplified("我們會收集您的位置資訊") == "我们会收集您的位置资讯"
    # Characters only: Taiwan's words are the lexicon's regional variants, not rewritten.
    assert to_simplified("儲存與通話記錄") == "储存与通话记录"
    assert half_width("ＧＰＳ（定位）") == "GPS(定位)"
    for text in ("記憶體與相機權限", "麥克風、通訊錄", "ＩＭＥＩ與ＭＡＣ位址"):
        assert len(for_matching(text)) == len(text)


def test_word_boundaries_keep_terms_inside_other_words_out() -> None:
    vocabulary()  # adds the lexicon's terms to jieba's dictionary
    assert not on_boundaries("每日历史记录", 1, 3)  # 日历 inside 每日 | 历史
    assert not on_boundaries("请使用普通话", 4, 6)  # 通话 inside 普通话
    assert on_boundaries("我们会访问您的日历", 7, 9)


def _nodes(sentence: str) -> list[str]:
    return [m.node for m in vocabulary().mentions(for_matching(sentence))]


@pytest.mark.parametrize(
    ("sentence", "nodes"),
    [
        ("我们需要获取您的相机权限", ["camera"]),
        ("我們需要獲取您的相機權限與麥克風", ["camera", "microphone"]),
        ("我们会读取IMEI、MAC地址和Android ID", ["imei", "mac_address", "android_id"]),
        ("我们会收集WiFi名称(SSID)", ["wifi_network", "wifi_network"]),
        ("我们会收集您的WiFi信息", ["wifi_information"]),
        ("我们会读取您的通讯录", ["address_book"]),
        ("心率、血氧和睡眠数据", ["health", "health", "health"]),
        # a permission table flattened to one line: 存储 | 保存/读取视频图片 | …
        ("存储保存/读取视频图片允许APP保存应用中视频", ["storage"]),
        ("能够提供相关信息的Wi-Fi接入点", ["wifi_scan"]),
        ("连接的 wifi 账号和地理位置信息", ["wifi_network", "location"]),
        ("设备连接信息以及设备状态信息", ["network_information"]),
        # 配网 is what the data serves (a purpose), not a datum: the WiFi信息 is
        ("在设备配网时需要获取wifi信息", ["wifi_information"]),
    ],
)
def test_lexicon_names_ontology_nodes(sentence: str, nodes: list[str]) -> None:
    assert _nodes(sentence) == nodes


@pytest.mark.parametrize(
    "sentence",
    [
        "摄像机产品的说明书请见官网",  # the product, not the phone's camera
        "请通过联系我们页面与我们联系",  # contact us, not the address book
        "您的联系方式和紧急联系人",  # the user's own details
        "披露您的必要信息（注册名称、身份证明、联系人、联系电话等）",  # a contact person
        "消息接收人的邮箱以及联系人的职位",  # a person the user names, with a job title
        "存储期限为实现目的所需的最短时间",  # retention, not the storage permission
        "我们会通过推送通知告知您",  # a push channel, not reading notifications
        "我们会向您发送短信验证码",  # the service texts the user
        "请拨打客服电话咨询",  # the user calls the vendor
        "与公共安全、公共卫生直接相关的",  # legal boilerplate
        "在上一个日历年内",  # a unit of time
        "用于推送/下发通知栏消息",  # a push channel
        "我们会记录您提供的联系方式和通信/通话记录和内容",  # talks with customer service
        "破坏干扰正常网络信息服务的行为",  # the network as a service, not data about it
        "我们会收集您绑定的产品序列号和产品验证码",  # the connected product's serial
        "获取您绑定的智能门锁的MAC地址",  # the lock's MAC, not the phone's
        "识别带有二维码的照片，获取设备类型及设备序列号以完成添加",  # read off the device's QR code
    ],
)
def test_traps_are_no_disclosures(sentence: str) -> None:
    found = vocabulary().mentions(for_matching(sentence))
    assert [m for m in found if m.node not in ("device_information",)] == []


def test_an_umbrella_with_a_closed_definition_is_narrowed() -> None:
    vocab = vocabulary()
    closed = for_matching("我们会收集设备信息（设备型号、操作系统版本）")
    kept = for_matching("我们会收集设备信息（设备型号、IMEI）")
    open_ended = for_matching("我们会收集设备信息（设备型号、操作系统版本等）")
    (umbrella,) = [m for m in vocab.mentions(closed) if m.node == "device_information"]
    assert umbrella_narrowed(closed, umbrella, vocab)
    umbrella = next(m for m in vocab.mentions(kept) if m.node == "device_information")
    assert not umbrella_narrowed(kept, umbrella, vocab)
    umbrella = next(m for m in vocab.mentions(open_ended) if m.node == "device_information")
    assert not umbrella_narrowed(open_ended, umbrella, vocab)


def test_language_identification_per_document() -> None:
    chinese = "我们会收集您的位置信息，以便为您提供附近的服务。" * 5
    traditional = "我們會收集您的位置資訊，以便為您提供附近的服務。" * 5
    english = "We collect your location to show nearby services. " * 5
    french = "Nous collectons votre position pour afficher les services à proximité. " * 5
    assert identify(chinese).language == "zh"
    assert identify(traditional).language == "zh"
    assert identify(english).language == "en"
    assert identify(french).language == "fr"
    assert set(identify(chinese * 2 + english * 3).languages) == {"zh", "en"}


def test_chinese_lines_of_a_bilingual_document() -> None:
    assert is_chinese_line("相机权限 (Camera)")
    assert not is_chinese_line("We use the camera (相机) to scan QR codes.")


def test_a_phone_number_is_the_phones_own_only_beside_device_data() -> None:
    assert "phone_number" in _nodes("设备或SIM卡相关信息，包括IMEI号码、IMSI号码、电话号码")
    assert "phone_number" not in _nodes("注册时您需要提供手机号码和密码")


def test_every_chinese_purpose_id_has_a_label() -> None:
    from permaudit.catalog import purpose_labels
    from permaudit.policy.languages.zh.lexicon import cues

    assert set(cues()["purposes"]) <= set(purpose_labels().purposes)
