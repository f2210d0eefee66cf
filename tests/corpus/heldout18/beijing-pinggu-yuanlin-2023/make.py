"""Builds document.html: a 北京市平谷区园林绿化局 (北京) target table on a portal page as an HTML table.

Composed from the ordinary 北京 区级 项目支出绩效目标表 as district portals publish it: breadcrumb, title,
source line, then one `<table>`: 项目名称 / 主管部门 | 实施单位 / 项目资金（万元） merged down over 年度资金总额,
其中：财政拨款 and 其他资金 / 年度绩效目标 / 一级 | 二级 | 三级 | 指标值 with 一级 and 二级 merged down. Texts and
figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout18/beijing-pinggu-yuanlin-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

GOAL = "做好平原生态林地块养护和林木有害生物监测防控，巩固平原造林成果，提升区域生态环境质量。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("平原生态林养护及林木有害生物防控项目", cs=3)],
    ["主管部门", "北京市平谷区园林绿化局", "实施单位", "北京市平谷区林业保护站"],
    [C("项目资金（万元）", rs=3), "年度资金总额", C("486.30", cs=2)],
    ["其中：财政拨款", C("486.30", cs=2)],
    ["其他资金", C("0.00", cs=2)],
    ["年度绩效目标", C(GOAL, cs=3)],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    [C("产出指标", rs=5), C("数量指标", rs=2), "平原生态林养护面积", "≥3.2万亩"],
    ["林木有害生物监测点", "≥120个"],
    ["质量指标", "林木保存率", "≥95%"],
    ["时效指标", "春季补植完成时间", "2023年5月底前"],
    ["成本指标", "每亩养护成本", "≤150元"],
    [C("效益指标", rs=2), "生态效益指标", "全区森林覆盖率", "≥67.8%"],
    ["可持续影响指标", "平原生态林长效管护机制", "逐步完善"],
    ["满意度指标", "服务对象满意度指标", "周边村民满意度", "≥90%"],
]


def page() -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>北京市平谷区园林绿化局2023年项目支出绩效目标</title></head>
<body>
<div class="crumb">首页 &gt; 政务公开 &gt; 财政信息 &gt; 部门预算</div>
<h1>北京市平谷区园林绿化局2023年项目支出绩效目标</h1>
<div class="source">发布日期：2023-02-10　来源：区园林绿化局</div>
<div class="article">
<p style="text-align:center"><strong>项目支出绩效目标表</strong></p>
<p style="text-align:center">（2023年度）</p>
<table border="1" cellspacing="0" cellpadding="0" width="100%">
{table_html(LAYOUT)}
</table>
</div>
<div class="footer">主办：北京市平谷区人民政府</div>
</body></html>
"""


def main() -> None:
    (HERE / "document.html").write_text(page(), encoding="utf-8")


if __name__ == "__main__":
    main()
