"""Builds document.xlsx: a 项目支出绩效自评表 of 许昌市魏都区教育局 as an Excel export with merged cells.

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) as a 河南 district unit exports it, with
the 二级 labels merged down their rows, five rows scored in proportion (each with its reason) and a 评价结论
row under 总分 that states the score and the grade in a sentence. No stored page held a 魏都区 table; rows
and figures are ours. Composed contradiction (of the kind issue 12 reports from real tables): the 总分 89.65
adds up, but the 评价结论 grades it 优, which needs 90.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout11/henan-xuchang-weidu-jiaoyu-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

UNIT = "许昌市魏都区教育局"
GOAL = "扩大普惠性学前教育资源，新增普惠性学位600个，提升幼儿园保教质量。"
DONE = "普惠性幼儿园覆盖率86%，新增普惠性学位450个，学前教育毛入园率92.5%。"
VERDICT = "项目自评得分89.65分，自评等级为优。项目基本完成年度目标，新增学位和保教质量评估达标率未达预期。"


def layout() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("学前教育发展资金", 7)],
        [C("主管部门", 2), C(UNIT, 3), "实施单位", C("许昌市魏都区学前教育服务中心", 3)],
        [C("项目资金（万元）", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "540.00", "540.00", "491.40", "10", "91%", "9.1"],
        ["其中：当年财政拨款", "540.00", "540.00", "491.40", "—", "—", "—"],
        ["上年结转资金", "", "", "", "—", "—", "—"],
        ["其他资金", "", "", "", "—", "—", "—"],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 4)],
        [C(GOAL, 4), C(DONE, 4)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [C("产出指标", rs=4), C("数量指标", rs=2), "普惠性幼儿园覆盖率", "≥85%", "86%", "15", "15", ""],
        ["新增普惠性学位数", "≥600个", "450个", "20", "15", "两所新建幼儿园未能按期竣工，顺延至下年秋季开园"],
        ["质量指标", "幼儿园保教质量评估达标率", "≥90%", "76.5%", "15", "12.75", "部分民办园师资不达标，下年开展专项培训"],
        ["时效指标", "生均公用经费拨付及时率", "100%", "80%", "10", "8", "第四季度经费因预算调整延后拨付"],
        [C("效益指标", rs=2), "社会效益指标", "学前教育毛入园率", "≥92%", "92.5%", "10", "10", ""],
        ["可持续影响指标", "学前教育保障机制", "持续完善", "达成年度指标", "10", "10", ""],
        ["满意度指标", "服务对象满意度指标", "家长满意度", "≥90%", "88.2%", "10", "9.8", "部分家长对收费和接送时间有意见，下年优化服务"],
        [C("总分", 6), "100", "89.65", ""],
        [C("评价结论", 2), C(VERDICT, 7)],
    ]


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=("项目支出绩效自评表", "（2022年度）"))
