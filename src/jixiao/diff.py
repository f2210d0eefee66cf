"""What changed between two versions of a table, or between a project's tables of two years: project
fields, goals (also as a text diff), indicators; and the key that finds a project in another year (pure)."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from jixiao.model import Indicator, Table

PROJECT_FIELDS = (
    ("name", "项目名称"),
    ("type", "项目类型"),
    ("level", "项目等级"),
    ("department", "主管部门"),
    ("unit", "用款单位"),
    ("period_start", "起始年度"),
    ("period_end", "到期年度"),
    ("year", "预算年度"),
    ("budget", "预算金额(元)"),
)


@dataclass(frozen=True, slots=True)
class Change:
    """One difference: where (``place``), what it was and what it is (empty when added/removed)."""

    kind: str  # changed | added | removed
    place: str
    old: str
    new: str


def _key(item: Indicator) -> tuple[str, str, str]:
    return (item.level1, item.level2, item.name)


def _values(item: Indicator) -> str:
    return f"实施周期 {item.period.raw or '—'}；年度 {item.annual.raw or '—'}"


def diff_tables(old: Table, new: Table) -> list[Change]:
    """Changes from ``old`` to ``new``, in table order; indicators are matched by 一级/二级/三级 name."""
    changes: list[Change] = []
    for field_name, label in PROJECT_FIELDS:
        before, after = getattr(old.project, field_name), getattr(new.project, field_name)
        if before != after:
            changes.append(Change("changed", label, _text(before), _text(after)))
    if old.goals.period != new.goals.period:
        changes.append(Change("changed", "实施周期总目标", old.goals.period, new.goals.period))
    if old.goals.annual != new.goals.annual:
        changes.append(Change("changed", "年度目标", old.goals.annual, new.goals.annual))
    old_items = {_key(i): i for i in old.indicators}
    new_items = {_key(i): i for i in new.indicators}
    for key, item in old_items.items():
        place = "／".join(key)
        if key not in new_items:
            changes.append(Change("removed", place, _values(item), ""))
        elif (item.period.raw, item.annual.raw) != (new_items[key].period.raw, new_items[key].annual.raw):
            changes.append(Change("changed", place, _values(item), _values(new_items[key])))
    for key, item in new_items.items():
        if key not in old_items:
            changes.append(Change("added", "／".join(key), "", _values(item)))
    return changes


def _text(value: object) -> str:
    return "" if value is None else str(value)


# ---- a project across years --------------------------------------------------------------------

_YEAR_WORDS = re.compile(r"(?:19|20)\d{2}\s*(?:年度|年)?")
_NOISE = re.compile(r"[\s()（）\[\]【】《》〈〉“”\"'‘’·\-—_、，,.。:：;；]+")


def project_key(name: str) -> str:
    """A project name without years, spaces, brackets and punctuation, for finding the same project
    in another year: “2026年 购买社工岗位服务（经费）” and “2025年购买社工岗位服务经费” share a key."""
    text = unicodedata.normalize("NFKC", name or "")
    return _NOISE.sub("", _YEAR_WORDS.sub("", text)).casefold()


@dataclass(frozen=True, slots=True)
class Segment:
    """One piece of a text compared with another: kept (``same``), ``added`` or ``removed``."""

    kind: str  # same | added | removed
    text: str


def text_diff(old: str, new: str) -> list[Segment]:
    """The changes from ``old`` to ``new`` character by character (Chinese has no spaces between
    words), merged into runs: what a reader sees as struck-out and inserted text."""
    matcher = difflib.SequenceMatcher(None, old or "", new or "", autojunk=False)
    segments: list[Segment] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment("same", old[a1:a2]))
            continue
        if a2 > a1:
            segments.append(Segment("removed", old[a1:a2]))
        if b2 > b1:
            segments.append(Segment("added", new[b1:b2]))
    return segments
