"""Build document.xlsx: a central-form 项目支出绩效自评表 as the Chizhou (Tangxi) workbook lays it out.

Run from the repository root: ``.venv/bin/python tests/corpus/selfeval/anhui-chizhou-tangxi-2022/make.py``.
Names and numbers are our own; the layout (merged block titles, 年度资金总额 row typed 0/0/0 while its
本年财政拨款 row holds the money, 一级 labels carrying their weights) is the real table's.
"""

from pathlib import Path

from openpyxl import Workbook

ROWS = [
    ["附件:"],
    ["项目支出绩效自评表"],
    ["（2022年度）"],
    ["项目名称", "镇级工程结算审计委托项目"],
    [
        "主管部门",
        "219-池州市贵池区棠溪镇人民政府",
        None,
        None,
        "实施单位",
        "219001-池州市贵池区棠溪镇人民政府",
    ],
    ["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [None, "年度资金总额：", 0, 0, 0, 10, 0, 0],
    [None, "其中：本年财政拨款", 60, 58.6, 58.6],
    [None, "上年结转资金"],
    [None, "其他资金"],
    ["年度总体目标", "预期目标", None, None, "实际完成情况"],
    [
        None,
        "申请资金60万元，用于镇级工程结算审计和跟踪审计。",
        None,
        None,
        "完成资金58.6万元，完成工程结算审计40项。",
    ],
    [
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ],
    [None, "产出指标(50分)", "数量指标", "委托审计项目数量", "≥40个", "40", 10, 10],
    [None, None, "质量指标", "审计报告合格率", "≥100百分比", "100", 10, 10],
    [None, None, None, "审计程序合规性", "严格执行审计准则", "达成预期指标", 10, 10],
    [None, None, "时效指标", "报告提交及时性", "在合同约定时间内完成", "达成预期指标", 10, 10],
    [None, None, "成本指标", "项目总成本", "≤60万元", "58.6", 10, 10],
    [None, "效益指标(30分)", "社会效益指标", "对规范镇级工程投资的影响", "效果明显", "达成预期指标", 15, 15],
    [None, None, "可持续影响指标", "对工程管理制度落实的持续影响", "效果明显", "达成预期指标", 15, 15],
    [None, None, "经济效益指标"],
    [None, "满意度指标(10分)", "满意度指标", "建设单位满意度", "≥90%", "95%", 10, 10],
    ["总分", None, None, None, None, None, 100, 90],
]


def main() -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    for row in ROWS:
        sheet.append(row)
    sheet.merge_cells("A6:B6")
    sheet.merge_cells("A7:A10")
    sheet.merge_cells("A13:A22")
    sheet.merge_cells("B14:B18")
    sheet.merge_cells("B19:B21")
    workbook.save(Path(__file__).with_name("document.xlsx"))


if __name__ == "__main__":
    main()
