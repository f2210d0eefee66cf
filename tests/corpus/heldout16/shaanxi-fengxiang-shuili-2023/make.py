"""Builds document.pdf: a 宝鸡市凤翔区水利局 (陕西) target table printed to PDF.

PDF file (make.py): title lines '项目支出绩效目标表', '（2023年度）'; label rows; 项目资金（万元） merged over three
rows; header 一级 | 二级 | 三级 (two columns wide) | 指标值; 一级 and 二级 merged down.
Composed for the heldout16 set: texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout16/shaanxi-fengxiang-shuili-2023/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_pdf  # noqa: E402

LAYOUT: list[list[C | str | int | float]] = [
    ['项目名称', C('农村供水工程维修养护项目', cs=4)],
    ['主管部门', '宝鸡市凤翔区水利局', '实施单位', C('宝鸡市凤翔区农村供水服务站', cs=2)],
    [C('项目资金（万元）', rs=3), '年度资金总额', C('95.00', cs=3)],
    ['其中：财政拨款', C('95.00', cs=3)],
    ['其他资金', C('0.00', cs=3)],
    ['年度目标', C('完成农村供水工程维修养护和老化管网更换，保障农村群众饮水安全。', cs=4)],
    ['一级指标', '二级指标', C('三级指标', cs=2), '指标值'],
    [C('产出指标', rs=5), C('数量指标', rs=2), C('维修养护农村供水工程处数', cs=2), '≥42处'],
    [C('更换老化供水管网长度', cs=2), '≥18公里'],
    ['质量指标', C('维修养护工程验收合格率', cs=2), '100%'],
    ['时效指标', C('维修养护任务完成时间', cs=2), '2023年10月底前'],
    ['成本指标', C('单处工程平均维修养护费用', cs=2), '≤2.2万元'],
    [C('效益指标', rs=2), '社会效益指标', C('农村自来水普及率', cs=2), '≥96%'],
    ['可持续影响指标', C('工程良性运行年限', cs=2), '≥5年'],
    ['满意度指标', '服务对象满意度指标', C('受益群众满意度', cs=2), '≥90%'],
]
TITLE = ['项目支出绩效目标表', '（2023年度）']


def main() -> None:
    write_pdf(LAYOUT, HERE / "document.pdf", TITLE)


if __name__ == "__main__":
    main()
