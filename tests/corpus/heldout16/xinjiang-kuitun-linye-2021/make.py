"""Builds document.docx: a 奎屯市林业和草原局 (新疆) target table as a Word file.

docx (make.py): centred title '奎屯市2021年项目支出绩效目标表'; one table; 项目资金 row with three cells
'label（万元）：amount' ('年度资金总额（万元）：126.50'); header 一级 | 二级 | 三级 | 指标值 with 一级 and 二级 merged down.
Composed for the heldout16 set: texts and figures are ours.

Run: ``PYTHONPATH=src .venv/bin/python tests/corpus/heldout16/xinjiang-kuitun-linye-2021/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

LAYOUT: list[list[C | str | int | float]] = [
    ['项目名称', C('城市防护林建设及林木有害生物防治项目', cs=3)],
    ['主管部门', '奎屯市林业和草原局', '实施单位', '奎屯市林业工作站'],
    ['项目资金', '年度资金总额（万元）：126.50', '其中：财政拨款（万元）：126.50', '其他资金（万元）：0'],
    ['年度目标', C('完成城市防护林新增造林和补植，开展林木有害生物防治，巩固生态建设成果。', cs=3)],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    [C('产出指标', rs=5), C('数量指标', rs=2), '新增造林面积', '≥1200亩'],
    ['林木有害生物防治面积', '≥3.5万亩'],
    ['质量指标', '造林成活率', '≥85%'],
    ['时效指标', '春季造林完成时间', '2021年5月底前'],
    ['成本指标', '亩均造林成本', '≤900元'],
    [C('效益指标', rs=2), '生态效益指标', '森林覆盖率', '≥7.2%'],
    ['可持续影响指标', '城市防护林体系', '逐步完善'],
    ['满意度指标', '服务对象满意度指标', '周边群众满意度', '≥90%'],
]
TITLE = ['奎屯市2021年项目支出绩效目标表']


def main() -> None:
    blocks: list[tuple[str, object]] = [
        ("p", line[1:]) if line.startswith("P") else ("h", line) for line in TITLE
    ]
    blocks.append(("table", LAYOUT))
    write_docx(blocks, HERE / "document.docx")


if __name__ == "__main__":
    main()
