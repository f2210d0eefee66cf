"""Targets as prose with the categories inline, several projects in one text → rows for the grid reader.

A department's 预算公开说明 sets each project's targets in a paragraph of its own, the tree written inside
the sentences rather than on heading lines::

    （一）城乡困难群众医疗救助项目
    项目资金：340.00万元。
    实施单位：某区医疗保障局。
    1.产出指标。数量指标：医疗救助人次≥5200人次；参保资助人数≥18000人。质量指标：…
    2.效益指标。社会效益指标：困难群众就医负担有效减轻。

`inline_prose_rows` recognises the form (numbered lines opening with a 一级 name and a 二级 with its
colon, at least three) and turns each project, from its heading ``（一）…`` on, into rows
``项目名称 | …``, its labelled fields, a header and one row per target, split by the grammar of
`prose` (a comparator, a trailing number or deadline). A clause with no value is split before a
closing qualitative phrase (``有效减轻``, ``持续发挥``) where it ends in one, else it is both the
name and its value. The reader says the targets were read from prose (`PROSE_TARGETS`).
"""

from __future__ import annotations

import re

from jixiao import catalog
from jixiao.model import Diagnostic, Severity, SourceRef
from jixiao.readers.cells import Row
from jixiao.readers.prose import PROSE_MESSAGE, PROSE_TARGETS, _leading_category, line_targets

_CATEGORY_LINE = re.compile(r"^\s*\d{1,2}\s*[.、．]\s*([^。:：,，]{2,12}?)\s*[。:：,，]\s*(.*)$")
_PROJECT = re.compile(r"^\s*[(（][一二三四五六七八九十]{1,3}[)）]\s*(\S.{1,40}?)\s*$")
_FIELD = re.compile(
    r"^\s*(项目资金|资金总额|项目金额|实施单位|绩效目标|年度绩效目标)\s*[:：]\s*(.+?)[。.]?\s*$"
)
_FIELD_LABELS = {"项目资金": "资金总额", "绩效目标": "年度绩效目标"}
# a closing qualitative phrase: an adverb of degree and a verb of change (有效减轻, 持续发挥, 明显改善)
_QUALITATIVE_TAIL = re.compile(
    r"(?:有效|持续|明显|显著|稳步|逐步|进一步|不断|有所|切实|充分|全面)"
    r"(?:提升|提高|改善|减轻|发挥|增强|降低|减少|加强|保障|巩固|增加|扩大|落实)$"
)
_MIN_CATEGORY_LINES = 3


def _category_line(line: str) -> tuple[str, str] | None:
    """``1.产出指标。数量指标：…`` → (产出指标, the rest), where a 一级 name follows the number and a
    二级 with its colon opens the rest."""
    match = _CATEGORY_LINE.match(line)
    if match is None or not catalog.is_level1_name(match[1]) or _leading_category(match[2]) is None:
        return None  # a heading alone (``1.产出指标。`` in a report) sets no targets on its line
    return match[1], match[2]


def is_inline_prose(lines: list[str]) -> bool:
    """True where at least three numbered lines open with a 一级 name and go on with targets."""
    return sum(1 for line in lines[:3000] if len(line) < 600 and _category_line(line)) >= _MIN_CATEGORY_LINES


def _qualitative(name: str, value: str) -> tuple[str, str]:
    """A clause that is its own value split before its closing qualitative phrase, where it has one."""
    if name != value:
        return name, value
    match = _QUALITATIVE_TAIL.search(name)
    if match is None or match.start() < 2:
        return name, value
    return name[: match.start()], match.group()


def _line_targets(level1: str, rest: str) -> list[tuple[str, str, str, str]]:
    """The targets of one category line, each with its 一级 and 二级."""
    found, _, _ = line_targets(rest, level1, None)
    return [(top, level2, *_qualitative(name, value)) for top, level2, name, value in found]


def inline_prose_rows(lines: list[str], file: str | None) -> tuple[list[Row], list[Diagnostic]]:
    """The projects of a prose text with inline categories as grid rows, and a note; ([], []) where
    the text is not of this form."""
    if not is_inline_prose(lines):
        return [], []
    rows: list[Row] = []
    headed = False  # the current project's header row is out
    project: str | None = None
    first: int | None = None
    for number, line in enumerate(lines, start=1):
        source = SourceRef(file, number)
        if (match := _PROJECT.match(line)) is not None and not _category_line(line):
            project, headed = match[1], False
            rows.append(Row(("项目名称", project), source, aligned=False))
        elif project is not None and (field := _FIELD.match(line)) is not None and not headed:
            rows.append(Row((_FIELD_LABELS.get(field[1], field[1]), field[2]), source, aligned=False))
        elif project is not None and (category := _category_line(line)) is not None:
            if not headed:
                header = ("绩效指标", "一级指标", "二级指标", "三级指标", "指标值")
                rows.append(Row(header, source, aligned=False))
                headed, first = True, first or number
            for target in _line_targets(*category):
                rows.append(Row(target, source, aligned=False))
        elif number <= 3 and line.strip():
            rows.append(Row((line.strip(),), source, aligned=False))  # the page's title: its year
    if first is None:
        return [], []
    return rows, [Diagnostic(PROSE_TARGETS, Severity.WARNING, PROSE_MESSAGE, SourceRef(file, first))]
