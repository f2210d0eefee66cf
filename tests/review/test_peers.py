"""同行比较 rules (JX-E…), written in the table format of the other rule tests.

The peers are tables too: six units' tables in the same format, mined into a library by the pure
core and turned into the snapshot the service would read from the database.
"""

from __future__ import annotations

from pathlib import Path

from jixiao.library import build_library, normalise_name, rows_from_table
from jixiao.library.peers import peer_records
from jixiao.model import Diagnostic
from jixiao.readers.text import read_text
from jixiao.review.peers import MIN_PUBLISHERS, NOT_RUN, PEER_RULES, PeerSnapshot, peer_findings, peer_stat
from tests.review.tabletext import GOOD_ROWS, row, table

COMPLAINT_ROW = " |  | 质量指标 | 投诉率 | ≤2% | ≤2%"
PEER_ROWS = GOOD_ROWS.replace(" |  | 时效指标", COMPLAINT_ROW + "\n |  | 时效指标")
SATISFACTION = "学员满意度 | ≥90% | ≥90%"


def _peer_table(unit: str, satisfaction: str) -> str:
    rows = PEER_ROWS.replace(SATISFACTION, f"学员满意度 | ≥{satisfaction}% | ≥{satisfaction}%")
    return table(rows).replace("用款单位\t东莞市妇女联合会", f"用款单位\t{unit}")


def snapshot(units: int = 6) -> PeerSnapshot:
    values = ("85", "90", "95", "90", "88", "92", "90", "93")
    texts = [_peer_table(f"东莞市第{n}单位", values[n % len(values)]) for n in range(units)]
    tables = [t for text in texts for t in read_text(text, "peer.txt")[0]]
    library = build_library(rows_from_table(t, ref=f"peer:{i}") for i, t in enumerate(tables))
    stats = {key: peer_stat(record) for key, _, record in peer_records(library)}
    return PeerSnapshot(stats, lambda name: normalise_name(name).key)


PEERS = snapshot()


def findings(text: str, peers: PeerSnapshot = PEERS) -> list[Diagnostic]:
    tables, problems = read_text(text, "t.txt")
    assert tables, problems
    return peer_findings(tables[0], peers)


def assert_fires(rule_id: str, text: str, lines: list[int], peers: PeerSnapshot = PEERS) -> list[Diagnostic]:
    found = [f for f in findings(text, peers) if f.code == rule_id]
    assert [(f.code, f.source.line) for f in found] == [(rule_id, line) for line in lines]
    return found


def assert_silent(rule_id: str, text: str, peers: PeerSnapshot = PEERS) -> None:
    assert [f for f in findings(text, peers) if f.code == rule_id] == []


def test_e01_value_far_below_peers_names_their_distribution() -> None:
    low = PEER_ROWS.replace(SATISFACTION, "学员满意度 | ≥60% | ≥60%")
    (found,) = assert_fires("JX-E01", table(low), [row(7)])
    assert "6 个单位的 6 张表" in found.message and "中位数 ≥90%" in found.message
    assert "85–95%" in found.message and "低于" in found.message
    assert_silent("JX-E01", table(PEER_ROWS))
    assert_silent("JX-E01", table(PEER_ROWS.replace(SATISFACTION, "学员满意度 | ≥85% | ≥85%")))


def test_e02_unit_unlike_every_peer() -> None:
    odd = PEER_ROWS.replace("投诉率 | ≤2% | ≤2%", "投诉率 | ≤2件 | ≤2件")
    (found,) = assert_fires("JX-E02", table(odd), [row(4)])
    assert "“件”" in found.message and "“%”" in found.message
    assert_silent("JX-E02", table(PEER_ROWS))


def test_e03_reverse_indicator_written_with_at_least() -> None:
    wrong = PEER_ROWS.replace("投诉率 | ≤2% | ≤2%", "投诉率 | ≥2% | ≥2%")
    (found,) = assert_fires("JX-E03", table(wrong), [row(4)])
    assert "反向指标" in found.message and "6 张表" in found.message
    assert_silent("JX-E03", table(PEER_ROWS))
    assert_silent("JX-E03", table(GOOD_ROWS))  # 学员满意度 ≥ is what peers write


def test_silent_with_too_few_peers() -> None:
    few = snapshot(units=MIN_PUBLISHERS - 1)
    low = PEER_ROWS.replace(SATISFACTION, "学员满意度 | ≥60% | ≥60%")
    assert_silent("JX-E01", table(low), few)
    wrong = PEER_ROWS.replace("投诉率 | ≤2% | ≤2%", "投诉率 | ≥2% | ≥2%")
    assert_silent("JX-E03", table(wrong), few)
    odd = PEER_ROWS.replace("投诉率 | ≤2% | ≤2%", "投诉率 | ≤2件 | ≤2件")
    assert_silent("JX-E02", table(odd), few)


def test_every_evidence_rule_is_documented_and_tested() -> None:
    source = Path(__file__).read_text(encoding="utf-8")
    for rule in PEER_RULES:
        assert rule.title and rule.text and rule.basis and rule.suggestion
        assert f'assert_fires("{rule.id}"' in source and f'assert_silent("{rule.id}"' in source
    assert "没有连接数据库" in NOT_RUN
