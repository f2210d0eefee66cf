"""Issue 11, indicators grouped by goal (documents of our own in the layout of Word and web forms whose
年度目标 is cut into numbered goals, each with its own indicators): a first column ``年度目标`` holding
``目标1：…``, ``目标2：…`` merged down over each goal's rows, the 一级 starting again under each goal. The
goal texts are the table's 年度目标, never indicators; every indicator keeps its 一级 and 二级.
"""

from __future__ import annotations

from pathlib import Path

from jixiao.readers.detect import read_any
from jixiao.readers.text import read_text

GOAL_ROWS = [
    ("目标1：完成社区健身器材更新。", "产出指标", "数量指标", "更新健身器材套数", "≥40套"),
    ("", "产出指标", "质量指标", "器材验收合格率", "100%"),
    ("目标2：开展群众体育活动。", "产出指标", "数量指标", "举办社区运动会场次", "≥6场"),
    ("", "效益指标", "社会效益指标", "经常参加锻炼人数比例", "≥42%"),
    ("目标3：群众满意。", "满意度指标", "服务对象满意度指标", "居民满意度", "≥90%"),
]
HEADER = "年度目标\t一级指标\t二级指标\t三级指标\t指标值\n"
HEAD = """2024年项目支出绩效目标表
项目名称\t社区体育设施提升项目
主管部门\t某区体育局\t实施单位\t某区体育中心
年度资金总额（万元）\t128.00
"""


def _merged_html() -> str:
    rows = []
    spans = {0: 2, 2: 2, 4: 1}
    for k, (goal, first, second, name, value) in enumerate(GOAL_ROWS):
        lead = f'<td rowspan="{spans[k]}">{goal}</td>' if k in spans else ""
        rows.append(f"<tr>{lead}<td>{first}</td><td>{second}</td><td>{name}</td><td>{value}</td></tr>")
    return (
        "<html><body><h3>2024年项目支出绩效目标表</h3><table>"
        "<tr><td>项目名称</td><td colspan='4'>社区体育设施提升项目</td></tr>"
        "<tr><td>主管部门</td><td colspan='2'>某区体育局</td><td>实施单位</td><td>某区体育中心</td></tr>"
        "<tr><td>年度资金总额（万元）</td><td colspan='4'>128.00</td></tr>"
        "<tr><td>年度目标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"
        + "".join(rows)
        + "</table><p>填表人：张某</p></body></html>"
    )


EXPECTED = [
    ("产出指标", "数量指标", "更新健身器材套数", "≥40套"),
    ("产出指标", "质量指标", "器材验收合格率", "100%"),
    ("产出指标", "数量指标", "举办社区运动会场次", "≥6场"),
    ("效益指标", "社会效益指标", "经常参加锻炼人数比例", "≥42%"),
    ("满意度指标", "服务对象满意度指标", "居民满意度", "≥90%"),
]


def test_a_goal_column_merged_down_gives_every_indicator_and_the_goals(tmp_path: Path) -> None:
    path = tmp_path / "sports.html"
    path.write_text(_merged_html(), encoding="utf-8")
    (table,), _ = read_any(path)
    assert [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators] == EXPECTED
    goals = ["目标1：完成社区健身器材更新。", "目标2：开展群众体育活动。", "目标3：群众满意。"]
    assert table.goals.annual.split() == goals


def test_a_goal_column_in_tab_separated_text_is_taken_out_too() -> None:
    body = HEADER + "".join("\t".join(r) + "\n" for r in GOAL_ROWS)
    (table,), _ = read_text(HEAD + body, file="sports.txt")
    assert [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators] == EXPECTED
    assert "目标2：开展群众体育活动。" in table.goals.annual
    assert all(not i.name.startswith("目标") for i in table.indicators)


def test_a_first_column_holding_categories_is_read_as_written() -> None:
    rows = [("产出指标", *r[1:]) for r in GOAL_ROWS]  # 一级 where the goals would be: not a goal column
    body = HEADER + "".join("\t".join(r) + "\n" for r in rows)
    (table,), _ = read_text(HEAD + body, file="sports.txt")
    assert table.goals.annual == ""
