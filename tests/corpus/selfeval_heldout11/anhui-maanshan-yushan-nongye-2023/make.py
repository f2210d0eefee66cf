"""Builds document.html: a 部门整体支出绩效自评表 of 马鞍山市雨山区农业农村水利局 on a government web page.

Stands for the 部门整体 self-evaluation as a 安徽 district publishes it in its 信息公开 page body: a heading
and a 发布机构 line above an HTML table with row and column spans, 年度预算资金 split into 基本支出 and
项目支出, an 经济效益 and a 生态效益 row, 总分 and 自评等级 rows. No stored page held a 雨山区 table; rows and
figures are ours. Composed contradiction (of the kind issue 12 reports from real tables): the 总分 printed is
99.2, the budget score and the rows add up to 98.2.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout11/anhui-maanshan-yushan-nongye-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

UNIT = "马鞍山市雨山区农业农村水利局"
TASKS = "建设高标准农田0.8万亩，开展农作物病虫害统防统治，保障农产品质量安全，按时发放惠农补贴。"
DONE = "建成高标准农田0.82万亩，统防统治3.1万亩，农产品抽检合格率99.2%，补贴按时足额发放。"


def layout() -> list[list[C | str]]:
    return [
        [C("部门（单位）名称", 2), C(UNIT, 7)],
        [C("年度预算资金（万元）", 2, 4), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "1860.00", "1920.00", "1862.40", "10", "97%", "9.7"],
        ["其中：基本支出", "760.00", "780.00", "780.00", "—", "—", "—"],
        ["项目支出", "1100.00", "1140.00", "1082.40", "—", "—", "—"],
        [C("年度总体目标", 1, 2), C("年度主要任务", 4), C("年度履职目标完成情况", 4)],
        [C(TASKS, 4), C(DONE, 4)],
        [C("年度绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [C("产出指标", rs=4), C("数量指标", rs=2), "高标准农田建设面积", "≥0.8万亩", "0.82万亩", "15", "15", ""],
        ["农作物病虫害统防统治面积", "≥3万亩", "3.1万亩", "10", "10", ""],
        ["质量指标", "农产品质量安全抽检合格率", "≥98%", "99.2%", "15", "15", ""],
        ["时效指标", "惠农补贴发放及时率", "100%", "100%", "10", "10", ""],
        [C("效益指标", rs=2), "经济效益指标", "农村居民人均可支配收入增长率", "≥6.5%", "5.85%", "15", "13.5", "农产品价格下行，下年推进订单农业和产销对接"],
        ["生态效益指标", "农业废弃物综合利用率", "≥90%", "92%", "15", "15", ""],
        ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "93%", "10", "10", ""],
        [C("总分", 6), "100", "99.2", ""],
        [C("自评等级", 2), C("优", 7)],
    ]


PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{unit}2023年度部门整体支出绩效自评表</title></head>
<body>
<div class="article">
<h1>{unit}2023年度部门整体支出绩效自评表</h1>
<p class="info">发布机构：{unit}　　发布日期：2024-05-20</p>
<div class="content">
<p style="text-align:center"><strong>部门整体支出绩效自评表</strong></p>
<p style="text-align:center">（2023年度）</p>
<table border="1" cellspacing="0" cellpadding="0" width="100%">
{table}
</table>
<p>填报人：　　联系电话：</p>
</div>
</div>
</body></html>
"""

if __name__ == "__main__":
    text = PAGE.format(unit=UNIT, table=table_html(layout()))
    (HERE / "document.html").write_text(text, encoding="utf-8")
