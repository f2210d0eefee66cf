"""Builds document.xlsx: a 中央对地方转移支付区域绩效自评表 of a 柳州市柳江区 department as an Excel sheet.

Stands for the region form of a central transfer's self-evaluation (the 区域 table of 财预〔2020〕10号, as
county agriculture bureaus fill it for their share of a transfer): 转移支付名称, 中央主管部门 / 地方主管部门 /
资金使用单位, a 资金情况 block of 全年预算数（A）/ 全年执行数（B）/ 执行率（B/A） with 中央补助 and 地方资金
rows, 年度总体目标 with 预期目标 / 实际完成目标, and indicators with 指标值 / 全年实际完成值 /
未完成原因和改进措施 — no 分值, no 得分, no 总分. Amounts are Excel numbers. No stored page held a 柳江区
table; rows and figures are ours. Composed contradictions: the 年度资金总额 row's 全年执行数 (1180) is not
the sum of 中央补助 860 and 地方资金 340 (1200), the rate following the typed total; one actual copies its
'≥' target.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout8/guangxi-liuzhou-liujiang-nongye-2021/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

GOAL = "落实耕地地力保护补贴政策，推广绿色高产高效技术，稳定粮食播种面积和产量。"
DONE = "补贴资金足额发放到户，粮食播种面积和产量保持稳定，绿色技术推广完成年度任务。"


def layout() -> list[list[C | str | int | float]]:
    return [
        ["转移支付名称", C("农业相关转移支付资金", 6)],
        ["中央主管部门", C("农业农村部", 2), "地方主管部门", C("柳州市柳江区农业农村局", 3)],
        ["资金使用单位", C("柳州市柳江区农业农村局", 6)],
        [C("资金情况（万元）", rs=5), C("", 2), "全年预算数（A）", "全年执行数（B）", C("执行率（B/A）", 2)],
        [C("年度资金总额", 2), 1200, 1180, C("98.33%", 2)],
        [C("其中：中央补助", 2), 860, 860, C("100%", 2)],
        [C("地方资金", 2), 340, 340, C("100%", 2)],
        [C("其他资金", 2), "", "", C("", 2)],
        [C("年度总体目标", rs=2), C("预期目标", 3), C("实际完成目标", 3)],
        [C(GOAL, 3), C(DONE, 3)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因和改进措施"],
        [C("产出指标", rs=4), "数量指标", "耕地地力保护补贴发放面积", "≥56万亩", "≥56万亩", ""],
        ["数量指标", "绿色高产高效技术推广面积", "≥3.5万亩", "3.62万亩", ""],
        ["质量指标", "补贴资金发放准确率", "≥98%", "99.2%", ""],
        ["时效指标", "补贴资金发放时间", "2021年9月底前", "2021年8月底发放完毕", ""],
        [C("效益指标", rs=2), "经济效益指标", "粮食播种面积", "≥60万亩", "60.8万亩", ""],
        ["可持续影响指标", "耕地质量", "稳中有升", "达成年度指标", ""],
        ["满意度指标", "服务对象满意度指标", "补贴对象满意度", "≥90%", "93%", ""],
    ]


if __name__ == "__main__":
    write_xlsx(
        layout(),
        HERE / "document.xlsx",
        title=("中央对地方转移支付区域绩效自评表", "（2021年度）"),
        sheet="区域自评表",
    )
