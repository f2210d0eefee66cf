"""The indicator block of a 自评表 extracted column by column (a document site's text of an .xlsx).

Such text prints the 三级指标 names (``指标1:资助参保人数``) in row order and the figures of each row —
年度指标值, 实际完成值, 分值, 得分 — in row order too, but the two streams stand apart: headers, broken
labels (``效益指 标(30 分)``) and the last rows' figures printed before their names::

    … 指标1:资助资金是否及时划 转 100% 100% 10 10 75元 75元 10 10 95% 95% 30 27 100 94 成本指标 …

Reading them pairs the n-th name with the n-th group of four figures. That is done only where the
table's own arithmetic confirms it: as many names as groups of figures; the 分值 of the groups, in
order, falling exactly on each 一级 weight its label states (``(50分)``, ``(30分)``…); and the 分值
with the budget's adding up to the 100 printed on the 总分 row (whose other figure is the total
score). Anything else leaves the block unread (`selfeval_unread` says so): nothing is guessed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from jixiao import catalog
from jixiao.evaluation.published import PublishedIndicator, PublishedSelfEvaluation
from jixiao.readers.cells import Row

_HUNDRED = Decimal(100)
_NAME = re.compile(r"^指标\d+[:：]")
_FIGURE = re.compile(r"^[≥≤<>]?\d+(?:\.\d+)?(?:%|[\u4e00-\u9fff]{1,2})?$")
_POINTS = re.compile(r"^\d+(?:\.\d+)?$")
_GROUP_WEIGHT = re.compile(r"[(（]\s*(\d+)\s*分")
_OPEN_POINTS = re.compile(r"[(（]\s*\d+$")  # 标(30 then 分): the weight's 分 in the next word
_LEVEL1 = ("产出", "效益", "满意度")
_STOP_WORDS = ("指标", "总分", "分值", "得分", "实际", "年度", "(", "（")


def _is_figure(word: str) -> bool:
    return bool(_FIGURE.match(word))


def _name_goes_on(words: list[str], at: int) -> bool:
    """Whether ``words[at]`` continues the name before it: a broken label's characters stand one by
    one (``绩 效 指 标``), a name broken mid-word goes on in a longer piece or one last character
    before the figures (``是否及时划 转 100%``)."""
    word = words[at]
    if _is_figure(word) or _NAME.match(word) or any(s in word for s in _STOP_WORDS) or word == "—":
        return False
    if word.startswith(_LEVEL1) or catalog.is_category_name(word):
        return False  # 满意度, 效益指: the next group's label
    if len(word) > 1:
        return True
    following = words[at + 1] if at + 1 < len(words) else ""
    return _is_figure(following) or bool(_NAME.match(following))


def columnwise_indicators(table: PublishedSelfEvaluation, run: list[Row]) -> PublishedSelfEvaluation:
    """The table with its indicators, total and group weights read from a column-by-column block
    where its arithmetic confirms the pairing; else the table unchanged."""
    if table.indicators or not table.funds:
        return table
    text = " ".join(c for row in run for c in row.cells if c.strip())
    start = text.find("三级指标")
    if start < 0:
        return table
    words = text[start:].split()
    names: list[tuple[str, str]] = []  # (name, 二级 printed before it)
    figures: list[str] = []
    reasons: dict[int, str] = {}  # group of figures → the text printed after it
    weights: list[tuple[str, Decimal]] = []
    level1 = ""
    i = 0
    while i < len(words):
        word = words[i]
        level1 = next((f"{w}指标" for w in _LEVEL1 if word.startswith(w)), level1)
        label = word + words[i + 1] if _OPEN_POINTS.search(word) and i + 1 < len(words) else word
        if (weight := _GROUP_WEIGHT.search(label)) and level1:
            weights.append((level1, Decimal(weight.group(1))))  # (50分 ), 标(30 分)
        if _NAME.match(word):
            parts = [word]
            while i + 1 < len(words) and _name_goes_on(words, i + 1):
                i += 1
                parts.append(words[i])
            before = words[i - len(parts)] if i - len(parts) >= 0 else ""
            names.append(("".join(parts), before if catalog.is_category_name(before) else ""))
        elif _is_figure(word):
            figures.append(word)
        elif len(figures) % 4 == 0 and figures and len(word) > 4 and "指标" not in word:
            key = len(figures) // 4 - 1
            reasons[key] = reasons.get(key, "") + word  # 年内有自然减员… after the row's 得分
        i += 1
    return _paired(table, names, figures, reasons, weights) or table


def _paired(
    table: PublishedSelfEvaluation,
    names: list[tuple[str, str]],
    figures: list[str],
    reasons: dict[int, str],
    weights: list[tuple[str, Decimal]],
) -> PublishedSelfEvaluation | None:
    count = len(names)
    if count < 2 or len(figures) != 4 * count + 2 or not weights:
        return None
    groups = [figures[4 * n : 4 * n + 4] for n in range(count)]
    if not all(_POINTS.match(g[2]) and _POINTS.match(g[3]) for g in groups):
        return None
    row_weights = [Decimal(g[2]) for g in groups]
    level1s = _partition(row_weights, weights)
    budget = table.printed_budget_weight or Decimal(0)
    stated_total, total = figures[-2], figures[-1]
    if level1s is None or not (_POINTS.match(stated_total) and _POINTS.match(total)):
        return None
    if budget + sum(row_weights) != Decimal(stated_total) or Decimal(stated_total) != _HUNDRED:
        return None
    where = table.source
    indicators = tuple(
        PublishedIndicator(
            level1=level1s[n],
            level2=level2,
            name=name,
            target=g[0],
            actual=g[1],
            weight=Decimal(g[2]),
            score=Decimal(g[3]),
            reason=reasons.get(n, ""),
            source=where,
        )
        for n, ((name, level2), g) in enumerate(zip(names, groups, strict=True))
    )
    return replace(
        table,
        indicators=indicators,
        total=Decimal(total),
        group_weights=tuple(weights),
        cells=(*table.cells, ("total", where)),
    )


def _partition(row_weights: list[Decimal], groups: list[tuple[str, Decimal]]) -> list[str] | None:
    """Each row's 一级, where the rows' 分值 in order fall exactly on each group's stated weight."""
    level1s: list[str] = []
    at = 0
    for level1, stated in groups:
        summed = Decimal(0)
        while at < len(row_weights) and summed < stated:
            summed += row_weights[at]
            level1s.append(level1)
            at += 1
        if summed != stated:
            return None
    return level1s if at == len(row_weights) else None
