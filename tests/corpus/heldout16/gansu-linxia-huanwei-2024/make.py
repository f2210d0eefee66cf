"""Builds document.pdf: a 临夏市环境卫生管理所 (甘肃) target table printed to PDF, footnote markers after values.

PDF file (make.py): title lines '项目支出绩效目标表', '（2024年度）'; 项目资金（万元） merged over three rows; header 一级
| 二级 | 三级 | 指标值; circled footnote markers after values ('≥24次①', '≥98%②') and a note row spanning
the table '注：①含集中整治和专项整治；②以第三方测评结果为准。'.
Composed for the heldout16 set: texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout16/gansu-linxia-huanwei-2024/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

LAYOUT: list[list[C | str | int | float]] = [
    ['项目名称', C('城乡环境卫生整治及垃圾清运项目', cs=3)],
    ['主管部门', '临夏市住房和城乡建设局', '实施单位', '临夏市环境卫生管理所'],
    [C('项目资金（万元）', rs=3), '年度资金总额', C('420.00', cs=2)],
    ['其中：财政拨款', C('420.00', cs=2)],
    ['其他资金', C('0.00', cs=2)],
    ['年度目标', C('开展城乡环境卫生集中整治，做好生活垃圾收集清运和无害化处理，改善城乡人居环境。', cs=3)],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    [C('产出指标', rs=5), C('数量指标', rs=2), '开展城乡环境卫生整治次数', '≥24次①'],
    ['清运生活垃圾量', '≥3.6万吨'],
    ['质量指标', '生活垃圾无害化处理率', '≥98%②'],
    ['时效指标', '垃圾日产日清率', '100%'],
    ['成本指标', '吨垃圾清运成本', '≤85元'],
    ['效益指标', '生态效益指标', '城乡人居环境', '明显改善'],
    ['满意度指标', '服务对象满意度指标', '市民满意度', '≥90%②'],
]
NOTE = "注：①含集中整治和专项整治；②以第三方测评结果为准。"
LAYOUT.append([C(NOTE, cs=4)])
TITLE = ['项目支出绩效目标表', '（2024年度）']


def main() -> None:
    write_pdf(LAYOUT, HERE / "document.pdf", TITLE)


if __name__ == "__main__":
    main()
