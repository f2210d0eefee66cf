"""Builds document.docx: a 河北 county market-supervision bureau's 项目支出绩效自评表 file, several tables in one Word file.

Stands for the file 乐亭县市场监督管理局 published for 2021: one central 附件1 自评表 per project, each under
its own title '项目支出绩效自评表' / '( 2021年度)', 主管部门 left empty, the funds block headed 年初预算数 /
调整预算数 / 全年执行数 / 分值 / 执行率 / 得分; in the second table the 全年执行数 cell of 年度资金总额 is
empty and its 得分 cell holds the table's total (99) instead of the budget score. Projects and figures are ours.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout3/hebei-laoting-shijianju-2021/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

UNIT = "乐亭县市场监督管理局"
HEAD = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", C("偏差原因分析及改进措施", 2)]


def table(project: str, funds: list[str], goal: str, done: str, rows: list[tuple[str, ...]], total: str) -> list:
    layout: list[list[C | str]] = [
        ["项目名称", C(project, 9)],
        ["主管部门", C("", 4), "实施单位", C(UNIT, 4)],
        [C("项目资金 (万元)", rs=5), C("", 2), "年初预算数", "调整预算数", "全年执行数", "分值", "执行率", C("得分", 2)],
        [C("年度资金总额", 2), *funds[:5], C(funds[5], 2)],
        [C("其中:当年财政拨款", 2), funds[0], funds[1], funds[2], "", funds[4], C("", 2)],
        [C("上年结转资金", 2), "", "", "", "", "", C("", 2)],
        [C("其他资金", 2), "", "", "", "", "", C("", 2)],
        [C("年度总体目标", rs=2), C("预期目标", 4), C("实际完成情况", 5)],
        [C(goal, 4), C(done, 5)],
        [C("绩效指标", rs=len(rows) + 1), *HEAD],
    ]
    seen: set[str] = set()
    for level1, level2, name, target, actual, weight, score in rows:
        cells: list[C | str] = []
        if level1 not in seen:
            seen.add(level1)
            cells.append(C(level1, rs=sum(1 for r in rows if r[0] == level1)))
        cells += [level2, name, target, actual, weight, score, C("", 2)]
        layout.append(cells)
    layout.append([C("总分", 6), "100", total, C("", 2)])
    return layout


FIRST = table(
    "食品安全抽检经费",
    ["25", "25", "25", "10", "100%", "10"],
    "完成年度食品安全监督抽检任务,及时核查处置不合格产品,保障全县食品安全。",
    "完成食品抽检412批次,不合格产品核查处置率100%。",
    [
        ("产出指标", "数量指标", "食品安全抽检批次", "≥400批次", "412批次", "15", "15"),
        ("产出指标", "质量指标", "检测报告合格率", "100%", "100%", "15", "15"),
        ("产出指标", "时效指标", "抽检任务按时完成率", "≥95%", "100%", "10", "10"),
        ("产出指标", "成本指标", "单批次检测费用", "≤600元", "590元", "10", "10"),
        ("效益指标", "社会效益指标", "食品安全知晓率", "≥90%", "95%", "10", "10"),
        ("效益指标", "社会效益指标", "不合格产品核查处置率", "100%", "100%", "10", "10"),
        ("效益指标", "可持续影响指标", "可持续", "可持续", "可持续", "10", "9"),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "100%", "10", "10"),
    ],
    "99",
)

SECOND = table(
    "企业年报公示信息抽查审计费",
    ["18", "18", "", "10", "100%", "99"],
    "委托会计师事务所等专业机构对企业通过信用信息公示系统公示的年报信息开展抽查审计。",
    "共抽查企业95户,抽查结果全部公示,7户企业列入经营异常名录。",
    [
        ("产出指标", "数量指标", "抽查企业户数", "≥90户", "95户", "20", "20"),
        ("产出指标", "质量指标", "抽查结果公示率", "100%", "100%", "15", "15"),
        ("产出指标", "时效指标", "抽查任务按时完成率", "100%", "100%", "15", "15"),
        ("效益指标", "社会效益指标", "企业信用监管水平", "明显提升", "明显提升", "15", "15"),
        ("效益指标", "社会效益指标", "经营异常名录标记准确率", "100%", "100%", "15", "15"),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "98%", "10", "10"),
    ],
    "99",
)

if __name__ == "__main__":
    blocks: list[tuple[str, object]] = []
    for layout in (FIRST, SECOND):
        blocks += [("h", "项目支出绩效自评表"), ("h", "( 2021年度)"), ("table", layout)]
    write_docx(blocks, HERE / "document.docx", landscape=True)
