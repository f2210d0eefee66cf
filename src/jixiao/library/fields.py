"""The governed fields of a 指标库 entry: what a curator decides, as opposed to the mined evidence.

`EntryFields` holds what the issue lists — name and synonyms, 一级/二级 placement, 指标解释, 计算公式,
direction and value type with its unit class and unit, 计算符号, a reference value with its
指标值设定依据 (计划 / 历史 / 行业 / 其他标准, with year and source), the scoring rule, the data source
and 佐证材料, accrual for monitoring, applicability (项目类型, 支出功能分类, sector keywords), 共性/个性 and
owner, the validity window, and where the text came from (provenance note: mined, a request, or an
official framework with its document). `fields_from_dict` checks a proposal and answers in Chinese;
`fields_from_entry` makes the draft fields of a mined entry. Pure: no storage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from dataclasses import fields as dataclass_fields
from typing import Any

from jixiao.library.entries import DIRECTION_LABELS, VALUE_TYPE_LABELS, Entry
from jixiao.library.suggest import OP_SYMBOLS, typical_value

BASES = ("计划标准", "历史标准", "行业标准", "其他标准")
ACCRUALS = {"cumulative": "累计值", "snapshot": "时点值", "milestone": "节点（里程碑）"}
KINDS = ("共性", "个性")
OPS = tuple(op for op in OP_SYMBOLS if op)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_TEXT = 2000


class FieldsProblem(ValueError):
    """A proposal that cannot be an entry; the message is Chinese and names the field."""


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference value: its 计算符号 and value as written (≥ 90%), 指标值设定依据, year and source."""

    op: str = ""
    value: str = ""
    basis: str = ""  # one of BASES, or ""
    year: int | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class EntryFields:
    """Every field a curator governs; a new version is a new `EntryFields`."""

    name: str
    synonyms: tuple[str, ...] = ()
    level1: str = ""
    level2: str = ""
    explanation: str = ""  # 指标解释
    formula: str = ""  # 计算公式
    direction: str = "unknown"  # positive | negative | interval | unknown
    value_type: str = "unknown"
    unit_class: str = "number"
    unit: str = ""
    reference: Reference = field(default_factory=Reference)
    scoring: str = ""  # 评分规则
    data_source: str = ""  # 数据来源 / 佐证材料
    accrual: str = ""  # cumulative | snapshot | milestone (监控时的取值方式)
    project_types: tuple[str, ...] = ()
    functions: tuple[str, ...] = ()  # 支出功能分类
    keywords: tuple[str, ...] = ()  # 行业、领域关键词
    kind: str = "个性"  # 共性 | 个性
    owner: str = ""  # 归口单位或管理员
    valid_from: str = ""  # YYYY-MM-DD
    valid_to: str = ""
    origin: str = "挖掘"  # where the text came from: 挖掘 / 申请 / 官方框架（文件名）

    @property
    def search_text(self) -> str:
        """What a search by name, synonym, 二级 or sector looks in."""
        words = (self.name, *self.synonyms, self.level1, self.level2, *self.keywords, *self.project_types)
        return " ".join(words)

    def labels(self) -> dict[str, str]:
        """The coded fields in Chinese, for pages."""
        return {
            "direction": DIRECTION_LABELS.get(self.direction, self.direction),
            "value_type": VALUE_TYPE_LABELS.get(self.value_type, self.value_type),
            "accrual": ACCRUALS.get(self.accrual, "未定"),
            "op": OP_SYMBOLS.get(self.reference.op, self.reference.op),
        }


def fields_to_dict(fields: EntryFields) -> dict[str, Any]:
    """The fields as JSON-ready data (lists for tuples)."""
    data: dict[str, Any] = {}
    for item in dataclass_fields(fields):  # not `asdict`: it deep-copies, and builds run it per entry
        value = getattr(fields, item.name)
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, Reference):
            value = {r.name: getattr(value, r.name) for r in dataclass_fields(value)}
        data[item.name] = value
    return data


def _text(data: dict[str, Any], key: str, default: str = "") -> str:
    value = data.get(key, default)
    if value is None:
        return default
    if not isinstance(value, (str, int)):
        raise FieldsProblem(f"“{key}”应为文字")
    text = str(value).strip()
    if len(text) > MAX_TEXT:
        raise FieldsProblem(f"“{key}”过长（最多 {MAX_TEXT} 字）")
    return text


def _words(data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key) or ()
    if isinstance(value, str):
        value = re.split(r"[、,，;；\n]+", value)
    if not isinstance(value, (list, tuple)):
        raise FieldsProblem(f"“{key}”应为一组文字")
    return tuple(dict.fromkeys(str(v).strip() for v in value if str(v).strip()))


def _choice(value: str, allowed: Any, label: str) -> str:
    if value and value not in allowed:
        raise FieldsProblem(f"{label}“{value}”无效，可选：{'、'.join(allowed)}")
    return value


def fields_from_dict(data: Any) -> EntryFields:
    """Fields from a form or JSON, checked; FieldsProblem (Chinese) when one is wrong."""
    if not isinstance(data, dict):
        raise FieldsProblem("条目内容应为 JSON 对象")
    name = _text(data, "name")
    if not name:
        raise FieldsProblem("请填写指标名称")
    ref = data.get("reference") or {}
    if not isinstance(ref, dict):
        raise FieldsProblem("参考值应为 JSON 对象")
    year_text = _text(ref, "year")
    if year_text and not (year_text.isdigit() and 1990 <= int(year_text) <= 2100):
        raise FieldsProblem(f"参考值年度“{year_text}”无效")
    reference = Reference(
        op=_choice(_text(ref, "op"), OPS, "计算符号"),
        value=_text(ref, "value"),
        basis=_choice(_text(ref, "basis"), BASES, "指标值设定依据"),
        year=int(year_text) if year_text else None,
        source=_text(ref, "source"),
    )
    dates = {k: _text(data, k) for k in ("valid_from", "valid_to")}
    for value in dates.values():
        if value and not _DATE.match(value):
            raise FieldsProblem(f"有效期“{value}”应写作 YYYY-MM-DD")
    if dates["valid_from"] and dates["valid_to"] and dates["valid_to"] < dates["valid_from"]:
        raise FieldsProblem("有效期的结束日期早于开始日期")
    return EntryFields(
        name=name,
        synonyms=_words(data, "synonyms"),
        level1=_text(data, "level1"),
        level2=_text(data, "level2"),
        explanation=_text(data, "explanation"),
        formula=_text(data, "formula"),
        direction=_choice(_text(data, "direction", "unknown") or "unknown", DIRECTION_LABELS, "方向"),
        value_type=_choice(_text(data, "value_type", "unknown") or "unknown", VALUE_TYPE_LABELS, "值类型"),
        unit_class=_text(data, "unit_class", "number") or "number",
        unit=_text(data, "unit"),
        reference=reference,
        scoring=_text(data, "scoring"),
        data_source=_text(data, "data_source"),
        accrual=_choice(_text(data, "accrual"), ACCRUALS, "取值方式"),
        project_types=_words(data, "project_types"),
        functions=_words(data, "functions"),
        keywords=_words(data, "keywords"),
        kind=_choice(_text(data, "kind", "个性") or "个性", KINDS, "共性/个性"),
        owner=_text(data, "owner"),
        valid_from=dates["valid_from"],
        valid_to=dates["valid_to"],
        origin=_text(data, "origin", "申请") or "申请",
    )


def merged(base: EntryFields, changes: Any) -> EntryFields:
    """``base`` with the keys given in ``changes`` replaced, checked as a whole."""
    if not isinstance(changes, dict):
        raise FieldsProblem("修改内容应为 JSON 对象")
    data = fields_to_dict(base)
    data.update({k: v for k, v in changes.items() if k in data})
    return fields_from_dict(data)


def _accrual(entry: Entry) -> str:
    if entry.value_type == "date":
        return "milestone"
    if entry.value_type in ("percent", "grade", "score"):
        return "snapshot"
    if entry.value_type in ("count", "physical", "money"):
        return "cumulative"
    return ""


def fields_from_entry(entry: Entry) -> EntryFields:
    """The draft fields of a mined entry: its names, placement, direction, unit and typical value."""
    d = entry.main_distribution
    reference = Reference()
    if d is not None:
        years = [y for y, _ in entry.provenance.years]
        reference = Reference(
            op=d.common_op,
            value=typical_value(entry).lstrip("≥≤<>="),
            basis="历史标准",
            year=max(years) if years else None,
            source=f"同行中位数（{d.count} 个目标值，{entry.provenance.publishers} 个单位）",
        )
    return replace(
        EntryFields(name=entry.name),
        synonyms=entry.synonyms[:30],
        level1=entry.level1,
        level2=entry.level2,
        direction=entry.direction,
        value_type=entry.value_type,
        unit_class=entry.unit_class,
        unit=entry.unit,
        reference=reference,
        accrual=_accrual(entry),
        origin="挖掘",
    )
