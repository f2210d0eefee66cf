"""Rows run together with a 分值 column after the value (an xlsx flattened to page text, no separator):
``资助幼儿人数达到预计值86010`` is 目标值 860 and 分值 10. A stage of `textforms` for run-together text.

A weight is cut off a row's end only where the table makes it certain: the header names a 分值/权重
column right after the value column, a 总分/合计 line gives the total, each weight is a whole number
from 1 to the total written without a leading zero, what stays before it ends in a value the grammar
reads whole (or in the name, no value written), and exactly one choice of weights sums to the total.
Anything else cuts nothing, and `runs.RUN_TOGETHER` says so — never a guessed cut.
"""

from __future__ import annotations

import re
from itertools import pairwise, product

from jixiao.model import Diagnostic, Severity, SourceRef
from jixiao.readers import roles as column_roles
from jixiao.readers.labels import label_key
from jixiao.readers.runs import RUN_TOGETHER
from jixiao.readers.runtogether import run_together_cells, value_start

_TOTAL = re.compile(r"^(?:总分|合计|总计|分值合计)\s*(\d{1,4})?$")
_LONGEST_WEIGHT = 3
_MOST_CHOICES = 4096  # combinations of ambiguous weights tried against the total
_LINES_TO_TOTAL = 6  # the total's number may stand a few (blank) lines below 总分


def weight_tails(
    lines: list[str], file: str | None, notes: list[Diagnostic] | None
) -> dict[int, tuple[str, ...]]:
    """Line index → the row's cells: the text before its weight, empty cells for the columns between
    the name and the weight where no value was written, and the weight — for every indicator row of a
    run-together table whose 分值 column follows its value column; {} when the cut is not certain."""
    found_header = _weighted_header(lines)
    if found_header is None:
        return {}
    header, between = found_header
    found = _total(lines, header)
    if found is None:
        return {}
    total_at, total = found
    rows: dict[int, list[tuple[str, str]]] = {}
    for index in range(header + 1, total_at):
        line = lines[index].strip()
        if line and line[-1].isdigit():
            choices = _choices(line, total)
            if not choices:
                return _uncertain(notes, file, index, f"“{line}”末尾的数字无法拆成指标值和分值")
            rows[index] = choices
    if not rows:
        return {}
    options = 1
    for choices in rows.values():
        options *= len(choices)
    if options > _MOST_CHOICES:
        return _uncertain(notes, file, header, "可能的拆分过多")
    indexes = list(rows)
    fitting = [combo for combo in product(*rows.values()) if sum(int(w) for _, w in combo) == total]
    if len(fitting) != 1:
        reason = "没有一种拆分使分值合计等于总分" if not fitting else "有多种拆分都使分值合计等于总分"
        return _uncertain(notes, file, header, f"{reason}（{total}）")
    return {
        index: (rest, weight) if value_ends(rest) else (rest, *[""] * between, weight)
        for index, (rest, weight) in zip(indexes, fitting[0], strict=True)
    }


def _weighted_header(lines: list[str]) -> tuple[int, int] | None:
    """(the index of the header line whose cells name a value column and then a 分值/权重 column, how
    many columns stand between the name's column and the weight's)."""
    for index, line in enumerate(lines[:400]):
        stripped = line.strip()
        if not 4 <= len(stripped) <= 120 or ("分值" not in stripped and "权重" not in stripped):
            continue
        roles = [column_roles.role_of(label_key(cell)) for cell in run_together_cells(stripped, False)]
        for place, (before, after) in enumerate(pairwise(roles)):
            if before == column_roles.ANNUAL and after == column_roles.WEIGHT:
                name = max(
                    (n for n, r in enumerate(roles[:place]) if r in column_roles.TREE_ROLES), default=-1
                )
                return index, place - name
    return None


def _total(lines: list[str], header: int) -> tuple[int, int] | None:
    """(index of the 总分 line, the total it gives), the number on that line or a few lines below."""
    for index in range(header + 1, min(len(lines), header + 200)):
        match = _TOTAL.match(lines[index].strip())
        if match is None:
            continue
        if match.group(1):
            return index, int(match.group(1))
        for below in lines[index + 1 : index + 1 + _LINES_TO_TOTAL]:
            text = below.strip()
            if text:
                return (index, int(text)) if text.isdigit() and len(text) <= 4 else None
        return None
    return None


def _choices(line: str, total: int) -> list[tuple[str, str]]:
    """The ways to cut a weight off the end of a row: (the rest, the weight)."""
    choices = []
    for length in range(1, _LONGEST_WEIGHT + 1):
        weight, rest = line[-length:], line[:-length]
        if not weight.isdigit() or weight.startswith("0") or not 1 <= int(weight) <= total or not rest:
            continue
        if (rest[-1].isdigit() or rest[-1] in "%％") and not value_ends(rest):
            continue  # what stays must end in a value read whole
        choices.append((rest, weight))
    return choices


def value_ends(text: str) -> bool:
    """Whether a row's text (its weight cut off) ends in a value the grammar reads whole (``8处``)."""
    return value_start(text) is not None


def _uncertain(
    notes: list[Diagnostic] | None, file: str | None, index: int, reason: str
) -> dict[int, tuple[str, ...]]:
    if notes is not None:
        message = f"指标行的单元格连在一起，指标值与分值无法可靠拆分：{reason}；按原文保留，请核对原表"
        notes.append(Diagnostic(RUN_TOGETHER, Severity.WARNING, message, SourceRef(file, index + 1)))
    return {}
