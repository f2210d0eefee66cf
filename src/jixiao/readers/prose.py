"""Targets set in prose → rows for the grid reader.

Some publishers do not print a grid: a notice (``…绩效目标设定的公示``) or a project announcement sets the
targets in numbered lines under category headings::

    一、产出指标
    (一)数量指标
    肉牛养殖户(县内培训)≧400人;
    (三)时效指标
    完成时限,2025年9月底前;
    二、效益指标
    数量指标:…种植数量(≥**株)>=26400株;种植作物成活率(≥**%)>=90;时效指标:完成及时率…

`prose_rows` recognises the form (category headings, no grid header) and turns each target into a row
``一级 | 二级 | 三级 | 指标值`` under a header row, with the project's name where the text names it
(``用于…项目``, ``…项目由…实施``, the notice's title). The grid reader then reads them as any table.
A target is split where the grammar is sure: at the first comparator outside brackets, at a trailing
number with its unit or a deadline, or at the comma before a short qualitative word (``…意识,增强``).
A phrase with no value (``土壤改良功能提高``) is both the name and its qualitative value. The reader
says that the table was read from prose (`PROSE_TARGETS`), so the user checks the splits.
"""

from __future__ import annotations

import re

from jixiao import catalog
from jixiao.model import Diagnostic, Severity, SourceRef
from jixiao.readers.cells import Row
from jixiao.readers.head_parts import prose_funds
from jixiao.readers.labels import label_of

PROSE_TARGETS = "JX-R11"
PROSE_MESSAGE = "绩效指标是从正文文字中读出的（不是表格）：指标名称与指标值的切分请逐条核对"

_NUMBERING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[、.．])\s*"
)
_HEADING_END = re.compile(r"[:：,，]\s*")
_PIECES = re.compile(r"[;；。]")
_PARTS = re.compile(r"[,，]")
_COMPARATOR = "≥≤≧≦><=＞＜＝"
_WORD_OPS = (
    "大于等于",
    "小于等于",
    "不低于",
    "不少于",
    "不高于",
    "不超过",
    "不大于",
    "不小于",
    "大于",
    "小于",
    "等于",
)
_TRAILING = re.compile(
    r"(?:(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末)?(?:前|之前|以前)?"
    r"|\d+(?:\.\d+)?(?:%|％|‰|[\u4e00-\u9fff]{1,3}(?:/[\u4e00-\u9fff]{1,2}){0,2})?(?:以上|以下|以内)?)$"
)
_GRID_HEADERS = ("三级指标", "指标值", "一级指标")
_NAME_PATTERNS = (
    re.compile(r"用于([^,，。;；:：、]{4,40}?项目)"),
    re.compile(r"([^,，。;；:：]{4,40}?项目)由"),
)
_TITLE_LINE = re.compile(r"^\s*标\s*题\s*[:：]?\s*\|?\s*(?P<title>[^|]+)")
_TITLE_TAIL = re.compile(r"(?:的)?(?:绩效目标|项目情况|情况)[^项]{0,12}$")
_QUALITATIVE_WORD = 6  # longest comma-split word taken as a qualitative value (增强, 持续提升)


def _category_heading(line: str) -> str | None:
    """The category a heading line names (``(一)数量指标``, ``三、满意度指标``), or None."""
    text = _NUMBERING.sub("", line).strip().rstrip(":：")
    squeezed = "".join(text.split())
    return squeezed if squeezed and catalog.is_category_name(squeezed) else None


def is_prose_targets(lines: list[str]) -> bool:
    """True when targets are set under category headings in prose, with no grid header."""
    headings = 0
    for line in lines[:3000]:
        stripped = line.strip()
        if not stripped or len(stripped) > 300:
            continue
        if any(header in stripped for header in _GRID_HEADERS) and len(stripped) < 60:
            return False  # a grid's header row (一级指标 | 二级指标 …): not prose
        if len(stripped) <= 24 and _category_heading(stripped):
            headings += 1
    return headings >= 3


def prose_rows(lines: list[str], file: str | None) -> tuple[list[Row], list[Diagnostic]]:
    """The targets of a prose text as grid rows (name, header, one row per target), and a note."""
    level1: str | None = None
    level2: str | None = None
    targets: list[tuple[str, str, str, str, int]] = []
    started = False
    for number, raw_line in enumerate(lines, start=1):
        line = _NUMBERING.sub("", raw_line.strip()).strip()
        if not line:
            continue
        heading = _category_heading(line)
        if heading is not None:
            level1, level2 = _placed(heading, level1, level2)
            started = True
            continue
        if not started or label_of(line) is not None:
            continue
        if line.startswith(("附件", "附:")) or _is_signature(line):
            break
        found, level1, level2 = line_targets(line, level1, level2)
        targets.extend((*target, number) for target in found)
    if not targets:
        return [], []
    rows: list[Row] = []
    project = _project_name(lines)
    first = targets[0][4]
    if project:
        rows.append(Row(("项目名称", project), SourceRef(file, 1), aligned=False))
    notes = [Diagnostic(PROSE_TARGETS, Severity.WARNING, PROSE_MESSAGE, SourceRef(file, first))]
    if (funds := prose_funds(lines[: first - 1])) is not None:  # 安排…资金24万元 above the targets
        rows.append(Row(("资金总额", funds[0]), SourceRef(file, funds[1]), aligned=False))
        message = f"预算金额取自正文中的“{funds[0]}”（表格外的文字），请核对"
        notes.append(Diagnostic(PROSE_TARGETS, Severity.WARNING, message, SourceRef(file, funds[1])))
    rows.append(
        Row(("绩效指标", "一级指标", "二级指标", "三级指标", "指标值"), SourceRef(file, first), aligned=False)
    )
    for l1, l2, target_name, value, number in targets:
        rows.append(Row((l1, l2, target_name, value), SourceRef(file, number), aligned=False))
    return rows, notes


def line_targets(
    line: str, level1: str | None, level2: str | None
) -> tuple[list[tuple[str, str, str, str]], str | None, str | None]:
    """The targets of one line of prose, each with its 一级 and 二级, the categories that open a piece
    (效益指标:经济效益指标:…) placed as they come; and the 一级 and 二级 in force after the line."""
    found: list[tuple[str, str, str, str]] = []
    for piece in _PIECES.split(line):
        rest = piece.strip()
        while rest:
            head = _leading_category(rest)
            if head is None:
                break
            level1, level2 = _placed(head[0], level1, level2)
            rest = rest[head[1] :]
        found.extend((level1 or "", level2 or "", name, value) for name, value in _targets(rest))
    return found, level1, level2


def _placed(name: str, level1: str | None, level2: str | None) -> tuple[str | None, str | None]:
    """The (一级, 二级) after a heading: a 一级 resets the 二级; a 二级 keeps its 一级 (or its parent)."""
    if catalog.is_level1_name(name) and catalog.parent_in_any(name) is None:
        return name, None
    return level1 or catalog.parent_in_any(name), name


def _leading_category(text: str) -> tuple[str, int] | None:
    """A category name opening the text and followed by a separator, with where the rest starts."""
    for end in range(min(len(text), 16), 1, -1):
        head = text[:end]
        if catalog.is_category_name(head):
            after = _HEADING_END.match(text, end)
            if after is not None:
                return head, after.end()
            return None
    return None


def _targets(text: str) -> list[tuple[str, str]]:
    """Name/value pairs of one piece of prose: ``奖学金发放率100%,奖学金到位率100%`` gives two."""
    found: list[tuple[str, str]] = []
    pending = ""
    parts = [p.strip() for p in _PARTS.split(text) if p.strip()]
    for n, part in enumerate(parts):
        split = _split_value(part)
        if split is not None:
            name, value = split
            joined = f"{pending},{name}" if pending and name else (name or pending)
            if joined:
                found.append((joined, value))
            pending = ""
            continue
        last = n == len(parts) - 1
        if last and pending and len(part) <= _QUALITATIVE_WORD:
            found.append((pending, part))  # 粪污资源化利用意识,增强
            pending = ""
            continue
        pending = f"{pending},{part}" if pending else part
    if pending and len(pending) >= 4:
        found.append((pending, pending))  # 土壤改良功能提高: the phrase is its own qualitative value
    return found


def _split_value(part: str) -> tuple[str, str] | None:
    """(name, value) where the grammar is sure of the value's start, else None."""
    depth = 0
    for i, char in enumerate(part):
        if char in "(（":
            depth += 1
        elif char in ")）":
            depth = max(depth - 1, 0)
        elif depth == 0 and (char in _COMPARATOR or part.startswith(_WORD_OPS, i)):
            return part[:i].strip(), part[i:].strip()
    match = _TRAILING.search(part)
    if match is None:
        return None
    name = part[: match.start()].strip()
    if name and (name[-1].isdigit() or name.endswith(("(", "（", "第"))):
        return None
    return name, match.group()


def _is_signature(line: str) -> bool:
    """A closing line: the publisher's name or a date alone (同心县农业农村局, 2025年5月12日)."""
    return bool(re.fullmatch(r"(?:19|20)\d{2}年\d{1,2}月\d{1,2}日", line)) or line.endswith(
        ("人民政府", "农业农村局", "办公室")
    )


def _project_name(lines: list[str]) -> str | None:
    """The project the prose names: ``用于…项目``, ``…项目由…实施``, else the notice's title."""
    text = "\n".join(lines[:60])
    for pattern in _NAME_PATTERNS:
        match = pattern.search(text)
        if match:
            return match.group(1).strip()
    for line in lines[:20]:
        match = _TITLE_LINE.match(line)
        if match:
            title = match.group("title").strip().removeprefix("关于")
            title = _TITLE_TAIL.sub("", title).strip()
            return title if title.endswith("项目") else None
    return None
