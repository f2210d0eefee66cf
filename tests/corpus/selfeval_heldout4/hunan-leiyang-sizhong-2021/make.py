"""Builds document.docx: the 项目支出绩效自评表 of a 耒阳 senior high school inside its 决算 Word file.

Stands for the table 耒阳市第四中学 publishes in the 附件 of its 2021年度部门决算 (耒阳市教育局 site): a
preamble paragraph naming the unit and the table's place in the 决算, then the 湖南 county form of the central
项目支出绩效自评表 — 项目名称 / 主管部门 / 实施单位, 项目资金(万元) with 年初预算数 / 全年预算数 / 全年执行数 /
分值 / 执行率 / 得分, 预期目标 / 实际完成情况, 一级 / 二级 / 三级 / 年度指标值 / 实际完成值 / 分值 / 得分 /
偏差原因分析及改进措施, 总分 — and the signature line under the grid. Project and figures are our own; the
real table's kind of error is kept: a satisfaction row below its target at full marks, all rows full.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout4/hunan-leiyang-sizhong-2021/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

GOAL = "按标准免除普通高中建档立卡等家庭经济困难学生学费,保障其顺利完成学业。"
DONE = "全年为826名学生免除学费,资金全部按时拨付到位。"


def table() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("普通高中免学费补助资金", 8)],
        [C("主管部门", 2), C("耒阳市教育局", 3), "实施单位", C("耒阳市第四中学", 4)],
        [C("项目资金\n(万元)", 2, 3), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", C("得分", 2)],
        ["年度资金总额", "98.40", "98.40", "98.40", "10", "100%", C("10", 2)],
        ["其中:当年财政拨款", "98.40", "98.40", "98.40", "—", "—", C("—", 2)],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 5)],
        [C(GOAL, 4), C(DONE, 5)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", C("偏差原因分析及改进措施", 2)],
        [C("产出指标", rs=4), "数量指标", "免学费学生人数", "≥820人", "826人", "15", "15", C("", 2)],
        ["质量指标", "资助对象识别准确率", "100%", "100%", "15", "15", C("", 2)],
        ["时效指标", "资金发放及时率", "≥95%", "100%", "10", "10", C("", 2)],
        ["成本指标", "生均免学费标准", "1200元/年", "1200元/年", "10", "10", C("", 2)],
        [C("效益指标", rs=2), "社会效益指标", "因贫辍学学生数", "0人", "0人", "15", "15", C("", 2)],
        ["社会效益指标", "资助政策知晓率", "≥95%", "97%", "15", "15", C("", 2)],
        ["满意度指标", "服务对象满意度指标", "学生及家长满意度", "≥90%", "80%", "10", "10", C("", 2)],
        [C("总分", 6), "100", "100", C("", 2)],
    ]


if __name__ == "__main__":
    write_docx(
        [
            ("p", "附件:耒阳市第四中学2021年度项目支出绩效自评表"),
            ("h", "项目支出绩效自评表"),
            ("p", "(2021年度)"),
            ("table", table()),
            ("p", "填表人:          联系电话:          填报日期:2022年3月"),
        ],
        HERE / "document.docx",
        landscape=True,
    )
