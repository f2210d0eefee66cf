"""Rows of cells → published 项目支出绩效自评表 (`PublishedSelfEvaluation`), whatever the source format.

Stages, each a plain function over rows (`readers.cells.Row`, as the text, xlsx, HTML and docx
readers hand them over): `selfeval_lines.rebuild_lines` turns a one-cell-per-line stream back into
rows; `selfeval_lines.segments` cuts the rows into one run per table; `read_segment` walks a run:
header fields (项目名称, 主管部门, 实施单位), the funds block (its header row names the columns:
年初预算数/全年预算数/全年执行数/分值/执行率/得分 or the Sichuan 年初预算/调整后预算数/预算执行数/
预算执行率/权重/得分/原因), the indicator block (一级/二级/三级指标, 年度指标值 or 指标性质+指标值+
度量单位, 实际完成值, 分值/权重, 得分, 偏差原因), the footer (合计/总分, 自评等级) and the
conclusion fields. Every figure keeps the place it was read from.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from jixiao import catalog
from jixiao.evaluation.published import PublishedIndicator, PublishedSelfEvaluation
from jixiao.model import SourceRef
from jixiao.readers.cells import Row
from jixiao.readers.labels import year_in
from jixiao.readers.selfeval_align import (
    POINTS_AFTER,
    first_role,
    is_level1,
    leading_blank_start,
    reads_worse_from,
    score_and_note,
)
from jixiao.readers.selfeval_centred import join_centred
from jixiao.readers.selfeval_columnwise import columnwise_indicators
from jixiao.readers.selfeval_footer import conclusion_total, footer_line
from jixiao.readers.selfeval_footer import footer as _footer
from jixiao.readers.selfeval_form import detect_form
from jixiao.readers.selfeval_funds import fund_row as _fund_row
from jixiao.readers.selfeval_funds import is_fund_header as _is_fund_header
from jixiao.readers.selfeval_funds import queued_fund_rows as _queued_fund_rows
from jixiao.readers.selfeval_funds import queues as _queues
from jixiao.readers.selfeval_gaps import (
    breaks_misplaced,
    join_fund_labels,
    one_cell_each,
    short_row_places,
    unflatten,
)
from jixiao.readers.selfeval_lines import (
    CONCLUSIONS,
    FOOTERS,
    FUND_ROLES,
    GRADES,
    INDICATOR_ROLES,
    INSTRUCTION,
    SERIAL,
    STATED,
    TEMPLATE_NOTE,
    fund_label,
    is_title,
    key,
    number,
    points_in,
    rebuild_lines,
    segments,
    side_pair,
    token_rows,
)
from jixiao.readers.selfeval_runplain import run_together_plain
from jixiao.readers.selfeval_runrows import run_together_rows
from jixiao.readers.selfeval_segment import Segment as _Segment
from jixiao.readers.selfeval_segment import cell_source as _source
from jixiao.readers.selfeval_segment import is_grid as _is_grid
from jixiao.readers.selfeval_unsure import indicator_unsure, settled, wrapped_apart
from jixiao.readers.selfeval_wrapped import join_spaced, join_wrapped, join_wrapped_heads, undouble


def read_rows(rows: Iterable[Row]) -> list[PublishedSelfEvaluation]:
    """Every published self-evaluation in the rows (one-cell-per-line streams are rebuilt first)."""
    listed = original = list(rows)
    tokens = token_rows(listed)
    if tokens is not None:
        listed = list(rebuild_lines(tokens, tokens=True))
    single = sum(1 for r in listed if sum(1 for c in r.cells if c.strip()) <= 1)
    apart: list[SourceRef] = []  # rows whose wrapped cell went back to no column
    if (
        tokens is None
        and listed
        and (not any(r.columns_known for r in listed) or single * 10 >= len(listed) * 9)
    ):
        listed = list(rebuild_lines(join_wrapped(undouble(listed))))
    elif tokens is None and breaks_misplaced(centred := join_centred(listed, apart)):
        apart.clear()  # (a fund label centred over its amounts aside)
        listed = list(rebuild_lines(one_cell_each(listed)))
    elif tokens is None:
        listed = join_wrapped_heads(centred)
    runs = segments(join_fund_labels(unflatten(join_spaced(listed))))
    tables = [wrapped_apart(columnwise_indicators(read_segment(run), run), apart) for run in runs]
    read = [t for t in tables if t.funds or t.indicators]
    # rows run together: cut where the sums allow one cut, or (no scores) where the grammar does
    return read or run_together_rows(original) or run_together_plain(original)


_WRAP = re.compile(r"[ \t]*\n[ \t]*")


def read_segment(run: list[Row]) -> PublishedSelfEvaluation:
    """One published 自评表 read from its run of rows: head fields, funds and indicator rows."""
    state = _Segment()
    for row in run:
        continuing, state.reason_open = state.reason_open, False
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
            title = cells[first_at] if first_at < state.fund_offset else ""
            state.fund_title = title if title and fund_label(title) is None else ""
            for c in cells:
                state.budget_weight = state.budget_weight or (points_in(c) if "预算执行" in c else None)
                if "万元" in c or "元" in c:
                    state.fund_unit = "万元" if "万元" in c else "元"
            state.funds += _queued_fund_rows(state, row, cells)
            continue
        if _is_indicator_header(keys):
            state.indicator_roles, state.indicator_offset = _roles(keys, INDICATOR_ROLES)
            state.indicator_label = keys[first_at] if first_at < state.indicator_offset else ""
            state.indicator_width = max(i for i, c in enumerate(cells) if c) + 1
            state.fund_roles = None
            state.headed_at = len(state.indicators)
            block = next((points_in(c) for c in cells[: first_at + 1] if points_in(c) is not None), None)
            if block is not None:  # 年度绩效目标1（40分）, 年度绩效目标2（40分）: blocks add up
                state.indicators_weight = (state.indicators_weight or Decimal(0)) + block
            continue
        first = cells[first_at]
        k = keys[first_at]
        if not state.funds and sum(1 for c in cells if c) == 1 and _queues(state, first):
            state.queued_labels.append((first, _source(row, first_at)))  # amounts may follow the header
        if k in FOOTERS or (k.startswith("总分") and len(k) < 8):
            _footer(state, row, cells, first_at)
            continue
        if k in GRADES or k.startswith(
            ("自评等级", "自评得分", "项目负责人", "财务负责人", "填表人", "联系人", "年度总体目标")
        ):  # 年度总体目标 at the foot (after 总分): the goal block closes the indicator block
            footer_line(state, row, cells, first_at)
            state.indicator_roles = state.fund_roles = None
            continue
        if k in CONCLUSIONS and not _wrapped_header_piece(state, cells):
            state.indicator_roles = state.fund_roles = None
            text = " ".join(c for c in cells[first_at + 1 :] if c)
            state.conclusions.append((k, text, _source(row, first_at + 1)))
            continue
        if k.startswith(("注", "说明", "备注")) or len(first) > 40:
            stated = [(m[1] + "指标", Decimal(m[2])) for m in STATED.finditer(" ".join(cells))]
            if stated:
                state.stated += stated
                state.cells.append(("note", _source(row, first_at)))
            if sum(1 for c in cells if c) == 1 or k in ("说明", "备注"):
                continue  # a note under the table (说明 | 无: the form's own field), not a row of it
        if state.fund_roles is not None and fund_label(first) is not None:
            if side_pair(first, state.texts):
                continue
            state.funds.append(_fund_row(state, row, cells, first_at))
            continue
        lone_amounts = state.fund_title and not state.funds and number(first) is not None
        if state.fund_roles is not None and lone_amounts:
            # the block's label spans its one row of amounts: 部门预算执行情况 | 1250.00 | 1380.00 | …
            grid = _is_grid(row) and first_at > 0
            labelled = [state.fund_title, *cells[1:]] if grid else [state.fund_title, *cells[first_at:]]
            total = _fund_row(state, row, labelled, 0)
            state.funds.append(replace(total, label=key(state.fund_title), is_total=True))
            continue
        if continuing and _reason_continues(state, row, cells, first_at):
            continue
        if state.indicator_roles is not None and not k.endswith("小计"):  # 产出指标小计: a subtotal
            _indicator_row(state, row, cells, first_at)
    return _finish(state, run)


def _reason_continues(state: _Segment, row: Row, cells: list[str], first_at: int) -> bool:
    """A line of text alone under an indicator row that printed no reason cell (PDF text, where the
    narrow 偏差原因 column wraps onto the lines after its row): the rest of that row's reason."""
    text = cells[first_at]
    if sum(1 for c in cells if c) != 1 or number(text) is not None or catalog.is_category_name(key(text)):
        return False
    last = state.indicators[-1]
    refs = last.cells
    if all(role != "reason" for role, _ in refs):
        refs = (*refs, ("reason", _source(row, first_at)))
    state.indicators[-1] = replace(last, reason=last.reason + text, cells=refs)
    state.reason_open = True
    return True


def _wrapped_header_piece(state: _Segment, cells: list[str]) -> bool:
    """``未完成原因和`` / ``改进措施``: the indicator header's last cell wrapped onto a line of its own
    (right after the header, before any indicator row), not the 改进措施 conclusion field."""
    headed = state.indicator_roles is not None and state.headed_at == len(state.indicators)
    return headed and sum(1 for c in cells if c) == 1


def _header_fields(state: _Segment, row: Row, cells: list[str]) -> None:
    wanted = {
        "项目名称": "project", "专项名称": "project", "专项资金名称": "project", "转移支付名称": "project",
        "主管部门": "department",
        "实施单位": "unit",
        "预算单位": "unit", "预算单位名称": "unit", "部门名称": "unit", "单位名称": "unit",
    }  # fmt: skip
    for i, cell in enumerate(cells):
        label, colon, rest = unicodedata.normalize("NFKC", cell).partition(":")
        k = key(label) if colon else key(cell)
        name = wanted.get(k)
        grade = k in GRADES or k.startswith("自评等级")
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


def _is_indicator_header(keys: list[str]) -> bool:
    roles = {INDICATOR_ROLES.get(k) for k in keys}
    return "name" in roles and bool(roles & {"score", "weight", "actual"})


def _roles(keys: list[str], table: dict[str, str]) -> tuple[list[str], int]:
    at = [i for i, k in enumerate(keys) if k in table]
    roles = [table.get(k, "") for k in keys[at[0] :]]
    while roles and not roles[-1]:
        roles.pop()
    return roles, at[0]


def _indicator_row(state: _Segment, row: Row, cells: list[str], first_at: int) -> None:
    roles = state.indicator_roles
    assert roles is not None
    if state.indicator_label and key(cells[first_at]) == state.indicator_label and not _is_grid(row):
        # 绩效指标 | 产出指标 | …: the header's merged label written again on each row of a text copy
        cells = ["" for _ in cells[: first_at + 1]] + cells[first_at + 1 :]
        first_at = next((i for i, c in enumerate(cells) if c), first_at)
    printed_at, first_at = first_at, _past_unheaded_categories(state, cells, first_at, roles)
    first = cells[first_at]
    k = POINTS_AFTER.sub("", SERIAL.sub("", key(first)))  # 产出指标40分 is 产出指标 (its points aside)
    if SERIAL.match(unicodedata.normalize("NFKC", first).strip()):
        start_role = roles.index("name")  # 指标1：服务对象满意度 names an indicator, whatever its words
    elif is_level1(k) and "level1" in roles and not _cost_under_output(cells, first_at, roles):
        start_role = roles.index("level1")
    elif catalog.is_category_name(k) and "level2" in roles:
        start_role = roles.index("level2")
    else:
        start_role = first_role(cells, roles, first_at, roles.index("name"))
    # A workbook keeps every column in place; text rows start at their first cell (merged 一级 dropped).
    # Leading empty cells mean the row kept its columns (a merged 一级 left blank), as a workbook does.
    absolute = _is_grid(row) or (printed_at > 0 and printed_at >= state.indicator_offset)
    start = state.indicator_offset
    if absolute and not _is_grid(row):  # text may have dropped the row's first (empty) cell
        start, ambiguous = leading_blank_start(cells, roles, start, state.indicator_width)
        if ambiguous:
            state.ambiguous.append(_source(row, first_at))
    places = (
        [(role, start + j) for j, role in enumerate(roles) if start + j >= 0]
        if absolute
        else [(role, first_at + j) for j, role in enumerate(roles[start_role:])]
    )
    if not absolute:
        places = short_row_places(cells, first_at, roles[start_role:], places)
    got: dict[str, tuple[str, int]] = {}
    for role, at in places:
        if role and at < len(cells) and role not in got:
            got[role] = (cells[at], at)
    if "level1" in got and got["level1"][0]:
        text = got["level1"][0]
        state.level1, state.level2 = (
            catalog.canonical(POINTS_AFTER.sub("", re.sub(r"[(（].*", "", text))),
            "",
        )
        weight = points_in(text)
        if weight is not None:
            state.group_weights.append((state.level1, weight))
    if "level2" in got and got["level2"][0]:
        state.level2 = got["level2"][0]
    # 养护路段优良<br>中等路率: a line break inside a cell is the cell's wrap, not part of the name
    name = _WRAP.sub("", SERIAL.sub("", got.get("name", ("", 0))[0])).strip()
    target = _target(got)
    actual = got.get("actual", ("", 0))[0]
    weight = number(got.get("weight", ("", 0))[0])
    score, note = score_and_note(got.get("score", ("", 0))[0])
    if not target and not actual and weight is None and score is None:
        return  # an empty slot, or a stray reason cell: nothing printed to audit
    if name.strip("/／—-…. ") == "" and weight is None and score is None:
        return  # 指标1：/ / /: a slot marked unused
    if _breakdown(name, weight, score, roles):
        return  # 其中露天蔬菜 under ★补助种植面积: a part of the row above, with no points of its own
    refs = tuple((role, _source(row, at)) for role, (_text, at) in got.items())
    # a text row that ended before its reason cell: its reason may follow on lines of its own
    complete = weight is not None and score is not None and not _is_grid(row)
    state.reason_open = complete and "reason" in roles and "reason" not in got
    unsure = (
        ""
        if _is_grid(row)
        else indicator_unsure(
            name, state.level2, (target, actual, weight is not None, score is not None), roles
        )
    )
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
            reason=got.get("reason", ("", 0))[0] or note,
            not_applicable=actual.strip() in ("不适用", "/不适用"),
            source=_source(row, first_at),
            cells=refs,
            unsure=unsure,
        )
    )


def _past_unheaded_categories(state: _Segment, cells: list[str], first_at: int, roles: list[str]) -> int:
    """A header without 一级/二级 columns (the 重庆 transfer-payment form) still prints them in front of
    a group's first row (``产出指标 | 数量指标 | 指标1：…``): they set the row's 一级/二级, the name
    follows."""
    if "level1" in roles or "level2" in roles:
        return first_at
    named = roles[roles.index("name") :]
    needed = sum(1 for role in named if role and role != "reason")
    at = first_at
    while (
        catalog.is_category_name(POINTS_AFTER.sub("", key(cells[at])))
        and sum(1 for c in cells[at + 1 :] if c) >= needed  # 服务对象满意度 | % | ≥ | 90…: a name
        and not reads_worse_from(cells, named, at, _next_filled(cells, at))
    ):
        k = POINTS_AFTER.sub("", key(cells[at]))
        if catalog.is_level1_name(k):
            state.level1, state.level2 = catalog.canonical(k), ""
        else:
            state.level2 = cells[at]
            state.level1 = state.level1 or (catalog.parent_in_any(k) or "")
        at = _next_filled(cells, at)
    return at


def _next_filled(cells: list[str], at: int) -> int:
    """The next cell after ``at`` that holds something (the last cell when none does)."""
    return next((j for j in range(at + 1, len(cells)) if cells[j]), len(cells) - 1)


def _breakdown(name: str, weight: Decimal | None, score: Decimal | None, roles: list[str]) -> bool:
    """A ``其中…`` row without 分值 or 得分 in a table that has those columns breaks down the row above."""
    scored = "weight" in roles or "score" in roles
    return scored and weight is None and score is None and key(name).startswith("其中")


def _cost_under_output(cells: list[str], first_at: int, roles: list[str]) -> bool:
    """成本指标 is an 一级 (2021) or a 二级 of 产出 (10号): a 二级 when, read as 一级, its name is a value."""
    if "level2" not in roles or "name" not in roles:
        return False
    if POINTS_AFTER.sub("", key(cells[first_at])) != "成本指标":  # 成本指标5分: its points aside
        return False
    at = first_at + roles.index("name") - roles.index("level1")
    name = cells[at].strip() if at < len(cells) else ""
    if number(name) is not None or name[:1] in "≥≤<>=＞＜≧≦═＝" or not name:
        return True
    after = cells[first_at + 1].strip() if first_at + 1 < len(cells) else ""
    if after and SERIAL.match(unicodedata.normalize("NFKC", after)):
        return True  # 成本指标 | 指标1：项目支出控制数: an indicator where the 二级 would stand
    # 成本指标 | 造林补助 | 每亩300 | 每亩300 | 6 | 6: one cell short of an 一级 row, and a value where
    # the name would stand (trailing blank cells of a flattened page aside)
    printed = len(cells) - next(i for i, c in enumerate(reversed(cells)) if c.strip())
    short = printed - first_at < len(roles) - roles.index("level1")
    return short and any(ch.isdigit() for ch in name)


_SYMBOLS = {
    ">=": "≥",
    "<=": "≤",
    "≧": "≥",
    "≦": "≤",
    "═": "=",
    "＝": "=",
    "≥": "≥",
    "≤": "≤",
    "=": "=",
    ">": ">",
    "<": "<",
}


def _target(got: dict[str, tuple[str, int]]) -> str:
    if "target" in got:
        return got["target"][0]
    nature, value, unit = (got.get(r, ("", 0))[0].strip() for r in ("nature", "value", "unit"))
    if nature in ("定性", "定性指标") or not nature:
        return value + (unit if unit and value and number(value) is not None else "")
    if not value and not unit and nature[:1] not in _SYMBOLS:
        return nature  # 有效: a qualitative target written across the merged 指标性质/指标值/度量单位
    symbol = _SYMBOLS.get(nature, nature)
    return f"{symbol}{value}{unit}" if value else ""


def _group_scores(
    rows: list[PublishedIndicator],
) -> tuple[tuple[PublishedIndicator, ...], tuple[tuple[str, Decimal, SourceRef], ...]]:
    """A group whose first row alone has a score (a merged 得分 cell) printed one score for the group."""
    groups: dict[str, list[int]] = {}
    for n, row in enumerate(rows):
        groups.setdefault(row.level1, []).append(n)
    out = list(rows)
    scores: list[tuple[str, Decimal, SourceRef]] = []
    for level1, members in groups.items():
        first = rows[members[0]]
        rest = [rows[n] for n in members[1:]]
        if not rest or first.score is None or any(r.score is not None for r in rest):
            continue
        if first.weight is not None and first.score <= first.weight:
            continue  # the other rows simply left blank
        scores.append((level1, first.score, first.where("score")))
        out[members[0]] = replace(first, score=None)
    return tuple(out), tuple(scores)


_YEAR_LINE = re.compile(r"[（(]?\s*(19|20)\d\d\s*年度?\s*[)）]?")


def _whole_department(title: str, fields: dict[str, str]) -> str:
    """A 部门整体 自评表 names no project: what it evaluates is the department (or unit) itself."""
    if "整体" not in title:
        return ""
    return fields.get("unit", "") or fields.get("department", "")


def _finish(state: _Segment, run: list[Row]) -> PublishedSelfEvaluation:
    title = next((t for t in state.texts if is_title(t)), "")
    year = year_in(title) if title else None
    if year is None:  # the year on a line of its own under the title: （2024年度）, 2023年度
        year = next((year_in(t) for t in state.texts[:6] if _YEAR_LINE.fullmatch(t.strip())), None)
    instructions = [
        ("模板说明", t, where)
        for t, where in zip(state.texts, state.places, strict=True)
        if INSTRUCTION.search(unicodedata.normalize("NFKC", t)) and not TEMPLATE_NOTE.match(t)
    ]
    conclusion_total(state)
    text = not _is_grid(run[0]) if run else True
    indicators, group_scores = _group_scores(settled(state.indicators, state.total is not None, text))
    published = PublishedSelfEvaluation(
        project=state.fields.get("project", "") or _whole_department(title, state.fields),
        form="",
        funds=tuple(state.funds),
        indicators=indicators,
        group_scores=group_scores,
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
        ambiguous_rows=tuple(state.ambiguous),
        source=run[0].source,
        cells=tuple(state.cells),
    )
    form, evidence = detect_form(published, state.texts)
    return replace(published, form=form, form_evidence=evidence)
