"""Builds document.pdf: a 平凉市崆峒区 (甘肃) 气象局's target table printed to PDF.

Stands for tables whose 一级 and 二级 share ONE column, joined by a hyphen ('产出指标-数量指标'), after a
序号 column and before 指标名称 | 目标值 | 指标解释; the project rows above use the same five columns.
Composed; texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout13/gansu-kongtong-qixiang-2025/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

ROWS: list[tuple[str, str, str, str]] = [
    ("产出指标-数量指标", "人工影响天气作业点维护数", "≥14个", "全区固定作业点"),
    ("产出指标-数量指标", "开展增雨（雪）防雹作业次数", "≥60次", ""),
    ("产出指标-质量指标", "作业安全事故发生次数", "0次", "安全生产"),
    ("产出指标-时效指标", "作业指令响应时间", "≤30分钟", "接到指令至作业"),
    ("产出指标-成本指标", "单个作业点年运维成本", "≤1.5万元", ""),
    ("效益指标-经济效益指标", "减少冰雹灾害经济损失", "有效减少", ""),
    ("效益指标-社会效益指标", "气象防灾减灾服务能力", "进一步提升", ""),
    ("满意度指标-服务对象满意度指标", "农户对人影作业满意度", "≥90%", "抽样调查"),
]


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["项目名称", C("人工影响天气作业及运行维护", 2), "预算年度", "2025"],
        ["主管部门", C("平凉市崆峒区气象局", 2), "资金总额（万元）", "48.00"],
        ["实施单位", C("崆峒区人工影响天气办公室", 4)],
        ["绩效目标", C("维护全区人影作业点，适时开展增雨（雪）防雹作业，减轻气象灾害损失。", 4)],
        ["序号", "指标类别", "指标名称", "目标值", "指标解释"],
    ]
    for number, (kind, name, value, note) in enumerate(ROWS, start=1):
        rows.append([str(number), kind, name, value, note])
    return rows


def main() -> None:
    write_pdf(layout(), HERE / "document.pdf", ("2025年项目支出绩效目标表", "单位：平凉市崆峒区气象局"))


if __name__ == "__main__":
    main()
