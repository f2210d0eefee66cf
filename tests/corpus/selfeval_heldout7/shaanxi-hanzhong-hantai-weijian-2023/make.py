"""Builds document.pdf: a 项目支出绩效自评表 of a 汉中市汉台区 department, printed to PDF.

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) as 陕西 district units attach it to their
决算: a heading naming the unit, title and '(2023年度)', a fund block with 当年财政拨款 and 上年结转资金 that
add up to the total, qualitative rows whose actual states the band (达成年度指标 / 部分达成年度指标), 总分 and
a 自评结论 line. No stored page held a 汉台区 table; rows and figures are ours. The numbers agree
(9.5 + 89 = 98.5), but a row stated as 部分达成 keeps 14 of 15 (the band is 60–80 %, 9 to 12) with no reason.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout7/shaanxi-hanzhong-hantai-weijian-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

GOAL = "为辖区常住居民免费提供基本公共卫生服务,提高重点人群健康管理水平。"
DONE = "全年完成老年人健康管理2.68万人,高血压患者规范管理率66.2%,资金按时拨付。"


def layout() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("基本公共卫生服务项目", 8)],
        [C("主管部门", 2), C("汉中市汉台区卫生健康局", 3), "实施单位", C("汉中市汉台区卫生健康局", 4)],
        [C("项目资金\n(万元)", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", C("得分", 2)],
        ["年度资金总额", "520.00", "560.00", "532.00", "10", "95.00%", C("9.5", 2)],
        ["其中:当年财政拨款", "480.00", "480.00", "452.00", "—", "94.17%", C("—", 2)],
        ["上年结转资金", "40.00", "80.00", "80.00", "—", "100.00%", C("—", 2)],
        ["其他资金", "", "", "", "—", "", C("—", 2)],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 5)],
        [C(GOAL, 4), C(DONE, 5)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", C("偏差原因分析及改进措施", 2)],
        [C("产出指标(50分)", rs=4), "数量指标", "65岁及以上老年人健康管理人数", "≥2.6万人", "2.68万人", "15", "15", C("", 2)],
        ["质量指标", "高血压患者基层规范管理服务率", "≥65%", "66.2%", "15", "15", C("", 2)],
        ["时效指标", "补助资金拨付及时率", "100%", "100%", "10", "10", C("", 2)],
        ["成本指标", "人均基本公共卫生服务补助标准", "≥89元/人", "89元/人", "10", "10", C("", 2)],
        [C("效益指标(30分)", rs=2), "社会效益指标", "居民健康素养水平", "逐步提高", "部分达成年度指标", "15", "14", C("", 2)],
        ["可持续影响指标", "基层公共卫生服务能力", "持续提升", "达成年度指标", "15", "15", C("", 2)],
        ["满意度指标(10分)", "服务对象满意度指标", "居民对基本公共卫生服务满意度", "≥85%", "90%", "10", "10", C("", 2)],
        [C("总分", 6), "100", "98.5", C("", 2)],
        [C("自评结论", 2), C("自评得分98.5分,等级为优。", 8)],
    ]


if __name__ == "__main__":
    write_pdf(
        layout(),
        HERE / "document.pdf",
        title=("汉中市汉台区卫生健康局2023年度部门决算附件", "项目支出绩效自评表", "(2023年度)"),
    )
