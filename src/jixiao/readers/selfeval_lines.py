"""The cells of a published 自评表: keys, figures and labels, and the two stages before reading.

`rebuild_lines` turns a one-cell-per-line stream (PDF text, HTML flattened to ``cell |`` lines) back
into rows; `segments` cuts rows into one run per table. `key`, `number` and `points_in` read a cell
the same way everywhere (``产出指标（50分）`` → 50, ``100.00%`` → 100.00).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation

from jixiao import catalog
from jixiao.model import SourceRef
from jixiao.readers.cells import Row

_PARENS = re.compile(r"\([^()]*\)")
_SPACES = re.compile(r"\s+")
_POINTS = re.compile(r"(\d+(?:\.\d+)?)\s*分")
_NUMBER = re.compile(r"^[-+]?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^[-+]?\d+(?:\.\d+)?$")
SERIAL = re.compile(r"^指标\s*\d+\s*[:：]\s*")
INSTRUCTION = re.compile(r"\(\d+字以内\)|^结合自评情况|^对照年度目标|^针对项目自评中发现的问题")
# the form's own printed note (1.预算执行率=…(100字以内);2.年中发生预算调整的…), also a wrapped line of it
TEMPLATE_NOTE = re.compile(r"^1[.、．]\s*预算执行率|.*字以内[)）][;；]?\s*2[.、．]\s*年中发生预算调整")
STATED = re.compile(
    r"(产出|效益|满意度|成本)指标?\s*(?:权重|分值)?\s*(?:为|占|共)?\s*(\d+(?:\.\d+)?)\s*(?:分|%)"
)

FUND_ROLES = {
    "年初预算数": "initial", "年初预算": "initial", "年初预算金额": "initial",
    "全年预算数": "budget", "调整后预算数": "budget", "调整后预算": "budget", "预算数": "budget",
    "调整预算数": "budget",  # 河北: 年初预算数 | 调整预算数 | 全年执行数
    "全年预算": "budget",
    "全年执行数": "executed", "全年执行": "executed", "预算执行数": "executed", "执行数": "executed",
    "实际执行数": "executed",
    "分值": "weight", "权重": "weight", "执行率权重": "weight",
    "执行率": "rate", "预算执行率": "rate",
    "得分": "score", "执行率得分": "score", "自评得分": "score",
    "原因": "reason", "偏差原因": "reason",
}  # fmt: skip
INDICATOR_ROLES = {
    "一级指标": "level1", "二级指标": "level2", "三级指标": "name", "指标名称": "name",
    "指标性质": "nature", "度量单位": "unit", "计量单位": "unit",
    "年度指标值": "target", "年初目标值": "target", "年度目标值": "target", "目标值": "target",
    "预期指标值": "target", "指标值": "value",
    "实际完成值": "actual", "完成值": "actual", "全年实际值": "actual", "实际值": "actual",
    "全年实际完成值": "actual", "实际完成情况": "actual", "全年完成值": "actual",
    "分值": "weight", "权重": "weight", "指标分值": "weight", "权重分值": "weight", "指标权重": "weight",
    "权重占比": "share", "单项得分": "single",
    "得分": "score", "自评得分": "score", "折算得分": "score", "实际得分": "score", "自评分": "score",
    "指标得分": "score",
    "年初指标值": "target", "年终完成值": "actual", "评价内容": "name", "项目权重": "level1",
    "偏差原因分析及改进措施": "reason", "未完成原因分析": "reason", "偏差原因分析": "reason",
    "偏差原因": "reason", "原因分析": "reason", "备注": "reason",
    "评价标准": "reason", "评价标准及依据": "reason",  # the Suizhou form's last column: why marks were lost
    "说明": "reason",  # the 重庆 部门整体 form's last column
    "未完成原因及拟采取的改进措施": "reason", "未完成原因和改进措施": "reason",
}  # fmt: skip
TOTAL_FUNDS = ("年度资金总额", "总额", "资金总额", "年度财政资金总额", "年度总金额", "总金额", "合计")
_FUND_WORDS = ("资金", "拨款", "结转", "财政")
# sources named otherwise: 中央补助 / 地方配套 (转移支付区域 form), 基本支出 / 项目支出 (部门整体 form)
_SOURCE_LABEL = re.compile(
    r"^(?:中央|省级?|市级?|县级?|区级?|地方|上级|本级)(?:补助|配套)$|^(?:基本|项目)支出$"
)
# 按收入性质分： / 按支出性质分： — the group a 部门整体 table's fund rows are printed under
_BREAKDOWN = re.compile(r"^按[^:：]{1,8}分[:：]")
FOOTERS = ("合计", "总分", "总计", "综合得分")
CONCLUSIONS = ("评价结论", "存在问题", "改进措施", "自评结论", "主要问题", "整改措施", "其他需要说明事项")
GRADES = ("自评等级", "评价等级", "绩效等级", "自评结果", "等级")


# 专项(项目)名称, 专项资金名称, 转移支付(项目)名称: how transfer-payment forms name the project
PROJECT_LABELS = ("项目名称", "专项名称", "专项资金名称", "转移支付名称")


def is_project_label(k: str) -> bool:
    """A key that names the project: ``项目名称``, ``专项(项目)名称``, ``项目名称:…`` inline."""
    return k in PROJECT_LABELS or k.startswith(tuple(f"{label}:" for label in PROJECT_LABELS))


def key(text: str) -> str:
    """A cell as a comparable key: NFKC, no spaces, no trailing colon, no parenthesised parts."""
    text = _SPACES.sub("", unicodedata.normalize("NFKC", text))  # 年度<br>指标值: a line break too
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


def cell_text(text: str) -> str:
    """A cell's text without surrounding whitespace and without a leading or trailing ``|``."""
    stripped = text.strip()
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    if stripped.startswith("|"):
        stripped = stripped[1:]
    return stripped.strip()


def is_title(text: str) -> bool:
    """True for a short line that names a 自评表 (its title)."""
    return "自评表" in text and len(text) < 60


def _starts_row(text: str, previous: str) -> bool:
    k = key(text)
    if not k:
        return False
    if is_title(text) or k in ("主管部门", "实施单位", "项目基本情况", "年度总体目标") or k in PROJECT_LABELS:
        return True
    if k.startswith(("预算执行情况", "项目资金", "年度资金", "绩效指标", "年度绩效目标")) and len(k) < 14:
        return True
    if fund_label(text) is not None or k in FOOTERS or k in CONCLUSIONS:
        return True
    if k.startswith(("项目负责人", "财务负责人", "填表人")):
        return True
    if k == "一级指标" and not key(previous).startswith(("绩效指标", "年度绩效目标")):
        return True
    if catalog.is_level1_name(key(previous)):
        return False  # the 二级 beside its 一级 (满意度指标 under 满意度指标) belongs to the same row
    return catalog.is_category_name(k)


def token_rows(rows: list[Row]) -> list[Row] | None:
    """Text whose cells lost their separators (a spreadsheet saved as text with single spaces) →
    one token per row, or None when the text has cells of its own."""
    if any(len([c for c in r.cells if c.strip()]) > 1 for r in rows):
        return None
    if not any(len(c.split()) >= 15 for r in rows for c in r.cells):
        return None
    return [
        Row((token,), r.source, columns_known=False) for r in rows for c in r.cells for token in c.split()
    ]


def _number_pair_ends(current: list[tuple[str, SourceRef]], text: str) -> bool:
    """In a token stream an indicator row ends after its 分值 and 得分: two figures, then a word."""
    if len(current) < 4 or number(text) is not None:
        return False
    return number(current[-1][0]) is not None and number(current[-2][0]) is not None


def rebuild_lines(rows: Iterable[Row], tokens: bool = False) -> Iterator[Row]:
    """One cell per line (PDF text, HTML flattened to ``cell |`` lines) → rows, by where rows start.

    A row starts at a label that opens one (项目名称, a fund row, an 一级/二级 category, 合计…);
    inside the indicator block a row also ends once it holds as many cells as the header has
    columns from its first one on (a row whose 一级 and 二级 are merged holds fewer), or once it
    holds its 分值 and 得分 with only the reason left and the next cells read as a row of their own
    (a name, then a comparator or a figure). A header split over two rows (年度指标值 above
    指标性质/指标值/度量单位) counts as one. In a token stream (``tokens``: empty cells left no
    trace) a row ends after its two figures, 分值 and 得分.
    """
    cells = [(cell_text(raw), row.source) for row in rows for raw in row.cells]
    current: list[tuple[str, SourceRef]] = []
    capacity: int | None = None
    header_roles: list[str] = []
    above_roles: list[str] = []
    previous = ""

    def flush() -> Row | None:
        nonlocal header_roles, above_roles
        if not current:
            return None
        texts = tuple(t for t, _ in current)
        roles = [INDICATOR_ROLES[key(t)] for t in texts if key(t) in INDICATOR_ROLES]
        if "name" in roles and len(roles) >= 3:
            header_roles = roles
            if "target" in above_roles and "value" in roles and not {"level1", "level2"} & set(above_roles):
                after = above_roles[above_roles.index("target") + 1 :]
                header_roles = [*roles, *(r for r in after if r not in roles)]
        above_roles = roles
        return Row(texts, current[0][1], tuple(s for _, s in current))

    for n, (text, source) in enumerate(cells):
        if capacity is not None and _one_column_more(current, capacity, text, header_roles):
            capacity += 1  # the row opened with a 二级 the catalogue does not know (可持续性)
        full = (
            capacity is not None
            and (
                len(current) >= capacity
                or (tokens and _number_pair_ends(current, text))
                or (
                    capacity - len(current) == 1 and _last_slot_blank(current, cells[n : n + 2], header_roles)
                )
                or _closed_by_blank_reason(current, header_roles)
            )
        ) or _header_ends(current, cells[n : n + 2])
        if current and (_starts_row(text, previous) or full):
            made = flush()
            if made is not None:
                yield made
            current, capacity = [], None
        if is_title(text) or key(text) in PROJECT_LABELS:
            header_roles, above_roles = [], []  # the next table: its own columns, not the last one's
        if not current and header_roles and not text:
            continue  # a lone empty cell between rows (an empty template row, '|' alone): no column to hold
        if not current and header_roles:
            capacity = _capacity(text, header_roles)
        current.append((text, source))
        previous = text
    made = flush()
    if made is not None:
        yield made


_COMPARATORS = ("≥", "≤", ">", "<", "=", "≧", "≦", "═", "＞", "＜", "＝")


def _next_row_starts(
    current: list[tuple[str, SourceRef]], following: list[tuple[str, SourceRef]], roles: list[str]
) -> bool:
    """The reason slot is all a row lacks, it already ends with its 得分 (after its 分值, or after its
    actual where 分值 stands before the target), and the next cell is a name followed by a comparator or
    a figure: that name opens the next row (the reason was blank)."""
    if roles[-1:] != ["reason"] or len(current) < 3 or len(following) < 2:
        return False
    weight_last = roles[-3:-1] == ["weight", "score"]
    if number(current[-1][0]) is None or (weight_last and number(current[-2][0]) is None):
        return False
    name, after = following[0][0], following[1][0]
    figure = number(after) is not None or after[:1].isdigit()  # 12.5万亩: a figure with its unit
    return number(name) is None and (after[:1] in _COMPARATORS or figure or _opens_after_name(after, roles))


def _one_column_more(
    current: list[tuple[str, SourceRef]], capacity: int, text: str, roles: list[str]
) -> bool:
    """A row led by what looked like its name has filled its slots up to 得分 with words, and a figure
    follows: its first cell was a 二级 category, and the figure is its score."""
    if len(current) != capacity or roles[-1:] != ["score"] or "level2" not in roles or number(text) is None:
        return False
    last = current[-1][0].strip()
    return number(last) is None and not last[:1].isdigit() and capacity < len(roles) - roles.index("level2")


def _last_slot_blank(
    current: list[tuple[str, SourceRef]], following: list[tuple[str, SourceRef]], roles: list[str]
) -> bool:
    """The row's last slot (its reason, or its 得分) was left blank: the next cells open the next row."""
    return _next_row_starts(current, following, roles) or _score_left_blank(following, roles)


def _score_left_blank(following: list[tuple[str, SourceRef]], roles: list[str]) -> bool:
    """Only the 得分 slot is left and the next cell is a name followed by a bound: the score was left
    blank (a group's one score stands on its first row) and that name opens the next row."""
    if roles[-1:] != ["score"] or len(following) < 2:
        return False
    name, after = following[0][0].strip(), following[1][0].strip()
    if not name or name[:1].isdigit() or name[:1] in _COMPARATORS or key(name) in INDICATOR_ROLES:
        return False
    return after[:1] in _COMPARATORS


def _opens_after_name(text: str, roles: list[str]) -> bool:
    """The cell fits the column after the name in this header: a unit (万亩, %, ‰) under 计量单位, a
    comparator or 定性/定量 under 指标性质."""
    at = roles.index("name") + 1 if "name" in roles else len(roles)
    role = roles[at] if at < len(roles) else ""
    stripped = text.strip()
    if role == "unit":
        return 0 < len(stripped) <= 4 and number(stripped) is None and not stripped[:1].isdigit()
    return role == "nature" and (stripped[:1] in _COMPARATORS or stripped in ("定性", "定量"))


def _header_ends(current: list[tuple[str, SourceRef]], following: list[tuple[str, SourceRef]]) -> bool:
    """An indicator header (three or more column names, 三级指标 or 指标名称 among them, nothing else but
    its block's label) ends where the next cells read as a row under it: a name, then what the column
    after the name holds (a comparator, a figure, a unit) — not a column name the reader lacks."""
    roles: list[str] = []
    others: list[str] = []
    for text, _ in current:  # stopped at a second non-column cell: a long row is not keyed again per cell
        k = key(text)
        if k in INDICATOR_ROLES:
            roles.append(INDICATOR_ROLES[k])
        elif others:
            return False
        else:
            others.append(k)
    if len(roles) < 3 or "name" not in roles or len(following) < 2 or len(others) > 1:
        return False
    if not all(k.startswith(("绩效指标", "年度绩效目标")) for k in others):
        return False
    name, after = following[0][0], following[1][0]
    if not key(name) or key(name) in INDICATOR_ROLES or number(name) is not None:
        return False
    figure = number(after) is not None or after[:1].isdigit()
    return after[:1] in _COMPARATORS or figure or _opens_after_name(after, roles)


def _closed_by_blank_reason(current: list[tuple[str, SourceRef]], roles: list[str]) -> bool:
    """A row that printed its 分值 and 得分 and then an empty reason cell is complete."""
    if roles[-3:] != ["weight", "score", "reason"] or len(current) < 4 or current[-1][0]:
        return False
    return number(current[-2][0]) is not None and number(current[-3][0]) is not None


def _capacity(first: str, roles: list[str]) -> int | None:
    k = key(first)
    if not (catalog.is_category_name(k) or catalog.is_category_name(SERIAL.sub("", k))):
        if not k or k in FOOTERS or k.startswith("总分") or k in CONCLUSIONS or "name" not in roles:
            return None  # a blank (merged) first cell, or a footer (总分 | … | 100 | 96.5)
        return len(roles) - roles.index("name")  # a row led by its name
    start = "level1" if catalog.is_level1_name(k) else "level2"
    return len(roles) - roles.index(start) if start in roles else None


def segments(rows: Iterable[Row]) -> Iterator[list[Row]]:
    """One run of rows per table: a 自评表 title or a second 项目名称 starts the next; a run counts
    once it names a project, or its title is a 部门整体 自评表's."""
    current: list[Row] = []
    named = False
    for row in rows:
        first = next((c for c in row.cells if c.strip()), "")
        starts = is_title(first) or (is_project_label(key(first)) and named)
        if starts and current:
            if named:
                yield current
            current, named = [], False  # rows before a title that named no project: a cut-off page
        if any(is_project_label(key(c)) for c in row.cells):
            named = True
        if is_title(first) and "整体" in first:
            named = True  # a 部门整体 自评表 names its department, not a project
        current.append(row)
    if current and named:
        yield current


SIDE_COLUMNS = ("按收入性质分", "按支出性质分")


def side_pair(text: str, texts: list[str]) -> bool:
    """``政府性基金拨款:`` beside ``按收入性质分:``: a label-and-amount pair of the 湖南 form's side
    columns (a breakdown of the total by source or by kind), not a fund row under the block's header."""
    stripped = unicodedata.normalize("NFKC", text).strip()
    return stripped.endswith(":") and any(key(t).startswith(SIDE_COLUMNS) for t in texts)


def fund_label(text: str) -> str | None:
    """The fund label of a cell (年度资金总额, 财政拨款, 其他资金…), or None if it is not one."""
    k = _BREAKDOWN.sub("", key(text).removeprefix("其中"))  # 按收入性质分：财政拨款 → 财政拨款
    k = k.lstrip(":：")
    if not k or len(k) > 16 or _NUMBER.match(k) or k.endswith(("率", "度")):
        return None  # 补助资金发放及时率, 资金使用满意度: indicators that speak of funds
    if k in TOTAL_FUNDS[:-1] or k.endswith("资金总额"):
        return k
    if _SOURCE_LABEL.match(k):
        return k
    return k if any(w in k for w in _FUND_WORDS) and not k.startswith(("预算执行", "项目资金")) else None
