"""Builds document.html: a 迁安市退役军人事务局 (河北) target table on a portal page as an HTML table.

Composed from the ordinary 河北 县级 项目支出绩效目标表: title and '（2025年度）' as rows of the table itself,
'单位名称：… 单位：万元', 项目名称 / 主管部门 | 实施单位 / 项目资金（万元） with 年度资金总额 | 本级财力 and 上级补助 |
其他资金 as pairs over two rows / 年度绩效目标 / 一级 | 二级 | 三级 | 指标值 with 一级 merged down. Texts and
figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout18/hebei-qianan-tuijun-2025/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

GOAL = "做好重点优抚对象走访慰问和光荣牌悬挂工作，按时足额发放优抚金，提升退役军人服务保障水平。"
LAYOUT: list[list[C | str | int | float]] = [
    [C("项目支出绩效目标表", cs=5)],
    [C("（2025年度）", cs=5)],
    [C("单位名称：迁安市退役军人事务局", cs=3), C("单位：万元", cs=2)],
    ["项目名称", C("重点优抚对象走访慰问及服务保障项目", cs=4)],
    ["主管部门", "迁安市退役军人事务局", "实施单位", C("迁安市退役军人服务中心", cs=2)],
    [C("项目资金（万元）", rs=2), "年度资金总额", "156.80", "其中：本级财力", "126.80"],
    ["上级补助", "30.00", "其他资金", "0.00"],
    ["年度绩效目标", C(GOAL, cs=4)],
    ["一级指标", "二级指标", C("三级指标", cs=2), "指标值"],
    [C("产出指标", rs=5), "数量指标", C("走访慰问重点优抚对象", cs=2), "≥1800人次"],
    ["数量指标", C("新悬挂光荣牌户数", cs=2), "≥600户"],
    ["质量指标", C("优抚金发放准确率", cs=2), "100%"],
    ["时效指标", C("节日慰问完成时间", cs=2), "2025年2月底前"],
    ["成本指标", C("人均慰问标准", cs=2), "≤500元"],
    ["效益指标", "社会效益指标", C("退役军人服务保障水平", cs=2), "稳步提升"],
    ["满意度指标", "服务对象满意度指标", C("优抚对象满意度", cs=2), "≥95%"],
]


def page() -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>迁安市退役军人事务局2025年部门预算项目绩效目标</title></head>
<body>
<div class="location">当前位置：首页 &gt; 信息公开 &gt; 预决算公开</div>
<h2>迁安市退役军人事务局2025年部门预算项目绩效目标</h2>
<p class="date">发布时间：2025-01-24</p>
<table border="1" cellspacing="0" cellpadding="2">
{table_html(LAYOUT)}
</table>
<p>网站标识码：0000000000</p>
</body></html>
"""


def main() -> None:
    (HERE / "document.html").write_text(page(), encoding="utf-8")


if __name__ == "__main__":
    main()
