"""Cells run together: an HTML table flattened with no separator at all, one row per line
(``产出指标数量指标便民服务站运行数量12个``). A stage of `textforms`: labels and categories are peeled off
the front of a line, a value split off its end only where the grammar is sure; text it cannot cut stays
one cell as written (and `text.read_text` says so with `runs.RUN_TOGETHER` when no table comes of it).
"""

from __future__ import annotations

from jixiao.value_words import qualitative_ending

_SAMPLE = 3000  # lines looked at to decide whether the text is run together

_OPENERS = {"(": ")", "（": "）", "[": "]", "【": "】", "《": "》"}
_CLOSERS = frozenset(_OPENERS.values())


def split_words(line: str) -> list[str]:
    """A line cut at spaces, except inside brackets: ``数量( ≥**个 ) >=2个`` → two cells."""
    words: list[str] = []
    depth = 0
    for word in line.split():
        if depth > 0 and words:
            words[-1] += " " + word
        else:
            words.append(word)
        depth += sum(1 for c in word if c in _OPENERS) - sum(1 for c in word if c in _CLOSERS)
        depth = max(depth, 0)
    return words


def _known_prefix(text: str, categories_only: bool = False) -> int:
    """The length of the longest label or category name that starts the text (0 if none)."""
    from jixiao import catalog
    from jixiao.readers import roles as column_roles
    from jixiao.readers.labels import Label, label_key, label_of

    for end in range(min(len(text) - 1, 24), 1, -1):
        head = text[:end]
        if catalog.is_category_name(head):
            return end
        label = label_of(head)
        if label is not None and (not categories_only or label is Label.HEADER):
            return end  # in the indicator block only the header's cells (指标名称, 指标值) are labels
        if end >= 4 and column_roles.role_of(label_key(head)) in column_roles.TREE_ROLES:
            return end  # 评价内容指标名称…: a tree header too common to be a label alone, in a header run
    return 0


def is_tree_header(cell: str) -> bool:
    """Whether a cell heads the indicator block (绩效指标, 一级指标, 指标值…)."""
    from jixiao.readers.labels import Label, label_of

    return label_of(cell) in (Label.INDICATORS, Label.HEADER)


def is_run_together(lines: list[str]) -> bool:
    """True when several lines start with a label or category and go on without a separator."""
    return first_run_together_line(lines) is not None


def first_run_together_line(lines: list[str]) -> int | None:
    """Where text is run together (three or more lines start with a label or category and go on
    without a separator): the first indicator row so written (1-based), else the first such line;
    None when the text is not run together."""
    from jixiao import catalog
    from jixiao.readers.labels import label_of

    hits = 0
    first = in_tree = 0  # the first line of a run, the first of an indicator row run together
    for number, line in enumerate(lines[:_SAMPLE], start=1):
        stripped = line.strip()
        if not 4 < len(stripped) <= 200 or label_of(stripped) is not None:
            continue
        if catalog.is_category_name(stripped):  # 可持续影响指标 alone on its line: one cell
            continue
        end = _known_prefix(stripped)
        head, rest = stripped[:end], stripped[end:]
        if end < 4 or len(rest) < 2 or rest[0] in "(（:：":
            continue
        if label_of(head) is not None:
            hit = not any(c in rest for c in "≥≤<>=")  # 实施周期…覆盖人次≥65400 is a value, not a run
        else:  # 产出指标数量指标便民服务站运行数量12个: categories, then a name and its value, one line
            hit = catalog.is_category_name(head) and not catalog.is_category_name(rest)
        if hit:
            hits += 1
            first = first or number
            if not in_tree and label_of(head) is None:
                in_tree = number  # categories run into an indicator row
            if hits >= 3 and in_tree:
                return in_tree
    return first if hits >= 3 else None


def run_together_cells(line: str, in_block: bool) -> list[str]:
    """A line of run-together text: where it has spaces they separate cells (``时效指标 项目实施时间
    2021年1月-12月``), and a word that opens with a label or category of four characters or more is
    itself cut (``一级指标二级指标…评(扣分标准) 度量单位指标值类型备注``); a short category at the start
    of a word is part of the name (``成本控制``)."""
    words = split_words(line) if " " in line else [line]
    if len(words) == 1:
        return split_run_together(line, in_block)
    cells: list[str] = []
    for word in words:
        long_prefix = _known_prefix(word, categories_only=in_block) >= 4
        cells.extend(split_run_together(word, in_block) if long_prefix else [word])
    return cells


def split_run_together(line: str, in_block: bool = False) -> list[str]:
    """Labels and categories peeled off the front; a value split off the end only when the grammar
    is sure of it (a number with its comparator and unit after a name not ending in a digit)."""
    from jixiao import catalog
    from jixiao.readers.labels import label_of

    if catalog.is_category_name(line) or label_of(line) is not None:
        return [line]  # 生态环境成本指标 whole: never 生态环境成本 and 指标
    cells: list[str] = []
    rest = line
    while rest:
        if catalog.is_category_name(rest) or label_of(rest) is not None:
            cells.append(rest)  # …三级指标: the last label whole, never 三级 and 指标
            return cells
        end = _known_prefix(rest, categories_only=in_block)
        if end == 0:
            break
        cells.append(rest[:end])
        rest = rest[end:].lstrip(" :：")
    inner = _inner_label(rest) if cells and not in_block else 0
    if inner:  # 青山区教育局项目执行单位钢城第一小学: a value, then the next label and its value
        return [*cells, rest[:inner], *split_run_together(rest[inner:])]
    tail = _trailing_label(rest) if not in_block else 0
    if tail:  # …预计完成时间12/31/2021项目申报金额 / (万元) / 386.40: the label's value is below it
        return [*cells, *split_run_together(rest[:tail]), rest[tail:]]
    if rest:
        short = len(rest) <= 30 and not any(p in rest for p in "，,。；;、")
        after_label = bool(cells) and label_of(cells[-1]) is not None  # 结束时间2019/12/31: its value whole
        start = value_start(rest) if (cells or short) and not after_label else None
        if start is not None:
            cells.extend((rest[:start], rest[start:]))
        else:
            cells.append(rest)
    return cells


_VALUE_OPENERS = frozenset("0123456789≥≤<>=＞＜＝≧≦")
_DEADLINE_WORDS = frozenset("底末前之以")
_VALUE_WORDS = ("大于等于", "小于等于", "不低于", "不少于", "不超过", "不高于", "不大于", "不小于")


def value_start(text: str) -> int | None:
    """Where the value run onto the end of a name starts (``传染病监测报告病例审核数3000例以上`` → at
    ``3000``), or None. The value is the longest suffix that opens with a digit, a comparator or a
    comparator word and that the value grammar reads as a whole — a number, a comparator, a unit, a
    date — with nothing left over as a subject or note; the rest must be a plausible name (two
    characters or more, not ending in a digit or an open bracket). A qualitative value is cut only
    where the text ends in a phrase the words of `value_words` compose whole (``较上年下降``,
    ``保持稳定运行``); a verb alone (``…能力提升``) is not cut: which characters are the value is not
    certain."""
    from jixiao.model import Kind
    from jixiao.values import parse_target

    for start in range(2, len(text)):
        if text[start] not in _VALUE_OPENERS and not text.startswith(_VALUE_WORDS, start):
            continue
        name = text[:start]
        if name[-1].isdigit() or name.endswith(("(", "（", ".", "-")) or name[-1] in _VALUE_OPENERS:
            continue
        target = parse_target(text[start:])
        if target.subject is not None or target.kind not in (Kind.QUANTITATIVE, Kind.DEADLINE):
            continue
        if not target.note or (target.kind is Kind.DEADLINE and set(target.note) <= _DEADLINE_WORDS):
            return start  # 2019年11月底前: a deadline's 底前 is part of it
    return qualitative_ending(text)


def uncut_indicator(cells: list[str]) -> bool:
    """Whether a run-together indicator row kept its name and value as one cell: its last cell is
    neither a category, a label nor a value of its own
    (``效益指标 | 社会效益指标 | 重点传染病发病率较上年下降``)."""
    from jixiao import catalog
    from jixiao.readers.labels import label_of
    from jixiao.values import parse_target

    last = cells[-1] if cells else ""
    if len(last) < 4 or catalog.is_category_name(last) or label_of(last) is not None:
        return False
    if len(cells) >= 2 and not catalog.is_category_name(cells[-2]):
        return False  # a name and its value, cut
    return parse_target(last).kind.value == "qualitative"


def _trailing_label(text: str) -> int:
    """Where an amount or project label (4 characters or more) that ends the text starts, or 0."""
    from jixiao.readers.labels import Label, label_of

    wanted = (Label.BUDGET, Label.FUNDS, Label.TOTAL_FUNDS, Label.FUNDS_SECTION, Label.NAME, Label.UNIT)
    for start in range(max(len(text) - 12, 1), len(text) - 3):
        if label_of(text[start:]) in wanted:
            return start
    return 0


def _inner_label(text: str) -> int:
    """Where a project-block label (4 characters or more) starts inside a run of text, or 0."""
    from jixiao.readers.labels import Label, label_of

    wanted = (
        Label.NAME,
        Label.DEPARTMENT,
        Label.UNIT,
        Label.TYPE,
        Label.PERIOD,
        Label.BUDGET,
        Label.PERIOD_END,
    )
    for start in range(2, len(text) - 4):
        for size in range(4, 9):
            if label_of(text[start : start + size]) in wanted and len(text) > start + size:
                return start
    return 0
