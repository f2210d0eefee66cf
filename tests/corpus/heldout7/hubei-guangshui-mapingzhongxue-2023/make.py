"""Builds document.pdf: a 广水 school's 项目申报表 as the 预算管理一体化 system prints it to PDF.

Stands for the form 广水市马坪镇中心中学 published (pdf.chddh.cn mirror of '广水市马坪镇中心中学项目申报表1.pdf'):
header lines 项目名称: / 项目编码: / 项目单位(盖章): / 主管部门: / 审核方式 with ☑ and □ glyphs / 申报日期 and
the 财政股室 审批意见 lines, then a four-column grid of code-prefixed values ('155-广水市教育局', '31-本级支出项目',
'01-常年性项目'), a 项目资金(万元) block, 年度绩效目标 and the indicator grid. The stored text stops inside the
项目基本信息 grid: the 资金 and indicator blocks are ours, in the four-column form of the grid above. Project,
texts and figures are our own.

Run: ``.venv/bin/python tests/corpus/heldout7/hubei-guangshui-mapingzhongxue-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

PROJECT = "城乡义务教育补助经费-义务教育学校(马坪镇)公用经费省级资金"

# (一级, 二级, 三级, 指标值)
ROWS = [
    ("产出指标", "数量指标", "保障在校学生人数", "≥1180人"),
    ("产出指标", "质量指标", "学校正常运转率", "100%"),
    ("产出指标", "时效指标", "资金拨付及时率", "100%"),
    ("产出指标", "成本指标", "生均公用经费标准(初中)", "≥850元/生·年"),
    ("效益指标", "社会效益指标", "义务教育巩固率", "≥98%"),
    ("满意度指标", "服务对象满意度指标", "学生及家长满意度", "≥90%"),
]


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        [C("项目基本信息", 4)],
        ["二级项目名称", PROJECT, "二级项目代码", ""],
        ["一级项目名称", "城乡义务教育补助经费-义务教育学校公用经费", "支出项目类别", "31-本级支出项目"],
        ["项目性质", "", "项目安排频度", "01-常年性项目"],
        ["项目属性", "01-持续性项目", "主管处室", "06-科教和文化股"],
        ["主管部门", "155-广水市教育局", "单位", "155009001广水市马坪镇中心中学本级"],
        ["项目开始年度", "2023", "项目期限", "1年"],
        ["负责人姓名", "陈立军", "负责人电话", "139****2716"],
        [C("项目资金(万元)", 4)],
        ["资金总额", "本年预算", "其中:财政拨款", "其他资金"],
        ["48.60", "48.60", "48.60", "0.00"],
        ["年度绩效目标", C("保障学校教学、办公和水电等日常运转,落实生均公用经费基准定额,维持正常教育教学秩序。", 3)],
        ["一级指标", "二级指标", "三级指标", "指标值"],
    ]
    rows += [list(row) for row in ROWS]
    return rows


if __name__ == "__main__":
    write_pdf(
        layout(),
        HERE / "document.pdf",
        title=[
            "广水市马坪镇中心中学项目申报表",
            f"项目名称:{PROJECT}",
            "项目编码:",
            "项目单位(盖章):广水市马坪镇中心中学      主管部门:广水市教育局",
            "审核方式:☑部门集中审核 □专家评审 □第三方机构评审",
            "申报日期: 2022 年 12 月 30 日      部门(单位)分管领导签章:      年  月  日",
            "财政预算绩效管理股审批意见:            财政归口业务股室审批意见:",
        ],
    )
