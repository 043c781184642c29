"""Behaviour table: which sentences open with a group's name, so that they define the group
(Language.opens_with_name, read by references.py for a use of a group the policy defines
without quotes or markup: "Non-personal information is data ...").

Each language says it: English names are two or more words apart, matched as whole words;
Chinese writes a name's words together, so a name takes two words' length (four characters)
and must end where jieba ends a word. The Chinese package reads no use of a named group yet
(its use_reference states none), so no policy-level Chinese row exists: these rows fix how
its names will count.
"""

from __future__ import annotations

import pytest

from permaudit.policy.languages.base import Language
from permaudit.policy.languages.en import LANGUAGE as ENGLISH
from permaudit.policy.languages.zh import LANGUAGE as CHINESE


@pytest.mark.parametrize(
    ("language", "opening", "name", "expected"),
    [
        (ENGLISH, "non-personal information is data that does not identify you",
         "non-personal information", True),
        (ENGLISH, "device data includes your device id", "device data", True),
        # One word opens too many sentences.
        (ENGLISH, "services are provided by the company", "services", False),
        (ENGLISH, "in the course of your use of our services", "in", False),
        # A whole word only: "device database" is no "device data".
        (ENGLISH, "device database entries are kept for a year", "device data", False),
        (ENGLISH, "we collect device data", "device data", False),
        # Chinese: two words' length, written together.
        (CHINESE, "服务数据包括您的设备型号", "服务数据", True),
        (CHINESE, "非个人信息是指无法识别您身份的信息", "非个人信息", True),
        # A lexicon term is one word to jieba, but still two words' length.
        (CHINESE, "设备信息是指您使用的设备型号", "设备信息", True),
        (CHINESE, "app数据包括崩溃日志", "app数据", True),
        # One two-character word, or a Latin word alone, opens too many sentences.
        (CHINESE, "信息是指", "信息", False),
        (CHINESE, "cookie是一种小型文本文件", "cookie", False),
        # The name must end where a word does: 服务数据库 is the database.
        (CHINESE, "服务数据库包括您的", "服务数据", False),
        (CHINESE, "我们收集服务数据", "服务数据", False),
    ],
)  # fmt: skip
def test_opens_with_name(language: Language, opening: str, name: str, expected: bool) -> None:
    assert language.opens_with_name(opening, name) is expected
