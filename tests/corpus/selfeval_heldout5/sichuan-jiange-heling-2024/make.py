"""Builds document.html: a 部门预算项目支出绩效自评表 of a 剑阁县 town as the page that carries its 决算.

Stands for the form 剑阁县鹤龄镇人民政府 publishes in its 2024年度部门决算 page on the county portal (the
四川 510000_0013zp 部门预算项目支出绩效自评表, HTML table with rowspan/colspan): the page's heading and
date line, 报表编号 and title as paragraphs above the table, 项目基本情况 in two parts, the fund rows with
'/' in the weight and score cells below 总额, 指标性质 / 指标值 / 度量单位 split, two '定性' rows, 合计 and
the signatures. Project and figures are our own.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout5/sichuan-jiange-heling-2024/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

NOTE = (
    "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);"
    "2.年中发生预算调整的(追加或调减),应单独说明理由;3.其他资金包括:社会投入资金、银行贷款."
)


def layout() -> list[list[C | str]]:
    return [
        ["项目名称", C("51082324R000012877301-村(社区)干部报酬及运转经费", 10)],
        ["主管部门", C("剑阁县鹤龄镇人民政府部门", 4), C("实施单位", 2), C("剑阁县鹤龄镇人民政府", 4)],
        [C("项目基本情况", rs=3), C("1.项目年度目标完成情况", 2, 2), C("项目年度目标", 4), C("年度目标完成情况", 4)],
        [C("按月足额发放9个村(社区)干部报酬,保障村级组织正常运转。", 4), C("已按月足额发放,村级组织运转正常。", 4)],
        [C("2.项目实施内容及过程概述", 2), C("按月核发村(社区)干部报酬,按季度拨付村级运转经费。", 8)],
        [C("预算执行情况(10分)", rs=6), "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", C("原因", 3)],
        ["总额", "310.50", "322.80", "322.80", "100.00%", "10", "10", C(NOTE, 3, 5)],
        ["其中:财政资金", "310.50", "322.80", "322.80", "100.00%", "/", "/"],
        ["财政专户管理资金", "0.00", "0.00", "0.00", "0.00%", "/", "/"],
        ["单位资金", "0.00", "0.00", "0.00", "0.00%", "/", "/"],
        ["其他资金", "", "", "", "", "/", "/"],
        [C("绩效指标(90分)", rs=6), "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
        [C("产出指标", rs=3), "数量指标", "保障村(社区)数量", "=", "9", "个", "9", "30", "30", ""],
        ["时效指标", "报酬按月发放率", "=", "100", "%", "100", "20", "20", ""],
        ["质量指标", "经费使用合规性", "定性", "合规", "", "合规", "20", "20", ""],
        ["效益指标", "社会效益指标", "基层组织运转保障", "定性", "有效保障", "", "正常运转", "10", "10", ""],
        ["满意度指标", "服务对象满意度指标", "村(社区)干部满意度", "≥", "90", "%", "95", "10", "10", ""],
        [C("合计", 8), "100", "100", ""],
        ["评价结论", C("项目资金全部执行,各项指标完成。", 10)],
        ["存在问题", C("无", 10)],
        ["改进措施", C("无", 10)],
        [C("项目负责人:", 6), C("财务负责人:", 5)],
    ]


def main() -> None:
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>2024年度剑阁县鹤龄镇人民政府部门决算</title></head>
<body>
<h1>2024年度剑阁县鹤龄镇人民政府部门决算</h1>
<p>发布日期:2025-10-27 来源:剑阁县鹤龄镇人民政府</p>
<p>第四部分 附件</p>
<p>报表编号:510000_0013zp</p>
<p>部门预算项目支出绩效自评表(2024年度)</p>
<table border="1" cellspacing="0">
{table_html(layout())}
</table>
<p>第五部分 附表</p>
</body></html>
"""
    (HERE / "document.html").write_text(page, encoding="utf-8")


if __name__ == "__main__":
    main()
