"""Builds document.docx: the 鄂州市市直部门预算项目支出绩效目标表 form (published as .docx), with a
project of our own. Run: .venv/bin/python make.py (from this folder)."""

from pathlib import Path

from docx import Document

HERE = Path(__file__).resolve().parent


def build():
    doc = Document()
    doc.add_paragraph("主管部门审核意见                单位公章:      年   月   日")
    doc.add_paragraph("鄂州市2022年市直部门预算项目支出绩效目标表")
    costs = (
        ("食材采购", "310", "依据采购合同", "295.4", "302.7"),
        ("劳务外包费", "96", "依据招标文件", "90", "96"),
        ("燃气水电费", "54", "按三定方案据实结算", "48.2", "51.6"),
        ("合计", "460", "", "433.6", "450.3"),
    )
    ind = (
        (
            "数量指标",
            (
                ("日均供餐人次", "反映食堂日均供餐规模", "1800人次"),
                ("食品留样检测次数", "反映食品安全检测情况", "240次"),
            ),
        ),
        (
            "质量指标",
            (
                ("食品安全事故发生率", "反映食堂食品安全情况", "0"),
                ("餐具消毒合格率", "反映餐具消毒质量情况", "296%"),
            ),
        ),
        ("成本指标", (("成本控制率", "", "不超预算"),)),
        ("时效指标", (("供餐准时率", "反映按时开餐情况", ">98%"),)),
        ("社会效益指标", (("机关后勤保障水平", "反映后勤服务保障情况", "有效保障"),)),
        ("满意度指标", (("就餐人员满意度", "反映就餐人员满意程度", "≥90%"),)),
    )
    n_ind = sum(len(r) for _, r in ind)
    rows = 3 + 1 + len(costs) + 1 + 2 + n_ind
    t = doc.add_table(rows=rows, cols=6)
    t.style = "Table Grid"
    c = t.cell
    c(0, 0).text = "项目名称"
    c(0, 1).merge(c(0, 5)).text = "市直机关食堂运营保障"
    c(1, 0).text = "项目类别"
    c(1, 1).merge(c(1, 2)).text = "本级支出项目"
    c(1, 3).text = "项目性质"
    c(1, 4).merge(c(1, 5)).text = "持续性项目"
    c(2, 0).text = "立项依据"
    c(2, 1).merge(c(2, 5)).text = "市机关事务服务中心三定方案"
    r = 3
    for j, h in enumerate(
        ("项目预算成本构成", "金额", "测算(公式)依据", "2020年实际执行数", "2021年实际执行数")
    ):
        c(r, j).text = h
    c(r, 5).text = ""
    for row in costs:
        r += 1
        for j, v in enumerate(row):
            c(r, j).text = v
    r += 1
    c(r, 0).text = "绩效目标"
    c(r, 1).merge(c(r, 5)).text = "以就餐人员满意为目标,保障机关食堂安全、卫生、准时供餐。"
    r += 1
    top = r
    c(r, 0).merge(c(r + 1 + n_ind, 0)).text = "绩效指标"
    c(r, 1).merge(c(r, 4)).text = ""
    c(r, 5).merge(c(r + 1 + n_ind, 5)).text = "保障绩效目标实现措施"
    r += 1
    for j, h in enumerate(("一级指标", "二级指标", "绩效标准", "当年预期实现值")):
        c(r, 1 + j).text = h
    for l1, rs in ind:
        first = r + 1
        for name, std, val in rs:
            r += 1
            c(r, 2).text = name
            c(r, 3).text = std
            c(r, 4).text = val
        cell = c(first, 1) if first == r else c(first, 1).merge(c(r, 1))
        cell.text = l1
    assert r == rows - 1 and top
    doc.add_paragraph("单位负责人:            填表人:            联系电话:")
    doc.save(HERE / "document.docx")


if __name__ == "__main__":
    build()
