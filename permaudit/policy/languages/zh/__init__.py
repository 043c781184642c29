"""Chinese (Simplified and Traditional) behind the language protocol (languages/base.py).

A Chinese sentence is read without a dependency parser: Chinese puts the negation, the
modal and the verb before the object inside one clause (我们不会收集您的通讯录), so the clause
that holds a term — the text between ，；。 around it — carries its polarity and its verb, and
the words that matter are data: lexicon.yaml (what data is named) and cues.yaml (how a
sentence says who does what to it, and why). Where the clause gives no verb, a list item, a
table row or a permission-list entry still names the data, as a mention.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Literal

from permaudit.catalog.ontology import coverage
from permaudit.models import Category, Party, Purpose, Scope
from permaudit.policy.languages.base import Candidate, Reading, Role, UseReference
from permaudit.policy.languages.zh.lexicon import cue, cues, umbrella_narrowed, vocabulary
from permaudit.policy.languages.zh.segment import is_permission_entry, segments, table_cells
from permaudit.policy.languages.zh.text import for_matching
from permaudit.policy.languages.zh.words import on_boundaries
from permaudit.policy.normalise import TextCues
from permaudit.policy.segment import Sentence
from permaudit.policy.statement import Action, Actor, Modality

__all__ = ["LANGUAGE", "Chinese"]

# A clause ends at Chinese or folded punctuation; 、 joins list members inside one clause.
_CLAUSE_END = re.compile(r"[,，;；。!！?？:：]")
_PERMISSION_NAME = re.compile(r"android\.permission\.|^[a-z_]+$")
# The kind of data action a clause's verb is, first match wins (cues.yaml `action_kinds`).
_ACTION_KINDS = (Action.SHARE, Action.STORE, Action.ACCESS, Action.PROVIDE)
_MAX_PURPOSE_TEXT = 120
# A group's name a sentence may define by opening with it: two words' length, most Chinese
# words being two characters (a Latin word, "App", counts as one such word). One word (信息,
# 数据, 服务) opens too many sentences, as one English word does. Characters, not jieba's
# words: the lexicon's terms are single words to jieba (设备信息), whatever their length.
_MIN_OPENING_CHARACTERS = 4
_LATIN_WORD = re.compile(r"[a-z0-9]+")


def _line_numbers(text: str) -> list[int]:
    return [index for index, char in enumerate(text) if char == "\n"]


def _clause(match_text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the clause around text[start:end] (between clause punctuation)."""
    before = [m.end() for m in _CLAUSE_END.finditer(match_text, 0, start)]
    after = _CLAUSE_END.search(match_text, end)
    return (before[-1] if before else 0, after.start() if after else len(match_text))


class Chinese:
    """The Chinese reading of a policy. Stateless: the lexicon and jieba load once."""

    code = "zh"
    # Normalisation's rules for every language are all Chinese needs.
    text_cues = TextCues()

    def segment(self, text: str, headings: Sequence[str]) -> list[Sentence]:
        breaks = _line_numbers(text)
        heading_lines = {h.strip() for h in headings if h.strip()}
        found: list[Sentence] = []
        block = 0
        last_line = -1
        for piece in segments(text):
            line = bisect.bisect_right(breaks, piece.start) + 1
            if line != last_line or piece.kind in ("heading", "row", "item"):
                block += 1
                last_line = line
            heading = piece.kind == "heading" or piece.text in heading_lines
            found.append(
                Sentence(
                    start=piece.start,
                    end=piece.end,
                    text=piece.text,
                    line=line,
                    section=piece.section,
                    block=block,
                    heading=heading,
                )
            )
        return found

    def candidates(self, text: str, sentences: Sequence[Sentence]) -> list[Candidate]:
        vocab = vocabulary()
        found: list[Candidate] = []
        continues_definition = False
        for number, sentence in enumerate(sentences):
            matching = for_matching(sentence.text)
            # A legal definition ("敏感个人信息是指…行踪轨迹…") describes a class of data and
            # says nothing of what this app does; so does a glossary section, and the next
            # line when a definition's list runs on to it (a line ending in 、 or ，).
            defines = continues_definition or _defines(matching, sentence.section)
            continues_definition = defines and matching.rstrip()[-1:] in _LIST_GOES_ON
            mentions = vocab.mentions(matching)
            if not mentions:
                continue
            for mention in mentions:
                excludes = (
                    coverage(mention.node).categories()
                    if umbrella_narrowed(matching, mention, vocab)
                    else frozenset()
                )
                found.append(
                    Candidate(
                        sentence=number,
                        start=sentence.start + mention.start,
                        end=sentence.start + mention.end,
                        node=mention.node,
                        excludes=excludes,
                        certain=bool(_PERMISSION_NAME.search(mention.term)) and "_" in mention.term,
                        fixed_modality=Modality.UNSTATED if defines else None,
                        governed_only=mention.term in vocab.governed_only,
                    )
                )
        return found

    def parse(
        self, text: str, sentences: Sequence[Sentence], candidates: Sequence[Candidate]
    ) -> list[Reading]:
        collect = cue("actions.collect")
        share = cue("actions.share")
        readings: list[Reading] = []
        for candidate in candidates:
            sentence = sentences[candidate.sentence]
            matching = for_matching(sentence.text)
            start = candidate.start - sentence.start
            end = candidate.end - sentence.start
            if not candidate.certain and cue("modified_head").match(matching[end:]):
                continue
            clause_start, clause_end = _clause(matching, start, end)
            clause = matching[clause_start:clause_end]
            if candidate.governed_only and not collect.search(matching, clause_start, start):
                # "访问您的麦克风、摄像头" is the phone's camera; "摄像头" alone is the product.
                continue
            verb = None
            for pattern in (collect, share):
                hits = [m for m in pattern.finditer(matching, 0, len(matching))]
                if hits:
                    # The verb nearest the term in its sentence governs it.
                    verb = min(hits, key=lambda m: abs(m.start() - start))
                    break
            if sentence.heading:
                role, action = Role.HEADING, Action.MENTION
            elif verb is None:
                role, action = Role.LIST_MEMBER, Action.MENTION
            else:
                role = Role.OBJECT if verb.start() < start else Role.PASSIVE_SUBJECT
                action = Action.COLLECT
                for kind in _ACTION_KINDS:
                    pattern = cue(f"action_kinds.{kind.value}")
                    if pattern.search(clause) or pattern.search(verb.group(0)):
                        action = kind
                        break
            readings.append(
                Reading(
                    candidate=candidate,
                    role=role,
                    action=action,
                    actor=self._actor(matching, clause),
                    verb_start=sentence.start + verb.start() if verb else None,
                    verb_end=sentence.start + verb.end() if verb else None,
                )
            )
        return readings

    @staticmethod
    def _actor(matching: str, clause: str) -> Actor:
        if cue("device_actor").search(clause):
            return Actor.DEVICE
        if cue("user_actor").search(clause):
            return Actor.USER
        if _sdk_row(matching):
            return Actor.THIRD_PARTY
        third = cue("third_party").search(matching)
        first = cue("first_party").search(matching)
        if third and (first is None or third.start() < first.start()):
            return Actor.THIRD_PARTY
        return Actor.FIRST_PARTY

    def polarity(
        self, text: str, sentences: Sequence[Sentence], reading: Reading
    ) -> tuple[Modality, str | None]:
        candidate = reading.candidate
        if candidate.fixed_modality is not None:
            return candidate.fixed_modality, None
        sentence = sentences[candidate.sentence]
        matching = for_matching(sentence.text)
        start = candidate.start - sentence.start
        end = candidate.end - sentence.start
        clause_start, clause_end = _clause(matching, start, end)
        clause = matching[clause_start:clause_end]
        conditional = cue("conditional").search(matching)
        if conditional:
            # "如您拒绝授权相机权限，将无法使用扫码功能": a consequence of refusing, so the app
            # does ask; the condition is the clause that states it.
            where = _clause(matching, conditional.start(), conditional.end())
            return Modality.CONDITIONAL, sentence.text[where[0] : where[1]].strip() or None
        choice = cue("choice").search(matching)
        if choice:
            where = _clause(matching, choice.start(), choice.end())
            return Modality.CHOICE, sentence.text[where[0] : where[1]].strip() or None
        limit = cue("limit").search(clause)
        denial = cue("denial").search(clause)
        if limit and (denial is None or limit.start() <= denial.start()):
            return Modality.LIMITED, None
        if denial:
            return Modality.DENIED, None
        return Modality.PERFORMED, None

    def purposes(self, sentences: Sequence[Sentence], numbers: Sequence[int]) -> list[Purpose]:
        found: dict[str, Purpose] = {}
        for number in numbers:
            sentence = sentences[number]
            texts = _column_purposes(sentences, number) or _purpose_texts(sentence.text)
            if is_permission_entry(sentence.text) or _opens_entry(sentence.text):
                # A permission list: "录音权限" / "录制声音" / "用于视频录制功能", or an entry
                # "1、允许程序访问摄像头进行拍照:" whose next line says what it is used for.
                texts = texts + _entry_purposes(sentences, number)
            if not texts:
                # "Wi-Fi信息(SSID…)。这些信息将用于…": the next sentence names the use.
                texts = _anaphoric_purposes(sentences, number)
            if not texts:
                # An SDK's record of labelled lines: "收集个人信息类型：…" beside "使用目的：…".
                texts = _record_purposes(sentences, number)
            if not texts and sentence.section and not sentence.heading:
                # "1.2.2 扫码添加设备" above the sentence says what it is for.
                texts = [sentence.section]
            for clause in texts:
                for purpose_id in _purpose_ids(clause):
                    found.setdefault(purpose_id, Purpose(id=purpose_id, text=clause))
        order = list(cues()["purposes"])
        return sorted(found.values(), key=lambda p: order.index(p.id))

    def datum_purposes(
        self,
        sentences: Sequence[Sentence],
        number: int,
        focus: Sequence[tuple[int, int]],
        data: Sequence[tuple[int, int]],
    ) -> list[Purpose]:
        # Chinese policies give each function its own sentence or entry with the data it
        # needs ("使用摄像头扫描二维码"), so a sentence's purposes are all its data's.
        return self.purposes(sentences, [number])

    def exclusive_purposes(self, sentences: Sequence[Sentence], numbers: Sequence[int]) -> bool:
        # No use section is read apart from the disclosure (see use_reference), so no use
        # stated elsewhere can reach past a restriction.
        return False

    def use_reference(self, sentence: Sentence) -> UseReference | None:
        # Chinese policies state uses beside the data ("我们如何收集和使用您的个人信息"
        # lists each function with the data it needs and why), which `purposes` reads; a use
        # section apart from the collection is not read yet.
        return None

    def item_purposes(self, sentence: Sentence) -> list[Purpose]:
        return []

    def next_item(self, previous: str, text: str) -> bool:
        # No use list is read apart from the disclosure (see use_reference).
        return False

    def opens_with_name(self, opening: str, name: str) -> bool:
        # Ready for the day use_reference names groups: no use of a group is read yet.
        length = len(_LATIN_WORD.sub("xx", name).replace(" ", ""))
        # Written together, the name must end where a word does: 服务数据 opens
        # 服务数据包括 ..., not 服务数据库 (the database).
        return (
            length >= _MIN_OPENING_CHARACTERS
            and opening.startswith(name)
            and on_boundaries(opening, 0, len(name))
        )

    def same_name(self, label: str, name: str) -> bool:
        # Chinese writes no plural: 设备信息 names one group however much it holds.
        return label == name

    def party(self, sentence: Sentence) -> tuple[Party, ...]:
        matching = for_matching(sentence.text)
        parties: set[Party] = set()
        if _sdk_row(sentence.text):
            # A row of an SDK table ("友盟\t设备标识符\t北京锐讯灵通科技有限公司") is the SDK's
            # practice, even where only its vendor's cell names who runs it (that 公司 is no
            # first-party cue).
            return (Party.THIRD_PARTY,)
        third = bool(cue("third_party").search(matching))
        if third:
            parties.add(Party.THIRD_PARTY)
        if cue("first_party").search(matching) or not third:
            parties.add(Party.FIRST_PARTY)
        return tuple(sorted(parties, key=lambda p: p.value))

    def scope(self, category: Category, texts: Sequence[str]) -> Scope:
        matching = [for_matching(t) for t in texts]
        background = _stated(cue("background"), matching)
        if category is not Category.LOCATION:
            return Scope(background=background)
        precision: Literal["precise", "approximate", "unspecified"]
        if _stated(cue("precise"), matching):
            precision = "precise"
        elif _stated(cue("approximate"), matching):
            precision = "approximate"
        else:
            precision = "unspecified"
        return Scope(precision=precision, background=background)


_LIST_GOES_ON = frozenset("、,，:：")
_ENTRY_LINES = 3
_MAX_ENTRY = 40
_MAX_LABEL = 12
_RECORD_LINES = 8
# A table's header is near its rows and short; a sentence ending in 。 is prose, no row.
_TABLE_ROWS = 12
_MAX_HEADER = 80
_PROSE_END = frozenset("。!！?？")
_FIELD_COLON = re.compile(r"[:：]")


def _entry_purposes(sentences: Sequence[Sentence], number: int) -> list[str]:
    """Purpose clauses of the lines under a permission entry, up to the next entry. Under an
    entry that ends in a colon the line itself is the use ("客服电话拨打。"), marker or not."""
    texts: list[str] = []
    colon = _opens_entry(sentences[number].text)
    for offset, following in enumerate(sentences[number + 1 : number + 1 + _ENTRY_LINES]):
        # The line right under a colon entry is its description even where, short and
        # unpunctuated, it reads like a heading ("账号注册以及修改密码需要验证码核对时使用").
        heading = following.heading and not (colon and offset == 0)
        if heading or is_permission_entry(following.text) or _opens_entry(following.text):
            break
        found = _purpose_texts(following.text)
        if not found and colon and not _lists_data(following.text):
            found = [following.text[:_MAX_PURPOSE_TEXT].strip()]
        texts.extend(found)
    return texts


def _lists_data(sentence_text: str) -> bool:
    """A line naming two data or more ("IMEI、运动步数、崩溃日志") lists what is collected;
    under "设备信息:" it is the entry's content, not its use."""
    return len({m.start for m in vocabulary().mentions(for_matching(sentence_text))}) > 1


def _opens_entry(sentence_text: str) -> bool:
    """A short line that ends in a colon: an entry whose next lines describe it."""
    stripped = for_matching(sentence_text).strip()
    return len(stripped) <= _MAX_ENTRY and stripped.endswith(":")


def _anaphoric_purposes(sentences: Sequence[Sentence], number: int) -> list[str]:
    """The purposes of the next sentence when it refers back to this one's data
    ("这些信息将用于…", "这会帮助我们…"), in the same section."""
    if number + 1 >= len(sentences):
        return []
    following = sentences[number + 1]
    if following.heading or following.section != sentences[number].section:
        return []
    if not cue("purpose_anaphor").match(for_matching(following.text).strip()):
        return []
    return _purpose_texts(following.text) or [following.text[:_MAX_PURPOSE_TEXT].strip()]


def _record_purposes(sentences: Sequence[Sentence], number: int) -> list[str]:
    """The purpose field of the record a labelled line belongs to: consecutive lines, each
    "label：value" ("第三方SDK来源：腾讯Bugly" / "收集个人信息目的：为了…" /
    "收集个人信息类型：常用设备信息…"), one of whose labels names a purpose."""
    own_label = _field_label(sentences[number].text)
    if own_label is None:
        return []
    # Each line of the record with its label.
    record = {number: own_label}
    for step in (-1, 1):
        at = number
        while 0 <= at + step < len(sentences) and len(record) < _RECORD_LINES:
            here, there = sentences[at], sentences[at + step]
            label = _field_label(there.text)
            # Short "label：value" lines read as headings, each its own section: the record
            # is the run of consecutive labelled lines, whatever the segmenter made of them,
            # up to a label it already holds (the next SDK's "SDK名称：" starts its record).
            if abs(there.line - here.line) != 1 or label is None or label in record.values():
                break
            at += step
            record[at] = label
    texts: list[str] = []
    for line, label in sorted(record.items()):
        if line != number and cue("purpose_column").search(label):
            value = _FIELD_COLON.split(sentences[line].text, maxsplit=1)[-1]
            texts.extend(_purpose_texts(value) or [value[:_MAX_PURPOSE_TEXT].strip()])
    return texts


def _field_label(sentence_text: str) -> str | None:
    """The label of a "label：value" line, or None."""
    matching = for_matching(sentence_text).strip()
    colon = matching.find(":")
    if 0 < colon <= _MAX_LABEL and colon < len(matching) - 1:
        return matching[:colon]
    return None


def _column_purposes(sentences: Sequence[Sentence], number: int) -> list[str]:
    """A row of a table whose header names a purpose column ("权限\t用途",
    "SDK名称\t使用目的\t收集的信息"): the cells under that column, or, where the cells cannot
    be told apart, the whole row. Only rows, back to the header, stand between the two."""
    row = sentences[number]
    if row.heading or _ends_prose(row.text):
        return []
    for back in range(number - 1, max(-1, number - 1 - _TABLE_ROWS), -1):
        header = sentences[back]
        if not _purpose_header(header.text):
            if header.heading or header.section != row.section or _ends_prose(header.text):
                return []
            continue
        header_cells = table_cells(header.text)
        row_cells = table_cells(row.text)
        if header_cells and len(header_cells) == len(row_cells):
            return [
                cell[:_MAX_PURPOSE_TEXT]
                for heading_cell, cell in zip(header_cells, row_cells, strict=True)
                if cue("purpose_column").search(for_matching(heading_cell))
            ]
        if header_cells or row_cells:
            # Cells of a row that does not line up with its header: the SDK-row reading.
            return []
        return [row.text[:_MAX_PURPOSE_TEXT].strip()]
    return []


def _purpose_header(sentence_text: str) -> bool:
    """A table's header row with a purpose column: it names columns, so it is short, states
    no value (no colon: "使用场景：我的-客服热线" is an entry's value) and names another column."""
    matching = for_matching(sentence_text)
    return (
        len(matching) <= _MAX_HEADER
        and ":" not in matching
        and bool(cue("purpose_column").search(matching))
        and bool(cue("table_column").search(matching))
    )


def _ends_prose(sentence_text: str) -> bool:
    return sentence_text.rstrip()[-1:] in _PROSE_END


def _defines(matching: str, section: str | None) -> bool:
    if (
        section is not None
        and cue("definition_sections").search(for_matching(section))
        and not (cue("first_party").search(matching) and cue("actions.collect").search(matching))
    ):
        # A glossary entry, unless it says what we do ("设备信息：我们会记录…").
        return True
    definition = cue("definition").search(matching)
    # "我们收集的个人信息包括…" is a disclosure that happens to say 个人信息包括.
    return definition is not None and not cue("actions.collect").search(
        matching, 0, definition.start()
    )


def _purpose_texts(sentence_text: str) -> list[str]:
    matching = for_matching(sentence_text)
    texts: list[str] = []
    for found in cue("purpose_clause").finditer(matching):
        start, end = found.span()
        texts.append(sentence_text[start:end][:_MAX_PURPOSE_TEXT].strip())
    if not texts and cue("sdk_row").search(matching):
        # A table row: "极光推送SDK\t设备标识符\t用于消息推送" — its cells are its purposes;
        # a row whose tabs a converter turned into single spaces still splits at them.
        cells = table_cells(sentence_text) or tuple(sentence_text.split())
        if len(cells) > 1:
            texts.extend(cells)
    return texts


def _sdk_row(sentence_text: str) -> bool:
    """A row of a third-party SDK table: tab- or bar-separated cells, one naming an SDK or
    the company that provides it."""
    return bool(table_cells(sentence_text)) and bool(
        cue("sdk_row").search(for_matching(sentence_text))
    )


def _purpose_ids(clause: str) -> list[str]:
    matching = for_matching(clause)
    ids: list[str] = cues()["purposes"]
    return [purpose_id for purpose_id in ids if cue(f"purposes.{purpose_id}").search(matching)]


def _stated(pattern: re.Pattern[str], texts: Sequence[str]) -> bool:
    """Whether some match of `pattern` is stated, not negated ("不会在后台收集")."""
    not_before = cue("not_background")
    denial = cue("denial")
    for text in texts:
        for match in pattern.finditer(text):
            clause_start, clause_end = _clause(text, match.start(), match.end())
            if not_before.search(text[clause_start : match.start()]):
                continue
            if denial.search(text[clause_start:clause_end]):
                continue
            return True
    return False


LANGUAGE = Chinese()
