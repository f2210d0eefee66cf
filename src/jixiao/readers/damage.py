"""Values whose text is damaged: kept as written, never repaired, with a diagnostic saying why.

Published text passes through OCR, PDF extraction and copy-paste. Some damage is recognisable from
the text and the indicator's name alone:

- ``292%`` for a satisfaction or completion rate: a rate cannot pass 100%, and ``2`` is how OCR
  reads a lost ``≥`` (``≥92%``);
- ``(≥**人)``, ``≥**%``: the template's placeholder left unfilled;
- ``20246-202516``: a date range whose years have run into their months;
- ``公里``, ``≧ %``, ``年 月``: a unit or comparator with no number — the template's value cell left
  unfilled.

The reader then keeps ``raw`` exactly, leaves the structured value empty (kind ``unknown``) and
reports `DAMAGED_VALUE` with the line. Which of several repairs is right is for the unit to say.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.model import Kind, Target
from jixiao.values import is_unit

DAMAGED_VALUE = "JX-R09"

_RATE_WORDS = ("满意度", "合格率", "达标率", "覆盖率", "完成率", "及时率", "准确率", "知晓率", "使用率",
               "到位率", "执行率", "发放率", "满意率", "参与率", "入学率", "治理率", "验收率")  # fmt: skip
_PLACEHOLDER = re.compile(r"\*{2,}|＊{2,}|×{2,}|X{2,}")
_COMPARATORS = re.compile(r"[≥≤><=＞＜＝≧≦﹦═\s]+")
_DATE_PARTS = frozenset("年月日")
_RUN_DATES = re.compile(r"^(?:19|20)\d{3,4}\s*[-~—至]\s*(?:19|20)\d{3,4}$")


def damage(target: Target, name: str) -> str | None:
    """Why a value's text looks damaged (in Chinese), or None."""
    raw = target.raw
    if not raw:
        return None
    if ("*" in raw or "＊" in raw or "×" in raw or "XX" in raw) and _PLACEHOLDER.search(raw):
        return "含模板占位符“**”，指标值未填写"
    if not any(map(str.isdigit, raw)) and _unfilled(raw):
        return "只有单位或符号，没有数值（模板的指标值未填写）"
    if (
        "-" in raw
        and _RUN_DATES.match(raw.replace(" ", ""))
        and not re.fullmatch(r"\D*(?:19|20)\d{2}\D+(?:19|20)\d{2}\D*", raw)
    ):
        return "日期的年份与月份连在一起，无法确定起止时间"
    if (
        target.kind is Kind.QUANTITATIVE
        and target.unit == "%"
        and target.value is not None
        and target.value > 100
        and any(word in name for word in _RATE_WORDS)
    ):
        hint = ""
        digits = raw.strip().lstrip("≥≤>=<")
        if digits.startswith("2") and Decimal(200) < target.value <= Decimal(300):
            hint = "，可能是“≥”被识别成了“2”"
        return f"比率超过100%{hint}"
    return None


def _unfilled(raw: str) -> bool:
    """A value cell holding only the template's unit or comparator: ``公里``, ``≧ %``, ``年 月``."""
    rest = _COMPARATORS.sub("", raw)
    if not rest:
        return raw.strip() != ""  # a comparator alone
    return is_unit(rest) or set(rest) <= _DATE_PARTS
