"""Builds document.pdf: a 中央对地方转移支付区域绩效自评表 of a 梧州市万秀区 department, printed to PDF (landscape).

Stands for the transfer-payment self-evaluation (财预〔2020〕10号's 区域绩效自评表) as a 广西 district unit
prints it: 转移支付（项目）名称, 中央主管部门 / 地方主管部门 / 资金使用单位, a fund block of 全年预算数(A) /
全年执行数(B) / 预算执行率(B/A) with 中央补助 and 地方资金 rows and no 分值 or 得分, indicators with
指标值 / 全年实际完成值 / 未完成原因和改进措施 and no score columns, a 说明 row at the foot. No stored page held
a 万秀区 table; rows and figures are ours. Composed contradiction (of the kind issue 12 reports from a real
table): the 年度资金总额 row (300 / 285) is not the sum of its sources (240 + 50 = 290, 228 + 47.5 = 275.5).

Run: ``.venv/bin/python tests/corpus/selfeval_heldout10/guangxi-wuzhou-wanxiu-weijian-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

GOAL = "目标1：为辖区居民免费提供基本公共卫生服务。目标2：做好老年人、孕产妇和儿童健康管理。"
DONE = "目标1：全年规范建立居民电子健康档案21.3万份。目标2：65岁以上老年人健康管理率72%，儿童健康管理率93%。"


def layout() -> list[list[C | str]]:
    return [
        [C("转移支付（项目）名称", 2), C("基本公共卫生服务补助资金", 5)],
        [C("中央主管部门", 2), C("国家卫生健康委", 5)],
        [C("地方主管部门", 2), C("梧州市万秀区卫生健康局", 2), "资金使用单位", C("梧州市万秀区卫生健康局", 2)],
        [C("项目资金（万元）", 2, rs=5), C("", 2), "全年预算数（A）", "全年执行数（B）", C("预算执行率（B/A）", 1)],
        [C("年度资金总额：", 2), "300.00", "285.00", "95.00%"],
        [C("其中：中央补助", 2), "240.00", "228.00", "95.00%"],
        [C("地方资金", 2), "50.00", "47.50", "95.00%"],
        [C("其他资金", 2), "", "", ""],
        [C("总体目标完成情况", 2, 2), C("总体目标", 2), C("全年实际完成情况", 3)],
        [C(GOAL, 2), C(DONE, 3)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因和改进措施"],
        [C("产出指标", rs=4), C("数量指标", rs=2), "居民电子健康档案建档人数", "≥21万人", "21.3万人", ""],
        ["65岁以上老年人健康管理率", "≥70%", "72%", ""],
        ["质量指标", "高血压患者规范管理率", "≥60%", "63%", ""],
        ["时效指标", "资金下达及时率", "100%", "100%", ""],
        [C("效益指标", rs=2), "社会效益指标", "城乡居民公共卫生差距", "不断缩小", "逐步缩小", ""],
        ["可持续影响指标", "基本公共卫生服务水平", "不断提高", "稳步提高", ""],
        ["满意度指标", "服务对象满意度指标", "居民满意度", "≥85%", "88%", ""],
        [C("说明", 2), C("无", 5)],
    ]


if __name__ == "__main__":
    write_pdf(layout(), HERE / "document.pdf", title=("中央对地方转移支付区域绩效自评表", "（2022年度）"), landscape=True)
