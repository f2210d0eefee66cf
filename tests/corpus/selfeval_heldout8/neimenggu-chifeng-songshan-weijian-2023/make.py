"""Builds document.xlsx: a 项目支出绩效自评表 of a 赤峰市松山区 department as an Excel sheet.

Stands for the central 项目支出绩效自评表 as a 内蒙古 district unit could export it from its budget system:
amounts in 元 as Excel numbers (1250000), the 执行率 column before 分值 (年初预算数 | 全年预算数 | 全年执行数 |
执行率 | 分值 | 得分), an '单位：元' line above the table and a 自评等级 row. No stored page held a 松山区 table;
rows and figures are ours. Composed contradiction (of the kind issue 12 reports from a real table, 25 ×
25 % = 6.25): every met indicator scored its weight times its weight as a share (20 × 20 % = 4, 10 × 10 % =
1), so the printed total is 24.6 and the grade 差.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout8/neimenggu-chifeng-songshan-weijian-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

GOAL = "完成适龄儿童免疫规划疫苗接种，做好疫苗冷链运转，降低疫苗针对传染病发病率。"
DONE = "全年接种免疫规划疫苗12.6万剂次，适龄儿童接种率98.6%，冷链运转正常。"


def layout() -> list[list[C | str | int | float]]:
    return [
        ["项目名称", C("免疫规划工作经费", 8)],
        ["主管部门", C("赤峰市松山区卫生健康委员会", 3), "实施单位", C("赤峰市松山区疾病预防控制中心", 4)],
        [C("项目资金", rs=5), C("", 2), "年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
        [C("年度资金总额", 2), 1250000, 1250000, 1200000, "96%", 10, 9.6],
        [C("其中：当年财政拨款", 2), 1250000, 1250000, 1200000, "96%", "—", "—"],
        [C("上年结转资金", 2), "", "", "", "", "—", "—"],
        [C("其他资金", 2), "", "", "", "", "—", "—"],
        [C("年度总体目标", rs=2), C("预期目标", 4), C("实际完成情况", 4)],
        [C(GOAL, 4), C(DONE, 4)],
        [C("绩效指标", rs=7), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [C("产出指标", rs=3), "数量指标", "免疫规划疫苗接种剂次", "≥12万剂次", "12.6万剂次", 20, 4, ""],
        ["质量指标", "适龄儿童免疫规划疫苗接种率", "≥95%", "98.6%", 20, 4, ""],
        ["时效指标", "疫苗出入库登记及时率", "100%", "100%", 10, 1, ""],
        [C("效益指标", rs=2), "社会效益指标", "疫苗针对传染病报告发病率", "≤5/10万", "3.2/10万", 20, 4, ""],
        ["可持续影响指标", "冷链设备正常运转率", "≥98%", "100%", 10, 1, ""],
        ["满意度指标", "服务对象满意度指标", "接种儿童家长满意度", "≥90%", "94%", 10, 1, ""],
        [C("总分", 6), 100, 24.6, ""],
        ["自评等级", C("差", 8)],
    ]


if __name__ == "__main__":
    write_xlsx(
        layout(),
        HERE / "document.xlsx",
        title=("项目支出绩效自评表", "（2023年度）", "单位：元"),
        sheet="自评表",
    )
