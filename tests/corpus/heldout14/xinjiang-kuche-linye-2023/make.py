"""Builds document.html: a 库车 (新疆) 林业和草原局's target table as a portal page with an HTML table.

The ordinary 新疆 项目支出绩效目标表 pasted from Word into a government portal's editor: a title paragraph,
one <table> holding the project facts (项目名称, 主管部门, 实施单位, 项目资金 with 年度资金总额 / 财政拨款 /
其他资金 merged down, 年度绩效目标) and the indicator block 一级 | 二级 | 三级 | 指标值 with 一级 and 二级
merged down; every cell's text wrapped in <p> by the editor. Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout14/xinjiang-kuche-linye-2023/make.py``
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

GOAL = "完成公益林管护和退化草原补播修复,防控林业有害生物,巩固绿洲生态屏障。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("库车市公益林管护及退化草原修复项目", cs=3)],
    ["主管部门", "库车市林业和草原局", "实施单位", "库车市林业和草原局"],
    [C("项目资金（万元）", rs=3), "年度资金总额", C("286.00", cs=2)],
    ["其中：财政拨款", C("286.00", cs=2)],
    ["其他资金", C("0.00", cs=2)],
    ["年度绩效目标", C(GOAL, cs=3)],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    [C("产出指标", rs=5), C("数量指标", rs=2), "公益林管护面积", "≥12.6万亩"],
    ["退化草原补播修复面积", "≥3000亩"],
    ["质量指标", "补播草种出苗率", "≥70%"],
    ["时效指标", "林业有害生物防治及时率", "≥95%"],
    ["成本指标", "公益林管护补助标准", "≤10元/亩"],
    [C("效益指标", rs=2), "生态效益指标", "林业有害生物成灾率", "≤4‰"],
    ["可持续影响指标", "绿洲生态屏障功能", "持续巩固"],
    ["满意度指标", "服务对象满意度指标", "管护人员满意度", "≥90%"],
]


def page() -> str:
    cells = re.sub(r"<td([^>]*)>", r"<td\1><p>", table_html(LAYOUT)).replace("</td>", "</p></td>")
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>库车市林业和草原局2023年项目支出绩效目标表</title></head>
<body>
<div class="nav">当前位置：首页 &gt; 政务公开 &gt; 财政预决算</div>
<h2>库车市林业和草原局2023年项目支出绩效目标表</h2>
<div class="info">发布日期：2023-02-08　来源：库车市林业和草原局</div>
<div class="content">
<p style="text-align:center"><b>项目支出绩效目标表</b></p>
<p style="text-align:center">（2023年度）</p>
<table border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">
{cells}
</table>
<p>附件：无</p>
</div>
<div class="foot">主办：库车市人民政府　网站标识码：6529230000</div>
</body></html>
"""


def main() -> None:
    (HERE / "document.html").write_text(page(), encoding="utf-8")


if __name__ == "__main__":
    main()
