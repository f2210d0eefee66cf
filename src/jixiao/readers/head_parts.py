"""Pieces of a project block's text the head reader (`readers.head`) takes apart: an amount label run
onto the funds heading or its unit, the year's request column of a funds table, and a label's value
that runs on into the next ``label:value``.
"""

from __future__ import annotations

import re

from jixiao.readers.labels import Label, label_of, unit_in

AMOUNT_LABELS = (Label.BUDGET, Label.FUNDS, Label.TOTAL_FUNDS)
# A wrapped label's unit run onto the next label: ``年度预算申请`` / ``(万元)资金总额:886.40``.
_UNIT_FIRST = re.compile(r"^[(（]\s*万?元\s*[)）]")
_AMOUNT_WORDS = ("安排", "执行", "申请", "预算")
_SPACED_LABEL = re.compile(r"\s+([^\s:：]{2,12})[:：]")


def after_funds_heading(head: str) -> tuple[str, str | None] | None:
    """An amount label after the funds heading or unit it ran onto (``(万元)资金总额``,
    ``年度预算申请(万元)资金总额``): the label and the unit the heading names; else None."""
    if (unit := _UNIT_FIRST.match(head)) is not None:
        rest = head[unit.end() :]
        return (rest, unit_in(unit.group())) if label_of(rest) in AMOUNT_LABELS else None
    for k in range(min(len(head) - 2, 24), 1, -1):
        if label_of(head[:k]) is Label.FUNDS_SECTION and label_of(head[k:]) in AMOUNT_LABELS:
            return head[k:], unit_in(head[:k])
    return None


def request_column(texts: list[str]) -> tuple[int, str | None] | None:
    """A funds table's heading row (项目 | 上年度预算安排 | 上年度实际执行 | 本年度申请金额): the place of the
    year's request among its amount columns, and the unit its label names (资金来源(万元)); else None."""
    amounts = [t for t in texts if "年" in t and any(w in t for w in _AMOUNT_WORDS) and len(t) <= 12]
    requests = [n for n, t in enumerate(amounts) if t.startswith(("本年", "当年")) and "申请" in t]
    if len(amounts) < 2 or len(requests) != 1:
        return None
    return requests[0], next((u for t in texts if (u := unit_in(t)) is not None), None)


def cut_at_next_label(value: str) -> list[str]:
    """A label's value that runs on into another ``label:value`` after a space, cut there:
    ``鄂州市图书馆 金额单位:万元`` → the name, then ``金额单位:万元`` (read on as a cell of its own)."""
    for match in _SPACED_LABEL.finditer(value):
        head = match.group(1)
        if label_of(head) is not None or head.endswith("单位"):
            return [value[: match.start()].strip(), value[match.start() :].strip()]
    return [value]
