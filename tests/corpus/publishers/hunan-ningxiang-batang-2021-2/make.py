"""A 湖南 township's 项目绩效目标表 (2021年度), in the province's older form (xlsx, docx, PDF).

Stands for the table a 宁乡市 town government published on its 2021 budget: 填报单位（盖章） above
the table; 项目属性 as checkboxes (``新增项目□ 延续项目√``); 主管部门 with its 编码; 项目负责人 and
联系电话; the budget given only inside one cell, ``年度资金总额及构成``, as several lines (总额, then
财政拨款 with its 上级/本级 parts, 自有资金, 其他); the project narrative (概况, 立项依据, 可行性,
必要性) and a schedule table inside the form; 长期目标 beside 年度目标; then two indicator blocks
one under the other, 长期绩效指标 and 年度绩效指标, each with 一级/二级/指标内容/指标值/备注
(指标内容 is the indicator's name; 满意度 as ``社会公众或服务对象满意度指标``). A footer line follows.
Names, texts and values are our own.

Run: ``.venv/bin/python tests/corpus/publishers/hunan-ningxiang-batang-2021-2/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from _build import C, write_docx, write_pdf, write_xlsx  # noqa: E402

# (一级, [(二级, [(指标内容, 长期指标值, 年度指标值, 备注)])])
TREE = [
    ("产出指标", [
        ("数量指标", [("硬化村组道路里程", "≥12公里", "≥4.5公里", ""),
                      ("清淤灌溉沟渠长度", "≥30公里", "≥10公里", "")]),
        ("质量指标", [("工程验收合格率", "=100%", "=100%", "")]),
        ("时效指标", [("当年工程完工率", "≥95%", "≥95%", "")]),
        ("成本指标", [("每公里道路硬化成本", "≤48万元", "≤48万元", "含路基")]),
    ]),
    ("效益指标", [
        ("经济效益指标", [("带动农产品运输成本下降", "≥8%", "≥5%", "")]),
        ("社会效益指标", [("受益农户数", "≥1600户", "≥620户", "")]),
        ("生态效益指标", [("沟渠水质", "明显改善", "有所改善", "")]),
        ("可持续影响指标", [("设施管护制度", "长效运行", "建立", "")]),
    ]),
    ("满意度指标", [
        ("社会公众或服务对象满意度指标", [("受益群众满意度", "≥90%", "≥90%", "")]),
    ]),
]  # fmt: skip

FUNDS = (
    "总额：860万元\n"
    "一、财政拨款：720万元（其中：上级财政资金：500万元；本级财政：220万元）\n"
    "二、自有资金：0万元\n"
    "三、其他：140万元"
)


def indicator_block(label: str, column: int) -> list[list[C | str]]:
    """One block (长期 or 年度): its header row, then 一级 merged tall, 二级 merged over its rows."""
    count = sum(len(items) for _, groups in TREE for _, items in groups)
    rows: list[list[C | str]] = [
        [C(label, rs=count + 1), "一级指标", "二级指标", "指标内容", "指标值", "备注"]
    ]
    for level1, groups in TREE:
        first = True
        for level2, items in groups:
            for i, item in enumerate(items):
                row: list[C | str] = []
                if first:
                    row.append(C(level1, rs=sum(len(g) for _, g in groups)))
                    first = False
                if i == 0:
                    row.append(C(level2, rs=len(items)))
                row += [item[0], item[column], item[3]]
                rows.append(row)
    return rows


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["项目名称", C("村组道路及农田水利基础设施建设", 5)],
        ["项目属性", C("新增项目□　　延续项目√", 5)],
        ["主管部门", C("宁乡市示范镇人民政府", 2), "主管部门编码", C("419023", 2)],
        ["项目单位", "示范镇农业综合服务中心", "项目负责人", "刘一鸣", "联系电话", "0731-8800××××"],
        ["项目起止时间", C("2021年1月至2021年12月", 5)],
        ["年度资金总额及构成", C(FUNDS, 5)],
        ["项目概况", C("对全镇6个村的村组道路进行硬化，对主要灌溉沟渠进行清淤和护砌。", 5)],
        [C("项目立项情况", rs=3), "项目立项的依据", C("镇人大审议通过的年度民生实事项目计划。", 4)],
        ["项目申报的可行性", C("已完成现场踏勘和工程预算编制。", 4)],
        ["项目申报的必要性", C("部分村组道路为砂石路面，雨季通行困难，沟渠淤积影响灌溉。", 4)],
        [C("项目实施进度计划", rs=3), C("项目实施内容", 3), "开始时间", "完成时间"],
        [C("1.村组道路硬化", 3), "2021.03", "2021.09"],
        [C("2.灌溉沟渠清淤护砌", 3), "2021.10", "2021.12"],
        [C("项目绩效目标", rs=2), C("长期目标", 2), C("年度目标", 3)],
        [
            C("三年内完成全镇村组道路硬化和主要沟渠整治，改善群众出行和农业生产条件。", 2),
            C("完成4.5公里村组道路硬化和10公里沟渠清淤，工程验收合格。", 3),
        ],
    ]
    rows += indicator_block("长期绩效指标", 1)
    rows += indicator_block("年度绩效指标", 2)
    return rows


TITLE = ["项目绩效目标表", "（2021年度）", "填报单位（盖章）：宁乡市示范镇人民政府"]
FOOTER = "填表人：王小红　　联系电话：0731-8800××××　　填报日期：2021年1月20日"

if __name__ == "__main__":
    write_xlsx(layout(), HERE / "document.xlsx", TITLE)
    write_docx([("h", TITLE[0]), ("h", TITLE[1]), ("p", TITLE[2]), ("table", layout()), ("p", FOOTER)],
               HERE / "document.docx")  # fmt: skip
    write_pdf(layout(), HERE / "document.pdf", TITLE)
