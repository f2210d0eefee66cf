"""Builds document.html: a 平阳县 (浙江) 体育发展中心 target table as a portal page with an HTML table.

Composed from the ordinary 浙江 县级 部门预算 项目绩效目标表 as county portals publish it: a page with
navigation, title and source line, then one `<table>` whose first rows hold 项目名称 / 主管部门 / 实施单位 /
项目资金 (年度资金总额 | 其中：财政资金 | 其他资金 on one row) and 年度目标, then a tall '绩效指标' cell
beside 一级 | 二级 | 三级 | 指标值 with 一级 merged down. Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout15/zhejiang-pingyang-tiyu-2024/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

GOAL = "举办县级全民健身赛事活动,开展社会体育指导员培训和体质监测,提高群众经常参加体育锻炼比例。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("全民健身赛事活动及体质监测经费", cs=6)],
    ["主管部门", C("平阳县教育局（体育局）", cs=2), "实施单位", C("平阳县体育发展中心", cs=3)],
    ["项目资金（万元）", "年度资金总额", "75.00", "其中：财政资金", "75.00", "其他资金", "0.00"],
    ["年度目标", C(GOAL, cs=6)],
    [C("绩效指标", rs=10), "一级指标", "二级指标", C("三级指标", cs=2), C("指标值", cs=2)],
    [C("产出指标", rs=5), "数量指标", C("举办县级全民健身赛事活动", cs=2), C("≥15场", cs=2)],
    ["数量指标", C("社会体育指导员培训人数", cs=2), C("≥200人", cs=2)],
    ["数量指标", C("国民体质监测人数", cs=2), C("≥1500人", cs=2)],
    ["质量指标", C("赛事活动安全事故发生率", cs=2), C("=0", cs=2)],
    ["时效指标", C("赛事活动按计划完成率", cs=2), C("100%", cs=2)],
    [C("效益指标", rs=2), "社会效益指标", C("经常参加体育锻炼人数比例", cs=2), C("≥42%", cs=2)],
    ["可持续影响指标", C("全民健身公共服务体系", cs=2), C("持续完善", cs=2)],
    ["成本指标", "经济成本指标", C("单场县级赛事平均补助", cs=2), C("≤3万元", cs=2)],
    ["满意度指标", "服务对象满意度指标", C("参赛群众满意度", cs=2), C("≥92%", cs=2)],
]


def page() -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>平阳县体育发展中心2024年项目绩效目标</title></head>
<body>
<div class="crumb">首页 &gt; 信息公开 &gt; 财政资金 &gt; 部门预算</div>
<h1>平阳县体育发展中心2024年项目绩效目标表</h1>
<div class="meta">发布时间：2024-02-20 09:15　信息来源：平阳县体育发展中心　浏览次数：</div>
<div class="article">
<p align="center"><strong>2024年项目绩效目标表</strong></p>
<table width="100%" border="1" cellspacing="0" cellpadding="4">
{table_html(LAYOUT)}
</table>
</div>
<div class="footer">主办单位：平阳县人民政府办公室　浙ICP备00000000号</div>
</body></html>
"""


def main() -> None:
    (HERE / "document.html").write_text(page(), encoding="utf-8")


if __name__ == "__main__":
    main()
