"""A whole table run together on one line → cells (a workbook or PDF flattened with no separator).

Document-sharing sites print a table's text with every cell run together::

    …项目总投资32万元…一级指标二级指标三级指标指标目标值产出指标数量指标免费开放天数=290天公益培训班次=36期…

`split_long_run` cuts such a line at every label and category it knows (longest first), and inside
the indicator block cuts a name from its value where the grammar is sure: at a comparator followed by
a number, the value ending at its unit (``=290天`` then ``公益培训班次``). Text it cannot cut stays one
cell, as written; the grid reader reads the cells by meaning.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao import catalog
from jixiao.model import Kind
from jixiao.readers.labels import Label, label_of
from jixiao.readers.runtogether import value_start
from jixiao.values import is_unit, parse_target

RUN_TOGETHER = "JX-R13"  # a whole table on one line that cannot be cut with certainty: nothing read from it
LONG_RUN = 200  # characters: a line this long with several categories in it is a table run together
_CATEGORY_WORDS = ("数量指标", "质量指标", "时效指标", "成本指标", "效益指标", "满意度指标", "产出指标")
_BLOCK_WORDS = (
    "项目名称",
    "主管部门",
    "实施单位",
    "项目类型",
    "资金总额",
    "项目总投资",
    "项目属性",
    "项目资金",
)
_VALUE = re.compile(r"(?:>=|<=|[=≥≤><＝≧≦])\s*\d+(?:\.\d+)?")
_LONGEST_TOKEN = 16
_MARKED_PARENT = re.compile(r"一[*＊·•.]级项目(?:名称|代码)")
# Labels of a form the reader does not read but must cut whole (甘肃 省级部门预算项目支出绩效目标表):
# 一级项目名称 names the programme above the project, and cutting 项目名称 out of it would start a table
# named after the programme; 监督管理单位 is not the 实施单位 its end spells.
_UNREAD_CELLS = (
    "一级项目名称", "一级项目代码", "二级项目代码", "项目分类", "资金用途", "资金性质", "项目立项必要性",
    "保证项目实施的制度措施", "项目实施计划", "组织实施单位", "监督管理单位", "政策依据", "其他依据",
    "需要说明的其他问题",
)  # fmt: skip
_LONGEST_RUN = 20000  # a longer line is not cut this way (each place is tried against the labels)


def is_long_run(line: str) -> bool:
    """True for a line holding a table's cells run together (long, no separators, several categories)."""
    if not LONG_RUN <= len(line) <= _LONGEST_RUN or "|" in line or "\t" in line or line.count("。") > 3:
        return False  # a paragraph of prose has its full stops
    categories = sum(1 for word in _CATEGORY_WORDS if word in line)
    return categories >= 3 or sum(1 for word in _BLOCK_WORDS if word in line) >= 3


_SHORTEST_CONTINUATION = 20  # characters
_TREE_HEADERS = ("一级指标", "三级指标", "绩效指标")


def continued_runs(lines: list[str]) -> set[int]:
    """The lines (0-based) that go on with a project block run together on the line before them: a
    document site broke the run inside the head (``…项目总投资`` / ``86.40万元中央补助安排0…``), so the
    rest of the table is cut as the run it continues. Only where the run before ends in a head (its
    last table title stands after its last indicator header), and while that head is open; each line
    long, with no separator."""
    continued: set[int] = set()
    head_open = False  # the last non-empty line was a run (or went on with one) ending in a head
    for i, line in enumerate(lines):
        if not head_open and len(line) < LONG_RUN:
            continue  # no run open and too short to be one (`is_long_run`): the else below, a no-op
        stripped = line.strip()
        if not stripped:
            continue
        if is_long_run(line):
            head_open = _ends_in_head(stripped)
        elif head_open and _may_continue(stripped):
            continued.add(i)
            head_open = not any(header in stripped for header in _TREE_HEADERS)
        else:
            head_open = False
    return continued


def _ends_in_head(run: str) -> bool:
    title = run.rfind("绩效目标表")
    return title >= 0 and title > max(run.rfind(header) for header in _TREE_HEADERS)


def _may_continue(line: str) -> bool:
    return len(line) >= _SHORTEST_CONTINUATION and "|" not in line and "\t" not in line


def split_long_run(line: str) -> list[str] | None:
    """The cells of a run-together line: labels and categories cut out, names cut from values.

    None where the indicator block mostly does not split (names and values glued with no comparator,
    ``…情况150次大楼安全巡查次数…``), or holds several values side by side (``>=95%>=95%``, one per
    region): cutting it would only turn runs of text into indicators."""
    cells: list[str] = []
    values = texts = 0  # in the indicator block: cells cut as values, and the other free text
    in_block = False
    start = i = 0
    text = line.strip()
    while i < len(text):
        value = _VALUE.match(text, i) if in_block else None
        if value is not None:  # =98百分比 before anything that could start after it
            if i > start:
                cells.append(text[start:i])
            elif cells and _VALUE.match(cells[-1]):
                return None  # values side by side (one per region or year): no one annual value to cut
            end = _value_end(text, value.end())
            cells.append(text[i:end])
            values += 1
            i = start = end
            continue
        size = token_at(text, i, in_block)
        if not size:
            i += 1
            continue
        if i > start:
            pieces = _pairs(text[start:i]) if in_block else [text[start:i]]
            texts += in_block
            values += in_block and len(pieces) > 1  # a name with its value cut off its end
            cells.extend(pieces)
        token = text[i : i + size]
        cells.append(token)
        in_block = in_block or label_of(token) in (Label.INDICATORS, Label.HEADER)
        if label_of(token) is Label.TITLE:
            in_block = False  # the next table starts
        i = start = i + size
    if start < len(text):
        cells.extend(_pairs(text[start:]) if in_block else [text[start:]])
    if texts > values:
        return None
    return [cell for cell in (c.strip() for c in cells) if cell]


_IN_BLOCK = (Label.HEADER, Label.INDICATORS, Label.TITLE)


def token_at(text: str, i: int, in_block: bool) -> int:
    """The length of the longest label (4 characters or more) or category starting at ``i``, or 0.
    Inside the indicator block only categories, header cells and a next table's title count: a
    project label inside an indicator's name (…专项资金投入成本控制率) is part of the name."""
    return _token_in(text[i : i + _LONGEST_TOKEN], in_block)


@lru_cache(maxsize=65536)
def _token_in(window: str, in_block: bool) -> int:
    """`token_at` on the ``_LONGEST_TOKEN`` characters from a place: the answer depends on them alone,
    so a row repeated many times (a runaway export) is looked up once per place, not once per copy."""
    if not in_block and window.startswith(_UNREAD_CELLS):
        return next(len(cell) for cell in _UNREAD_CELLS if window.startswith(cell))
    if not in_block and window[:1] == "一" and (marked := _MARKED_PARENT.match(window)):
        return marked.end()  # 一*级项目名称: a scan's stray mark inside the label
    for size in range(len(window), 3, -1):
        piece = window[:size]
        if catalog.is_category_name(piece):
            return size
        label = label_of(piece)
        if label is not None and (not in_block or label in _IN_BLOCK):
            return size
    return 0


def _value_end(text: str, end: int) -> int:
    """Where a value that ends its number at ``end`` ends: after the longest known unit there."""
    return end + next((n for n in range(4, 0, -1) if is_unit(text[end : end + n])), 0)


def _pairs(text: str) -> list[str]:
    """Names and values of a stretch of the indicator block: ``免费开放天数=290天公益培训班次=36期``
    gives four cells; a value ends at its unit (the longest known unit after the number)."""
    cells: list[str] = []
    rest = text
    while rest:
        match = _VALUE.search(rest)
        if match is None:  # a name with a date or a grade run on (…完成时间2025年底前, …等级逐年提升)
            start = value_start(rest)
            if start is not None and parse_target(rest[start:]).kind in (Kind.DEADLINE, Kind.QUALITATIVE):
                cells.extend((rest[:start], rest[start:]))
            else:
                cells.append(rest)
            break
        end = _value_end(rest, match.end())
        if match.start() > 0:
            cells.append(rest[: match.start()])
        cells.append(rest[match.start() : end])
        rest = rest[end:]
    return cells
