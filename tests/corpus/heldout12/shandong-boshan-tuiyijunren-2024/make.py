"""Builds document.html: a 淄博 district 退役军人事务局's 项目绩效目标表 as a portal page holds it.

Stands for HTML tables whose header is two rows (see the set's README): 一级 | 二级 | 三级 merged over two
header rows, and '指标值' spanning three sub-columns 比较符 | 目标值 | 计量单位, then 权重(%) merged over two
rows; 一级 and 二级 merged down with rowspan; the project block above with 预算金额(万元) split into
合计 / 财政资金 / 其他资金 on one row. Texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout12/shandong-boshan-tuiyijunren-2024/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

# 一级 → [(二级, [(三级, 比较符, 目标值, 计量单位, 权重)])]
TREE: list[tuple[str, list[tuple[str, list[tuple[str, str, str, str, str]]]]]] = [
    (
        "产出指标",
        [
            (
                "数量指标",
                [
                    ("走访慰问重点优抚对象人数", "≥", "1200", "人", "10"),
                    ("退役军人适应性培训人次", "≥", "300", "人次", "10"),
                ],
            ),
            ("质量指标", [("优抚金发放准确率", "=", "100", "%", "10")]),
            ("时效指标", [("慰问金发放完成时间", "≤", "2024年9月30日", "", "10")]),
            ("成本指标", [("人均慰问标准", "≤", "500", "元/人", "10")]),
        ],
    ),
    (
        "效益指标",
        [
            ("社会效益指标", [("退役军人就业创业帮扶成功人数", "≥", "80", "人", "15")]),
            ("可持续影响指标", [("拥军优属社会氛围", "", "持续浓厚", "", "15")]),
        ],
    ),
    ("满意度指标", [("服务对象满意度指标", [("优抚对象满意度", "≥", "95", "%", "20")])]),
]


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["项目名称", C("退役军人关爱帮扶及优抚慰问", 3), "主管部门", C("淄博市博山区退役军人事务局", 3)],
        ["实施单位", C("淄博市博山区退役军人服务中心", 3), "项目期限", C("2024年1月-2024年12月", 3)],
        [C("预算金额(万元)", rs=2), C("合计", 2), C("财政资金", 2), C("其他资金", 2)],
        [C("86.00", 2), C("86.00", 2), C("0.00", 2)],
        ["年度绩效目标", C("做好重点优抚对象走访慰问和退役军人就业帮扶,落实各项优抚政策。", 7)],
        [
            C("一级指标", rs=2),
            C("二级指标", rs=2),
            C("三级指标", rs=2),
            C("指标值", 3),
            C("权重(%)", rs=2),
            C("备注", rs=2),
        ],
        ["比较符", "目标值", "计量单位"],
    ]
    for first, seconds in TREE:
        span = sum(len(items) for _, items in seconds)
        for j, (second, items) in enumerate(seconds):
            for k, (third, op, value, unit, weight) in enumerate(items):
                row: list[C | str] = []
                if j == 0 and k == 0:
                    row.append(C(first, rs=span))
                if k == 0:
                    row.append(C(second, rs=len(items)))
                rows.append([*row, third, op, value, unit, weight, ""])
    return rows


PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>博山区退役军人事务局2024年项目绩效目标</title></head>
<body>
<div class="nav">首页 &gt; 信息公开 &gt; 财政信息 &gt; 预算公开</div>
<h1>博山区退役军人事务局2024年项目绩效目标</h1>
<div class="info">发布时间:2024-02-05 来源:区退役军人事务局 浏览次数:</div>
<div class="content">
<p style="text-align:center"><b>2024年度项目绩效目标表</b></p>
<table border="1" cellspacing="0" cellpadding="0">
{rows}
</table>
</div>
<div class="footer">主办:淄博市博山区人民政府办公室 鲁ICP备*****号</div>
</body></html>
"""

if __name__ == "__main__":
    (HERE / "document.html").write_text(PAGE.format(rows=table_html(layout())), encoding="utf-8")
