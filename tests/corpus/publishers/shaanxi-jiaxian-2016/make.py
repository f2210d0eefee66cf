"""陕西 佳县财政支出项目绩效目标申报表 (2016): a four-page Word form, and the same as xlsx and PDF.

Stands for the county form 佳县 (榆林市) issued in 2016 as a .doc: the title repeated at the top of
each of its four pages, the form cut into four Word tables (project block; narrative, schedule and
goals; 长期绩效指标; 年度绩效指标 with 其他说明的问题), 项目属性 as checkboxes, 项目资金申请（万元）
with 资金总额 over 财政拨款/自有资金/其他, indicator blocks with 一级/二级/指标内容/指标值/备注 in the
old tree (成本 under 产出, 环境效益指标, ``服务对象满意度指标`` written as a 一级 over two columns) and
``……`` rows left from the template; the signature line 填报人/单位负责人/填报日期 after the last
table. The workbook and the PDF hold the same form as one table. Names, texts and values are our own.

Run: ``.venv/bin/python tests/corpus/publishers/shaanxi-jiaxian-2016/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from _build import C, write_docx, write_pdf, write_xlsx  # noqa: E402

TITLE = "佳县财政支出项目绩效目标申报表"
# (一级, [(二级, [(指标内容, 长期指标值, 年度指标值)])]); "……" rows are the template's own
TREE = [
    ("产出指标", [
        ("数量指标", [("新建村级便民服务站", "≥40个", "≥16个")]),
        ("质量指标", [("服务站达标验收率", "=100%", "=100%")]),
        ("时效指标", [("当年建成投用率", "≥90%", "≥90%")]),
        ("成本指标", [("单站建设补助标准", "≤3.5万元/个", "≤3.5万元/个")]),
        ("……", [("", "", "")]),
    ]),
    ("效益指标", [
        ("经济效益指标", [("群众办事往返费用节约", "≥20万元", "≥8万元")]),
        ("社会效益指标", [("村民就近办事覆盖率", "≥85%", "≥40%")]),
        ("环境效益指标", [("纸质材料减少", "逐年减少", "有所减少")]),
        ("可持续影响指标", [("服务站运行保障机制", "健全", "建立")]),
        ("……", [("", "", "")]),
    ]),
]  # fmt: skip
SATISFACTION = ("服务对象满意度指标", [("村民对便民服务的满意度", "≥90%", "≥85%")])


def project_block() -> list[list[C | str | int]]:
    return [
        [C("填报单位（盖章）：佳县示范镇人民政府", 6)],
        ["项目名称", C("村级便民服务站建设", 5)],
        ["项目属性", C("新增项目 ■　　延续项目 □", 5)],
        ["主管部门", C("佳县示范镇人民政府", 2), "主管部门编码", C("612728", 2)],
        ["项目实施单位", C("佳县示范镇便民服务中心", 5)],
        ["项目负责人", C("张建军", 2), "联系电话", C("0912-67××××", 2)],
        ["项目起止时间", C("2016年3月至2016年11月", 5)],
        [C("项目资金申请（万元）", rs=4), "资金总额：", C(56, 4)],
        ["财政拨款：", C(56, 4)],
        ["自有资金：", C(0, 4)],
        ["其他：", C(0, 4)],
        ["单位职能概述", C("负责全镇政务服务事项的受理、代办和便民服务。", 5)],
    ]


def narrative_block() -> list[list[C | str | int]]:
    return [
        ["项目概况", C("在16个行政村建设便民服务站，配备代办员和办公设备。", 5)],
        [C("项目立项情况", rs=3), "项目立项的依据", C("县政府关于推进基层便民服务体系建设的实施意见。", 4)],
        ["项目申报的可行性", C("各村已落实服务站场地。", 4)],
        ["项目申报的必要性", C("群众办事需往返镇区，路途远、成本高。", 4)],
        [C("项目实施进度计划", rs=3), C("项目实施内容", 3), "开始时间", "完成时间"],
        [C("1、场地改造和设备采购", 3), "2016年3月", "2016年6月"],
        [C("2、代办员培训和试运行", 3), "2016年7月", "2016年11月"],
        [C("项目绩效目标", rs=2), C("长期目标", 2), C("年度目标", 3)],
        [C("三年内实现全镇行政村便民服务站全覆盖，群众办事不出村。", 2),
         C("建成16个村级便民服务站并投入使用。", 3)],
    ]  # fmt: skip


def indicator_block(label: str, column: int) -> list[list[C | str | int]]:
    count = sum(len(items) for _, groups in TREE for _, items in groups) + 1
    rows: list[list[C | str | int]] = [
        [C(label, rs=count + 1), "一级指标", "二级指标", "指标内容", "指标值", "备注"]
    ]
    for level1, groups in TREE:
        first = True
        for level2, items in groups:
            for i, item in enumerate(items):
                row: list[C | str | int] = []
                if first:
                    row.append(C(level1, rs=sum(len(g) for _, g in groups)))
                    first = False
                if i == 0:
                    row.append(C(level2, rs=len(items)))
                rows.append([*row, item[0], item[column], ""])
    name, ((content, *values),) = SATISFACTION
    rows.append([C(name, 2), content, values[column - 1], ""])
    return rows


def whole() -> list[list[C | str | int]]:
    return [
        *project_block(),
        *narrative_block(),
        *indicator_block("长期绩效指标", 1),
        *indicator_block("年度绩效指标", 2),
        ["其他说明的问题", C("无", 5)],
    ]


FOOTER = "填报人：李娜　　　单位负责人：张建军　　　填报日期：2016年2月26日"

if __name__ == "__main__":
    heads = [("h", TITLE), ("h", "（2016年度）")]
    write_docx(
        [
            *heads, ("table", project_block()),
            ("h", TITLE), ("table", narrative_block()),
            ("h", TITLE), ("table", indicator_block("长期绩效指标", 1)),
            ("h", TITLE), ("table", [*indicator_block("年度绩效指标", 2), ["其他说明的问题", C("无", 5)]]),
            ("p", FOOTER),
        ],
        HERE / "document.docx",
    )  # fmt: skip
    write_xlsx(whole(), HERE / "document.xlsx", [TITLE, "（2016年度）"])
    write_pdf(whole(), HERE / "document.pdf", [TITLE, "（2016年度）"])
