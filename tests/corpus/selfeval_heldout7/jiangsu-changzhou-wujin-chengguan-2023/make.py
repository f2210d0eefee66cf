"""Builds document.pdf: a 项目支出绩效自评表 of a 常州市武进区 department, printed to PDF as 决算 attachments are.

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) as 江苏 district units print it: title and
'（2023年度）' above a ruled grid, landscape, merged 绩效指标 / 一级 / 二级 cells, '—' in the 其中 row, one
shortfall with its reason written, 总分 with weight and total. No stored page held a 武进区 table; the rows
and figures are ours. The table agrees with itself and with the rules (9.7 + 89.6 = 99.3).

Run: ``.venv/bin/python tests/corpus/selfeval_heldout7/jiangsu-changzhou-wujin-chengguan-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

GOAL = "通过市场化方式开展城区道路清扫保洁和生活垃圾清运,保持城区市容整洁。"
DONE = "全年完成城区426万平方米道路机扫保洁,清运生活垃圾5.28万吨,市容环境明显改善。"
SHORT = "城区部分片区拆迁,居住人口减少,垃圾产生量下降;下年按实际人口调整目标"


def layout() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("城区环卫作业市场化服务经费", 8)],
        [C("主管部门", 2), C("常州市武进区城市管理局", 3), "实施单位", C("常州市武进区环境卫生管理处", 4)],
        [C("项目资金（万元）", 2, 5), "", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", C("得分", 2)],
        ["年度资金总额", "860.00", "860.00", "834.20", "10", "97.00%", C("9.7", 2)],
        ["其中：当年财政拨款", "860.00", "860.00", "834.20", "—", "97.00%", C("—", 2)],
        ["上年结转资金", "", "", "", "—", "", C("—", 2)],
        ["其他资金", "", "", "", "—", "", C("—", 2)],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 5)],
        [C(GOAL, 4), C(DONE, 5)],
        [C("绩效指标", rs=9), "一级指标", "二级指标", "三级指标", "年度指标值（A）", "实际完成值（B）", "分值", "得分", C("偏差原因分析及改进措施", 2)],
        [C("产出指标（50分）", rs=5), C("数量指标", rs=2), "道路机扫保洁面积", "≥420万平方米", "426万平方米", "15", "15", C("", 2)],
        ["生活垃圾清运量", "≥5.5万吨", "5.28万吨", "10", "9.6", C(SHORT, 2)],
        ["质量指标", "道路保洁作业达标率", "≥95%", "96.5%", "15", "15", C("", 2)],
        ["时效指标", "生活垃圾日产日清率", "100%", "100%", "5", "5", C("", 2)],
        ["成本指标", "每平方米年保洁成本", "≤2.0元", "1.96元", "5", "5", C("", 2)],
        [C("效益指标（30分）", rs=2), "社会效益指标", "市容环境卫生状况", "明显改善", "城区主次干道保洁全覆盖,市容明显改善", "15", "15", C("", 2)],
        ["生态效益指标", "生活垃圾无害化处理率", "100%", "100%", "15", "15", C("", 2)],
        ["满意度指标（10分）", "服务对象满意度指标", "市民对市容环境满意度", "≥90%", "92.3%", "10", "10", C("", 2)],
        [C("总分", 6), "100", "99.3", C("", 2)],
    ]


if __name__ == "__main__":
    write_pdf(layout(), HERE / "document.pdf", title=("项目支出绩效自评表", "（2023年度）"), landscape=True)
