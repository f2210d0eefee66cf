"""The funds block of a published 自评表: its header, and each fund row read from its cells — a
row under the header, a fund label over its amounts, or labels queued before a header whose
amounts follow it (a workbook extracted column by column)."""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.evaluation.published import PublishedFundRow
from jixiao.model import SourceRef
from jixiao.readers.cells import Row
from jixiao.readers.selfeval_align import fund_start
from jixiao.readers.selfeval_gaps import dropped_leading, missing_rate
from jixiao.readers.selfeval_lines import FUND_ROLES, TEMPLATE_NOTE, TOTAL_FUNDS, fund_label, number
from jixiao.readers.selfeval_segment import Segment, cell_source, is_grid
from jixiao.readers.selfeval_unsure import fund_unsure


def is_fund_header(keys: list[str]) -> bool:
    """The row names a funds block's columns: an executed amount and a budget (年初 or 全年)."""
    roles = {FUND_ROLES.get(k) for k in keys}
    return "executed" in roles and ("budget" in roles or "initial" in roles)


_AMOUNT_UNIT = re.compile(r"\s*(?:万元|元|万)\s*$")  # 3620.40万元, 80万: the block's unit inside


_DASHES = ("—", "——", "-", "/", "－")


def queues(state: Segment, text: str) -> bool:
    """A lone fund label before any amount: the total opens the queue, other fund rows follow it."""
    label = fund_label(text)
    if label is None:
        return False
    return bool(state.queued_labels) or label in TOTAL_FUNDS or label.endswith("资金总额")


def queued_fund_rows(state: Segment, row: Row, cells: list[str]) -> list[PublishedFundRow]:
    """A workbook extracted column by column prints the fund labels first (年度资金总额, 其中：当年财政
    拨款), then the header, then all amounts: ``… 得分 58.20 57.60 10 99% 9 58.20 57.60 — 99% —``.
    The amounts after the header, one run per queued label in order, are those labels' rows."""
    roles = state.fund_roles
    labels = [label for label in state.queued_labels if not any(f.label == label[0] for f in state.funds)]
    end = state.fund_offset + len(roles or [])
    trailing = [j for j in range(end, len(cells)) if cells[j]]
    if not roles or not labels or is_grid(row) or not trailing:
        return []
    if any(number(cells[j]) is None and cells[j] not in _DASHES for j in trailing):
        return []
    width = len(roles)
    if len(trailing) != width * len(labels) and len(trailing) != (width - 1) * len(labels):
        return []
    each = len(trailing) // len(labels)
    rows = []
    for n, (label, place) in enumerate(labels):
        run = trailing[n * each : (n + 1) * each]
        sources = (place, *(cell_source(row, j) for j in run))
        queued = Row((label, *(cells[j] for j in run)), place, sources, aligned=False)
        saved_offset, state.fund_offset = state.fund_offset, 1
        rows.append(fund_row(state, queued, list(queued.cells), 0))
        state.fund_offset = saved_offset
    state.queued_labels = []
    return rows


_HUNDRED = Decimal(100)
_HALF_HUNDREDTH = Decimal("0.005")


def fraction_as_percent(
    rate: Decimal | None, budget: Decimal | None, executed: Decimal | None
) -> Decimal | None:
    """An 执行率 printed as a fraction (0.9625 for 96.25%, an unformatted spreadsheet cell) is read as the
    percentage it stands for — only where the row's own amounts confirm it (executed ÷ budget agrees with the
    fraction to its last printed digit and not with the figure as a percentage); otherwise as printed."""
    if rate is None or not budget or executed is None or not 0 < rate <= 1:
        return rate
    exponent = rate.as_tuple().exponent
    if not isinstance(exponent, int):
        return rate
    tolerance = min(Decimal(5).scaleb(exponent - 1), _HALF_HUNDREDTH)
    share = executed / budget
    if abs(share - rate) > tolerance or abs(share * _HUNDRED - rate) <= tolerance:
        return rate
    return (rate * _HUNDRED).normalize() if exponent < -2 else rate * _HUNDRED


def _figures(cells: list[str]) -> int:
    return sum(1 for c in cells if number(c) is not None)


def fund_row(state: Segment, row: Row, cells: list[str], first_at: int) -> PublishedFundRow:
    """One fund row (its label at ``first_at``) read under the block's header, each figure as printed."""
    assert state.fund_roles is not None
    label = fund_label(cells[first_at]) or cells[first_at]
    spanned = first_at < state.fund_offset and not any(cells[first_at + 1 : state.fund_offset])
    absolute = (is_grid(row) or spanned) and first_at < state.fund_offset  # blanks fill the label's span
    start = state.fund_offset if absolute else first_at + 1
    if not is_grid(row):
        start = fund_start(cells, state.fund_roles, first_at, state.fund_offset, start)
        state.fund_shift = dropped_leading(cells, state.fund_roles, start, state.fund_shift)
    values: dict[str, Decimal | None] = {}
    refs: list[tuple[str, SourceRef]] = []
    reason = ""
    texts: dict[str, str] = {}  # each role's cell as printed, to tell a row read out of its columns
    for j, role in enumerate(state.fund_roles):
        at = start + j - (0 if is_grid(row) else state.fund_shift)
        if not role or at >= len(cells) or at < start:
            continue
        if role == "reason":
            if not TEMPLATE_NOTE.match(cells[at]):
                reason = cells[at]
            continue
        texts[role] = cells[at]
        values[role] = number(_AMOUNT_UNIT.sub("", cells[at]))  # 3620.40万元: the block's unit inside
        refs.append((role, cell_source(row, at)))
    values, refs = missing_rate(cells, state.fund_roles, start, values, refs)
    is_total = label in TOTAL_FUNDS or label.endswith("资金总额")
    return PublishedFundRow(
        label=label,
        is_total=is_total,
        initial=values.get("initial"),
        budget=values.get("budget"),
        executed=values.get("executed"),
        weight=values.get("weight"),
        rate=fraction_as_percent(values.get("rate"), values.get("budget"), values.get("executed")),
        score=values.get("score"),
        reason=reason,
        source=cell_source(row, first_at),
        cells=tuple(refs),
        unsure="" if is_grid(row) else fund_unsure(texts, _figures(cells[first_at + 1 :])),
    )
