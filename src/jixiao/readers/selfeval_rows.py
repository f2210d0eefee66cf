"""Rows of cells → published 项目支出绩效自评表 (`PublishedSelfEvaluation`), whatever the source format.

Stages, each a plain function over rows (`readers.cells.Row`, as the text, xlsx, HTML and docx
readers hand them over): `rebuild_lines` turns a one-cell-per-line stream back into rows;
`segments` cuts the rows into one run per table (a title with 自评表, or a second 项目名称);
`read_segment` walks a run: header fields (项目名称, 主管部门, 实施单位), the funds block (its header
row names the columns: 年初预算数/全年预算数/全年执行数/分值/执行率/得分 or the Sichuan 年初预算/
调整后预算数/预算执行数/预算执行率/权重/得分/原因), the indicator block (一级/二级/三级指标, 年度指标值 or
指标性质+指标值+度量单位, 实际完成值, 分值/权重, 得分, 偏差原因), the footer (合计/总分, 自评等级)
and the conclusion fields. Every figure keeps the place it was read from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation

from jixiao import catalog
from jixiao.model import SourceRef
from jixiao.readers.cells import Row
from jixiao.readers.labels import year_in
from jixiao.readers.selfeval_form import detect_form
from jixiao.scoring.published import PublishedFundRow, PublishedIndicator, PublishedSelfEvaluation

_PARENS = re.compile(r"\([^()]*\)")
_POINTS = re.compile(r"(\d+(?:\.\d+)?)\s*分")
_NUMBER = re.compile(r"^[-+]?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^[-+]?\d+(?:\.\d+)?$")
_SERIAL = re.compile(r"^指标\s*\d+\s*[:：]\s*")
_INSTRUCTION = re.compile(r"\(\d+字以内\)|^结合自评情况|^对照年度目标|^针对项目自评中发现的问题")
_TEMPLATE_NOTE = re.compile(r"^1[.、．]\s*预算执行率")
_STATED = re.compile(
    r"(产出|效益|满意度|成本)指标?\s*(?:权重|分值)?\s*(?:为|占|共)?\s*(\d+(?:\.\d+)?)\s*(?:分|%)"
)

FUND_ROLES = {
    "年初预算数": "initial", "年初预算": "initial", "年初预算金额": "initial",
    "全年预算数": "budget", "调整后预算数": "budget", "调整后预算": "budget", "预算数": "budget",
    "全年预算": "budget",
    "全年执行数": "executed", "预算执行数": "executed", "执行数": "executed", "实际执行数": "executed",
    "分值": "weight", "权重": "weight",
    "执行率": "rate", "预算执行率": "rate",
    "得分": "score",
    "原因": "reason", "偏差原因": "reason",
}  # fmt: skip
INDICATOR_ROLES = {
    "一级指标": "level1", "二级指标": "level2", "三级指标": "name", "指标名称": "name",
    "指标性质": "nature", "度量单位": "unit", "计量单位": "unit",
    "年度指标值": "target", "年初目标值": "target", "年度目标值": "target", "目标值": "target",
    "预期指标值": "target", "指标值": "value",
    "实际完成值": "actual", "完成值": "actual", "全年实际值": "actual", "实际值": "actual",
    "全年实际完成值": "actual", "实际完成情况": "actual",
    "分值": "weight", "权重": "weight", "指标分值": "weight", "权重分值": "weight",
    "权重占比": "share", "单项得分": "single",
    "得分": "score", "自评得分": "score", "折算得分": "score", "实际得分": "score",
    "偏差原因分析及改进措施": "reason", "未完成原因分析": "reason", "偏差原因分析": "reason",
    "偏差原因": "reason", "原因分析": "reason", "备注": "reason",
}  # fmt: skip
_TOTAL_FUNDS = ("年度资金总额", "总额", "资金总额", "年度财政资金总额", "合计")
_FUND_WORDS = ("资金", "拨款", "结转", "财政")
_FOOTERS = ("合计", "总分", "总计", "综合得分")
_CONCLUSIONS = ("评价结论", "存在问题", "改进措施", "自评结论", "主要问题", "整改措施")
_GRADES = ("自评等级", "评价等级", "绩效等级", "自评结果", "等级")


def key(text: str) -> str:
    """A cell as a comparable key: NFKC, no spaces, no trailing colon, no parenthesised parts."""
    text = unicodedata.normalize("NFKC", text).replace(" ", "").replace("\u3000", "").strip()
    return _PARENS.sub("", text).strip(":：|")


def number(text: str) -> Decimal | None:
    """A printed figure: ``89.974``, ``1,234.5``, ``100.00%`` (→ 100.00); None for words, ``/`` and blanks."""
    cleaned = unicodedata.normalize("NFKC", text).strip().rstrip("%").rstrip("分").replace(" ", "")
    if not _NUMBER.match(cleaned):
        return None
    try:
        return Decimal(cleaned.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        return None


def points_in(text: str) -> Decimal | None:
    """The weight a label states: ``产出指标(50分)`` → 50, ``预算执行情况（10分）`` → 10."""
    match = _POINTS.search(unicodedata.normalize("NFKC", text))
    return Decimal(match[1]) if match else None


def _cell_text(text: str) -> str:
    stripped = text.strip()
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    if stripped.startswith("|"):
        stripped = stripped[1:]
    return stripped.strip()


def is_title(text: str) -> bool:
    return "自评表" in text and len(text) < 60


def _starts_row(text: str, previous: str) -> bool:
    k = key(text)
    if not k:
        return False
    if is_title(text) or k in ("项目名称", "主管部门", "实施单位", "项目基本情况", "年度总体目标"):
        return True
    if k.startswith(("预算执行情况", "项目资金", "年度资金", "绩效指标", "年度绩效目标")) and len(k) < 14:
        return True
    if _fund_label(text) is not None or k in _FOOTERS or k in _CONCLUSIONS:
        return True
    if k.startswith(("项目负责人", "财务负责人", "填表人")):
        return True
    if k == "一级指标" and not key(previous).startswith(("绩效指标", "年度绩效目标")):
        return True
    if catalog.is_level1_name(k):
        return True
    return catalog.is_category_name(k) and not catalog.is_level1_name(key(previous))


def rebuild_lines(rows: Iterable[Row]) -> Iterator[Row]:
    """One cell per line (PDF text, HTML flattened to ``cell |`` lines) → rows, by where rows start.

    A row starts at a label that opens one (项目名称, a fund row, an 一级/二级 category, 合计…);
    inside the indicator block a row also ends once it holds as many cells as the header has
    columns from its first one on (a row whose 一级 and 二级 are merged holds fewer).
    """
    current: list[tuple[str, SourceRef]] = []
    capacity: int | None = None
    header_roles: list[str] = []
    previous = ""

    def flush() -> Row | None:
        nonlocal header_roles
        if not current:
            return None
        texts = tuple(t for t, _ in current)
        roles = [INDICATOR_ROLES[key(t)] for t in texts if key(t) in INDICATOR_ROLES]
        if "name" in roles and len(roles) >= 3:
            header_roles = roles
        return Row(texts, current[0][1], tuple(s for _, s in current))

    for row in rows:
        for raw in row.cells:
            text = _cell_text(raw)
            full = capacity is not None and len(current) >= capacity
            if current and (_starts_row(text, previous) or full):
                made = flush()
                if made is not None:
                    yield made
                current, capacity = [], None
            if not current and header_roles:
                capacity = _capacity(text, header_roles)
            current.append((text, row.source))
            previous = text
    made = flush()
    if made is not None:
        yield made


def _capacity(first: str, roles: list[str]) -> int | None:
    k = key(first)
    if not (catalog.is_category_name(k) or catalog.is_category_name(_SERIAL.sub("", k))):
        return None
    start = "level1" if catalog.is_level1_name(k) else "level2"
    return len(roles) - roles.index(start) if start in roles else None


def segments(rows: Iterable[Row]) -> Iterator[list[Row]]:
    """One run of rows per table: a 自评表 title or a second 项目名称 starts the next."""
    current: list[Row] = []
    named = False
    for row in rows:
        first = next((c for c in row.cells if c.strip()), "")
        starts = is_title(first) or (
            (key(first).startswith("项目名称:") or key(first) == "项目名称") and named
        )
        if starts and current and named:
            yield current
            current, named = [], False
        if any(key(c) == "项目名称" or key(c).startswith("项目名称:") for c in row.cells):
            named = True
        current.append(row)
    if current and named:
        yield current


def read_rows(rows: Iterable[Row]) -> list[PublishedSelfEvaluation]:
    """Every published self-evaluation in the rows (one-cell-per-line streams are rebuilt first)."""
    listed = list(rows)
    single = sum(1 for r in listed if sum(1 for c in r.cells if c.strip()) <= 1)
    if listed and (not any(r.columns_known for r in listed) or single * 10 >= len(listed) * 9):
        listed = list(rebuild_lines(listed))
    tables = [read_segment(run) for run in segments(listed)]
    return [t for t in tables if t.funds or t.indicators]


def _fund_label(text: str) -> str | None:
    k = key(text).removeprefix("其中")
    k = k.lstrip(":：")
    if not k or len(k) > 16 or _NUMBER.match(k):
        return None
    if k in _TOTAL_FUNDS[:-1] or k.endswith("资金总额"):
        return k
    return k if any(w in k for w in _FUND_WORDS) and not k.startswith(("预算执行", "项目资金")) else None


def _is_grid(row: Row) -> bool:
    """A workbook row: every column kept in place (text rows may drop merged cells)."""
    return bool(row.cell_sources) and row.cell_sources is not None and row.cell_sources[0].cell is not None


def _source(row: Row, index: int) -> SourceRef:
    if row.cell_sources is not None and index < len(row.cell_sources):
        return row.cell_sources[index]
    return row.source


class _Segment:
    """The state of one table being read: which block we are in and what it has collected."""

    def __init__(self) -> None:
        self.fields: dict[str, str] = {}
        self.cells: list[tuple[str, SourceRef]] = []
        self.fund_roles: list[str] | None = None
        self.fund_offset = 0
        self.indicator_roles: list[str] | None = None
        self.indicator_offset = 0
        self.funds: list[PublishedFundRow] = []
        self.indicators: list[PublishedIndicator] = []
        self.group_weights: list[tuple[str, Decimal]] = []
        self.stated: list[tuple[str, Decimal]] = []
        self.budget_weight: Decimal | None = None
        self.indicators_weight: Decimal | None = None
        self.total: Decimal | None = None
        self.grade = ""
        self.conclusions: list[tuple[str, str, SourceRef]] = []
        self.level1 = ""
        self.level2 = ""
        self.fund_unit = "万元"
        self.texts: list[str] = []
        self.places: list[SourceRef] = []


def read_segment(run: list[Row]) -> PublishedSelfEvaluation:
    state = _Segment()
    for row in run:
        cells = [c.strip() for c in row.cells]
        state.texts.extend(c for c in cells if c)
        state.places.extend(_source(row, i) for i, c in enumerate(cells) if c)
        first_at = next((i for i, c in enumerate(cells) if c), None)
        if first_at is None:
            continue
        _header_fields(state, row, cells)
        keys = [key(c) for c in cells]
        if _is_fund_header(keys):
            state.fund_roles, state.fund_offset = _roles(keys, FUND_ROLES)
            state.indicator_roles = None
            for c in cells:
                state.budget_weight = state.budget_weight or (points_in(c) if "预算执行" in c else None)
                if "万元" in c or "元" in c:
                    state.fund_unit = "万元" if "万元" in c else "元"
            continue
        if _is_indicator_header(keys):
            state.indicator_roles, state.indicator_offset = _roles(keys, INDICATOR_ROLES)
            state.fund_roles = None
            block = next((points_in(c) for c in cells[: first_at + 1] if points_in(c) is not None), None)
            if block is not None:  # 年度绩效目标1（40分）, 年度绩效目标2（40分）: blocks add up
                state.indicators_weight = (state.indicators_weight or Decimal(0)) + block
            continue
        first = cells[first_at]
        k = keys[first_at]
        if k in _FOOTERS or (k.startswith("总分") and len(k) < 8):
            _footer(state, row, cells, first_at)
            continue
        if k in _GRADES or k.startswith(
            ("自评等级", "自评得分", "项目负责人", "财务负责人", "填表人", "联系人")
        ):
            state.indicator_roles = state.fund_roles = None
            continue
        if k in _CONCLUSIONS:
            state.indicator_roles = state.fund_roles = None
            text = " ".join(c for c in cells[first_at + 1 :] if c)
            state.conclusions.append((k, text, _source(row, first_at + 1)))
            continue
        if k.startswith(("注", "说明", "备注")) or len(first) > 40:
            state.stated += [(m[1] + "指标", Decimal(m[2])) for m in _STATED.finditer(" ".join(cells))]
            if sum(1 for c in cells if c) == 1:
                continue  # a note under the table, not a row of it
        if state.fund_roles is not None and _fund_label(first) is not None:
            state.funds.append(_fund_row(state, row, cells, first_at))
            continue
        if state.indicator_roles is not None:
            _indicator_row(state, row, cells, first_at)
    return _finish(state, run)


def _header_fields(state: _Segment, row: Row, cells: list[str]) -> None:
    wanted = {"项目名称": "project", "主管部门": "department", "实施单位": "unit", "预算单位": "unit"}
    for i, cell in enumerate(cells):
        label, colon, rest = unicodedata.normalize("NFKC", cell).partition(":")
        k = key(label) if colon else key(cell)
        name = wanted.get(k)
        grade = k in _GRADES or k.startswith("自评等级")
        scored = k.startswith(("总分", "自评得分", "自评总分"))
        if name is None and not grade and not scored:
            continue
        value_at = next((j for j in range(i + 1, len(cells)) if cells[j]), None)
        inline = rest.strip() if colon else ""
        value = inline or (cells[value_at] if value_at is not None else "")
        if name is not None and name not in state.fields and value and key(value) not in wanted:
            state.fields[name] = value
            state.cells.append((name, _source(row, value_at if not inline and value_at is not None else i)))
        elif grade and value[:1] in "优良中差":
            state.grade = value[:1]
            state.cells.append(("grade", _source(row, i)))
        elif scored and state.total is None and number(value.rstrip("分")) is not None:
            state.total = number(value.rstrip("分"))
            state.cells.append(("total", _source(row, i if inline else (value_at or i))))


def _is_fund_header(keys: list[str]) -> bool:
    roles = {FUND_ROLES.get(k) for k in keys}
    return "executed" in roles and ("budget" in roles or "initial" in roles)


def _is_indicator_header(keys: list[str]) -> bool:
    roles = {INDICATOR_ROLES.get(k) for k in keys}
    return "name" in roles and bool(roles & {"score", "weight", "actual"})


def _roles(keys: list[str], table: dict[str, str]) -> tuple[list[str], int]:
    at = [i for i, k in enumerate(keys) if k in table]
    roles = [table.get(k, "") for k in keys[at[0] :]]
    while roles and not roles[-1]:
        roles.pop()
    return roles, at[0]


def _fund_row(state: _Segment, row: Row, cells: list[str], first_at: int) -> PublishedFundRow:
    assert state.fund_roles is not None
    label = _fund_label(cells[first_at]) or cells[first_at]
    absolute = _is_grid(row) and first_at < state.fund_offset
    start = state.fund_offset if absolute else first_at + 1
    values: dict[str, Decimal | None] = {}
    refs: list[tuple[str, SourceRef]] = []
    reason = ""
    for j, role in enumerate(state.fund_roles):
        at = start + j
        if not role or at >= len(cells):
            continue
        if role == "reason":
            if not _TEMPLATE_NOTE.match(cells[at]):
                reason = cells[at]
            continue
        values[role] = number(cells[at])
        refs.append((role, _source(row, at)))
    is_total = label in _TOTAL_FUNDS or label.endswith("资金总额")
    return PublishedFundRow(
        label=label,
        is_total=is_total,
        initial=values.get("initial"),
        budget=values.get("budget"),
        executed=values.get("executed"),
        weight=values.get("weight"),
        rate=values.get("rate"),
        score=values.get("score"),
        reason=reason,
        source=_source(row, first_at),
        cells=tuple(refs),
    )


def _indicator_row(state: _Segment, row: Row, cells: list[str], first_at: int) -> None:
    roles = state.indicator_roles
    assert roles is not None
    first = cells[first_at]
    k = _SERIAL.sub("", key(first))
    if catalog.is_level1_name(k) and "level1" in roles:
        start_role = roles.index("level1")
    elif catalog.is_category_name(k) and "level2" in roles:
        start_role = roles.index("level2")
    else:
        start_role = roles.index("name")
    # A workbook keeps every column in place; text rows start at their first cell (merged 一级 dropped).
    # Leading empty cells mean the row kept its columns (a merged 一级 left blank), as a workbook does.
    absolute = (_is_grid(row) or first_at > 0) and first_at >= state.indicator_offset
    places = (
        [(role, state.indicator_offset + j) for j, role in enumerate(roles)]
        if absolute
        else [(role, first_at + j) for j, role in enumerate(roles[start_role:])]
    )
    got: dict[str, tuple[str, int]] = {}
    for role, at in places:
        if role and at < len(cells) and role not in got:
            got[role] = (cells[at], at)
    if "level1" in got and got["level1"][0]:
        text = got["level1"][0]
        state.level1, state.level2 = catalog.canonical(re.sub(r"[(（].*", "", text)), ""
        weight = points_in(text)
        if weight is not None:
            state.group_weights.append((state.level1, weight))
    if "level2" in got and got["level2"][0]:
        state.level2 = got["level2"][0]
    name = _SERIAL.sub("", got.get("name", ("", 0))[0]).strip()
    target = _target(got)
    actual = got.get("actual", ("", 0))[0]
    weight = number(got.get("weight", ("", 0))[0])
    score = number(got.get("score", ("", 0))[0])
    if not name and not target and not actual and weight is None and score is None:
        return
    refs = tuple((role, _source(row, at)) for role, (_text, at) in got.items())
    state.indicators.append(
        PublishedIndicator(
            level1=state.level1,
            level2=state.level2,
            name=name,
            target=target,
            actual=actual,
            weight=weight,
            score=score,
            share=number(got.get("share", ("", 0))[0]),
            single=number(got.get("single", ("", 0))[0]),
            reason=got.get("reason", ("", 0))[0],
            not_applicable=actual.strip() in ("不适用", "/不适用"),
            source=_source(row, first_at),
            cells=refs,
        )
    )


def _target(got: dict[str, tuple[str, int]]) -> str:
    if "target" in got:
        return got["target"][0]
    nature, value, unit = (got.get(r, ("", 0))[0].strip() for r in ("nature", "value", "unit"))
    if nature in ("定性", "定性指标") or not nature:
        return value + (unit if unit and value and number(value) is not None else "")
    symbol = {">=": "≥", "<=": "≤"}.get(nature, nature)
    return f"{symbol}{value}{unit}" if value else ""


def _footer(state: _Segment, row: Row, cells: list[str], first_at: int) -> None:
    figures = [(number(c), i) for i, c in enumerate(cells) if i > first_at and number(c) is not None]
    if not figures:
        return
    if len(figures) >= 2:
        state.total, at = figures[1]
    else:
        value, at = figures[0]
        trailing_blank = at + 1 < len(cells) and not cells[at + 1]
        weights = sum((i.weight or Decimal(0) for i in state.indicators), Decimal(0))
        if trailing_blank and value in (Decimal(100), weights, weights + (state.budget_weight or 0)):
            return  # 合计 | 100 | (blank): the sum of the weights, the score left empty
        state.total = value
    state.cells.append(("total", _source(row, at)))


def _finish(state: _Segment, run: list[Row]) -> PublishedSelfEvaluation:
    title = next((t for t in state.texts if is_title(t)), "")
    year = year_in(title) if title else None
    instructions = [
        ("模板说明", t, where)
        for t, where in zip(state.texts, state.places, strict=True)
        if _INSTRUCTION.search(unicodedata.normalize("NFKC", t)) and not _TEMPLATE_NOTE.match(t)
    ]
    published = PublishedSelfEvaluation(
        project=state.fields.get("project", ""),
        form="",
        funds=tuple(state.funds),
        indicators=tuple(state.indicators),
        department=state.fields.get("department", ""),
        unit=state.fields.get("unit", ""),
        year=year,
        fund_unit=state.fund_unit,
        budget_weight=state.budget_weight,
        indicators_weight=state.indicators_weight,
        group_weights=tuple(state.group_weights),
        stated_weights=tuple(state.stated),
        total=state.total,
        grade=state.grade,
        conclusions=tuple(state.conclusions) + tuple(instructions),
        source=run[0].source,
        cells=tuple(state.cells),
    )
    form, evidence = detect_form(published, state.texts)
    from dataclasses import replace

    return replace(published, form=form, form_evidence=evidence)
