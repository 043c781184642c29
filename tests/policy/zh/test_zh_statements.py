"""Chinese statements, one behaviour table per phenomenon: sentence → expected statements."""

from __future__ import annotations

import pytest

from permaudit.policy.languages.zh import LANGUAGE
from permaudit.policy.normalise import normalise
from permaudit.policy.statement import Actor, Modality
from permaudit.policy.statements import read_statements


def _read(sentence: str) -> list[tuple[str, Modality, Actor]]:
    text = normalise(sentence)
    sentences = LANGUAGE.segment(text, [])
    return [
        (ref.node, statement.modality, statement.actor)
        for statement in read_statements(LANGUAGE, text, sentences)
        for ref in statement.data
    ]


def _modalities(sentence: str, node: str) -> set[Modality]:
    return {modality for found, modality, _ in _read(sentence) if found == node}


@pytest.mark.parametrize(
    ("sentence", "node", "modality"),
    [
        # denials
        ("我们不会收集您的通讯录。", "address_book", Modality.DENIED),
        ("本应用不读取短信。", "sms", Modality.DENIED),
        ("我们不会收集您的短信和通话记录。", "phone", Modality.DENIED),
        # limits on use or sharing are no denials
        ("我们不会将您的位置信息用于其他目的。", "location", Modality.LIMITED),
        ("我们不会向第三方提供您的通讯录。", "address_book", Modality.LIMITED),
        ("我们不会上传您的录音。", "microphone", Modality.LIMITED),
        # a limit in another clause leaves the practice performed: recorded, kept local
        ("录音仅在本地处理，不会上传至服务器。", "microphone", Modality.PERFORMED),
        # user choices and consequences still disclose
        ("您可以在系统设置中关闭定位权限。", "location", Modality.CHOICE),
        ("如您拒绝授权相机权限，将无法使用扫码功能。", "camera", Modality.CONDITIONAL),
        # performed
        ("我们会收集您的位置信息。", "location", Modality.PERFORMED),
        ("當您使用對講功能時，我們需要獲取您的麥克風權限。", "microphone", Modality.PERFORMED),
    ],
)
def test_denial_limit_choice_conditional(sentence: str, node: str, modality: Modality) -> None:
    assert _modalities(sentence, node) == {modality}


def test_a_legal_definition_states_nothing() -> None:
    sentence = "敏感个人信息是指包括身份证件号码、行踪轨迹、健康信息在内的个人信息。"
    assert _modalities(sentence, "location") == {Modality.UNSTATED}
    # the definition's list runs on to the next line
    runs_on = "个人信息包括自然人的基本资料、\n通讯录信息、个人位置信息。\n我们会收集您的位置信息。"
    assert _modalities(runs_on, "address_book") == {Modality.UNSTATED}
    assert _modalities(runs_on, "location") == {Modality.UNSTATED, Modality.PERFORMED}
    # a definition of the vendor's own words ("OKOK定义的信息内容包括…") collects nothing
    content = "OKOK 定义的信息内容包括：文字、软件、声音、相片、录像、图表；"
    assert _modalities(content, "camera") == {Modality.UNSTATED}


def test_a_glossary_entry_states_nothing_unless_it_says_what_we_do() -> None:
    glossary = "一、相关词语涵义\n位置信息：指您的地理位置。\n设备信息：我们会记录您的IMEI。"
    assert _modalities(glossary, "location") == {Modality.UNSTATED}
    assert _modalities(glossary, "imei") == {Modality.PERFORMED}


def test_a_term_that_modifies_another_noun_is_no_data() -> None:
    assert _read("您可以修改摄像头名称和蓝牙名称。") == []


def test_actors_third_party_user_device() -> None:
    assert {actor for _, _, actor in _read("第三方SDK会收集您的设备标识符。")} == {
        Actor.THIRD_PARTY
    }
    assert {actor for _, _, actor in _read("摄像机会录制视频画面并上传。")} == {Actor.DEVICE}


def _purposes(sentence: str) -> list[tuple[str, str]]:
    text = normalise(sentence)
    sentences = LANGUAGE.segment(text, [])
    return [(p.id, p.text) for p in LANGUAGE.purposes(sentences, range(len(sentences)))]


def test_purposes_with_their_words() -> None:
    assert _purposes("我们需要获取您的相机权限，以便扫描二维码添加设备。") == [
        ("device_setup", "以便扫描二维码添加设备")
    ]
    assert _purposes("为了完成配网，我们会收集WiFi名称。") == [
        ("wifi_provisioning", "为了完成配网")
    ]
    assert _purposes("当您使用语音对讲功能时，我们需要获取麦克风权限。")[0][0] == "intercom"


def test_location_scope() -> None:
    from permaudit.models import Category

    scope = LANGUAGE.scope(Category.LOCATION, ["我们会获取您的精确位置信息。"])
    assert (scope.precision, scope.background) == ("precise", False)
    scope = LANGUAGE.scope(Category.LOCATION, ["我们会获取您的大致位置，并在后台持续定位。"])
    assert (scope.precision, scope.background) == ("approximate", True)
    scope = LANGUAGE.scope(Category.LOCATION, ["我们不会在后台获取您的位置。"])
    assert scope.background is False


def test_an_sdk_table_row_is_the_sdks_practice_with_its_purpose() -> None:
    from permaudit.models import Category, DataType, Party
    from permaudit.policy import analyze_text

    policy = (
        "隐私政策\n我们会收集您的位置信息，用于天气服务。\n第三方SDK列表\n"
        "SDK名称\t收集的个人信息\t使用目的\t第三方名称\n"
        "友盟统计\t设备识别码(IMEI)\t统计分析\t北京锐讯灵通科技有限公司\n"
    )
    facts = analyze_text(policy, source="sdk_table.txt")
    device_id = facts.categories[Category.DEVICE_ID]
    assert facts.data_type_status(DataType("imei")).value == "explicit"
    # the row's vendor cell (…有限公司) is the third party, not a first-party 公司
    assert device_id.parties == (Party.THIRD_PARTY,)
    assert [purpose.id for purpose in device_id.purposes] == ["analytics"]
    assert device_id.evidence[0].quote.split("\t")[1] == "设备识别码(IMEI)"
    assert facts.categories[Category.LOCATION].parties == (Party.FIRST_PARTY,)
