"""A target table's indicator block extracted column by column (a .doc or PDF turned into text).

Some extractions print a table column after column instead of row after row: after the header
``二级指标 三级指标`` come all the 三级 names, one per line, with the merged 一级/二级 cells' words falling
among them where their tall cells stand (``绩\\n效\\n指\\n标``, ``产\\n出\\n指\\n标``, ``数量指标``), then a
line ``指标值`` and all the values, one per line, in the same order::

    二级指标 三级指标 / 基本康复服务人数 / … / 产 / 出 / 指 / 标 / 数量指标 / 阳光家园托养补助人数 / …
    指标值 / ≥9000 人 / ≥4200 人 / …

Read row by row this puts names where values belong and turns label fragments into indicators. This
stage reads such a block only where the grammar settles it:

- the n-th name takes the n-th value, and only when there are exactly as many values as names (and no
  line among the names looks like a number or a comparator);
- a category's words are joined over lines only into a name the catalogue knows;
- a merged category cell's words fall somewhere within the rows it spans, so the n-th category of a
  level ends its rows no earlier than where its words stand and the next one starts no later than where
  its own stand. An indicator takes a category only when every division of the rows that fits these
  bounds gives it the same one; the others keep their 一级/二级 empty, with a diagnostic naming them —
  never a guessed division.

Anything else (counts that differ, a fragment that joins into no category) leaves the text to the other
readers, which say why nothing was read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from jixiao import catalog
from jixiao.model import Diagnostic, Severity, SourceRef, Table
from jixiao.readers.cells import Row

COLUMNWISE_TREE = "JX-R16"

_VALUE_HEADER = "指标值"
_TREE_HEADER = "三级指标"
_SIDE_LABELS = frozenset(("绩效指标", "一级指标", "二级指标", "三级指标"))  # words of the header's cells
_MAX_JOIN = 8  # a tall cell's words over at most this many lines
_MAX_LABEL = 16
_MAX_NAMES = 200
_PAGE_MARK = re.compile(r"^[—–\-－]*\s*\d{1,3}\s*[—–\-－]*$|^第\s*\d{1,3}\s*页")
_NUMERIC_START = re.compile(r"^[≥≤><=＝≧≦]|^\d")


@dataclass(slots=True)
class ColumnwiseBlock:
    """The rows to read for a column-by-column block, and which indicator lines keep no category."""

    head_end: int  # the line (0-based) where the indicator block starts: the head is read before it
    rows: list[Row] = field(default_factory=list)
    no_level1: set[int] = field(default_factory=set)  # 1-based lines of names whose 一级 is unknown
    no_level2: set[int] = field(default_factory=set)


def _squeezed(line: str) -> str:
    return "".join(line.split())


def _label_at(lines: list[str], i: int, end: int) -> tuple[str, int] | None:
    """The category name (or header word) the lines from ``i`` join into, longest first, and the line
    after it; None where the line starts no such name."""
    joined = ""
    best: tuple[str, int] | None = None
    for j in range(i, min(i + _MAX_JOIN, end)):
        joined += _squeezed(lines[j])
        if len(joined) > _MAX_LABEL:
            break
        if joined in _SIDE_LABELS or catalog.is_category_name(joined) or catalog.is_umbrella(joined):
            best = (joined, j + 1)
    return best


def _tokens(lines: list[str], start: int, end: int) -> list[tuple[str, str, int]] | None:
    """The lines between the header and 指标值 as (kind, text, line) tokens — ``name``, ``level1``,
    ``level2`` — or None where a line looks like a value or a short fragment joins into nothing."""
    tokens: list[tuple[str, str, int]] = []
    i = start
    while i < end:
        text = lines[i].strip()
        if not text or _PAGE_MARK.match(text):
            i += 1
            continue
        label = _label_at(lines, i, end)
        if label is not None:
            word, i = label
            if word not in _SIDE_LABELS and not catalog.is_umbrella(word):
                tokens.append(("level1" if catalog.is_level1_name(word) else "level2", word, i))
            continue
        if _NUMERIC_START.match(text) or len(_squeezed(text)) <= 2:
            return None  # a value among the names, or a fragment of no category: not this layout
        tokens.append(("name", text, i + 1))
        i += 1
    return tokens


def _cut_bounds(positions: list[int], count: int) -> list[tuple[int, int]] | None:
    """For ``count`` rows divided in order among categories whose words stand after ``positions[j]``
    rows, the least and most rows before each cut between two of them (a category's words fall within
    its rows, and no category is empty); None where no division fits."""
    groups = len(positions)
    low = [0] * (groups + 1)
    high = [count] * (groups + 1)
    for j in range(1, groups):
        low[j] = max(positions[j - 1], low[j - 1] + 1)
    for j in range(groups - 1, 0, -1):
        high[j] = min(positions[j], high[j + 1] - 1)
    bounds = [(low[j], high[j]) for j in range(1, groups)]
    return None if any(a > b for a, b in bounds) else bounds


def _certain_groups(bounds: list[tuple[int, int]] | None, groups: int, count: int) -> list[int | None]:
    """The category each row takes in every division within the cuts' bounds, else None."""
    certain: list[int | None] = [None] * count
    if bounds is None or groups == 0:
        return certain
    cuts = [(0, 0), *bounds, (count, count)]
    for j in range(groups):
        for row in range(cuts[j][1], cuts[j + 1][0]):
            certain[row] = j
    return certain


def _shared_cuts(
    level1: list[str], level2: list[str], bounds1: list[tuple[int, int]], bounds2: list[tuple[int, int]]
) -> None:
    """Where the catalogue puts the 二级 on either side of exactly one 二级 cut under the two 一级 on
    either side of a 一级 cut, the two cuts are one: each keeps the bounds both allow."""
    parents = [catalog.canonical(catalog.parent_in_any(name) or "") for name in level2]
    for a in range(len(bounds1)):
        before, after = catalog.canonical(level1[a]), catalog.canonical(level1[a + 1])
        same = [b for b in range(len(bounds2)) if (parents[b], parents[b + 1]) == (before, after)]
        if len(same) == 1:
            b = same[0]
            both = (max(bounds1[a][0], bounds2[b][0]), min(bounds1[a][1], bounds2[b][1]))
            if both[0] <= both[1]:
                bounds1[a] = bounds2[b] = both


def columnwise_block(lines: list[str], file: str | None) -> ColumnwiseBlock | None:
    """The block of a text extracted column by column, as rows the grid reads, or None (see module)."""
    header = next((i for i, line in enumerate(lines) if _TREE_HEADER in line and len(line) <= 40), None)
    if header is None:
        return None
    values_at = next((i for i in range(header + 1, len(lines)) if _squeezed(lines[i]) == _VALUE_HEADER), None)
    if values_at is None or values_at - header < 3:
        return None
    tokens = _tokens(lines, header + 1, values_at)
    if tokens is None:
        return None
    names = [(text, line) for kind, text, line in tokens if kind == "name"]
    values: list[str] = []
    for line in lines[values_at + 1 :]:
        text = line.strip()
        if _PAGE_MARK.match(text) or len(values) > len(names):
            break
        if text:
            values.append(text)
    if len(names) < 2 or len(names) > _MAX_NAMES or len(values) != len(names):
        return None
    return _block(tokens, names, values, header, file)


def _block(
    tokens: list[tuple[str, str, int]],
    names: list[tuple[str, int]],
    values: list[str],
    header: int,
    file: str | None,
) -> ColumnwiseBlock:
    placed: dict[str, list[tuple[str, int]]] = {"level1": [], "level2": []}
    seen = 0
    for kind, text, _ in tokens:
        if kind == "name":
            seen += 1
        else:
            placed[kind].append((text, seen))
    count = len(names)
    bounds1 = _cut_bounds([at for _, at in placed["level1"]], count)
    bounds2 = _cut_bounds([at for _, at in placed["level2"]], count)
    if bounds1 is not None and bounds2 is not None:
        _shared_cuts([t for t, _ in placed["level1"]], [t for t, _ in placed["level2"]], bounds1, bounds2)
    level1 = _certain_groups(bounds1, len(placed["level1"]), count)
    level2 = _certain_groups(bounds2, len(placed["level2"]), count)
    block = ColumnwiseBlock(head_end=header)
    block.rows.append(Row(("一级指标", "二级指标", "三级指标", "指标值"), SourceRef(file, header + 1)))
    for n, ((name, line), value) in enumerate(zip(names, values, strict=True)):
        second = placed["level2"][g][0] if (g := level2[n]) is not None else ""
        first = placed["level1"][g][0] if (g := level1[n]) is not None else _parent(second, placed["level1"])
        if not first:
            block.no_level1.add(line)
        if not second:
            block.no_level2.add(line)
        block.rows.append(Row((first or "", second, name, value), SourceRef(file, line)))
    return block


def _parent(level2: str, written: list[tuple[str, int]]) -> str:
    """The written 一级 the catalogue puts over a 二级, where exactly one written 一级 is it; the
    catalogue's own where the block writes no 一级 at all (the grid notes it as inferred)."""
    parent = catalog.parent_in_any(level2) if level2 else None
    if parent is None:
        return ""
    if not written:
        return parent
    matching = {text for text, _ in written if catalog.canonical(text) == catalog.canonical(parent)}
    return matching.pop() if len(matching) == 1 else ""


def without_unknown_tree(tables: list[Table], block: ColumnwiseBlock, file: str | None) -> list[Diagnostic]:
    """Empty the 一级/二级 the grid carried down onto rows whose category is not settled; say which."""
    diagnostics: list[Diagnostic] = []
    for n, table in enumerate(tables):
        indicators = list(table.indicators)
        for k, indicator in enumerate(indicators):
            line = indicator.source.line
            if line in block.no_level1 or line in block.no_level2:
                indicators[k] = replace(
                    indicator,
                    level1="" if line in block.no_level1 else indicator.level1,
                    level2="" if line in block.no_level2 else indicator.level2,
                )
                message = (
                    f"“{indicator.name}”：原文按列提取，一级/二级指标的合并单元格跨越哪些行无法确定，"
                    "该指标的类别留空（指标名称与指标值按顺序一一对应，数量相同），请核对原表"
                )
                diagnostics.append(
                    Diagnostic(COLUMNWISE_TREE, Severity.WARNING, message, SourceRef(file, line))
                )
        tables[n] = replace(table, indicators=tuple(indicators))
    return diagnostics
