"""Builds document.docx: a 桐乡市妇女联合会 (浙江) target table split over two Word tables by a page break.

Composed from the ordinary 浙江 项目绩效目标表 as a Word attachment: heading, '单位：万元', then 项目名称 /
主管部门 | 实施单位 / 项目资金 (年度资金总额, 其中：财政拨款, 其他资金) / 年度目标 / 一级 | 二级 | 三级 | 指标值
and the first five indicator rows. The grid runs onto a second page as units often make it: a page break, a
'（续表）' paragraph and a SECOND table repeating the header row, '产出指标' written again on its first row.
Texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout17/zhejiang-tongxiang-fulian-2026/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402
from docx import Document  # noqa: E402
from docx.enum.text import WD_BREAK  # noqa: E402

GOAL = "开展家庭教育指导和困难妇女儿童关爱帮扶，落实困难妇女两癌救助，维护妇女儿童合法权益。"
HEADER = ["一级指标", "二级指标", "三级指标", "指标值"]
FIRST: list[list[C | str | int | float]] = [
    ["项目名称", C("妇女儿童关爱服务及家庭教育指导项目", cs=3)],
    ["主管部门", "桐乡市妇女联合会", "实施单位", "桐乡市妇女联合会"],
    [C("项目资金", rs=3), "年度资金总额", C("36.00", cs=2)],
    ["其中：财政拨款", C("36.00", cs=2)],
    ["其他资金", C("0.00", cs=2)],
    ["年度目标", C(GOAL, cs=3)],
    HEADER,
    [C("产出指标", rs=5), C("数量指标", rs=3), "开展家庭教育指导活动", "≥50场"],
    ["关爱困难妇女儿童", "≥600人次"],
    ["困难妇女两癌救助人数", "≥40人"],
    ["质量指标", "活动计划完成率", "≥95%"],
    ["时效指标", "救助金发放时间", "2026年6月底前"],
]
SECOND: list[list[C | str | int | float]] = [
    HEADER,
    ["产出指标", "成本指标", "单场指导活动平均成本", "≤0.3万元"],
    [C("效益指标", rs=2), "社会效益指标", "妇女儿童合法权益保障水平", "有效提升"],
    ["可持续影响指标", "家庭教育指导服务体系", "逐步健全"],
    ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥92%"],
]
BREAK = "（续表）"
BLOCKS: list[tuple[str, object]] = [
    ("h", "2026年项目绩效目标表"),
    ("p", "单位名称：桐乡市妇女联合会                                  单位：万元"),
    ("table", FIRST),
    ("p", BREAK),
    ("table", SECOND),
    ("p", "填表人：沈佳        联系电话：0573-88000000"),
]


def main() -> None:
    path = HERE / "document.docx"
    write_docx(BLOCKS, path)
    document = Document(str(path))
    for paragraph in document.paragraphs:
        if paragraph.text == BREAK:
            paragraph.runs[0].text = ""
            paragraph.runs[0].add_break(WD_BREAK.PAGE)
            paragraph.add_run(BREAK)
    document.save(str(path))


if __name__ == "__main__":
    main()
