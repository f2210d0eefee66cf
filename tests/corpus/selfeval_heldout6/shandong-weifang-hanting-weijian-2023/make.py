"""Builds document.docx: a 项目支出绩效自评表 of a 潍坊市寒亭区 department as a Word attachment.

Stands for the central 项目支出绩效自评表 (财预〔2020〕10号 附件1) as 山东 district units publish it in Word: a
'附件2' paragraph, the centred title and '(2023年度)', the grid with the fund block (amounts as text,
'—' in the 其中 rows' weight and score cells), 一级 with '(50分)', 总分, then a 填报人 / 联系电话 line. No
stored page held a 寒亭区 table; the rows and figures are ours. The contradiction is composed, not seen in a
published table: 全年执行数 86.40 of 90.00 is 96 %, yet 100% and a full 10 are printed.

Run: ``.venv/bin/python tests/corpus/selfeval_heldout6/shandong-weifang-hanting-weijian-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

GOAL = "为辖区适龄儿童免费接种免疫规划疫苗,规范冷链运转,维持高接种率。"
DONE = "全年完成免疫规划疫苗接种,冷链设备运转正常,未发生接种事故。"


def layout() -> list[list[C | str]]:
    return [
        [C("项目名称", 2), C("免疫规划疫苗接种服务补助", 8)],
        [C("主管部门", 2), C("潍坊市寒亭区卫生健康局", 3), "实施单位", C("潍坊市寒亭区疾病预防控制中心", 4)],
        [C("项目资金\n(万元)", 2, 5), "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", C("得分", 2)],
        ["年度资金总额", "90.00", "90.00", "86.40", "10", "100%", C("10", 2)],
        ["其中:当年财政拨款", "90.00", "90.00", "86.40", "—", "100%", C("—", 2)],
        ["上年结转资金", "", "", "", "—", "", C("—", 2)],
        ["其他资金", "", "", "", "—", "", C("—", 2)],
        [C("年度总体目标", 1, 2), C("预期目标", 4), C("实际完成情况", 5)],
        [C(GOAL, 4), C(DONE, 5)],
        [C("绩效指标", rs=8), "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", C("偏差原因分析及改进措施", 2)],
        [C("产出指标(50分)", rs=4), C("数量指标", rs=2), "适龄儿童免疫规划疫苗接种率", "≥95%", "97.6%", "20", "20", C("", 2)],
        ["接种门诊规范化建设数量", "≥6个", "6个", "10", "10", C("", 2)],
        ["质量指标", "冷链设备完好率", "100%", "100%", "10", "10", C("", 2)],
        ["时效指标", "疫苗出入库登记及时率", "100%", "100%", "10", "10", C("", 2)],
        [C("效益指标(30分)", rs=2), "社会效益指标", "疫苗针对传染病暴发疫情", "0起", "0起", "20", "20", C("", 2)],
        ["可持续影响指标", "基层免疫服务能力", "持续提升", "提升", "10", "10", C("", 2)],
        ["满意度指标(10分)", "服务对象满意度指标", "受种者家长满意度", "≥90%", "94%", "10", "10", C("", 2)],
        [C("总分", 6), "100", "100", C("", 2)],
    ]


if __name__ == "__main__":
    write_docx(
        [
            ("p", "附件2"),
            ("h", "项目支出绩效自评表"),
            ("p", "(2023年度)"),
            ("table", layout()),
            ("p", "填报人:王晓岚        联系电话:0536-0000000        填报日期:2024年3月"),
        ],
        HERE / "document.docx",
    )
