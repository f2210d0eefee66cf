"""Builds document.xlsx: a 新密市卫生健康委员会 (河南) target table as an Excel file.

xlsx (make.py): title row '新密市2024年项目支出绩效目标表', 单位名称 / '单位：万元' row, 项目资金 merged over three rows with
年度资金总额 / 其中：财政拨款 / 其他资金 as numbers, header 一级 | 二级 | 三级 | 指标值, 一级 and 二级 merged down.
Composed for the heldout16 set: texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout16/henan-xinmi-weijian-2024/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_xlsx  # noqa: E402

LAYOUT: list[list[C | str | int | float]] = [
    ['单位名称', '新密市卫生健康委员会', '', '单位：万元'],
    ['项目名称', C('基本公共卫生服务项目（市级配套）', cs=3)],
    ['主管部门', '新密市卫生健康委员会', '实施单位', '新密市各基层医疗卫生机构'],
    [C('项目资金', rs=3), '年度资金总额', C(386, cs=2)],
    ['其中：财政拨款', C(386, cs=2)],
    ['其他资金', C(0, cs=2)],
    ['年度绩效目标', C('为城乡居民免费提供基本公共卫生服务，提高重点人群健康管理水平。', cs=3)],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    [C('产出指标', rs=6), C('数量指标', rs=2), '65岁及以上老年人健康管理人数', '≥3.2万人'],
    ['高血压患者规范管理人数', '≥2.1万人'],
    [C('质量指标', rs=2), '居民电子健康档案建档率', '≥90%'],
    ['0-6岁儿童健康管理率', '≥90%'],
    ['时效指标', '资金拨付及时率', '100%'],
    ['成本指标', '人均基本公共卫生服务经费市级配套标准', '≥5元/人'],
    ['效益指标', '社会效益指标', '城乡居民公共卫生服务差距', '逐步缩小'],
    ['满意度指标', '服务对象满意度指标', '居民满意度', '≥85%'],
]
TITLE = ['新密市2024年项目支出绩效目标表']


def main() -> None:
    write_xlsx(LAYOUT, HERE / "document.xlsx", TITLE)


if __name__ == "__main__":
    main()
