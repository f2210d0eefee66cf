"""Pieces of a project block's text the head reader (`readers.head`) takes apart: an amount label run
onto the funds heading or its unit, the year's request column of a funds table, and a label's value
that runs on into the next ``label:value``, a funds block whose amounts stand in the row under their
labels, amount labels run on after an amount (``86.40万元…预算申报数86.40万元``), the one amount prose
names as a project's money, and the year patterns of titles and goals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from jixiao.model import SourceRef
from jixiao.readers import roles as column_roles
from jixiao.readers.cells import ORGANISATION, Cell, is_footer, parse_amount_unit
from jixiao.readers.chinese_years import YearPattern
from jixiao.readers.labels import Label, label_key, label_of, unit_in
from jixiao.readers.totals import is_total_cell

AMOUNT_LABELS = (Label.BUDGET, Label.FUNDS, Label.TOTAL_FUNDS)
_FUND_LABELS = frozenset({*AMOUNT_LABELS, Label.SUB_FUNDS})  # an amount and its parts
_YIELDING = frozenset(("预算单位",))  # the unit that holds the budget: the 实施单位, where named, wins


# The labels whose value is kept as written, and the field each fills.
FIELD_OF_LABEL = {
    Label.NAME: "name",
    Label.TYPE: "type",
    Label.LEVEL: "level",
    Label.DEPARTMENT: "department",
    Label.UNIT: "unit",
    Label.FILER: "filer",
    Label.FINANCE: "finance",
}


def yields(label: str) -> bool:
    """Whether a label's value gives way to the same field under another label: a 中央 department to
    the local one, the 预算单位 to the 实施单位."""
    return label.startswith("中央") or label in _YIELDING


PARTS_SUMMED = "预算金额为其中各项资金之和（原表未写合计）"
# A wrapped label's unit run onto the next label: ``年度预算申请`` / ``(万元)资金总额:886.40``.
_UNIT_FIRST = re.compile(r"^[(（]\s*万?元\s*[)）]")
_AMOUNT_WORDS = ("安排", "执行", "申请", "预算")
_SPACED_LABEL = re.compile(r"\s+([^\s:：]{2,12})[:：]")


def after_funds_heading(head: str) -> tuple[str, str | None] | None:
    """An amount label after the funds heading or unit it ran onto (``(万元)资金总额``,
    ``年度预算申请(万元)资金总额``): the label and the unit the heading names; else None."""
    if (unit := _UNIT_FIRST.match(head)) is not None:
        rest = head[unit.end() :]
        return (rest, unit_in(unit.group())) if label_of(rest) in AMOUNT_LABELS else None
    for k in range(min(len(head) - 2, 24), 1, -1):
        if label_of(head[:k]) is Label.FUNDS_SECTION and label_of(head[k:]) in AMOUNT_LABELS:
            return head[k:], unit_in(head[:k])
    return None


def request_column(texts: list[str]) -> tuple[int, str | None] | None:
    """A funds table's heading row (项目 | 上年度预算安排 | 上年度实际执行 | 本年度申请金额): the place of the
    year's request among its amount columns, and the unit its label names (资金来源(万元)); else None."""
    if "申请" not in "".join(texts):  # no request column heading: most rows of a head
        return None
    amounts = [t for t in texts if "年" in t and any(w in t for w in _AMOUNT_WORDS) and len(t) <= 12]
    requests = [n for n, t in enumerate(amounts) if t.startswith(("本年", "当年")) and "申请" in t]
    if len(amounts) < 2 or len(requests) != 1:
        return None
    return requests[0], next((u for t in texts if (u := unit_in(t)) is not None), None)


# Words ending a label a value runs on into (金额单位:万元, 单位负责人:某某, 联系电话:…).
_RUN_ON_LABEL_ENDINGS = ("单位", "负责人", "联系人", "联系电话")


def cut_at_next_label(value: str) -> list[str]:
    """A label's value that runs on into another ``label:value`` after a space, cut there:
    ``鄂州市图书馆 金额单位:万元`` → the name, then ``金额单位:万元`` (read on as a cell of its own)."""
    for match in _SPACED_LABEL.finditer(value):
        head = match.group(1)
        if label_of(head) is not None or head.endswith(_RUN_ON_LABEL_ENDINGS):
            return [value[: match.start()].strip(), value[match.start() :].strip()]
    return [value]


def run_on_amounts(text: str) -> list[str] | None:
    """An amount with its unit run on into other amount labels and theirs, with nothing between
    (``86.40万元中央补助安排0…其他资金0预算申报数86.40万元资金性质…``): the first amount, then each amount
    label found with an amount and unit right after it, and that amount; None where no such pair follows."""
    first = _AMOUNT_WITH_UNIT.match(text)
    if first is None or first.end() == len(text):
        return None
    cells = [first.group()]
    rest, p = text[first.end() :], 0
    while p < len(rest):
        for k in range(min(12, len(rest) - p), 1, -1):
            label = label_of(rest[p : p + k])
            amount = _AMOUNT_WITH_UNIT.match(rest, p + k)
            if label in _FUND_LABELS and amount is not None:
                cells += [rest[p : p + k], amount.group()]
                p = amount.end() - 1
                break
        p += 1
    return cells if len(cells) > 1 else None


def filer_beside_unit(cells: Sequence[str]) -> str | None:
    """``207101某法院 | 单位:万元``: the organisation a line over the table names beside the money's unit."""
    texts = [text for c in cells if (text := c.strip())]
    if len(texts) != 2:
        return None
    for org, unit in (texts, texts[::-1]):
        if "单位" in unit and unit_in(unit) is not None and ORGANISATION.match(org) and label_of(org) is None:
            return org
    return None


# Labels of the person and date a form's second column holds (部门名称 | 填报人 on one line of the form).
_CONTACT_LABELS = frozenset(("填报人", "联系人", "联系电话", "填报日期", "负责人", "经办人", "财务负责人"))


def value_cell(row: list[Cell], i: int) -> tuple[Cell | None, int]:
    """The cell holding the value of the label at ``i``, and how many cells were passed over: the next
    one; in a two-column form flattened in reading order (``部门名称 | 填报人 | 某局 | 王某``: two labels,
    then their values) the one after the contact label that follows it."""
    following = row[i + 1] if i + 1 < len(row) else None
    if following is None or i + 3 >= len(row) or label_key(following.text) not in _CONTACT_LABELS:
        return following, 0
    for value in row[i + 2 : i + 4]:  # both values must follow, else the first label's was left empty
        if not value.text or label_of(value.text) is not None or is_footer(value.text):
            return following, 0
    return row[i + 2], 1


CODED_DEPARTMENT = "主管部门取自表格上方的“编码+单位名称 | 单位:万元”行（表中未写其他部门或单位）"
_BUDGET_CODE = re.compile(r"^\d{3,12}[-_ ]?[\u4e00-\u9fff]")


LABELLED_DEPARTMENT = "主管部门取自表格上方的“单位名称:… | 单位:万元”行（表中未写其他部门或单位）"
# The label of the organisation named beside the money's unit (鄂州 市直: ``单位名称:某馆 | 单位:万元``).
_ORGANISATION_LABEL = re.compile(r"^\s*(?:单位名称|部门名称|预算单位|预算部门)\s*[:：]\s*(?=\S)")


APPLICANT_DEPARTMENT = "主管部门取自“申报单位”（表中另写了实施单位，未写主管部门）"
_APPLICANT_LABELS = ("申报单位", "项目申报单位")


def note_applicant(fields: dict[str, str], key: str, label: str, value: Cell | None) -> None:
    """``申报单位 | 某局`` (read as ``filer``): kept as ``applicant`` (not ``填报单位``: who filled the form
    in is not said to apply), the department where the form also names its own 实施单位 and no 主管部门."""
    if key != "filer" or value is None or not label_key(label).startswith(_APPLICANT_LABELS):
        return
    if ORGANISATION.match(value.text.strip()):
        fields.setdefault("applicant", value.text.strip())


def department_of_filer(fields: dict[str, str]) -> tuple[str, str] | None:
    """The department a form names only as who filed it, and why: the one organisation written beside
    the money's unit (``coded_filer``) where the form names no unit, or the 申报单位 where it names a
    different 实施单位; None where the form names its department (or neither applies)."""
    if fields.get("department"):
        return None
    if not fields.get("unit") and "coded_filer" in fields:
        return fields["coded_filer"], fields.get("coded_why", CODED_DEPARTMENT)
    applicant, unit = fields.get("applicant"), fields.get("unit")
    if applicant and unit and applicant != unit:
        return applicant, APPLICANT_DEPARTMENT
    return None


def note_organisation_beside_unit(fields: dict[str, str], cells: Sequence[str]) -> None:
    """``213104某法院 | 单位:万元`` over a table: who made it (``filer``); written with its budget code or
    under a 单位名称 label, it is also kept as ``coded_filer``, the table's department where the table
    names no other organisation (``coded_why`` says which)."""
    if not _two_texts_one_unit(cells):  # most rows of a head: no regex run over their cells
        return
    labelled = [_ORGANISATION_LABEL.sub("", c) for c in cells]
    if (org := filer_beside_unit(labelled)) is not None:
        fields.setdefault("filer", org)
        if _BUDGET_CODE.match(org):
            fields.setdefault("coded_filer", org)
        elif labelled != list(cells) and "coded_filer" not in fields:
            fields["coded_filer"], fields["coded_why"] = org, LABELLED_DEPARTMENT


def _two_texts_one_unit(cells: Sequence[str]) -> bool:
    """Two cells with text, one naming 单位: what `filer_beside_unit` needs (taking off an organisation
    label changes neither which cells hold text nor adds a 单位)."""
    texts = [c for c in cells if c and not c.isspace()]
    return len(texts) == 2 and ("单位" in texts[0] or "单位" in texts[1])


def amount_heading(row: list[Cell]) -> list[tuple[Label, Cell]] | None:
    """A row of amount labels only (资金总额 | 本年预算 | 其中:财政拨款 | 其他资金), at least one of them a
    whole amount: the labels, in order, for the row of amounts under them; else None."""
    for last in reversed(row):  # whatever is dropped in front, the last cell stays: an amount label
        if last.text:
            if label_of(last.text) not in _FUND_LABELS:
                return None
            break
    else:
        return None
    cells = [c for c in row if c.text]
    if (
        cells and label_of(cells[0].text) is Label.FUNDS_SECTION
    ):  # 项目资金(万元) | 实施期资金总额 | 年度资金总额
        cells = cells[1:]
        if len(cells) > 1 and is_total_cell(cells[0].text):  # 项目资金 | 合计 | 1、区级财政拨款: its total
            return _with_total(cells)
    if len(cells) > 2 and label_of(cells[0].text) in AMOUNT_LABELS and is_total_cell(cells[1].text):
        cells = cells[:1] + cells[2:]  # 预算金额(万元) | 合计 | 财政资金 | 其他资金: the 合计 is its column
    labels = [label_of(c.text) for c in cells]
    if labels and labels[0] is Label.FUNDS_SECTION:  # 年度预算申请(万元) | 资金总额 | 财政拨款: its title
        cells, labels = cells[1:], labels[1:]
    if len(cells) < 2 or not any(label in AMOUNT_LABELS for label in labels):
        return None
    if any(label not in _FUND_LABELS for label in labels):
        return None
    return [(label, cell) for label, cell in zip(labels, cells, strict=True) if label is not None]


def _with_total(cells: list[Cell]) -> list[tuple[Label, Cell]] | None:
    """合计 and its parts under a funds section: the 合计 the whole amount, the others parts."""
    labels = [label_of(c.text) for c in cells[1:]]
    if any(label is not Label.SUB_FUNDS for label in labels):
        return None
    return [(Label.FUNDS, cells[0]), *((Label.SUB_FUNDS, c) for c in cells[1:])]


def amounts_under(heading: list[tuple[Label, Cell]], row: list[Cell]) -> list[Cell] | None:
    """The row under an amount heading when it holds one amount for each label, in order; else None.
    A first cell ``(万元)`` (the section label's unit wrapped below it) gives each amount its unit."""
    cells = [c for c in row if c.text]
    if len(cells) == len(heading) + 1 and (unit := _UNIT_FIRST.fullmatch(cells[0].text.strip())) is not None:
        word = unit.group().strip("()（） ")
        cells = [c if not c.text[-1:].isdigit() else c._replace(text=c.text + word) for c in cells[1:]]
    if len(cells) != len(heading) or any(parse_amount_unit(c.text) is None for c in cells):
        return None
    return cells


def parts_under(heading: list[tuple[Label, Cell]], row: list[Cell]) -> list[Cell] | None:
    """A part row under amount headings (``财政拨款 | 270.00 | 90.00`` under
    ``实施期资金总额 | 年度资金总额``): one amount for each whole amount heading, in order, after the part's
    label; else None."""
    cells = [c for c in row if c.text]
    wholes = [label for label, _ in heading if label in AMOUNT_LABELS]
    if len(cells) != len(wholes) + 1 or len(wholes) < 2 or label_of(cells[0].text) is not Label.SUB_FUNDS:
        return None
    if any((parsed := parse_amount_unit(c.text)) is None or parsed[1] is not None for c in cells[1:]):
        return None  # a part in a unit of its own (90万元) is not added across units
    return cells[1:]


def add_column_parts(
    amounts: dict[Label, tuple[str, str | None, int]],
    inferred: list[str],
    heading: list[tuple[Label, Cell]],
    under: list[Cell],
    line: int,
) -> None:
    """Add each part of a part row to the whole amount heading its column: the sum as text, in the unit
    the heading names, at the line of the first part (noted in ``inferred``: the table wrote no total)."""
    inferred.extend(() if PARTS_SUMMED in inferred else (PARTS_SUMMED,))
    wholes = [(label, cell) for label, cell in heading if label in AMOUNT_LABELS]
    for (label, cell), amount in zip(wholes, under, strict=True):
        parsed = parse_amount_unit(amount.text)
        earlier = parse_amount_unit(amounts[label][0]) if label in amounts else (Decimal(0), None)
        if parsed is not None and earlier is not None:
            first_line = amounts[label][2] if label in amounts else line
            amounts[label] = (str(earlier[0] + parsed[0]), unit_in(cell.text), first_line)


def prose_funds(lines: list[str]) -> tuple[str, int] | None:
    """The one amount the text above prose targets names as the project's money (``安排…培训资金24万元``,
    ``涉及资金206.5万元``, ``财政资金206.5万元``), as written, and its line (1-based); None where it names
    none, or amounts that differ (never one chosen among several)."""
    found = [
        (match.group(1), number)
        for number, line in enumerate(lines, start=1)
        for match in _PROSE_FUNDS.finditer(line)
        if not any(word in line[max(match.start() - 4, 0) : match.start()] for word in _PER_HEAD)
    ]
    in_yuan = {
        amount * 10000 if unit == "万元" else amount for text, _ in found for amount, unit in _parsed(text)
    }
    return found[0] if len(in_yuan) == 1 else None


def _parsed(text: str) -> list[tuple[Decimal, str | None]]:
    parsed = parse_amount_unit(text)
    return [parsed] if parsed is not None else []


_AMOUNT_WITH_UNIT = re.compile(r"\d[\d,]*(?:\.\d+)?\s*(?:万元|元|万)(?![/每])")
_PER_HEAD = ("每", "均", "标准")  # 生均公用经费800元, 每人每年补助资金5000元: a rate, not the project's money
# An amount written right after 资金/经费 with its unit, not a rate (600元/人) nor a standard (每生5000元).
_PROSE_FUNDS = re.compile(
    r"(?:资金|经费)(?:共计|合计|总额|总计|规模)?\s*[:：为]?\s*(\d+(?:\.\d+)?\s*万?元)(?![/每\d])"
)


def goal_year(goal_parts: dict[str, list[str]]) -> int | None:
    """The year an annual goal opens with (``到2022年底，…``, ``2023年完成…``), or None."""
    match = _GOAL_YEAR.match("".join(goal_parts["annual"])[:20])
    return int(match.group(1)) if match else None


_GOAL_YEAR = re.compile(r"^\s*(?:到|至|截至|截止)?\s*((?:19|20)\d{2})\s*年")


ENUMERATION = re.compile(
    r"^\s*(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[、.．])\s*"
)
TOTAL_WORD = re.compile(r"^\s*(?:总额|合计|总计|小计)\s*[:：]?")
TITLE_YEAR = YearPattern(
    r"^[(（]?\s*((?:19|20)\d{2})\s*年度?\s*[)）]?$"  # (2024 年度) under the title
    r"|绩效目标.{0,6}表.{0,3}((?:19|20)\d{2})"  # 绩效目标表(2022年度)
    r"|((?:19|20)\d{2})年.{0,40}目标(?:评审申报|申报|审批|批复|调整)?表"  # 2022年中央预算内投资计划绩效目标表
)
RANGE_WORDS = frozenset(("到", "至", "-", "—", "~", "－"))


# A year in a period: 2021-2029年, 20210101, 2023.07-2024.01 (never the digits inside a date).
ONE_YEAR = re.compile(r"\s*(?:19|20)\d{2}\s*年度?\s*")  # a 实施期 of one year: 项目期 2022年
PERIOD_YEAR = re.compile(r"(?<!\d)((?:19|20|21)\d{2})(?=\d{4}(?!\d)|\D|$)")


NAME_THEN_CODE = re.compile(r"^(.*[\u4e00-\u9fff)）])\s*(\d{3,12})$")
_NAME_THEN_CODE_LABEL = re.compile(
    r"^(.*?[\u4e00-\u9fff)）])\s*(?:部门|单位)?(?:预算)?(?:编码|代码)\s*[:：]?\s*(\d{3,12})$"
)


def code_after_name(label: str, value: str) -> re.Match[str] | None:
    """A department's name with its budget code after it (group 1 the name, group 2 the code): run on
    bare under a 名称及编码 label (``福建省文化和旅游厅335301302``), or with the code's own label run on
    after the name (``龙岩市某局部门预算编码230001``, the table's cells run together); else None."""
    if "部门" in label and (labelled := _NAME_THEN_CODE_LABEL.match(value)) is not None:
        return labelled
    return NAME_THEN_CODE.match(value) if "编码" in label or "代码" in label else None


# 2023年…项目, or after the place it is for: 同心县2025年肉牛…培训项目
NAME_YEAR = re.compile(r"^(?:[\u4e00-\u9fff]{1,8}?[省市县区旗州盟镇乡])?((?:19|20)\d{2})年(?!\d*月)(?!\d)")
DATE = re.compile(r"(?:19|20)\d{2}([/.-])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])")  # 2019/1/1: its year


YEAR_LABEL = YearPattern(r"(?:预算|编制|填报|申报)年度\s*[:：]\s*((?:19|20)\d{2})(?!\d)")
# The year in brackets that opens the cell after a title, whatever ran on after it: ``(2023年度)一级…``.
YEAR_OPENING = YearPattern(r"^[(（]\s*((?:19|20)\d{2})\s*年度?\s*[)）]")


def line_of(source: SourceRef) -> int:
    """The source line, 0 when unknown."""
    return source.line or 0


def opens_header(row: list[Cell], i: int) -> bool:
    """A tree header cell (一级指标, 三级) followed by another header cell opens the indicator block."""
    if column_roles.role_of(label_key(row[i].text)) not in column_roles.TREE_ROLES:
        return False
    following = next((c for c in row[i + 1 :] if c.text), None)
    if following is None:  # 评价指标 | 评价内容: a weak tree header after a tree header also opens it
        return False
    return label_of(following.text) is Label.HEADER or (
        column_roles.role_of(label_key(following.text)) in column_roles.TREE_ROLES
    )


def bare_amount_then_unit(amount: str, after: str) -> bool:
    """``资金额度 3150 万`` cut at its spaces: a number with no unit, then the unit alone in the next cell."""
    parsed = parse_amount_unit(amount) if after in ("万", "万元", "元") else None
    return parsed is not None and parsed[1] is None
