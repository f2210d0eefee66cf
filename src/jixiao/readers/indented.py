"""The tree written by indentation: a 批复表 printed by a budget system and flattened one cell per line.

Some systems (宁夏's 项目绩效目标批复表, for one) print the targets as an outline under a three-cell
header ``项目 / 指标值 / 绩效金额``: the unit, then the project, then 一级, 二级 and 三级 each one step
further in (leading spaces), every value on a line of its own with no indentation, blank lines between::

     石嘴山市疾病预防控制中心          ← the unit
      重点传染病监测及实验室检测       ← the project
    1860000                            ← its amount (绩效金额)
       产出指标                        ← 一级
        数量指标(必填硬性指标)         ← 二级
         完成传染病监测样本检测份数    ← 三级
    ≥6000份                            ← its value

`is_indented_tree` recognises the form by its categories: category names at two depths, deeper lines
under them, unindented values. `indented_rows` turns it into the rows of an ordinary table (项目名称,
预算单位, the amount, the header 一级指标 | 二级指标 | 三级指标 | 指标值, one row per indicator), each with
the line it came from, so the grid reader reads it like any other. Lines around the tree pass on as
they are (the title gives the year, ``单位:元`` the unit of the amount).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao import catalog
from jixiao.model import SourceRef
from jixiao.readers.cells import Row

_NOTE = re.compile(r"\s*[(（][^()（）]{0,10}[)）]\s*$")  # 数量指标(必填硬性指标): the template's note
_HEADER_CELLS = frozenset(("项目", "指标值", "绩效金额"))
_SAMPLE = 3000


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t\u3000\u00a0"))  # a tab or a full-width space is one step


def _category(text: str) -> str | None:
    """The category a line names, without a template's note (``成本指标(必填硬性指标)``), or None."""
    bare = _NOTE.sub("", text) if text.endswith((")", "）")) else text
    squeezed = "".join(bare.split())
    return squeezed if squeezed and catalog.is_category_name(squeezed) else None


def _depths(lines: list[str]) -> tuple[int, int] | None:
    """The indentation of the 一级 and of the 二级 names, when the text is an indented tree; else None."""
    level1: dict[int, int] = {}
    level2: dict[int, int] = {}
    for line in lines[:_SAMPLE]:
        depth = _indent(line)
        if depth == 0 or not line.strip():
            continue
        name = _category(line.strip())
        if name is None:
            continue
        if catalog.is_level1_name(name) and catalog.parent_in_any(name) is None:
            level1[depth] = level1.get(depth, 0) + 1
        else:
            level2[depth] = level2.get(depth, 0) + 1
    if not level1 or not level2:
        return None
    one = max(level1, key=level1.__getitem__)
    two = max(level2, key=level2.__getitem__)
    if two <= one or level1[one] < 2 or level2[two] < 2:
        return None
    return one, two


def is_indented_tree(lines: list[str]) -> bool:
    """True when the text is a target table written as an outline by indentation (see the module)."""
    if sum(1 for line in lines[:_SAMPLE] if line.strip() in _HEADER_CELLS) < 2:
        return False
    depths = _depths(lines)
    if depths is None:
        return False
    leaves = sum(1 for line in lines[:_SAMPLE] if _indent(line) > depths[1] and line.strip())
    return leaves >= 2


def indented_rows(lines: list[str], file: str | None = None) -> Iterator[Row]:
    """The rows of an indented tree (see the module); the lines around it pass on as they are."""
    depths = _depths(lines) or (1, 2)
    tree = _Tree(depths[0], depths[1], file)
    headers = 0  # the printed header's cells seen (项目 / 指标值 / 绩效金额): the tree starts after them
    for number, raw in enumerate(lines, start=1):
        text = raw.strip()
        if not text:
            continue
        if headers < 2:
            if text in _HEADER_CELLS:
                headers += 1
            yield Row((text,), SourceRef(file, number), columns_known=False)
            continue
        if text in _HEADER_CELLS and tree.last is None and not tree.above:
            continue  # the rest of the printed header, replaced by ours
        yield from tree.line(text, _indent(raw), number)
    yield from tree.close()


class _Tree:
    """The state of an outline being read: the lines above the 一级 (unit, project), the categories
    in force, and the line waiting for its value (a project's amount, an indicator's value)."""

    def __init__(self, one: int, two: int, file: str | None) -> None:
        self.one, self.two, self.file = one, two, file
        self.above: list[tuple[int, str, int]] = []  # (depth, text, line): the unit, then the project
        self.project_out = False
        self.level1 = self.level2 = ""
        self.last: str | None = None  # "above" or "leaf": what the next unindented line is the value of
        self.leaf: tuple[str, int] | None = None

    def line(self, text: str, depth: int, number: int) -> Iterator[Row]:
        source = SourceRef(self.file, number)
        if depth == 0:
            if self.last == "above" and not self.project_out:
                yield from self._project(text, number)
            elif self.last == "leaf" and self.leaf is not None:
                yield self._indicator(text)
            else:
                yield Row((text,), source, columns_known=False)
            self.last = None
            return
        if depth < self.one:  # the unit or the project (a deeper line under the unit: the project)
            if self.last == "leaf":
                yield from self.close()
            self.project_out = False  # the next project (the unit above it stays, being less indented)
            self.above = [entry for entry in self.above if entry[0] < depth]
            self.above.append((depth, text, number))
            self.level1 = self.level2 = ""
            self.last = "above"
            return
        yield from self.close()
        if not self.project_out and self.above:
            yield from self._project("", number)
        name = _category(text)
        if name is not None and depth <= self.one:
            self.level1, self.level2 = name, ""
        elif name is not None and depth <= self.two:
            self.level2 = name
        else:
            self.leaf, self.last = (text, number), "leaf"

    def close(self) -> Iterator[Row]:
        """What still waits for a value line gets none: an indicator left empty, a project without amount."""
        if self.last == "leaf" and self.leaf is not None:
            yield self._indicator("")
        elif self.last == "above" and not self.project_out and self.above:
            yield from self._project("", self.above[-1][2])
        self.last = None

    def _project(self, amount: str, amount_line: int) -> Iterator[Row]:
        _, name, line = self.above[-1]
        source = SourceRef(self.file, line)
        yield Row(("项目名称", name), source)
        if len(self.above) >= 2:
            yield Row(("预算单位", self.above[-2][1]), SourceRef(self.file, self.above[-2][2]))
        if amount:
            yield Row(("年度预算金额", amount), SourceRef(self.file, amount_line))
        yield Row(("一级指标", "二级指标", "三级指标", "指标值"), source)
        self.project_out = True

    def _indicator(self, value: str) -> Row:
        assert self.leaf is not None
        text, line = self.leaf
        self.leaf, self.last = None, None
        return Row((self.level1, self.level2, text, value), SourceRef(self.file, line))
