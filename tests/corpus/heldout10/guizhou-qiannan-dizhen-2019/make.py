"""Builds document.html: a 贵州 州 地震局's 部门整体支出绩效目标表 as a <table> inside its portal page.

Stands for the form a 贵州 prefecture department publishes with its budget (see the set's README): the
portal's breadcrumb and publishing line, then one <table> with rowspan/colspan: 部门名称, 年度预算申请
(万元) over 资金总额 / 财政拨款 / 其他资金, 年度主要任务 (任务名称 / 主要内容 / 预算金额), 年度总体目标,
then 年度绩效指标 merged down beside 一级 | 二级 | 三级 | 指标值 | 指标值说明, a blank row at the end.
Texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout10/guizhou-qiannan-dizhen-2019/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

# 一级 → [(二级, [(三级, 指标值, 说明)])]
TREE = [
    (
        "产出指标",
        [
            ("数量指标", [("地震监测台站运维数量", "21个", ""), ("防震减灾科普宣传活动", "≥8次", "含进校园进社区")]),
            ("质量指标", [("测震台网运行率", "≥95%", "按中国地震局统计口径")]),
            ("时效指标", [("地震速报发布时限", "≤10分钟", "自发震起")]),
        ],
    ),
    (
        "效益指标",
        [
            ("社会效益指标", [("公众防震减灾知识普及率", "≥80%", "")]),
            ("可持续影响指标", [("地震监测能力", "逐年提升", "")]),
        ],
    ),
    ("满意度指标", [("服务对象满意度指标", [("社会公众满意度", "≥90%", "")])]),
]


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["部门名称", C("黔南布依族苗族自治州地震局", 5)],
        [C("年度预算申请(万元)", rs=2), "资金总额", C("财政拨款", 2), C("其他资金", 2)],
        ["286.40", C("286.40", 2), C("0", 2)],
        [C("年度主要任务", rs=3), "任务名称", C("主要内容", 2), C("预算金额(万元)", 2)],
        ["地震监测预报", C("全州21个地震台站运行维护及震情跟踪", 2), C("168.00", 2)],
        ["防震减灾宣传", C("开展科普宣传和应急演练", 2), C("118.40", 2)],
        ["年度总体目标", C("保障地震监测台网稳定运行,提高地震速报能力和公众防震减灾意识。", 5)],
    ]
    count = sum(len(items) for _, groups in TREE for _, items in groups)
    rows.append([C("年度绩效指标", rs=count + 1), "一级指标", "二级指标", "三级指标", "指标值", "指标值说明"])
    for level1, groups in TREE:
        first = True
        span1 = sum(len(items) for _, items in groups)
        for level2, items in groups:
            for i, item in enumerate(items):
                row: list[C | str] = []
                if first:
                    row.append(C(level1, rs=span1))
                    first = False
                if i == 0:
                    row.append(C(level2, rs=len(items)))
                rows.append(row + list(item))
    rows.append([C("", 6)])
    return rows


PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>黔南州地震局2019年部门整体支出绩效目标</title></head>
<body>
<div class="crumb">首页 &gt; 政务公开 &gt; 财政预决算 &gt; 部门预算</div>
<h2>黔南州地震局2019年部门整体支出绩效目标</h2>
<div class="info">发布时间:2019-02-25 10:12 来源:州地震局 【字体:大 中 小】</div>
<div class="content">
<p align="center"><b>部门整体支出绩效目标表</b></p>
<p align="center">(2019年度)</p>
<table border="1" cellspacing="0" cellpadding="0" width="100%">
{rows}
</table>
<p>注:本表随部门预算一并公开。</p>
</div>
<div class="foot">主办:黔南布依族苗族自治州人民政府办公室</div>
</body></html>
"""

if __name__ == "__main__":
    (HERE / "document.html").write_text(PAGE.format(rows=table_html(layout())), encoding="utf-8")
