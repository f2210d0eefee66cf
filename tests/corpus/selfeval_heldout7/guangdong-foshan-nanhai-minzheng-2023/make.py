"""Builds document.xlsx: a 项目支出绩效自评表 of a 佛山市南海区 department as an Excel sheet, 分值 before 指标值.

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) in the column order 广东 units often use
(一级 · 二级 · 三级 · 分值 · 年度指标值 · 实际完成值 · 得分 · 偏差原因), amounts as Excel numbers and rates
as text, two shortfalls scored by the ratio with their reasons, 总分 and a 自评等级 line. No stored page held
a 南海区 table; rows and figures are ours. The contradiction is composed: 9.5 + 89.25 = 98.75 is printed
right, but the grade beside it is 良 (98.75 is 优). A training count of 28 against ≥20 (1.4×) carries no
reason.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout7/guangdong-foshan-nanhai-minzheng-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

GOAL = "为辖区居家老年人提供助餐、助洁、助医等上门服务,培训养老护理员,提升居家养老服务质量。"
DONE = "全年服务居家老年人1540人,开展护理员培训28场,服务站点运营正常。"
CHECK = "部分服务机构服务台账不规范,已责令限期整改"
HOPE = "部分服务对象希望增加上门服务频次,下年优化服务排班"


def layout() -> list[list[C | str | int | float]]:
    return [
        [C("项目名称", 2), C("社区居家养老服务补助", 8)],
        [C("主管部门", 2), C("佛山市南海区民政局", 3), "实施单位", C("佛山市南海区民政局", 4)],
        [C("项目资金(万元)", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", C("得分", 2)],
        ["年度资金总额", 300, 300, 285, 10, "95%", C(9.5, 2)],
        ["其中:当年财政拨款", 300, 300, 285, "—", "95%", C("—", 2)],
        ["上年结转资金", "", "", "", "—", "", C("—", 2)],
        ["其他资金", "", "", "", "—", "", C("—", 2)],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 5)],
        [C(GOAL, 4), C(DONE, 5)],
        [C("绩效指标", rs=9), "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分", C("偏差原因分析及改进措施", 2)],
        [C("产出指标", rs=5), C("数量指标", rs=2), "居家养老服务对象人数", 10, "≥1500人", "1540人", 10, C("", 2)],
        ["养老护理员培训场次", 10, "≥20场", "28场", 10, C("", 2)],
        ["质量指标", "服务质量抽查合格率", 10, "≥95%", "90%", 9.47, C(CHECK, 2)],
        ["时效指标", "补助资金按季拨付率", 10, "100%", "100%", 10, C("", 2)],
        ["成本指标", "人均年度服务补助", 10, "≤2000元", "1850元", 10, C("", 2)],
        [C("效益指标", rs=2), "社会效益指标", "居家老年人生活照料状况", 15, "明显改善", "服务对象生活照料得到改善", 15, C("", 2)],
        ["可持续影响指标", "居家养老服务网络运行", 15, "长效运行", "服务站点均正常运营", 15, C("", 2)],
        ["满意度指标", "服务对象满意度指标", "服务对象满意度", 10, "≥90%", "88%", 9.78, C(HOPE, 2)],
        [C("总分", 4), 100, C("", 2), 98.75, C("", 2)],
        [C("自评等级", 2), C("良", 8)],
    ]


if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", title=("项目支出绩效自评表", "(2023年度)"))
