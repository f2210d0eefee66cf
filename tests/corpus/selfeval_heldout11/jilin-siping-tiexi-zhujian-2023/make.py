"""Builds document.pdf: a 项目支出绩效自评表 of 四平市铁西区住房和城乡建设局, printed to PDF (landscape).

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) as a 吉林 district unit prints it: funds
added during the year (全年预算数 above 年初预算数) and a 上年结转资金 row with amounts, a cost row with a '≤'
bound, a 自评等级 row under 总分. No stored page held a 铁西区 table; rows and figures are ours. The table
agrees with itself: one row scored in proportion, with its reason.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout11/jilin-siping-tiexi-zhujian-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

UNIT = "四平市铁西区住房和城乡建设局"
GOAL = "改造老旧小区1800户以上，完善小区基础设施，建立改造后长效管理机制。"
DONE = "全年完成老旧小区改造1836户，工程全部验收合格，居民满意度92.5%。"


def layout() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("城镇老旧小区改造配套资金", 7)],
        [C("主管部门", 2), C(UNIT, 3), "实施单位", C(UNIT, 3)],
        [C("项目资金（万元）", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "380.00", "420.00", "407.40", "10", "97%", "9.7"],
        ["其中：当年财政拨款", "300.00", "340.00", "327.40", "—", "—", "—"],
        ["上年结转资金", "80.00", "80.00", "80.00", "—", "—", "—"],
        ["其他资金", "", "", "", "—", "—", "—"],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 4)],
        [C(GOAL, 4), C(DONE, 4)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [C("产出指标", rs=4), "数量指标", "老旧小区改造户数", "≥1800户", "1836户", "20", "20", ""],
        ["质量指标", "改造工程质量验收合格率", "100%", "100%", "15", "15", ""],
        ["时效指标", "改造项目按期完工率", "≥95%", "85.5%", "10", "9", "两个小区管网改造遇冬季停工，次年4月完工"],
        ["成本指标", "每户平均改造成本", "≤2.2万元", "2.1万元", "5", "5", ""],
        [C("效益指标", rs=2), "社会效益指标", "居民居住条件", "明显改善", "达成年度指标", "20", "20", ""],
        ["可持续影响指标", "小区长效管理机制", "持续完善", "达成年度指标", "10", "10", ""],
        ["满意度指标", "服务对象满意度指标", "改造小区居民满意度", "≥90%", "92.5%", "10", "10", ""],
        [C("总分", 6), "100", "98.7", ""],
        [C("自评等级", 2), C("优", 7)],
    ]


if __name__ == "__main__":
    write_pdf(layout(), HERE / "document.pdf", title=("项目支出绩效自评表", "（2023年度）"), landscape=True)
