"""Builds document.docx: a 邹城市教育和体育局 (山东) target table as a Word file.

docx (make.py): centred title '2021年度项目支出绩效目标表', paragraph '单位：万元', one table: label rows, 项目资金
merged over three rows, header 一级 | 二级 | 三级 | 指标值 with 一级 and 二级 merged down.
Composed for the heldout16 set: texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout16/shandong-zoucheng-jiaoyu-2021/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

LAYOUT: list[list[C | str | int | float]] = [
    ['项目名称', C('学前教育家庭经济困难幼儿资助项目', cs=3)],
    ['主管部门', '邹城市教育和体育局', '实施单位', '邹城市学生资助管理中心'],
    [C('项目资金', rs=3), '年度资金总额', C('212.4', cs=2)],
    ['其中：财政拨款', C('212.4', cs=2)],
    ['其他资金', C('0', cs=2)],
    ['年度目标', C('按标准资助在园家庭经济困难幼儿，保障其平等接受学前教育。', cs=3)],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    [C('产出指标', rs=4), '数量指标', '资助家庭经济困难幼儿人数', '≥1770人'],
    ['质量指标', '资助对象认定准确率', '100%'],
    ['时效指标', '资助资金发放时间', '2021年12月底前'],
    ['成本指标', '生均资助标准', '1200元/生·年'],
    [C('效益指标', rs=2), '社会效益指标', '家庭经济困难幼儿入园', '有效保障'],
    ['可持续影响指标', '学前教育资助政策知晓率', '≥95%'],
    ['满意度指标', '服务对象满意度指标', '受助幼儿家长满意度', '≥95%'],
]
TITLE = ['2021年度项目支出绩效目标表', 'P单位：万元']


def main() -> None:
    blocks: list[tuple[str, object]] = [
        ("p", line[1:]) if line.startswith("P") else ("h", line) for line in TITLE
    ]
    blocks.append(("table", LAYOUT))
    write_docx(blocks, HERE / "document.docx")


if __name__ == "__main__":
    main()
