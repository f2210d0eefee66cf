"""A 自评表 whose indicator rows run together with their 分值 and 得分 (a document site's OCR text):

    …三级指标分值年度指标值全年实际值得分未完成原因及改进措施产出指标(40分)数量指标指标1集约化培育蔬菜壮苗81200万株1200万株8…

Each row is a name, its 分值, the 年度指标值 and 全年实际值, its 得分 (and a reason): the header says so
(分值 before 年度指标值, 得分 after 全年实际值). Where a name ends and the 分值 starts (``81200万株``:
8 and 1200万株, or 81 and 200万株?) the text alone does not say; the table's arithmetic does. Every
way to cut a 一级 group into rows is tried, and the group is read only where exactly one cut gives
分值 that add up to the weight its label states (``产出指标(40分)``), every 得分 at most its 分值; the
table is read only where every group is, the 分值 make the 总分 row's weight, and the 得分 make the
printed 项目总得分. The 年度指标值 and 全年实际值 are split only where two values of one unit meet
(``600人次612人次``); otherwise both are left empty rather than guessed, and a target OCR damaged
(``290%`` for a 满意度, OCR's ``≥90%``) is not read as one: the text keeps it, `selfeval_unread` says so.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal
from itertools import accumulate

from jixiao import catalog
from jixiao.evaluation.published import FORM_UNNAMED, PublishedIndicator, PublishedSelfEvaluation
from jixiao.model import SourceRef
from jixiao.readers.cells import Row
from jixiao.readers.damage import damage
from jixiao.values import parse_target

_HEADER = re.compile(r"三级指标分值年度指标值全年实际值得分(?:未完成原因及改进措施|偏差原因分析及改进措施)?")
_GROUP = re.compile(r"(产出指标|效益指标|满意度指标)[(（](\d+)分[)）]")
_STATED_TOTAL = re.compile(r"总分(\d+)$")
_PRINTED_TOTAL = re.compile(r"项目总得分(\d+(?:\.\d+)?)分")
_PROJECT = re.compile(r"项目名称(.{1,200}?)(?:实施单位|主管部门)")  # bounded: no scan to the end per mark
_VALUE = re.compile(r"\d+(?:\.\d+)?(%|[\u4e00-\u9fff]{1,3})")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MAX_PARSES = 2  # two ways to cut a group are already too many
_MAX_STEPS = 20000  # a group that needs more tries than this is not read
# the table's positions looked at while cutting, all groups together: each try scans ahead for a name,
# values and a reason, so tries alone do not bound the work on a long damaged text; past this, not read
_MAX_WORK = 100_000  # the corpus's tables need under 10,000
_MAX_VALUES = 80  # a 年度指标值 and 全年实际值 together; longer text is not split into the two


class _Group:
    """One 一级 group's text and the ways found to cut it into rows."""

    def __init__(self, level1: str, weight: Decimal, body: str, work: list[int]) -> None:
        self.level1, self.weight, self.body = level1, weight, body
        self.offset = 0  # where the body starts in the table's text
        self.parses: list[list[tuple[str, str, Decimal, str, Decimal, str, int]]] = []
        self.steps = 0
        self.work = work  # one count for the whole table, shared by its groups: [positions looked at]

    @property
    def spent(self) -> bool:
        """Too many tries, or too much text looked at: the group is not read."""
        return self.steps > _MAX_STEPS or self.work[0] > _MAX_WORK

    def cut(self) -> None:
        self._rows(0, "", 1, Decimal(0), [])

    def _rows(self, at: int, level2: str, index: int, weights: Decimal, rows: list) -> None:  # type: ignore[type-arg]
        self.steps += 1
        if len(self.parses) >= _MAX_PARSES or self.spent or weights > self.weight:
            return
        if at == len(self.body):
            if weights == self.weight and rows:
                self.parses.append(list(rows))
            return
        label = _label_at(self.body, at)
        if label:
            level2, index, at = label, 1, at + len(label)
        marker = f"指标{index}"
        name_from = at + len(marker) if self.body.startswith(marker, at) else at
        label_at = _next_mark(self.body, name_from)
        for name_end in range(name_from + 2, len(self.body)):
            self.work[0] += 1
            if self.spent:
                return
            if not self.body[name_end].isdigit() or self.body[name_end - 1].isdigit():
                continue
            if name_from == at and not _CJK.match(self.body[at]):
                break  # an unmarked name starts with a word, not a figure or a sign
            name = self.body[name_from:name_end]
            if label_at <= name_end:
                break  # a name never runs over a 二级 label or the next row's 指标N
            for size in (1, 2):
                weight_text = self.body[name_end : name_end + size]
                if not weight_text.isdigit() or weight_text.startswith("0"):
                    continue
                weight = Decimal(weight_text)
                for middle, score, after in _scored(self.body, name_end + size, weight, self.work):
                    for reason, next_at in _reasons(self.body, after, index + 1, score < weight, self.work):
                        row = (level2, name, weight, middle, score, reason, name_from)
                        self._rows(next_at, level2, index + 1, weights + weight, [*rows, row])


def _label_at(body: str, at: int) -> str:
    """The 二级 label that starts at ``at`` (longest; ``生态效益`` where ``指标1`` follows it)."""
    for size in range(min(12, len(body) - at), 1, -1):
        piece = body[at : at + size]
        if catalog.is_category_name(piece):
            if piece.endswith("指标") and body[at + size : at + size + 1].isdigit():
                continue  # 生态效益指标1育苗…: the label is 生态效益, 指标1 marks the row
            return piece
    return ""


def _next_mark(body: str, at: int) -> int:
    """Where the first ``指标`` at or after ``at`` ends (``len(body) + 1`` where none follows): a
    piece of the text from ``at`` holds ``指标`` exactly where it reaches that far."""
    found = body.find("指标", at)
    return len(body) + 1 if found == -1 else found + 2


def _scored(body: str, start: int, weight: Decimal, work: list[int]):  # type: ignore[no-untyped-def]
    """Each (年度指标值+全年实际值, 得分, where the row's text goes on) after the 分值: the values end in
    a non-digit, the 得分 is the whole run of digits after them and at most the 分值."""
    label_at = _next_mark(body, start)
    for end in range(start + 1, len(body)):
        work[0] += 1
        if work[0] > _MAX_WORK:
            return
        if not body[end].isdigit() or body[end - 1].isdigit():
            continue
        stop = end
        while stop < len(body) and (body[stop].isdigit() or body[stop] == "."):
            stop += 1
        try:
            score = Decimal(body[end:stop])
        except ArithmeticError:
            continue
        if label_at <= end:
            return  # the values never run over a label or the next row
        if score <= weight:
            yield body[start:end], score, stop


def _reasons(body: str, at: int, next_index: int, lost: bool, work: list[int]):  # type: ignore[no-untyped-def]
    """Where the next row starts after a 得分: at once, or after a reason — words without figures or
    labels. A reason ends where the group, a 二级 label or the next ``指标N`` starts; after a row that
    lost points it may also end anywhere an unmarked row could start, and then every such end is a cut
    of its own (the sums cannot tell ``回访不足`` + ``农机手满意度`` from one name): the group is not read.
    A row at full marks has no 未完成原因 to give, so an unmarked row follows it at once."""
    yield "", at
    if at < len(body) and not _CJK.match(body[at]):
        return
    label_at = _next_mark(body, at)
    for end in range(at + 1, len(body) + 1):
        work[0] += 1
        if work[0] > _MAX_WORK:
            return
        if body[end - 1].isdigit() or label_at <= end or _label_at(body, end - 1):
            return  # a reason holds no figure and no label (生态效益 is the next row's 二级)
        marked = end == len(body) or _label_at(body, end) or body.startswith(f"指标{next_index}", end)
        if marked or (lost and _CJK.match(body[end])):
            yield body[at:end], end


def _split_values(middle: str) -> tuple[str, str]:
    """年度指标值 and 全年实际值 where two values of one unit meet and nowhere else (``3个3个``)."""
    if len(middle) > _MAX_VALUES:
        return "", ""  # no two values run this long: not split rather than searched
    cuts = []
    for at in range(1, len(middle)):
        left, right = _VALUE.fullmatch(middle[:at]), _VALUE.fullmatch(middle[at:])
        if left and right and left.group(1) == right.group(1):
            cuts.append(at)
    if len(cuts) == 1:
        return middle[: cuts[0]], middle[cuts[0] :]
    return "", ""


def run_together_rows(rows: list[Row]) -> list[PublishedSelfEvaluation]:
    """The table read from text whose indicator rows run together, where its arithmetic allows
    exactly one cut; [] otherwise."""
    pieces = ["".join("".join(row.cells).split()) for row in rows]
    text = "".join(pieces)
    starts = [0, *accumulate(len(p) for p in pieces)][:-1]  # where each row's text starts
    header = _HEADER.search(text)
    if header is None:
        return []
    tail = text[header.end() :]
    stated = _STATED_TOTAL.search(tail)
    if stated is None:
        return []
    body = tail[: stated.start()]
    marks = list(_GROUP.finditer(body))
    if not marks or marks[0].start() != 0:
        return []
    work = [0]
    groups = [
        _Group(m.group(1), Decimal(m.group(2)), body[m.end() : nxt.start() if nxt else len(body)], work)
        for m, nxt in zip(marks, [*marks[1:], None], strict=True)
    ]
    for group, mark in zip(groups, marks, strict=True):
        group.offset = mark.end()
        group.cut()
        if len(group.parses) != 1 or group.spent:
            return []
    if sum(g.weight for g in groups) != Decimal(stated.group(1)):
        return []
    printed = _PRINTED_TOTAL.search(text)
    scores = sum((r[4] for g in groups for r in g.parses[0]), Decimal(0))
    if printed is None or Decimal(printed.group(1)) != scores:
        return []  # the 得分 do not make the printed total: nothing confirms the cut
    source = rows[0].source if rows else SourceRef(None)

    def place(offset: int) -> SourceRef:  # the line a row's name starts on
        return rows[max(bisect_right(starts, offset) - 1, 0)].source

    indicators = []
    for group in groups:
        for level2, name, weight, middle, score, reason, name_at in group.parses[0]:
            target, actual = _split_values(middle)
            if target and damage(parse_target(target, name), name) is not None:
                target = ""  # 290% for a 满意度: OCR's ≥90%, not read as a target (the file keeps it)
            where = place(header.end() + group.offset + name_at)
            row = PublishedIndicator(
                group.level1, level2, name, target, actual, weight, score, reason=reason, source=where
            )
            indicators.append(row)
    project = _PROJECT.search(text)
    return [
        PublishedSelfEvaluation(
            project=project.group(1) if project else "",
            form=FORM_UNNAMED,
            funds=(),
            indicators=tuple(indicators),
            group_weights=tuple((g.level1, g.weight) for g in groups),
            total=Decimal(printed.group(1)),
            source=source,
            cells=(("total", place(printed.start())),),  # 项目总得分 at the top of the table
        )
    ]
