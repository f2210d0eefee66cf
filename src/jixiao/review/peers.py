"""同行比较 (evidence rules, JX-E…): a table's targets against what peers set for the same indicator.

These rules need evidence no single table holds, so they take a `PeerSnapshot` — the peer statistics
the 指标库 builds in batch and stores (one record per normalised indicator name: how many tables and
units use it, their direction, units and target values). The service supplies the snapshot when a
table is reviewed in the system; a file reviewed without a database is reviewed without these rules,
and the command says so. Every finding names the peers' count, median and range so the reviewer sees
the evidence, and every rule is silent where there are fewer than `MIN_TABLES` tables from
`MIN_PUBLISHERS` units. Pure functions: no storage, no library code (the snapshot brings its own
function from an indicator name to its key).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from jixiao.model import Diagnostic, Indicator, Kind, Op, Severity, SourceRef, Table, Target
from jixiao.review.common import Hit
from jixiao.review.profiles import DEFAULT_PROFILE, Profile
from jixiao.values import number_text

MIN_TABLES = 5
MIN_PUBLISHERS = 3
FAR_POINTS = Decimal(10)  # a percentage this many points outside the peers' 10–90% band is far
SURE_DIRECTION = Decimal("0.8")  # share of peers' comparators that must agree on ≤


@dataclass(frozen=True, slots=True)
class PeerValues:
    """Peers' target values in their commonest unit."""

    unit: str
    count: int
    op: str
    median: Decimal
    low: Decimal
    high: Decimal
    p10: Decimal
    p90: Decimal


@dataclass(frozen=True, slots=True)
class PeerStat:
    """What peers did with one indicator (one 指标库 entry)."""

    code: str
    name: str
    tables: int
    publishers: int
    direction: str  # positive | negative | unknown
    direction_share: Decimal
    units: tuple[tuple[str, int], ...]
    values: PeerValues | None = None

    @property
    def enough(self) -> bool:
        """Whether there are enough peers to compare with."""
        return self.tables >= MIN_TABLES and self.publishers >= MIN_PUBLISHERS

    def evidence(self) -> str:
        """The peers in one phrase: 12 个单位的 30 张表，中位数 ≥90%（85–95%）."""
        text = f"指标库条目 {self.code}“{self.name}”：{self.publishers} 个单位的 {self.tables} 张表"
        v = self.values
        if v is not None:
            op = Op(v.op).symbol if v.op else ""
            text += (
                f"，{v.count} 个目标值中位数 {op}{number_text(v.median)}{v.unit}"
                f"（范围 {number_text(v.low)}–{number_text(v.high)}{v.unit}）"
            )
        return text


@dataclass(frozen=True, slots=True)
class PeerSnapshot:
    """Peer statistics by normalised indicator name, with the function that normalises a name."""

    stats: Mapping[str, PeerStat]
    key_of: Callable[[str], str]

    def of(self, indicator: Indicator) -> PeerStat | None:
        """The peers of one indicator, when there are enough of them."""
        found = self.stats.get(self.key_of(indicator.name))
        return found if found is not None and found.enough else None


def _target(indicator: Indicator) -> Target:
    return indicator.annual if not indicator.annual.is_empty else indicator.period


def _pairs(table: Table, peers: PeerSnapshot) -> Iterator[tuple[Indicator, Target, PeerStat]]:
    for indicator in table.indicators:
        stat = peers.of(indicator)
        target = _target(indicator)
        if stat is not None and target.kind is Kind.QUANTITATIVE and target.value is not None:
            yield indicator, target, stat


def far_from_peers(table: Table, peers: PeerSnapshot) -> Iterator[Hit]:
    """百分比目标值远离同行为同一指标设定的水平：在同行 10%–90% 分位区间之外且相差 10 个百分点以上
    （如满意度 ≥60%，而同行多为 ≥85%–95%）。"""
    for indicator, target, stat in _pairs(table, peers):
        v = stat.values
        if v is None or v.unit != "%" or (target.unit or "") != "%" or v.count < MIN_TABLES:
            continue
        value = target.value
        assert value is not None
        if value < v.p10 - FAR_POINTS or value > v.p90 + FAR_POINTS:
            side = "低于" if value < v.p10 else "高于"
            yield Hit(
                indicator.source,
                f"“{indicator.name}”目标值 {target.raw} 明显{side}同行（{stat.evidence()}，"
                f"多数在 {number_text(v.p10)}–{number_text(v.p90)}% 之间）",
                indicator.name,
                f"参考同行的目标值（中位数 {number_text(v.median)}%）重新测算；"
                "确有特殊情况请在指标解释中说明。",
            )


def unit_unlike_peers(table: Table, peers: PeerSnapshot) -> Iterator[Hit]:
    """计量单位与同行都不同：同行为同一指标使用的单位中没有这张表的单位。"""
    for indicator, target, stat in _pairs(table, peers):
        unit = target.unit or ""
        used = dict(stat.units)
        if not unit or not used or unit in used:
            continue
        common = "、".join(f"“{u or '无单位'}” {n} 次" for u, n in stat.units[:3])
        yield Hit(
            indicator.source,
            f"“{indicator.name}”的单位“{unit}”与同行都不同（同行用 {common}；{stat.evidence()}）",
            indicator.name,
            "核对计量单位；单位不同的目标值无法与同行比较，也难以在年终核实。",
        )


def reverse_written_as_at_least(table: Table, peers: PeerSnapshot) -> Iterator[Hit]:
    """反向指标写成 ≥：同行几乎都用 ≤ 或 <（越低越好，如投诉率、事故发生率），这张表却用 ≥ 或 >。"""
    for indicator, target, stat in _pairs(table, peers):
        if stat.direction != "negative" or stat.direction_share < SURE_DIRECTION:
            continue
        if target.op not in (Op.GE, Op.GT):
            continue
        share = int(stat.direction_share * 100)
        yield Hit(
            indicator.source,
            f"“{indicator.name}”是反向指标（同行 {share}% 的目标用 ≤），"
            f"这张表却写作 {target.raw}（{stat.evidence()}）",
            indicator.name,
            "反向指标用 ≤ 表示上限，例如“≤2%”。",
        )


PeerCheck = Callable[[Table, PeerSnapshot], Iterator[Hit]]
_BASIS = "实践：以指标库中同行为同一指标设定的目标为依据（财预〔2021〕101号：指标值可参考行业标准、历史标准）"


@dataclass(frozen=True, slots=True)
class PeerRule:
    """One evidence rule: id, severity, title, basis, suggestion and its check."""

    id: str
    severity: Severity
    title: str
    basis: str
    suggestion: str
    check: PeerCheck

    @property
    def text(self) -> str:
        """The rule text in Chinese: the check's docstring."""
        return inspect.cleandoc(self.check.__doc__ or "")


_W = Severity.WARNING
PEER_RULES: tuple[PeerRule, ...] = (
    PeerRule("JX-E01", _W, "目标值远离同行", _BASIS, "参考同行的目标值重新测算。", far_from_peers),
    PeerRule("JX-E02", _W, "单位与同行不同", _BASIS, "核对计量单位。", unit_unlike_peers),
    PeerRule("JX-E03", _W, "反向指标写成 ≥", _BASIS, "反向指标用 ≤ 表示上限。", reverse_written_as_at_least),
)
NOT_RUN = "未做同行比较（JX-E01–E03）：没有连接数据库中的指标库；在系统中审核或用 --db 指定数据库时才会比较"


def _source(where: SourceRef | int | None, table: Table) -> SourceRef:
    if isinstance(where, SourceRef):
        return where if where.file == table.source.file else replace(where, file=table.source.file)
    return table.source if where is None else replace(table.source, line=where)


def peer_findings(table: Table, peers: PeerSnapshot, profile: Profile = DEFAULT_PROFILE) -> list[Diagnostic]:
    """The evidence rules' findings for one table, in source order; a crashing rule is skipped, never
    raised (the other rules' findings stand)."""
    found: list[Diagnostic] = []
    for rule in PEER_RULES:
        if not profile.enabled(rule.id):
            continue
        try:
            hits = list(rule.check(table, peers))
        except Exception:  # evidence is advice: a broken rule must not stop a review
            continue
        for hit in hits:
            found.append(
                Diagnostic(
                    code=rule.id,
                    severity=profile.severity_of(rule.id, rule.severity),
                    message=hit.message,
                    source=_source(hit.where, table),
                    indicator=hit.indicator,
                    basis=rule.basis,
                    suggestion=hit.suggestion or rule.suggestion,
                )
            )
    found.sort(key=lambda d: (d.source.page or 0, d.source.line or 0, d.code))
    return found


def _decimal(value: object) -> Decimal:
    return Decimal(str(value)) if value not in (None, "") else Decimal(0)


def peer_stat(record: Mapping[str, object]) -> PeerStat:
    """A stored peer record (jixiao.library.peers.peer_record) as a `PeerStat`."""
    units = record.get("units") or {}
    values = record.get("values")
    parsed = None
    if isinstance(values, Mapping):
        parsed = PeerValues(
            unit=str(values.get("unit") or ""),
            count=int(str(values.get("count") or 0)),
            op=str(values.get("op") or ""),
            median=_decimal(values.get("median")),
            low=_decimal(values.get("min")),
            high=_decimal(values.get("max")),
            p10=_decimal(values.get("p10") or values.get("min")),
            p90=_decimal(values.get("p90") or values.get("max")),
        )
    return PeerStat(
        code=str(record.get("code") or ""),
        name=str(record.get("name") or ""),
        tables=int(str(record.get("tables") or 0)),
        publishers=int(str(record.get("publishers") or 0)),
        direction=str(record.get("direction") or "unknown"),
        direction_share=_decimal(record.get("direction_share")),
        units=tuple((str(u), int(n)) for u, n in units.items()) if isinstance(units, Mapping) else (),
        values=parsed,
    )
