"""Builds document.docx: a 县 民政局 部门预算绩效文本 (published as .docx): prose on the department's
overall targets, then one 绩效目标表 per project under a numbered heading carrying the amount.
Projects, goals and figures are our own. Run: .venv/bin/python make.py (from this folder)."""
from pathlib import Path

from docx import Document

HERE = Path(__file__).resolve().parent

PROJECTS = (
    ("2022年村务公开工作经费3.6万绩效目标表", "2022年村务公开工作经费", "3.6", "3.6",
     "完成全县村务公开栏更新维护,督促村级事务按季度公开,提升村务管理透明度。",
     (("产出指标", (("数量指标", (("更新维护村务公开栏数量", "≥180个"),)),
                   ("质量指标", (("村务按季度公开率", "100%"),)),
                   ("时效指标", (("公开栏维护完成时间", "2022年10月底前"),)),
                   ("成本指标", (("单个公开栏维护成本", "≤200元"),)))),
      ("效益指标", (("社会效益指标", (("村级事务透明度", "明显提高"),)),)),
      ("满意度指标", (("服务对象满意度指标", (("村民满意度", "≥90%"),)),)))),
    ("2022年孤儿生活费补助绩效目标表", "2022年孤儿生活费补助", "134.40", "134.40",
     "按标准按月足额发放孤儿和事实无人抚养儿童基本生活费,保障其基本生活。",
     (("产出指标", (("数量指标", (("保障孤儿人数", "22人"), ("保障事实无人抚养儿童人数", "64人"))),
                   ("质量指标", (("基本生活费发放准确率", "100%"),)),
                   ("时效指标", (("按月发放及时率", "100%"),)),
                   ("成本指标", (("集中养育孤儿保障标准", "1600元/人·月"), ("社会散居孤儿保障标准", "1200元/人·月"))))),
      ("效益指标", (("社会效益指标", (("孤儿基本生活保障水平", "稳步提高"),)),
                   ("可持续影响指标", (("儿童福利保障制度", "长期有效"),)))),
      ("满意度指标", (("服务对象满意度指标", (("监护人满意度", "≥95%"),)),)))),
)


def project_table(doc, name, total, fiscal, goal, tree):
    n = sum(len(rows) for _, l2s in tree for _, rows in l2s)
    t = doc.add_table(rows=5 + n, cols=4)
    t.style = "Table Grid"
    c = t.cell
    c(0, 0).text = "项目名称"
    c(0, 1).merge(c(0, 3)).text = name
    c(1, 0).text = "主管部门"
    c(1, 1).text = "承德县民政局"
    c(1, 2).text = "实施单位"
    c(1, 3).text = "承德县民政局"
    c(2, 0).text = "项目资金(万元)"
    c(2, 1).text = "年度资金总额:" + total
    c(2, 2).text = "其中:财政拨款"
    c(2, 3).text = fiscal
    c(3, 0).text = "年度绩效目标"
    c(3, 1).merge(c(3, 3)).text = goal
    for j, h in enumerate(("一级指标", "二级指标", "三级指标", "指标值")):
        c(4, j).text = h
    r = 5
    for l1, l2s in tree:
        top1 = r
        for l2, rows in l2s:
            top2 = r
            for nm, val in rows:
                c(r, 2).text = nm
                c(r, 3).text = val
                r += 1
            cell = c(top2, 1) if r - 1 == top2 else c(top2, 1).merge(c(r - 1, 1))
            cell.text = l2
        cell = c(top1, 0) if r - 1 == top1 else c(top1, 0).merge(c(r - 1, 0))
        cell.text = l1


def build():
    doc = Document()
    doc.add_paragraph("承德县民政局2022年部门预算绩效文本")
    doc.add_paragraph("承德县民政局编制")
    doc.add_paragraph("承德县财政局审核")
    doc.add_paragraph("目  录")
    doc.add_paragraph("第一部分 部门整体绩效目标")
    doc.add_paragraph("一、总体绩效目标……………………1")
    doc.add_paragraph("二、分项绩效目标……………………2")
    doc.add_paragraph("第二部分 预算项目绩效目标")
    for i, p in enumerate(PROJECTS, 1):
        doc.add_paragraph(f"{i}.{p[0]}……………………{3 + i}")
    doc.add_paragraph("第一部分 部门整体绩效目标")
    doc.add_paragraph("一、总体绩效目标")
    doc.add_paragraph("承德县民政局部门总体绩效目标:(一)建立和维护县民政系统社会救助、养老服务和儿童福利保障体系,"
                      "困难群众基本生活得到有效保障;(二)推进村务公开和基层治理,提升基层群众自治水平。")
    doc.add_paragraph("二、分项绩效目标")
    doc.add_paragraph("1.社会救助:全年城乡低保、特困供养、临时救助资金按时足额发放,发放准确率100%。"
                      "2.儿童福利:孤儿和事实无人抚养儿童基本生活费按月发放。")
    doc.add_paragraph("第二部分 预算项目绩效目标")
    for i, (title, name, total, fiscal, goal, tree) in enumerate(PROJECTS, 1):
        doc.add_paragraph(f"{i}.{title}")
        project_table(doc, name, total, fiscal, goal, tree)
        doc.add_paragraph("")
    doc.save(HERE / "document.docx")


if __name__ == "__main__":
    build()
