"""Tables introduced by a numbered section heading instead of a title: a stage before the grid reader.

A notice that discloses several projects' targets (重大政策和重点项目绩效目标) often gives each project a
section of its own, headed by the project's name, with label lines and then the indicator table:

    一、高校毕业生就业见习补贴
    (一)项目概况 …
    (二)绩效目标
    年度资金总额:1260万元
    年度目标:组织3000名…
    一级指标 | 二级指标 | 三级指标 | 指标值

No 项目名称 label and no table title name the project: the heading does. Where a numbered heading
(``一、…``) is followed, before any title or 项目名称, by an amount or goal label line and then the tree
header, a ``项目名称`` row carrying the heading is put before the label lines. Its label says where the
name came from (`SECTION_NAME`), so the reader lists the inference in the table's ``source``. A heading
that names a part of a document rather than a project (``一、项目基本情况``, ``二、绩效指标``) is never
taken. Every other row passes through unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from jixiao import catalog
from jixiao.readers.cells import Row, first_label
from jixiao.readers.labels import SECTION_NAME, Label, label_of

_HEADING = re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.．]\s*(\S.{1,48})$")
# Words of a heading that names a part of the document, not a project.
_NOT_A_PROJECT = (
    "情况", "概况", "说明", "指标", "目标", "收支", "决算", "预算表", "名词解释", "附件", "职能", "机构",
    "总体", "主要", "公开", "审核", "管理", "工作", "措施", "结果", "问题", "建议",
)  # fmt: skip
_LEAD_LABELS = frozenset((Label.BUDGET, Label.FUNDS, Label.ANNUAL_GOAL, Label.GOALS, Label.PERIOD_GOAL))
_WAIT = 12  # rows after a heading within which its table must begin


def _heading_subject(row: Row) -> str | None:
    """The project a numbered section heading names, or None."""
    texts = [cell.strip() for cell in row.cells if cell.strip()]
    if len(texts) != 1:
        return None
    match = _HEADING.match(texts[0])
    if match is None:
        return None
    subject = match.group(1).strip()
    if any(word in subject for word in _NOT_A_PROJECT) or catalog.is_category_name(subject):
        return None
    if label_of(subject) is not None or subject[-1] in "。;；:：,，":
        return None
    return subject


def _is_lead_label(row: Row) -> bool:
    """A label line giving the section's money or goal (``年度资金总额:1260万元``, ``年度目标:…``)."""
    texts = [cell.strip() for cell in row.cells if cell.strip()]
    if not texts:
        return False
    head = re.split(r"[:：]", texts[0], maxsplit=1)[0]
    return label_of(head) in _LEAD_LABELS


def _is_tree_header(row: Row) -> bool:
    return first_label(row.cells) in (Label.INDICATORS, Label.HEADER)


def name_sections(rows: Iterable[Row]) -> Iterator[Row]:
    """Put a ``项目名称`` row under each numbered heading that introduces a table with no other name."""
    held: list[Row] = []  # the heading and the rows after it, until its table begins or cannot
    subject = ""
    for row in rows:
        heading = _heading_subject(row)
        if heading is not None:
            yield from held
            held, subject = [row], heading
            continue
        if not held:
            yield row
            continue
        label = first_label(row.cells)
        if label in (Label.TITLE, Label.NAME) or len(held) > _WAIT:  # named otherwise, or too far
            yield from held
            held = []
            yield row
            continue
        if _is_tree_header(row):
            lead = next((n for n, kept in enumerate(held) if _is_lead_label(kept)), None)
            if lead is not None:
                named = replace(held[lead], cells=(SECTION_NAME, subject), cell_sources=None, aligned=True)
                held.insert(lead, replace(named, source=held[0].source))
            yield from held
            held = []
            yield row
            continue
        held.append(row)
    yield from held
