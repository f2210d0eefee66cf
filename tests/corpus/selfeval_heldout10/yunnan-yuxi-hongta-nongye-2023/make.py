"""Builds document.xlsx: a 项目支出绩效自评表 of a 玉溪市红塔区 department as an Excel workbook.

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) as a 云南 district unit fills it in Excel:
the group weights inside the 一级指标 labels ('产出指标（50分）', '效益指标（30分）', '满意度指标（10分）'), a
全年预算数 below the 年初预算数 (the budget cut during the year), an over-completed row with its reason
written, and one row scored in proportion with its reason. No stored page held a 红塔区 table; rows and
figures are ours. The table agrees with itself.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout10/yunnan-yuxi-hongta-nongye-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

UNIT = "玉溪市红塔区农业农村局"
GOAL = "推广绿色种养循环技术5000亩以上，补贴种植户施用有机肥，减少化肥使用量。"
DONE = "全年推广绿色种养循环6200亩，补贴种植户760户，化肥使用量比上年减少3.4%。"


def layout() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("绿色种养循环农业试点项目", 7)],
        [C("主管部门", 2), C(UNIT, 3), "实施单位", C("玉溪市红塔区农业技术推广站", 3)],
        [C("项目资金（万元）", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "300.00", "280.00", "266.00", "10", "95%", "9.5"],
        ["其中：当年财政拨款", "300.00", "280.00", "266.00", "—", "—", "—"],
        ["上年结转资金", "", "", "", "—", "—", "—"],
        ["其他资金", "", "", "", "—", "—", "—"],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 4)],
        [C(GOAL, 4), C(DONE, 4)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [C("产出指标（50分）", rs=4), C("数量指标", rs=2), "推广绿色种养循环面积", "≥5000亩", "6200亩", "15", "15",
         "合作社自愿扩大种植规模，超额完成；下年按实际规模设定目标"],
        ["有机肥施用补贴户数", "≥800户", "760户", "15", "14.25", "部分农户流转土地后不再种植，补贴户数减少"],
        ["质量指标", "技术指导覆盖率", "≥90%", "95%", "10", "10", ""],
        ["时效指标", "补贴资金兑付及时率", "100%", "100%", "10", "10", ""],
        [C("效益指标（30分）", rs=2), "生态效益指标", "化肥使用量减少比例", "≥3%", "3.4%", "15", "15", ""],
        ["可持续影响指标", "耕地质量", "逐步提升", "达成年度指标", "15", "15", ""],
        ["满意度指标（10分）", "服务对象满意度指标", "种植户满意度", "≥90%", "92%", "10", "10", ""],
        [C("总分", 6), "100", "98.75", ""],
    ]


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=("项目支出绩效自评表", "（2023年度）"))
