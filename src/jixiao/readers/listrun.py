"""A unit's list of projects whose text lost every cell separator (湖南 预算一体化 disclosure, one table
per unit: ``单位代码 | 单位(专项)名称 | 资金总额 | 实施期 | 绩效目标`` over ``一级指标 | 二级指标 | 三级指标 |
指标值 | 指标值内容 | 评(扣分标准) | 度量单位 | 指标值类型``), cut back into cells only where the form's
fixed column order and its own figures leave one reading:

- the two header lines must be the form's header, run together, so the column order is known;
- a project line is ``<code> <name><amount, two decimals><year>年<goal>`` and the unit's line
  ``<code><unit><total>``; the projects' amounts must add up to the unit's total, else nothing is cut;
- an indicator line opens with catalogue category names and closes with its 度量单位 (``-`` or a unit)
  and 指标值类型 (定量/定性); between them the name (no digit in it), the value (a comparator, a number
  and its unit, or a date) and the rest, which is text (指标值内容 and 评分标准, kept together);
- a line whose value is words (``有所减轻``) has no visible boundary: it is not read, and a JX-R13
  diagnostic names it — never a guessed cut.

The cells go on as rows of a project block per project (项目名称, 实施单位, 资金总额, 实施期, 绩效目标,
the indicator header, the indicators), each cell citing the line it came from.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao import catalog
from jixiao.model import Diagnostic, Kind, Severity, SourceRef
from jixiao.readers.cells import Row
from jixiao.readers.labels import SPLIT_NAME, Label, label_of
from jixiao.readers.runs import RUN_TOGETHER
from jixiao.values import is_unit, parse_target, take_unit

PROJECTS_HEADER = "单位代码单位(专项)名称资金总额实施期绩效目标"
TREE_HEADER = "一级指标二级指标三级指标指标值指标值内容评(扣分标准)度量单位指标值类型"
_TREE_CELLS = ("一级指标", "二级指标", "三级指标", "指标值", "指标值内容", "度量单位", "指标值类型")

_UNIT_LINE = re.compile(r"(\d{6})(\D+?)(\d+\.\d{2})")
_PROJECT_LINE = re.compile(r"(\d{6})(\D+?)(\d+\.\d{2})((?:19|20)\d{2}年?)(.*)")
_KIND_TAIL = re.compile(r"(定量|定性)$")
_VALUE_START = re.compile(
    r"(?:≥|≤|>|<|=|不少于|不低于|不高于|不超过|不多于|大于|小于|高于|低于|多于|少于)?\d"
)
_DATE = re.compile(r"(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:前|之前|底前|底)?")
_NUMBER = re.compile(r"\D*?\d+(?:\.\d+)?")
_PER_TIME = re.compile(r"[.·．]每?[天日月年人次]")  # 15元/人.每天: the unit goes on
_SUFFIX = re.compile(r"及?以上|及?以下|以内")
_DEPARTMENT = re.compile(r"(?:预算|主管)?部门[:：](.+?)(金额单位[:：].+)")
_EXPLANATION_OPENERS = ("反映",)  # how the templates' 指标值内容/指标解释 cells begin
_NUMBER_TOKEN = re.compile(r"\d+(?:\.\d+)?")
_SCORING = re.compile(r"[得扣]\d|[得扣]$")  # the 评(扣分标准) column: after the value, never in it
_CATEGORIES = sorted(catalog.ALL_CATEGORY_NAMES, key=len, reverse=True)


def _squeezed(line: str) -> str:
    return "".join(line.split())


def is_run_together_list(lines: list[str]) -> bool:
    """Whether the text holds this form's two header lines run together, one after the other."""
    squeezed = [_squeezed(line) for line in lines if line.strip()]
    return any(
        a.startswith(PROJECTS_HEADER) and b.startswith(TREE_HEADER) for a, b in itertools.pairwise(squeezed)
    )


def split_value(rest: str) -> tuple[str, str, str] | None:
    """``<name><value><text>`` → the three, when the value is a number or a date with a visible end;
    None where the boundary cannot be told (a value in words, a name with digits, nothing after)."""
    start = _VALUE_START.search(rest)
    if start is None:
        return None
    name, tail = rest[: start.start()], rest[start.start() :]
    if not name or any(c.isdigit() for c in name):
        return None
    if (date := _DATE.match(tail)) is not None:
        end = date.end()
    else:
        number = _NUMBER.match(tail)
        if number is None:
            return None
        unit, after = take_unit(tail[number.end() :])
        if unit is not None and not is_unit(unit):
            return None
        end = len(tail) - len(after)
        end = per.end() if unit is not None and (per := _PER_TIME.match(tail, end)) else end
        end = suffix.end() if (suffix := _SUFFIX.match(tail, end)) else end
    value, text = tail[:end], tail[end:]
    if not text or text[0].isdigit() or text[0] in "%/." or _SCORING.search(name + value):
        return None  # 较大得10分: a score in the name or value means the cut is in the wrong place
    target = parse_target(value)
    if target.kind not in (Kind.QUANTITATIVE, Kind.DEADLINE) or name[-1].isascii():
        return None  # PM2.5: a name that goes on in digits
    return (name, value, text) if _confirmed(value, text) else None


def _confirmed(value: str, text: str) -> bool:
    """Whether the cells after the value confirm the cut: the 指标值内容 opens as the form's explanations
    do (``反映…``), or the 评分标准 restates the value's number (``95%以上得10分``)."""
    if text.startswith(_EXPLANATION_OPENERS):
        return True
    numbers = _NUMBER_TOKEN.findall(value)
    return bool(numbers) and all(re.search(rf"(?<![\d.]){re.escape(n)}(?![\d.])", text) for n in numbers)


def _categories(rest: str) -> tuple[list[str], str]:
    """The catalogue category names opening an indicator line, and what follows them."""
    found: list[str] = []
    while len(found) < 2:
        name = next((c for c in _CATEGORIES if rest.startswith(c)), None)
        if name is None:
            break
        found.append(name)
        rest = rest[len(name) :]
    return found, rest


def _tail(text: str) -> tuple[str, str, str] | None:
    """``…<度量单位><指标值类型>`` → (what comes before, the unit column, the kind column), or None."""
    kind = _KIND_TAIL.search(text)
    if kind is None:
        return None
    before = text[: kind.start()]
    if before.endswith("-"):
        return before[:-1], "-", kind.group(1)
    for size in (1, 2):
        if len(before) > size and is_unit(before[-size:]):
            return before[:-size], before[-size:], kind.group(1)
    return None


class _Projects:
    """The state of the list being cut: the unit above its projects, the categories in force."""

    def __init__(self, file: str | None) -> None:
        self.file = file
        self.above: list[str] = []  # the title and the 金额单位 line: repeated over every project
        self.department = ""
        self.unit: tuple[str, Decimal] | None = None
        self.amounts: list[Decimal] = []
        self.level1 = ""
        self.level2 = ""
        self.notes: list[Diagnostic] = []

    def source(self, number: int) -> SourceRef:
        return SourceRef(self.file, number)

    def project(self, match: re.Match[str], number: int) -> Iterator[Row]:
        _, name, amount, year, goal = match.groups()
        self.amounts.append(Decimal(amount))
        self.level1 = self.level2 = ""
        source = self.source(number)
        yield from (Row((line,), source, columns_known=False) for line in self.above)
        yield Row((SPLIT_NAME, name), source)
        if self.department:
            yield Row(("主管部门", self.department), source)
        if self.unit is not None:
            yield Row(("实施单位", self.unit[0]), source)
        yield Row(("资金总额", amount, "实施期", year), source)
        if goal.strip():
            yield Row(("绩效目标", goal.strip()), source)
        yield Row(_TREE_CELLS, source)

    def indicator(self, text: str, number: int) -> Iterator[Row]:
        names, rest = _categories(text)
        for name in names:
            if catalog.is_level1_name(name) and name == names[0]:
                self.level1, self.level2 = name, ""
            else:
                self.level2 = name
        if not rest or rest.strip("-") in ("定量", "定性", ""):
            return  # a category left empty by the template (生态环境成本指标 | | | -定性)
        tail = _tail(rest)
        split = split_value(tail[0]) if tail is not None else None
        if tail is None or split is None:
            message = (
                f"单元格连在一起：“{text[:40]}”中指标名称、指标值与说明之间没有分隔，指标值不是数字或日期，"
                "无法确定从哪里拆分：该行未读取；请核对原表"
            )
            self.notes.append(Diagnostic(RUN_TOGETHER, Severity.WARNING, message, self.source(number)))
            return
        name, value, notes = split
        yield Row((self.level1, self.level2, name, value, notes, tail[1], tail[2]), self.source(number))


def list_rows(lines: list[str], file: str | None) -> tuple[list[Row], list[Diagnostic]] | None:
    """The rows of a run-together project list (see the module), with the lines it could not cut; None
    where the text is not such a list or its projects' amounts do not add up to the unit's total."""
    if not is_run_together_list(lines):
        return None
    state = _Projects(file)
    rows: list[Row] = []
    header = 0
    for number, line in enumerate(lines, start=1):
        text = _squeezed(line)
        if not text:
            continue
        if header < 2:
            if text.startswith((PROJECTS_HEADER, TREE_HEADER)):
                header += 1
            elif (department := _DEPARTMENT.fullmatch(text)) is not None:
                state.department, money = department.groups()
                state.above.append(money)
            else:
                if label_of(line.strip()) is Label.TITLE:
                    state.above.append(line.strip())
                rows.append(Row((line.strip(),), state.source(number), columns_known=False))
            continue
        if (unit := _UNIT_LINE.fullmatch(text)) is not None:
            if not _adds_up(state):
                return None
            state.unit, state.amounts = (unit.group(2), Decimal(unit.group(3))), []
        elif (project := _PROJECT_LINE.fullmatch(text)) is not None:
            rows.extend(state.project(project, number))
        elif state.amounts and (_categories(text)[0] or _KIND_TAIL.search(text)):
            rows.extend(state.indicator(text, number))
        elif state.amounts:  # not a row of the list (返回】, a footer): said, never read as an indicator
            message = f"第{number}行“{line.strip()[:40]}”不是项目或指标行，未读取"
            state.notes.append(Diagnostic(RUN_TOGETHER, Severity.INFO, message, state.source(number)))
    return (rows, state.notes) if header == 2 and state.amounts and _adds_up(state) else None


def _adds_up(state: _Projects) -> bool:
    """Whether the projects read under a unit add up to the total its line gives (no unit yet: true)."""
    return state.unit is None or sum(state.amounts, Decimal(0)) == state.unit[1]
