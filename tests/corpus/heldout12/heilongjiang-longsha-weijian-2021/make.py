"""Builds document.docx: a 齐齐哈尔 district 卫生健康局's 项目绩效目标表 with the 一级 written vertically.

Stands for Word tables whose tall merged 一级 cell holds its name one character a line ('产\\n出\\n指\\n标')
(see the set's README), and the 二级 merged down the same way for long groups; 项目总金额(元) in 元 with
thousands separators; columns 一级 | 二级 | 三级 | 指标值 | 指标值设定依据. Texts and figures are ours.

Run: ``.venv/bin/python tests/corpus/heldout12/heilongjiang-longsha-weijian-2021/make.py``
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "publishers"))

from _build import C, write_docx  # noqa: E402

# 一级 → [(二级, [(三级, 指标值, 设定依据)])]
TREE: list[tuple[str, list[tuple[str, list[tuple[str, str, str]]]]]] = [
    (
        "产出指标",
        [
            (
                "数量指标",
                [
                    ("65岁以上老年人健康体检人数", "≥21000人", "辖区老年人口数"),
                    ("家庭医生签约服务人数", "≥60000人", "年度工作计划"),
                    ("健康教育讲座次数", "≥48次", "国家基本公共卫生服务规范"),
                ],
            ),
            ("质量指标", [("电子健康档案建档率", "≥90%", "国家基本公共卫生服务规范")]),
            ("时效指标", [("补助资金拨付及时率", "100%", "资金管理办法")]),
            ("成本指标", [("人均基本公共卫生服务补助标准", "79元", "中央及省补助标准")]),
        ],
    ),
    (
        "效益指标",
        [
            ("社会效益指标", [("居民健康素养水平", "≥25%", "健康城市建设目标")]),
            ("可持续影响指标", [("基本公共卫生服务均等化水平", "逐步提高", "")]),
        ],
    ),
    ("满意度指标", [("服务对象满意度指标", [("城乡居民满意度", "≥85%", "满意度调查")])]),
]


def vertical(text: str) -> str:
    return "\n".join(text)


def layout() -> list[list[C | str]]:
    rows: list[list[C | str]] = [
        ["项目名称", C("基本公共卫生服务项目", 2), "项目负责人", "赵**"],
        ["主管部门", C("齐齐哈尔市龙沙区卫生健康局", 2), "实施单位", "龙沙区各社区卫生服务中心"],
        ["项目总金额(元)", C("1,250,000.00", 2), "其中:区级配套(元)", "1,250,000.00"],
        ["项目年度目标", C("为辖区居民免费提供基本公共卫生服务,提高居民健康水平。", 4)],
        ["一级指标", "二级指标", "三级指标", "指标值", "指标值设定依据"],
    ]
    for first, seconds in TREE:
        span = sum(len(items) for _, items in seconds)
        for j, (second, items) in enumerate(seconds):
            for k, (third, value, basis) in enumerate(items):
                row: list[C | str] = []
                if j == 0 and k == 0:
                    row.append(C(vertical(first), rs=span))
                if k == 0:
                    row.append(C(vertical(second) if len(items) > 2 else second, rs=len(items)))
                rows.append([*row, third, value, basis])
    return rows


if __name__ == "__main__":
    write_docx(
        [
            ("h", "龙沙区2021年项目支出绩效目标表"),
            ("p", "单位名称(章):齐齐哈尔市龙沙区卫生健康局"),
            ("table", layout()),
        ],
        HERE / "document.docx",
    )
