"""Builds document.html: a 项目支出绩效自评表 of a 肇庆市端州区 department, saved from Excel as a web page.

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) as a 广东 district unit keeps it in Excel
and publishes it through "另存为网页" (Excel's cell classes, `&nbsp;` in empty cells), with the fund block
in 元 ('项目资金（元）') and the amounts written with thousands separators (1,280,000.00). No stored page held
a 端州区 table; rows and figures are ours. Composed defect (of a kind issue 12 reports from real tables): the
actual of a quantitative row copies its target's bound ('≥95%') and is given full marks.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout10/guangdong-zhaoqing-duanzhou-chengguan-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

UNIT = "肇庆市端州区城市管理和综合执法局"
GOAL = "做好城区市政道路清扫保洁和生活垃圾清运，保持城区市容环境整洁。"
DONE = "全年清扫保洁市政道路123万平方米，生活垃圾日产日清。"


def layout() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("城区道路清扫保洁及垃圾清运经费", 7)],
        [C("主管部门", 2), C(UNIT, 3), "实施单位", C("肇庆市端州区环境卫生管理所", 3)],
        [C("项目资金（元）", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "1,280,000.00", "1,280,000.00", "1,254,400.00", "10", "98%", "9.8"],
        ["其中：当年财政拨款", "1,280,000.00", "1,280,000.00", "1,254,400.00", "—", "—", "—"],
        ["上年结转资金", "", "", "", "—", "—", "—"],
        ["其他资金", "", "", "", "—", "—", "—"],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 4)],
        [C(GOAL, 4), C(DONE, 4)],
        [C("绩效指标", rs=7), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [C("产出指标", rs=3), "数量指标", "市政道路清扫保洁面积", "≥120万平方米", "123万平方米", "20", "20", ""],
        ["时效指标", "生活垃圾日产日清率", "≥95%", "≥95%", "15", "15", ""],
        ["质量指标", "保洁作业质量考核达标率", "≥90%", "93%", "15", "15", ""],
        [C("效益指标", rs=2), "社会效益指标", "城区市容环境卫生状况", "明显改善", "达成年度指标", "20", "20", ""],
        ["可持续影响指标", "环卫作业长效管理机制", "持续巩固", "达成年度指标", "10", "10", ""],
        ["满意度指标", "服务对象满意度指标", "市民满意度", "≥85%", "88%", "10", "10", ""],
        [C("总分", 6), "100", "99.8", ""],
    ]


def main() -> None:
    page = f"""<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=Generator content="Microsoft Excel 15">
<style>.xl66{{mso-number-format:General;text-align:center;border:.5pt solid windowtext}}
.xl67{{text-align:center;border:.5pt solid windowtext;white-space:normal}}</style></head>
<body link=blue vlink=purple>
<table border=0 cellpadding=0 cellspacing=0 width=1080 style='border-collapse:collapse;table-layout:fixed'>
 <tr height=40><td colspan=9 height=40 class=xl67 style='font-size:18.0pt'>项目支出绩效自评表</td></tr>
 <tr height=24><td colspan=9 height=24 class=xl67>（2023年度）</td></tr>
{table_html(layout(), excel_classes=True)}
</table>
</body></html>
"""
    (HERE / "document.html").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
