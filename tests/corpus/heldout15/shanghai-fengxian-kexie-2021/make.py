"""Builds document.docx: a 上海市奉贤区科学技术协会 target table whose indicators sit in a NESTED Word table.

Composed from Word forms in which the whole 申报表 is one two-column table (label | content) and the
'绩效指标' row holds, inside its content cell, a second table 一级指标 | 二级指标 | 三级指标 | 指标值 with
一级 merged down — the table in a table that Word users make by pasting the indicator grid into the form.
Amounts in 万元 written in the cell ('年度资金总额：36.00万元'). Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout15/shanghai-fengxian-kexie-2021/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import FIXED_TIME  # noqa: E402

FACTS = [
    ("项目名称", "科普活动及青少年科技创新大赛经费"),
    ("主管部门", "上海市奉贤区科学技术协会"),
    ("实施单位", "上海市奉贤区科学技术协会"),
    ("项目资金", "年度资金总额：36.00万元\n其中：财政拨款36.00万元；其他资金0万元"),
    ("年度绩效目标", "举办全国科普日和科技活动周系列活动,组织区青少年科技创新大赛,提升公众科学素质。"),
]
INDICATORS = [
    ("产出指标", "数量指标", "举办科普活动场次", "≥30场"),
    ("产出指标", "数量指标", "青少年科技创新大赛参赛作品", "≥260件"),
    ("产出指标", "质量指标", "科普活动按计划完成率", "100%"),
    ("产出指标", "时效指标", "大赛完成时间", "2021年6月底前"),
    ("产出指标", "成本指标", "单场科普活动平均成本", "≤0.6万元"),
    ("效益指标", "社会效益指标", "参与科普活动公众人次", "≥1.5万人次"),
    ("效益指标", "可持续影响指标", "公民具备科学素质比例", "逐年提高"),
    ("满意度指标", "服务对象满意度指标", "活动参与者满意度", "≥90%"),
]


def main() -> None:
    document = Document()
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run("2021年度项目支出绩效目标申报表")
    run.bold = True
    run.font.size = Pt(16)
    form = document.add_table(rows=len(FACTS) + 1, cols=2)
    form.style = "Table Grid"
    for row, (label, content) in enumerate(FACTS):
        form.cell(row, 0).text = label
        lines = content.split("\n")
        form.cell(row, 1).text = lines[0]
        for line in lines[1:]:
            form.cell(row, 1).add_paragraph(line)
    form.cell(len(FACTS), 0).text = "绩效指标"
    holder = form.cell(len(FACTS), 1)
    inner = holder.add_table(rows=len(INDICATORS) + 1, cols=4)
    inner.style = "Table Grid"
    for col, head in enumerate(("一级指标", "二级指标", "三级指标", "指标值")):
        inner.cell(0, col).text = head
    first: dict[str, int] = {}
    for row, (level1, level2, name, value) in enumerate(INDICATORS, start=1):
        first.setdefault(level1, row)
        inner.cell(row, 1).text = level2
        inner.cell(row, 2).text = name
        inner.cell(row, 3).text = value
    for level1, top in first.items():
        bottom = max(r for r, item in enumerate(INDICATORS, start=1) if item[0] == level1)
        merged = inner.cell(top, 0).merge(inner.cell(bottom, 0)) if bottom > top else inner.cell(top, 0)
        merged.text = level1
    document.add_paragraph("填报单位（盖章）：上海市奉贤区科学技术协会        填报日期：2021年1月15日")
    properties = document.core_properties
    properties.author = properties.last_modified_by = "jixiao corpus"
    properties.created = properties.modified = FIXED_TIME
    document.save(str(HERE / "document.docx"))


if __name__ == "__main__":
    main()
