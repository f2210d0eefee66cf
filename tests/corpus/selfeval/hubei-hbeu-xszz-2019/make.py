"""Build document.docx: the Hubei 学生资助 自评表 as the college's Word document lays it out.

Run from this folder: ``../../../../.venv/bin/python make.py``. Our own numbers; the layout is the
stored document's: no weight column, one 得分 per 一级 group in a cell merged down the group, the
reason written in that cell, 预算执行情况（20分）with 得分（20分*执行率）.
"""

from pathlib import Path

from docx import Document

HERE = Path(__file__).resolve().parent

HEAD = ["一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分"]
GROUPS = [
    (
        "产出指标（50分）",
        "50分",
        [
            ("数量", "国家奖学金人数", "≥11人", "11人"),
            ("", "国家励志奖学金人数", "≥140人", "140人"),
            ("", "国家助学金人数", "≥2200人", "2200人"),
            ("成本指标", "国家助学金人均资助", "≤3300元", "3300元"),
        ],
    ),
    (
        "效益指标（30分）",
        "29.77分（困难学生完成学业率未达目标，个别学生因病休学）",
        [
            ("社会效益指标", "资金发放率", "=100%", "100%"),
            ("", "困难学生完成学业率", "≥98%", "96.5%"),
        ],
    ),
    ("满意度指标（20分）", "20分", [("服务对象满意度指标", "受助学生满意度", "≥90%", "94%")]),
]


def build() -> None:
    document = Document()
    document.add_paragraph("2019年学生资助项目绩效目标自评表")
    rows = 5 + sum(len(items) for _, _, items in GROUPS)
    table = document.add_table(rows=rows, cols=6)
    table.style = "Table Grid"

    def put(r: int, values: list[str]) -> None:
        for c, value in enumerate(values):
            table.cell(r, c).text = value

    put(0, ["填报日期：2020年3月12日", "", "", "", "总分：", "99.82分"])
    put(1, ["项目名称", "湖北工程学院2019年学生资助项目", "", "", "", ""])
    table.cell(1, 1).merge(table.cell(1, 5))
    put(2, ["预算执行情况（万元）（20分）", "预算数（A）", "执行数（B）", "执行率（B/A）", "得分（20分*执行率）", ""])
    put(3, ["年度财政资金总额", "1180.00", "1180.00", "100%", "20", ""])
    put(4, HEAD)
    r = 5
    for label, score, items in GROUPS:
        top = r
        for l2, name, target, actual in items:
            put(r, ["", l2, name, target, actual, ""])
            r += 1
        table.cell(top, 0).text = label
        table.cell(top, 5).text = score
        if r - top > 1:
            table.cell(top, 0).merge(table.cell(r - 1, 0))
            table.cell(top, 5).merge(table.cell(r - 1, 5))
    document.save(HERE / "document.docx")


if __name__ == "__main__":
    build()
