"""Builds document.xlsx: a 部门整体支出绩效自评表 of a 绍兴市柯桥区 department as an Excel workbook.

Stands for the 部门整体 self-evaluation (部门（单位）名称, 年度预算资金, 年度主要任务 beside 年度履职目标完成
情况, 年度绩效指标 in the central columns, 总分 and 自评等级 rows) as a 浙江 district unit keeps it in Excel,
four rows scored in proportion, each with its reason. No stored page held a 柯桥区 table; rows and figures are
ours. Composed contradiction (of the kind issue 12 asks every audit to catch): the 总分 is 89.5, yet the
自评等级 printed under it is 优, which needs 90.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout10/zhejiang-shaoxing-keqiao-nongye-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

UNIT = "绍兴市柯桥区农业农村局"
TASKS = "推进高标准农田建设、动物疫病防控和农业废弃物资源化利用，促进农民增收，保障机关正常运转。"
DONE = "建成高标准农田1.08万亩，强制免疫密度96%，农村居民人均可支配收入增长4.8%。"


def layout() -> list[list[C | str]]:
    return [
        [C("部门（单位）名称", 2), C(UNIT, 7)],
        [C("年度预算资金（万元）", 2, 4), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "2400.00", "2560.00", "2432.00", "10", "95%", "9.5"],
        ["其中：财政拨款", "2400.00", "2560.00", "2432.00", "—", "—", "—"],
        ["其他资金", "", "", "", "—", "—", "—"],
        [C("年度总体目标", 1, 2), C("年度主要任务", 4), C("年度履职目标完成情况", 4)],
        [C(TASKS, 4), C(DONE, 4)],
        [C("年度绩效指标", rs=7), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [C("产出指标", rs=3), "数量指标", "高标准农田建设面积", "≥1.2万亩", "1.08万亩", "20", "18", "两个片区土地流转未完成，顺延至下年实施"],
        ["质量指标", "动物防疫强制免疫密度", "≥90%", "96%", "15", "15", ""],
        ["时效指标", "农业项目资金拨付及时率", "100%", "80%", "15", "12", "部分项目验收延后，资金按验收进度拨付"],
        [C("效益指标", rs=2), "经济效益指标", "农村居民人均可支配收入增长率", "≥6%", "4.8%", "20", "16", "受农产品价格下行影响，下年加强产销对接"],
        ["生态效益指标", "农业废弃物资源化利用率", "≥90%", "81%", "10", "9", "秸秆收储点建设滞后，下年新增3个收储点"],
        ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "92%", "10", "10", ""],
        [C("总分", 6), "100", "89.5", ""],
        [C("自评等级", 2), C("优", 7)],
    ]


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=("部门整体支出绩效自评表", "（2022年度）"))
