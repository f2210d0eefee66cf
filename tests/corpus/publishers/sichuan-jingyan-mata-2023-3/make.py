"""Builds document.xlsx: a 四川 budget-system export with a funds sheet (05-1) and the department's
list-form target sheet (05-2) of 井研县马踏镇, projects of our own. Run: .venv/bin/python make.py."""

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment

HERE = Path(__file__).resolve().parent

PROJECTS = (
    (
        "场镇公共设施维护经费",
        380000.00,
        "维护场镇路灯、公厕、排水沟渠等公共设施,保障场镇设施正常运行。",
        (
            ("产出指标", "数量指标", "维护路灯数量", "≥", 210, "盏", 20, "正向指标"),
            ("产出指标", "质量指标", "设施完好率", "≥", 95, "%", 20, "正向指标"),
            ("成本指标", "经济成本指标", "设施维护成本", "≤", 38, "万元", 10, "反向指标"),
            ("效益指标", "社会效益指标", "群众出行便利度提升", "≥", 90, "%", 20, "正向指标"),
            ("满意度指标", "服务对象满意度指标", "场镇居民满意度", "≥", 95, "%", 10, "正向指标"),
        ),
    ),
    (
        "森林防火工作经费",
        150000.00,
        "开展森林防火巡护、宣传和扑火物资储备,确保不发生重大森林火灾。",
        (
            ("产出指标", "数量指标", "防火巡护人员", "=", 24, "人", 20, "正向指标"),
            ("产出指标", "时效指标", "防火期巡护天数", "≥", 150, "天", 20, "正向指标"),
            ("效益指标", "生态效益指标", "重大森林火灾发生次数", "=", 0, "次", 20, "反向指标"),
            ("满意度指标", "服务对象满意度指标", "林区群众满意度", "≥", 90, "%", 20, "正向指标"),
        ),
    ),
)


def build():
    wb = Workbook()
    ws = wb.active
    ws.title = "部门项目支出预算05-1"
    ws.append(["部门项目支出预算表(2023年度)"])
    ws.append(["金额单位:元"])
    ws.append(["单位名称", "项目名称", "合计", "一般公共预算拨款", "政府性基金拨款"])
    ws.append(["820001-井研县马踏镇人民政府", PROJECTS[0][0], PROJECTS[0][1], PROJECTS[0][1], None])
    ws.append([None, PROJECTS[1][0], PROJECTS[1][1], PROJECTS[1][1], None])
    for row in ws.iter_rows(min_row=4, min_col=3, max_col=4):
        for cell in row:
            cell.number_format = "#,##0.00"

    ws = wb.create_sheet("部门项目支出绩效目标05-2")
    ws.append(["部门预算项目绩效目标申报表(2023年度)"])
    ws.merge_cells("A1:L1")
    ws.append(["金额单位:元"])
    ws.merge_cells("A2:L2")
    ws["A2"].alignment = Alignment(horizontal="right")
    ws.append(
        [
            "单位名称",
            "项目名称",
            "预算数",
            "年度目标",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标性质",
            "指标值",
            "度量单位",
            "权重",
            "指标方向性",
        ]
    )
    ws.append(["820-马踏镇部门", None, sum(p[1] for p in PROJECTS)])
    ws.merge_cells("A4:B4")
    ws["C4"].number_format = "#,##0.00"
    r = 5
    unit_top = r
    for name, amount, goal, rows in PROJECTS:
        top = r
        for k, ind in enumerate(rows):
            ws.cell(r, 5).value = ind[0]
            for j, v in enumerate(ind[1:]):
                ws.cell(r, 6 + j).value = v
            r += 1
        ws.cell(top, 2).value = name
        ws.cell(top, 3).value = amount
        ws.cell(top, 3).number_format = "#,##0.00"
        ws.cell(top, 4).value = goal
        for col in (2, 3, 4):
            ws.merge_cells(start_row=top, start_column=col, end_row=r - 1, end_column=col)
    ws.cell(unit_top, 1).value = "820001-井研县马踏镇人民政府"
    ws.merge_cells(start_row=unit_top, start_column=1, end_row=r - 1, end_column=1)
    wb.save(HERE / "document.xlsx")


if __name__ == "__main__":
    build()
