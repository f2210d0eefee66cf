"""A published 自评表 with no 分值 column (the 湖北 市直 form: one 得分 per 二级 group, weights only in the
一级 labels) still says what full marks are: each 一级 group's stated weight. Every group at its weight
is blanket full marks (JX-A21); a group scoring past its weight contradicts the table (JX-A02); a group
that lost points is neither."""

from __future__ import annotations

from jixiao.readers.selfeval_published import read_published_text
from jixiao.scoring.audit import audit


def hubei_without_weights(output_scores: tuple[str, str, str], outcome: str = "20") -> str:
    """A 湖北 市直 项目自评表 as a site flattens it: ``|`` cells, the second row of a group scoreless."""
    quantity, quality, cost = output_scores
    return f"""2023年度社区书屋建设项目自评表
项目单位(盖章):某区文化馆
项目名称 | 社区书屋建设 | ||||||||
主管部门 | 某区文化和旅游局 | 项目实施单位 | 某区文化馆 | ||||||
预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) | |||||
年度财政资金总额 | 12 | 12 | 100% | 20 | |||||
年度绩效目标1 (80分) | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 | |||
产出指标(40分) | 数量指标 | 新建社区书屋 | 6个 | 6个 | {quantity} | ||||
配送图书 | 3000册 | 3050册 | |||||||
质量指标 | 书屋验收合格率 | 100% | 100% | {quality} | |||||
成本指标 | 每个书屋建设成本 | ≤2万元 | 2万元 | {cost} | |||||
效益指标(30分) | 社会效益 | 书屋年接待读者 | ≥5000人次 | 5600人次 | {outcome} | ||||
可持续影响指标 | 书屋开放时长 | ≥300天 | 310天 | 10 | |||||
满意度指标(10分) | 读者 | 读者满意度 | ≥90% | 95% | 10 | ||||
总分 | 100 | ||||||||
"""


def _codes(text: str) -> list[str]:
    (table,) = read_published_text(text, "书屋.txt")
    assert table.group_weights and all(i.weight is None for i in table.indicators)
    return audit(table).codes()


def test_every_group_at_its_stated_weight_is_blanket_full_marks() -> None:
    assert "JX-A21" in _codes(hubei_without_weights(("15", "15", "10")))


def test_a_group_that_lost_points_is_not_full_marks_and_does_not_add_up_wrong() -> None:
    codes = _codes(hubei_without_weights(("15", "13", "10")))
    assert "JX-A21" not in codes and "JX-A02" not in codes


def test_scores_past_a_groups_stated_weight_contradict_the_table() -> None:
    text = hubei_without_weights(("15", "15", "10"), outcome="25")  # 效益 25 + 10 under its 30
    (table,) = read_published_text(text, "书屋.txt")
    found = [d for d in audit(table).diagnostics if d.code == "JX-A02"]
    assert [(d.source.line, "效益指标" in d.message) for d in found] == [(12, True)]
    assert "JX-A21" not in audit(table).codes()
