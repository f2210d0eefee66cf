"""Builds document.html: a 珲春 (吉林) county-level 商务局's target table in the provincial 专项经费 form.

Stands for the form seen in a stored page of a 吉林 performance system (see the set's README): a two-row
header in which 一级 | 权重 | 二级 | 分值 | 三级 | 计量单位 | 目标值(标准) | 分值 are rowspan=2 and an empty
'采集数据项' group spans 数据项1 | 数据项2; a weight column after the 一级 and a score column after the 二级,
both merged down; the unit column BEFORE the target value. Texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout13/jilin-hunchun-shangwu-2019/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

HEADER: list[list[C | str]] = [
    [
        C("一级指标", rs=2),
        C("权重", rs=2),
        C("二级指标", rs=2),
        C("分值", rs=2),
        C("三级指标", rs=2),
        C("计量单位", rs=2),
        C("目标值(标准)", rs=2),
        C("分值", rs=2),
        C("采集数据项", cs=2),
    ],
    ["数据项1", "数据项2"],
]

BODY: list[list[C | str]] = [
    [C("产出指标", rs=4), C("50", rs=4), C("数量指标", rs=2), C("20", rs=2)]
    + ["口岸查验设施维护次数", "次", "≥12", "10", "", ""],
    ["保障通关车辆", "万辆次", "8.5", "10", "", ""],
    ["质量指标", "15", "查验设施完好率", "%", "≥95%", "15", "", ""],
    ["时效指标", "15", "通关服务响应时间", "小时", "≤2", "15", "", ""],
    [C("效益指标", rs=2), C("30", rs=2), "社会效益指标", "15", "口岸通关效率", "", "明显提升", "15", "", ""],
    ["可持续影响指标", "15", "口岸服务保障长效机制", "", "持续健全", "15", "", ""],
    ["满意度指标", "20", "服务对象满意度指标", "20", "通关企业满意度", "%", "≥90%", "20", "", ""],
]


def page() -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>珲春市商务局2019年项目支出绩效目标</title></head>
<body>
<div class="page-bar">首页 &gt; 信息公开 &gt; 预决算公开</div>
<div class="tablename">边境口岸通关服务保障专项经费绩效目标表</div>
<table cellspacing="0" class="info">
<tr><td>项目名称</td><td>边境口岸通关服务保障专项经费</td><td>预算年度</td><td>2019年</td></tr>
<tr><td>主管部门</td><td>珲春市商务局</td><td>实施单位</td><td>珲春市口岸服务中心</td></tr>
<tr><td>预算资金(万元)</td><td>86.50</td><td>其中:本级财政</td><td>86.50</td></tr>
</table>
<table cellspacing="0" class="tableizer-table">
{table_html(HEADER + BODY)}
</table>
<p>注:采集数据项在年度执行中填写。</p>
</body></html>
"""


def main() -> None:
    (HERE / "document.html").write_text(page(), encoding="utf-8")


if __name__ == "__main__":
    main()
