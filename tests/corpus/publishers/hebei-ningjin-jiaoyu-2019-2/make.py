"""Builds document.xlsx: an xlsx laid out like the 绩效评价指标表 attachment 宁晋县教育局 published
(2019年度…项目绩效评价指标表.xlsx). Content is our own. Run: .venv/bin/python make.py"""

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

HERE = Path(__file__).resolve().parent

wb = Workbook()
ws = wb.active
ws.title = "Sheet1"
thin = Side(style="thin")
box = Border(left=thin, right=thin, top=thin, bottom=thin)

ws.merge_cells("A1:G1")
ws["A1"] = "2019年度宁晋县普通高中免学杂费项目绩效评价指标表"
ws["A1"].font = Font(bold=True, size=14)
ws["A1"].alignment = Alignment(horizontal="center")

header = ["评价指标", "评价内容", "指标名称", "指标说明", "目标值", "分值", "备注"]
rows = [
    ["项目年度绩效目标(定量指标)", "制度指标", "免学杂费管理制度健全与否", None, None, 20, None],
    [None, "产出数量指标", "享受免学杂费人数", "达到预计值", 3260, 10, None],
    [None, None, "资金拨付率", "达到目标值", 0.98, 10, None],
    [None, "质量指标", "建档立卡学生全面覆盖", None, 1, 10, None],
    [None, None, "受助学生满意度", "达到目标值", "90%以上", 10, None],
    [None, "时效指标", "按学期拨付率", "达到目标值", 1, 20, None],
    [None, "成本指标", "免学杂费标准执行率", None, 1, 20, None],
    ["总分", None, None, None, None, 100, None],
]
ws.append(header)
for r in rows:
    ws.append(r)
# merged cells as in the real sheet: 评价指标 spans the indicator rows, 产出数量指标 and 质量指标 two rows each
ws.merge_cells("A3:A9")
ws.merge_cells("B4:B5")
ws.merge_cells("B6:B7")
ws.merge_cells("A10:E10")
for cell in ("E5", "E6", "E8", "E9"):
    ws[cell].number_format = "0%"
for row in ws.iter_rows(min_row=2, max_row=10, max_col=7):
    for c in row:
        c.border = box
        c.alignment = Alignment(vertical="center", wrap_text=True)
for col, width in zip("ABCDEFG", (18, 14, 24, 12, 10, 6, 8)):
    ws.column_dimensions[col].width = width

out = HERE / "document.xlsx"
wb.save(out)
print(out)
