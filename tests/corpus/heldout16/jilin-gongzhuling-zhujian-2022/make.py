"""Builds document.xlsx: a 公主岭市住房和城乡建设局 (吉林) target table as an Excel file, rates in a percent number format.

xlsx (make.py): title '2022年度项目支出绩效目标表'; 项目资金（万元） merged over three rows with amounts as numbers;
header 一级 | 二级 | 三级 | 指标值; rates without comparator stored as NUMBERS with a percent number format
(0.98 shown '98%'), the rest as text.
Composed for the heldout16 set: texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout16/jilin-gongzhuling-zhujian-2022/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

LAYOUT: list[list[C | str | int | float]] = [
    ['项目名称', C('城镇老旧小区改造配套基础设施项目', cs=3)],
    ['主管部门', '公主岭市住房和城乡建设局', '实施单位', '公主岭市城市建设服务中心'],
    [C('项目资金（万元）', rs=3), '年度资金总额', C(2980, cs=2)],
    ['其中：财政拨款', C(2980, cs=2)],
    ['其他资金', C(0, cs=2)],
    ['年度绩效目标', C('完成老旧小区供热、供水管网和道路等配套基础设施改造，改善居民居住条件。', cs=3)],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    [C('产出指标', rs=5), C('数量指标', rs=2), '改造老旧小区户数', '≥1860户'],
    ['改造供热管网长度', '≥6.5公里'],
    ['质量指标', '改造工程验收合格率', 1.0],
    ['时效指标', '当年开工项目完工率', 0.95],
    ['成本指标', '户均改造成本', '≤1.6万元'],
    [C('效益指标', rs=2), '社会效益指标', '小区居住环境', '明显改善'],
    ['可持续影响指标', '改造设施正常使用率', 0.98],
    ['满意度指标', '服务对象满意度指标', '改造小区居民满意度', 0.9],
]
TITLE = ['2022年度项目支出绩效目标表']


def main() -> None:
    from openpyxl import load_workbook

    path = HERE / "document.xlsx"
    write_xlsx(LAYOUT, path, TITLE)
    book = load_workbook(path)
    for row in book.active.iter_rows():
        for cell in row:
            if cell.column == 4 and isinstance(cell.value, (int, float)):
                cell.number_format = "0%"  # the 指标值 column's numbers: 0.98 shown as 98%, 1 as 100%
    book.properties.modified = book.properties.created
    book.save(path)


if __name__ == "__main__":
    main()
