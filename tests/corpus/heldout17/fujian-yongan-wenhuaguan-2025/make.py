"""Builds document.html: a 永安市文化馆 (福建) target table on a portal page as an HTML table.

Composed from the ordinary 福建 县级 项目支出绩效目标表 as county portals publish it: navigation, title, source
line, then one `<table>`: 项目名称 / 主管部门 | 实施单位 / 项目资金（万元） with 年度资金总额 | 其中：本级财政 and
上级补助 | 其他资金 as label/value pairs over two rows / 年度绩效目标 / 一级 | 二级 | 三级 | 指标值 with 一级
merged down. Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout17/fujian-yongan-wenhuaguan-2025/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

GOAL = "常态化开展群众文化活动和公益艺术培训，完成非遗代表性项目记录，丰富城乡群众精神文化生活。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("群众文化活动及非遗保护传承经费", cs=4)],
    ["主管部门", "永安市文体旅局", "实施单位", C("永安市文化馆", cs=2)],
    [C("项目资金（万元）", rs=2), "年度资金总额", "68.50", "其中：本级财政", "58.50"],
    ["上级补助", "10.00", "其他资金", "0.00"],
    ["年度绩效目标", C(GOAL, cs=4)],
    ["一级指标", "二级指标", C("三级指标", cs=2), "指标值"],
    [C("产出指标", rs=5), "数量指标", C("组织群众文化活动场次", cs=2), "≥40场"],
    ["数量指标", C("举办公益艺术培训班期数", cs=2), "≥12期"],
    ["质量指标", C("非遗代表性项目记录完成率", cs=2), "100%"],
    ["时效指标", C("活动按期开展率", cs=2), "≥95%"],
    ["成本指标", C("单场活动平均成本", cs=2), "≤0.8万元"],
    [C("效益指标", rs=2), "社会效益指标", C("群众参与文化活动人次", cs=2), "≥3万人次"],
    ["可持续影响指标", C("非遗保护传承工作", cs=2), "持续加强"],
    ["满意度指标", "服务对象满意度指标", C("参与群众满意度", cs=2), "≥93%"],
]


def page() -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>永安市文化馆2025年项目支出绩效目标表</title></head>
<body>
<div class="position">您当前所在位置：首页 &gt; 政府信息公开 &gt; 财政预决算</div>
<h2 class="title">永安市文化馆2025年项目支出绩效目标表</h2>
<div class="info">发布时间：2025-02-12　来源：永安市文化馆　字号：[大 中 小]</div>
<div class="TRS_Editor">
<p style="text-align:center"><b>项目支出绩效目标表</b></p>
<p style="text-align:center">（2025年度）</p>
<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">
{table_html(LAYOUT)}
</table>
</div>
<div class="bottom">永安市人民政府 版权所有　闽ICP备00000000号</div>
</body></html>
"""


def main() -> None:
    (HERE / "document.html").write_text(page(), encoding="utf-8")


if __name__ == "__main__":
    main()
