"""Builds document.xlsx: a 中央对地方转移支付区域绩效自评表 of 鞍山市铁东区卫生健康局 as an Excel export.

Stands for the transfer-payment self-evaluation as a 辽宁 district unit exports it from Excel, with merged
cells everywhere the printed form has them: 转移支付（项目）名称 over the row, 中央主管部门 / 地方主管部门 /
资金使用单位, a fund block of 全年预算数（A） / 全年执行数（B） / 预算执行率（B/A） with 中央补助 and 地方资金
rows and no 分值 or 得分, the 一级 and 二级 labels merged down their rows, indicators with 指标值 / 全年实际完成值
/ 未完成原因和改进措施 and no score columns, a 说明 row. No stored page held a 铁东区 table; rows and figures
are ours. The table agrees with itself (every rate follows its amounts, every source adds up).

Run: ``.venv/bin/python tests/corpus/selfeval_heldout11/liaoning-anshan-tiedong-weijian-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

UNIT = "鞍山市铁东区卫生健康局"
GOAL = "目标1：做好孕产妇和0-6岁儿童健康管理。目标2：开展免费孕前优生健康检查，降低出生缺陷发生风险。"
DONE = "目标1：孕产妇系统管理率92.3%，0-6岁儿童健康管理率93.1%。目标2：目标人群孕前优生健康检查覆盖率84%。"


def layout() -> list[list[C | str]]:
    return [
        [C("转移支付（项目）名称", 2), C("基本公共卫生服务（妇幼健康）补助资金", 5)],
        [C("中央主管部门", 2), C("国家卫生健康委", 5)],
        [C("地方主管部门", 2), C(UNIT, 2), "资金使用单位", C(UNIT, 2)],
        [C("项目资金（万元）", 2, rs=5), C("", 2), "全年预算数（A）", "全年执行数（B）", "预算执行率（B/A）"],
        [C("年度资金总额：", 2), "420.00", "407.40", "97.00%"],
        [C("其中：中央补助", 2), "300.00", "291.00", "97.00%"],
        [C("地方资金", 2), "120.00", "116.40", "97.00%"],
        [C("其他资金", 2), "", "", ""],
        [C("总体目标完成情况", 2, 2), C("总体目标", 2), C("全年实际完成情况", 3)],
        [C(GOAL, 2), C(DONE, 3)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因和改进措施"],
        [C("产出指标", rs=4), C("数量指标", rs=3), "孕产妇系统管理率", "≥90%", "92.3%", ""],
        ["0-6岁儿童健康管理率", "≥90%", "93.1%", ""],
        ["免费孕前优生健康检查目标人群覆盖率", "≥80%", "84%", ""],
        ["时效指标", "资金下达及时率", "100%", "100%", ""],
        [C("效益指标", rs=2), "社会效益指标", "婴儿死亡率", "≤5‰", "3.2‰", ""],
        ["可持续影响指标", "妇幼健康服务水平", "不断提高", "稳步提高", ""],
        ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥85%", "90%", ""],
        [C("说明", 2), C("无", 5)],
    ]


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=("中央对地方转移支付区域绩效自评表", "（2022年度）"))
