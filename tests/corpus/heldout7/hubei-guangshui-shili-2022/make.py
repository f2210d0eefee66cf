"""Builds document.docx: a 广水 街道办事处's 部门预算信息公开 as the Word file it posts.

Stands for the document 广水市十里街道办事处 published (guangshui.gov.cn 2022年部门预算信息公开): a 目录 of five
parts with numbered lines ('1、主要职责', '9、项目支出预算明细表'), the 单位概况 prose, and 第四部分 预算绩效情况 with
'1、部门整体绩效目标编制情况' in prose and '2、重点项目绩效目标编制情况' holding a 项目支出绩效目标表. The stored
text stops in 主要职责: the prose that follows and the target table are ours, in the 湖北 项目支出绩效目标表 form
(项目名称, 主管部门 / 实施单位, 项目资金(万元) merged down 年度资金总额 / 其中:财政拨款 / 其他资金, 年度目标, then
一级 | 二级 | 三级 | 指标值 with 一级 merged down its group). Project, texts and figures are our own.

Run: ``.venv/bin/python tests/corpus/heldout7/hubei-guangshui-shili-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

# (一级, 二级, 三级, 指标值)
ROWS = [
    ("产出指标", "数量指标", "网格员配备人数", "=42人"),
    ("产出指标", "数量指标", "网格巡查覆盖率", "100%"),
    ("产出指标", "质量指标", "矛盾纠纷化解率", "≥95%"),
    ("产出指标", "时效指标", "经费拨付及时率", "100%"),
    ("产出指标", "成本指标", "网格员补贴标准", "≤700元/人·月"),
    ("效益指标", "社会效益指标", "辖区社会治安状况", "持续好转"),
    ("满意度指标", "服务对象满意度指标", "辖区居民满意度", "≥90%"),
]

CONTENTS = [
    "第一部分  单位概况",
    "1、主要职责",
    "2、机构设置",
    "3、部门预算单位构成及人员情况",
    "第二部分  2022部门预算表",
    "1、部门收支预算总表",
    "2、部门收入预算总表",
    "3、部门支出预算总表",
    "9、项目支出预算明细表",
    "第三部分  2022年部门预算情况说明",
    "第四部分  预算绩效情况",
    "1、部门整体绩效目标编制情况。",
    "2、重点项目绩效目标编制情况",
    "第五部分  名词解释",
]


def table() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["项目名称", C("社区网格化管理工作经费", 3)],
        ["主管部门", "广水市十里街道办事处", "实施单位", "广水市十里街道办事处"],
        [C("项目资金(万元)", rs=3), "年度资金总额", C("36.00", 2)],
        ["其中:财政拨款", C("36.00", 2)],
        ["其他资金", C("", 2)],
        ["年度目标", C("配齐专职网格员,实现辖区网格巡查全覆盖,及时发现和化解矛盾纠纷,维护辖区和谐稳定。", 3)],
        ["一级指标", "二级指标", "三级指标", "指标值"],
    ]
    seen: set[str] = set()
    for level1, level2, name, value in ROWS:
        cells: list[C | str] = []
        if level1 not in seen:
            seen.add(level1)
            cells.append(C(level1, rs=sum(1 for r in ROWS if r[0] == level1)))
        cells += [level2, name, value]
        rows.append(cells)
    return rows


if __name__ == "__main__":
    blocks: list[tuple[str, object]] = [("h", "广水市十里街道办事处2022年部门预算信息公开"), ("p", "目   录")]
    blocks += [("p", line) for line in CONTENTS]
    blocks += [
        ("p", "第一部分 单位概况"),
        ("p", "一、主要职责"),
        ("p", "广水市十里街道办事处负责辖区党的建设、经济发展、社会治理、公共服务和平安建设等工作。"),
        ("p", "第四部分 预算绩效情况"),
        ("p", "1、部门整体绩效目标编制情况。2022年本单位部门整体支出预算1862.35万元,全部编制了整体绩效目标。"),
        ("p", "2、重点项目绩效目标编制情况"),
        ("p", "2022年本单位对社区网格化管理工作经费等3个重点项目编制了绩效目标,涉及资金98.00万元。"),
        ("h", "项目支出绩效目标表"),
        ("p", "(2022年度)"),
        ("table", table()),
        ("p", "第五部分 名词解释"),
    ]
    write_docx(blocks, HERE / "document.docx")
