"""Builds document.docx: a 富平县农业农村局 (陕西) project target table filled into a Word form template.

Composed, with one element the corpus did not hold: the table comes from a 填报模板 whose fillable cells
are Word content controls, so every value and every 三级指标 name sits inside a `<w:sdt>` run-level
content control (the label cells 项目名称, 一级指标… are plain text). Otherwise the ordinary 陕西 县级
项目支出绩效目标表: heading, '（2022年度）', '单位：万元', 项目名称 / 主管部门 | 实施单位 / 项目资金 over three
rows / 年度绩效目标 / 一级 | 二级 | 三级 | 指标值. Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout18/shaanxi-fuping-nongye-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402
from docx import Document  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

GOAL = "实施奶山羊良种补贴和标准化羊舍建设，提高奶山羊良种化水平，带动养殖户增收。"
LAYOUT: list[list[C | str | int | float]] = [
    ["项目名称", C("奶山羊产业良种补贴及标准化养殖项目", cs=3)],
    ["主管部门", "富平县农业农村局", "实施单位", "富平县畜牧产业发展中心"],
    [C("项目资金", rs=3), "年度资金总额", C("260.00", cs=2)],
    ["其中：财政拨款", C("260.00", cs=2)],
    ["其他资金", C("0.00", cs=2)],
    ["年度绩效目标", C(GOAL, cs=3)],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    [C("产出指标", rs=5), C("数量指标", rs=2), "奶山羊良种补贴数量", "≥5000只"],
    ["建设标准化羊舍", "≥20个"],
    ["质量指标", "奶山羊良种覆盖率", "≥85%"],
    ["时效指标", "补贴资金兑付时间", "2022年10月底前"],
    ["成本指标", "每只良种补贴标准", "≤300元"],
    [C("效益指标", rs=2), "经济效益指标", "带动养殖户增收", "≥2000元/户"],
    ["可持续影响指标", "奶山羊产业发展", "持续壮大"],
    ["满意度指标", "服务对象满意度指标", "养殖户满意度", "≥90%"],
]
LABELS = {
    "项目名称", "主管部门", "实施单位", "项目资金", "年度资金总额", "其中：财政拨款", "其他资金", "年度绩效目标",
    "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "效益指标", "满意度指标", "数量指标", "质量指标",
    "时效指标", "成本指标", "经济效益指标", "可持续影响指标", "服务对象满意度指标",
}
BLOCKS: list[tuple[str, object]] = [
    ("h", "项目支出绩效目标表"),
    ("p", "（2022年度）"),
    ("p", "单位：万元"),
    ("table", LAYOUT),
]


def wrap_in_content_controls(path: Path) -> None:
    """Moves every run of a fillable cell into a run-level content control, as a form template holds it."""
    document = Document(str(path))
    for cell in document.tables[0]._tbl.iter(qn("w:tc")):
        text = "".join(node.text or "" for node in cell.iter(qn("w:t")))
        if not text or text in LABELS:
            continue
        for paragraph in cell.findall(qn("w:p")):
            for run in list(paragraph.findall(qn("w:r"))):
                sdt = OxmlElement("w:sdt")
                properties = OxmlElement("w:sdtPr")
                alias = OxmlElement("w:alias")
                alias.set(qn("w:val"), "填报内容")
                properties.append(alias)
                content = OxmlElement("w:sdtContent")
                sdt.append(properties)
                sdt.append(content)
                run.addprevious(sdt)
                content.append(run)
    document.save(str(path))


def main() -> None:
    path = HERE / "document.docx"
    write_docx(BLOCKS, path)
    wrap_in_content_controls(path)


if __name__ == "__main__":
    main()
