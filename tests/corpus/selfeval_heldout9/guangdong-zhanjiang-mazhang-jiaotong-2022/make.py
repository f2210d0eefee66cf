"""Builds document.html: a 项目支出绩效自评表 of a 湛江市麻章区 department, saved from Excel as a web page.

Stands for a 广东 district unit's table published as Excel's 另存为网页 output (class=xl.., x:num): the
执行率 cell left unformatted so it shows the fraction 0.9625 instead of a percentage, long labels wrapped
inside their cells with <br>, and the weights of the 一级 groups in their labels (产出指标（50分）). No stored
page held a 麻章区 table; rows and figures are ours. Composed contradiction (of the kind issue 12 reports
from a real table): the sources' 全年执行数 add up to 144.00 while the 年度资金总额 row says 154.00, and the
budget score follows the total row.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout9/guangdong-zhanjiang-mazhang-jiaotong-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

UNIT = "湛江市麻章区交通运输局"


def layout() -> list[list[C | str | int | float]]:
    return [
        ["项目名称", C("农村公路养护\n专项资金", 8)],
        ["主管部门", C(UNIT, 3), "实施单位", C("湛江市麻章区公路事务中心", 4)],
        [C("项目资金\n（万元）", rs=5), C("", 2), "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [C("年度资金总额", 2), 160, 160, 154, 10, 0.9625, 9.63],
        [C("其中：当年财政拨款", 2), 130, 130, 124, "—", 0.9538, "—"],
        [C("上年结转资金", 2), 30, 30, 20, "—", 0.6667, "—"],
        [C("其他资金", 2), "", "", "", "—", "", "—"],
        [C("年度\n总体目标", rs=2), C("预期目标", 4), C("实际完成情况", 4)],
        [C("完成农村公路日常养护和水毁修复，\n保持路况良好，保障群众安全出行。", 4), C("完成农村公路养护182公里，\n水毁路段全部修复。", 4)],
        [C("绩效指标", rs=7), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析\n及改进措施"],
        [C("产出指标\n（50分）", rs=3), "数量指标", "农村公路养护里程", "≥180公里", "182公里", 20, 20, ""],
        ["质量指标", "养护路段优良\n中等路率", "≥80%", "76%", 15, 14.25, "部分路段雨季水毁，\n已安排专项修复"],
        ["时效指标", "养护资金拨付\n及时率", "100%", "100%", 15, 15, ""],
        [C("效益指标\n（30分）", rs=2), "社会效益指标", "农村群众出行条件", "持续改善", "达成年度指标", 20, 20, ""],
        ["可持续影响指标", "农村公路管养机制", "长效运行", "达成年度指标", 10, 10, ""],
        ["满意度指标\n（10分）", "服务对象满意度指标", "沿线群众满意度", "≥85%", "90%", 10, 10, ""],
        [C("总分", 6), 100, 98.88, ""],
    ]


def main() -> None:
    page = f"""<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet>
<style>
.xl66 {{mso-number-format:General; text-align:center; border:.5pt solid windowtext;}}
.xl67 {{mso-number-format:General; text-align:left; border:.5pt solid windowtext;}}
</style>
</head>
<body link=blue vlink=purple>
<table border=0 cellpadding=0 cellspacing=0 width=1080 style='border-collapse:collapse;table-layout:fixed'>
 <tr height=40 style='height:30.0pt'>
  <td colspan=9 height=40 class=xl67 style='height:30.0pt'>项目支出绩效自评表</td>
 </tr>
 <tr height=24 style='height:18.0pt'>
  <td colspan=9 height=24 class=xl67>（2022年度）</td>
 </tr>
{table_html(layout(), excel_classes=True)}
</table>
</body>
</html>
"""
    (HERE / "document.html").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
