"""Template rows left in a published table: a row that says the category has no indicator.

Forms print every 二级 of the catalogue, and units fill the ones that do not apply with a sentence in
the 三级 column and a mark in the value column (``本项目不适用此指标 | 无``, ``不涉及 | /``), or leave
the template's own rows unfilled (``指标1`` with no value, ``…… | ……``). Such a row is no indicator:
it is taken off the table, its category kept as a placeholder (the 二级 printed with nothing under
it), and a diagnostic names the row.
"""

from __future__ import annotations

import re
from dataclasses import replace

from jixiao.model import Diagnostic, Indicator, Placeholder, Severity, Table

TEMPLATE_ROW = "JX-R15"

# The 三级 cell of a row that only says the category does not apply (spaces dropped before matching).
_NOT_APPLICABLE = re.compile(
    r"^(?:本项目|该项目|此项目|此项|本项|本单位)?(?:暂)?(?:不适用|不涉及|无|没有|未设置?)(?:于)?"
    r"(?:此|该|本|相关)?(?:类|项)?(?:指标)?[。.]?$"
)
# The 三级 cell of a template row never filled in: ``指标1``, ``三级指标2``, ``……``, ``XX指标``, or
# only the dash or slash the form puts in every cell of an unused row (``/ | / | /``).
_UNFILLED = re.compile(
    r"^(?:(?:三级)?指标[0-9０-９一二三四五六七八九十]{1,2}|[…．.·。]{1,}|(?:XX|xx|××|\*\*)+(?:指标)?"
    r"|[/／\\—–－-]{1,3})$"
)
# What such a row writes in its value column: nothing, or a mark meaning nothing.
_EMPTY_VALUES = frozenset(("", "无", "/", "／", "-", "－", "—", "——", "不适用", "不涉及", "暂无"))
_FILLER = re.compile(r"^[…．.·。]{2,}$|^…$")  # a template's '……' in the value column


def is_template_row(indicator: Indicator) -> bool:
    """An indicator read from a row saying its category does not apply, with no value of its own."""
    name = "".join(indicator.name.split())
    if not name or not (_NOT_APPLICABLE.match(name) or _UNFILLED.match(name)):
        return False
    values = ("".join(value.split()) for value in (indicator.annual.raw or "", indicator.period.raw or ""))
    return all(value in _EMPTY_VALUES or _FILLER.match(value) for value in values)


def without_template_rows(
    table: Table | None, diagnostics: list[Diagnostic]
) -> tuple[Table | None, list[Diagnostic]]:
    """The table without its template rows, each one's category kept as a placeholder; the reader's
    diagnostics with one more for each row taken off."""
    if table is None or not any(is_template_row(indicator) for indicator in table.indicators):
        return table, diagnostics
    kept: list[Indicator] = []
    placeholders = list(table.placeholders)
    for indicator in table.indicators:
        if not is_template_row(indicator):
            kept.append(indicator)
            continue
        placeholders.append(
            Placeholder(indicator.level1, indicator.level2 or None, indicator.source, indicator.layout)
        )
        written = " | ".join(text for text in (indicator.name, indicator.annual.raw or "") if text)
        category = indicator.level2 or indicator.level1 or "该类"
        why = "未填写" if _UNFILLED.match("".join(indicator.name.split())) else f"{category}不适用"
        message = f"“{written}”是模板行（{why}），不是绩效指标，未读取"
        diagnostics.append(Diagnostic(TEMPLATE_ROW, Severity.INFO, message, indicator.source))
    return replace(table, indicators=tuple(kept), placeholders=tuple(placeholders)), diagnostics
