"""Builds document.html: a 重庆 镇 项目支出绩效目标表 as the HTML page a district site serves (2021).

Stands for the table 重庆市巴南区接龙镇人民政府 published for its 2021 projects (page text in
heldout3/chongqing-banan-jielong-2021): a real ``<table>`` with 附件1 and the title rows merged over the
width, '( 2021 年度)', 绩效编制单位, 项目名称 beside 项目负责人及电话, 主管部门 beside 实施单位, 归口业务科室 /
是否政府采购, 开始日期 / 结束日期, 资金情况(单位:万元) merged over three rows, 项目概况, 立项依据,
当年绩效目标, then 绩效指标 merged down the indicator rows with 一级|二级|三级|指标值. The page's
metadata block is a table of its own above. Texts and values are our own.

Run: ``.venv/bin/python tests/corpus/heldout3/chongqing-banan-jielong-2021-2/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, table_html  # noqa: E402

NAME = "重庆市巴南区接龙镇2020-2021年度松材线虫病除治"
TREE = [
    ("产出指标", [
        ("数量指标", [("除治枯死松树株数", "≥6800株"), ("除治涉及村(社区)数量", "17个")]),
        ("质量指标", [("疫木除治合格率", "≥95%")]),
        ("时效指标", [("除治完成时间", "2021年4月底前")]),
        ("成本指标", [("单株除治成本", "≤260元/株")]),
    ]),
    ("效益指标", [
        ("生态效益指标", [("松材线虫病疫情扩散蔓延", "得到有效遏制")]),
        ("社会效益指标", [("森林资源安全", "有效保障")]),
    ]),
    ("满意度指标", [
        ("服务对象满意度指标", [("林农满意度", "≥90%")]),
    ]),
]  # fmt: skip

META = [
    ["[ 索引号 ]", "11500113009308618J/2021-00015", "[ 发文字号 ]", ""],
    ["[ 主题分类 ]", "财政、金融、审计", "[ 体裁分类 ]", "规划计划"],
    ["[ 发布机构 ]", "巴南区接龙镇", "[ 有效性 ]", ""],
    ["[ 成文日期 ]", "2021-06-21", "[ 发布日期 ]", "2021-06-21"],
]


def layout() -> list[list[C | str]]:
    count = sum(len(items) for _, groups in TREE for _, items in groups)
    rows: list[list[C | str]] = [
        [C("附件1", 6)],
        [C("项目支出绩效目标表", 6)],
        [C("( 2021 年度)", 6)],
        ["绩效编制单位:", C("重庆市巴南区接龙镇人民政府", 5)],
        ["项目名称", C(NAME, 2), "项目负责人及电话", C("吕强13600000000", 2)],
        ["主管部门", C("区林业局", 2), "实施单位", C("接龙镇农业服务中心", 2)],
        ["归口业务科室", C("森防站", 2), "是否政府采购", C("是", 2)],
        ["开始日期", C("2021.1", 2), "结束日期", C("2021.12", 2)],
        [C("资金情况\n(单位:万元)", rs=3), C("年度资金总额:", 2), C("168.4", 3)],
        [C("其中:财政拨款", 2), C("168.4", 3)],
        [C("其他资金", 2), C("0", 3)],
        ["项目概况", C("对全镇17个村(社区)林地内的枯死松树进行清理除治和疫木无害化处理。", 5)],
        ["立项依据", C("区森林防火指挥部关于开展松材线虫病秋季普查和编制除治方案的通知", 5)],
        ["当年绩效目标", C("2021年4月底前完成全镇枯死松树除治6800株以上,疫木全部无害化处理。", 5)],
        [C("绩效指标", rs=count + 1), "一级指标", "二级指标", C("三级指标", 2), "指标值"],
    ]
    for level1, groups in TREE:
        first = True
        for level2, items in groups:
            for i, (name, value) in enumerate(items):
                row: list[C | str] = []
                if first:
                    row.append(C(level1, rs=sum(len(g) for _, g in groups)))
                    first = False
                if i == 0:
                    row.append(C(level2, rs=len(items)))
                row += [C(name, 2), value]
                rows.append(row)
    return rows


def page() -> str:
    meta = "\n".join(
        "<tr>" + "".join(f"<td>{cell or '&nbsp;'}</td>" for cell in row) + "</tr>" for row in META
    )
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>项目支出绩效目标表2020-2021年度松材线虫病除治</title></head>
<body>
<div class="xxgk_table"><table>
{meta}
</table></div>
<div class="title">项目支出绩效目标表2020-2021年度松材线虫病除治</div>
<div class="TRS_Editor"><table border="1" cellspacing="0">
{table_html(layout())}
</table></div>
<div class="footer">主办单位:重庆市巴南区接龙镇人民政府 扫一扫在手机打开当前页</div>
</body></html>
"""


if __name__ == "__main__":
    (HERE / "document.html").write_text(page(), encoding="utf-8")
