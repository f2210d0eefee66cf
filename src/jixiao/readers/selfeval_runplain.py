"""A 自评表 with no 分值 or 得分 column whose cells run together (a mirror's text of a Hubei district table):

    …一级指标二级指标三级指标年初目标值实际完成值未完成原因及改进措施产出指标产出数量松材线虫病疫木除治数量≥3000株3120株达成预期指标监测点位维护率100%12个达成预期指标产出质量…

No sum can confirm where a name, its target and its actual part (`selfeval_runrows` cuts by the 分值
and 得分; here there are none), so the table is read only where its template's fixed column order and
the grammar of a 年度指标值 leave exactly one cut, and is otherwise left unread (JX-R13 says so):

- the header is the template's: 一级/二级/三级指标, 年初目标值 (年度指标值), 实际完成值 (全年实际值), then the
  reason column, and nothing after it — no 分值, no 得分;
- the last column's text ends the table (``达成预期指标``, the longest run of words after the last figure)
  and ends every row: the table is cut into rows there, and a row is read only where every piece holds a
  name and a target;
- a piece is its labels (一级, then a 二级 of the catalog or the old form's ``产出数量``), a name, then
  one or two values: a target and an actual, each an optional sign (``≥``, ``不低于``) and a figure with
  its unit, or a date (``4月底前``). A name holds no sign and no ``%``; two figures are never cut where
  digits meet (``48`` is one value), and a sign is never cut in two (``不低于``, not ``不`` + ``低于``).
  Exactly one cut must remain, else nothing is read;
- where the piece holds two values the ending text is the reason column, otherwise it is the actual;
- a fund row's amounts (``4846.897.5%``) are cut where exactly one cut makes the printed 执行率 of the
  two amounts; a row with no such cut is left out rather than guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal
from itertools import accumulate

from jixiao import catalog
from jixiao.evaluation.published import (
    FORM_UNNAMED,
    PublishedFundRow,
    PublishedIndicator,
    PublishedSelfEvaluation,
)
from jixiao.model import SourceRef
from jixiao.readers.cells import Row

_HEADER = re.compile(
    r"一级指标二级指标三级指标(?:年初目标值|年度指标值|年度目标值)(?:实际完成值|全年实际值|全年完成值)"
    r"(?:未完成原因及改进措施|偏差原因分析及改进措施|未完成原因分析及改进措施)"
)
_FUND_BLOCK = re.compile(r"执行率\(B/A\)(.*?)(?:年度绩效目标完成情况|年度总体目标)")
_FUND_ROW = re.compile(r"([\u4e00-\u9fff]+)(\d[\d.]*%)")
_PROJECT = re.compile(r"项目名称(.{1,200}?)(?:主管部门|实施单位|项目实施单位)")  # bounded per mark
_LEVEL1 = ("产出指标", "效益指标", "满意度指标", "成本指标")
_OLD_LEVEL2 = re.compile(r"产出(?:数量|质量|时效|成本)")
_SIGNS = sorted(
    (
        "不低于",
        "不高于",
        "不少于",
        "不多于",
        "不超过",
        "不大于",
        "不小于",
        "大于等于",
        "小于等于",
        "大于",
        "小于",
        "高于",
        "低于",
        "≥",
        "≤",
        ">",
        "<",
        "＞",
        "＜",
        "=",
        "＝",
    ),
    key=len,
    reverse=True,
)
_SIGN = "(?:" + "|".join(re.escape(s) for s in _SIGNS) + ")"
_FIGURE = r"\d+(?:\.\d+)?(?:%|‰|[\u4e00-\u9fff]{1,3})?"
_DATE = r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|末|上旬|中旬|下旬)?(?:前|以前|之前)?"
_VALUE = re.compile(f"{_SIGN}?(?:{_DATE}|{_FIGURE})")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MIN_ROWS = 3  # fewer rows give too little to see the template's rhythm
# a row's piece (name, target, actual) and a fund row's figures are short in every table; every cut
# of a piece is tried (cubic in its length), so a longer one is not cut but left unread
_MAX_PIECE = 160
_MAX_FIGURES = 40


def _value(text: str) -> bool:
    return _VALUE.fullmatch(text) is not None


def _meet(left: str, right: str) -> bool:
    """Two cells may part here: not between two digits, not inside a sign, not after one."""
    if not left or not right or (left[-1].isdigit() and right[0].isdigit()):
        return False
    joined, cut = left + right, len(left)
    for sign in _SIGNS:
        start = joined.find(sign, max(0, cut - len(sign)))
        if start != -1 and start < cut:
            return False  # the cut falls inside the sign or right after it
    return True


def _name(text: str) -> bool:
    return bool(text) and _CJK.match(text) is not None and not any(s in text for s in ("%", "‰", *_SIGNS))


def _ending(text: str) -> str:
    """The run of two or more Chinese characters that ends the text ('' where none does); scanned
    back from the end, as a ``[一-鿿]{2,}$`` search would retry from every character of a long run."""
    start = len(text)
    while start > 0 and _CJK.match(text[start - 1]):
        start -= 1
    return text[start:] if len(text) - start >= 2 else ""


def _cuts(piece: str) -> list[tuple[str, str, str]]:
    """Every (name, target, actual) the piece can be: a name, then one value or two; none for a
    piece longer than any row's (`_MAX_PIECE`)."""
    if len(piece) > _MAX_PIECE:
        return []
    found = []
    for at in range(1, len(piece)):
        name, tail = piece[:at], piece[at:]
        if not _name(name) or not _meet(name, tail):
            continue
        if _value(tail):
            found.append((name, tail, ""))
        for mid in range(1, len(tail)):
            target, actual = tail[:mid], tail[mid:]
            if _value(target) and _value(actual) and _meet(target, actual):
                found.append((name, target, actual))
    return found


def _labels(piece: str, level1: str, level2: str) -> tuple[str, str, str]:
    """The 一级 and 二级 labels a row piece opens with (or those of the row before), and the rest."""
    for label in _LEVEL1:
        if piece.startswith(label):
            level1, level2, piece = label, "", piece[len(label) :]
            break
    old = _OLD_LEVEL2.match(piece)
    if old:
        return level1, old.group(), piece[old.end() :]
    for size in range(min(12, len(piece) - 1), 1, -1):
        if catalog.is_category_name(piece[:size]) and piece[:size] not in _LEVEL1:
            return level1, piece[:size], piece[size:]
    return level1, level2, piece


def _amount(text: str) -> Decimal | None:
    """An amount as printed: digits with at most one inner point, no leading zero but ``0.5``."""
    if not re.fullmatch(r"(?:0|[1-9]\d*)(?:\.\d+)?", text) or text == "0":
        return None
    return Decimal(text)


def _rate_cuts(label: str, figures: str) -> list[tuple[str, Decimal, Decimal, Decimal]]:
    """Every cut of ``figures`` into budget, executed and rate whose rate the two amounts make; none
    for a run of figures longer than two amounts and a rate (`_MAX_FIGURES`)."""
    if len(figures) > _MAX_FIGURES:
        return []
    cuts = []
    for i in range(1, len(figures)):
        for j in range(i + 1, len(figures)):
            budget, executed, rate = (_amount(p) for p in (figures[:i], figures[i:j], figures[j:]))
            if budget is None or executed is None or rate is None:
                continue
            exponent = rate.as_tuple().exponent
            places = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
            try:
                made = (executed / budget * 100).quantize(places)
            except ArithmeticError:
                continue  # a rate printed to more places than any amount has: not this cut
            if made == rate:
                cuts.append((label, budget, executed, rate))
    return cuts


def _funds(block: str) -> list[tuple[str, Decimal, Decimal, Decimal]]:
    """Each fund row whose amounts have exactly one cut that makes its printed 执行率."""
    found = []
    for match in _FUND_ROW.finditer(block):
        cuts = _rate_cuts(match.group(1), match.group(2)[:-1])
        if len(cuts) == 1:
            found.append(cuts[0])
    return found


def run_together_plain(rows: list[Row]) -> list[PublishedSelfEvaluation]:
    """The table read from text whose cells run together and that prints no 分值 or 得分, where the
    template's column order and the grammar of its values allow exactly one cut; [] otherwise."""
    pieces = ["".join("".join(row.cells).split()) for row in rows]
    text = "".join(pieces)
    header = _HEADER.search(text)
    closing = _ending(text)
    if header is None or not closing or len(text) - len(closing) < header.end():
        return []
    body = text[header.end() :]
    parts = body.split(closing)
    if parts[-1] or len(parts) - 1 < _MIN_ROWS:
        return []
    starts = [0, *accumulate(len(p) for p in pieces)][:-1]  # where each row's text starts

    def place(offset: int) -> SourceRef:  # the line a piece of the text starts on
        return rows[max(bisect_right(starts, offset) - 1, 0)].source

    indicators, level1, level2, offset = [], "", "", header.end()
    for part in parts[:-1]:
        level1, level2, rest = _labels(part, level1, level2)
        cuts = _cuts(rest)
        if not level1 or len(cuts) != 1:
            return []  # a row with no cut or more than one: nothing is read rather than guessed
        name, target, actual = cuts[0]
        actual, reason = (actual, closing) if actual else (closing, "")
        row = PublishedIndicator(level1, level2, name, target, actual, reason=reason, source=place(offset))
        indicators.append(row)
        offset += len(part) + len(closing)
    block = _FUND_BLOCK.search(text[: header.start()])
    fund_place = place(block.start(1)) if block else SourceRef(None)
    funds = tuple(
        PublishedFundRow(
            label,
            is_total=label in ("合计", "总计", "年度资金总额"),
            budget=budget,
            executed=executed,
            rate=rate,
            source=fund_place,
        )
        for label, budget, executed, rate in (_funds(block.group(1)) if block else [])
    )
    project = _PROJECT.search(text[: header.start()])
    return [
        PublishedSelfEvaluation(
            project=project.group(1) if project else "",
            form=FORM_UNNAMED,
            funds=funds,
            indicators=tuple(indicators),
            source=rows[0].source if rows else SourceRef(None),
        )
    ]
