"""Build document.xlsx: a central-form 自评表 laid out as the Honghe report's annex tables are.

Run from the repository root: ``.venv/bin/python tests/corpus/selfeval/yunnan-honghe-shuju-2024-2/make.py``.
Our own project and numbers; a table whose numbers agree with each other and with the rules (a
missed reverse indicator scored 10×2/2.5 = 8 with its reason), so no finding is due.
"""

from pathlib import Path

from openpyxl import Workbook

ROWS = [
    ["项目支出绩效自评表"],
    ["（2024年度）"],
    ["项目名称", "政务数据共享交换平台运维经费"],
    ["主管部门", "红河州数据局", None, None, "实施单位", "红河州数据发展中心"],
    ["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [None, "年度资金总额", 120, 116, 110.2, 10, "95%", 9.5],
    [None, "其中：当年财政拨款", 100, 96, 90.2, "—", "—", "—"],
    [None, "上年结转资金", 20, 20, 20, "—", "—", "—"],
    [None, "其他资金", 0, 0, 0, "—", "—", "—"],
    ["年度总体目标", "预期目标", None, None, "实际完成情况"],
    [None, "平台全年稳定运行，支撑部门数据共享。", None, None, "平台全年运行，完成数据共享交换。"],
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
    [None, "产出指标", "数量指标", "接入共享部门数", "≥45个", "47个", 15, 15],
    [None, None, "质量指标", "平台可用率", "≥99%", "99.5%", 15, 15],
    [
        None,
        None,
        "时效指标",
        "故障平均修复时间",
        "≤2小时",
        "2.5小时",
        10,
        8,
        "3月硬件故障等待备件，已建立备件库",
    ],
    [None, None, "成本指标", "运维成本控制数", "≤116万元", "110.2万元", 10, 10],
    [None, "效益指标", "社会效益指标", "数据共享调用次数", "≥500万次", "536万次", 20, 20],
    [
        None,
        None,
        "可持续影响指标",
        "数据共享机制运行",
        "长期稳定",
        "部分达成年度指标并具有一定效果",
        10,
        7,
        "2个部门接口标准未统一，下年推进",
    ],
    [None, "满意度指标", "服务对象满意度指标", "使用部门满意度", "≥90%", "93%", 10, 10],
    ["总分", None, None, None, None, None, 100, 94.5],
]


def main() -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "项目自评表"
    for row in ROWS:
        sheet.append(row)
    sheet.merge_cells("A5:B5")
    sheet.merge_cells("A6:A9")
    sheet.merge_cells("A12:A19")
    sheet.merge_cells("B13:B16")
    sheet.merge_cells("B17:B18")
    workbook.save(Path(__file__).with_name("document.xlsx"))


if __name__ == "__main__":
    main()
