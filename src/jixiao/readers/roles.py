"""What each column of an indicator block holds, from its header text: a synonym table per role (data).

Publishers head the same column many ways (``指标值``, ``年度指标值``, ``目标值``, ``预期2022年实现值``).
A header cell is normalised as a label (spaces dropped, ASCII brackets, the year written ``YYYY``) and
looked up here. The roles:

- ``level1``/``level2``/``level3``: the tree (一级/二级/三级指标);
- ``annual``: the year's target value — the one value column of a table is the annual value;
- ``period``: a 实施周期/中期/项目总体 value, only where the header says so;
- ``baseline``: a 历史值 / ``2021年实际实现值`` column, kept as the indicator's baseline, never a target;
- ``op`` (指标性质, 比较符) and ``unit`` (度量单位): parts folded into the value;
- ``weight``: 分值/权重;
- ``text:<label>``: explanatory columns (绩效标准, 指标解释, 评分标准, 取值依据, 备注) kept as text.
"""

from __future__ import annotations

import re
from functools import lru_cache

LEVEL1 = "level1"
LEVEL2 = "level2"
LEVEL3 = "level3"
ANNUAL = "annual"
PERIOD = "period"
BASELINE = "baseline"
OP = "op"
UNIT = "unit"
WEIGHT = "weight"
TEXT = "text"  # prefix: "text:绩效标准"

REGION = "region"  # prefix: "region:龙门镇山美村", one target column per town or county

TREE_ROLES = frozenset((LEVEL1, LEVEL2, LEVEL3))
VALUE_ROLES = frozenset((ANNUAL, PERIOD, BASELINE))

# role → header texts, normalised as label keys (no spaces, ASCII brackets, years as YYYY).
SYNONYMS: dict[str, tuple[str, ...]] = {
    LEVEL1: ("一级指标", "一级", "评价指标", "一级目标", "指标类别"),
    LEVEL2: ("二级指标", "二级", "评价内容", "二级目标", "二级指标(年度)", "二级指标(长期)", "指标类型"),
    LEVEL3: (
        "三级指标", "三级", "指标名称", "绩效指标名称", "三级指标(年度)", "三级指标(长期)", "具体指标",
        "三级目标", "指标内容", "指标", "三级指标内容", "绩效目标内容",
    ),
    ANNUAL: (
        "年度指标值", "指标值", "目标值", "年度目标值", "绩效指标值", "年度绩效指标值", "年度数值", "数值",
        "预期YYYY年实现值", "YYYY年指标值", "YYYY年度指标值", "YYYY年目标值", "YYYY年度目标值", "年度",
        "指标值(年度)", "指标值及单位", "预期目标值", "指标目标值", "绩效目标值", "年度计划值", "计划值",
        "预期值", "年度预期值", "本年度指标值", "当年指标值", "年度绩效目标值", "指标值(或计划水平)",
        "计划指标值(或计划水平)", "本年度计划水平", "本年计划水平", "本年度目标值", "本年目标值",
        "当年度指标值", "当年度目标值", "当年目标值", "全年目标值", "全年指标值", "全年计划值",
    ),
    PERIOD: (
        "实施周期指标值", "中期指标值", "中期", "项目总体", "总体指标值", "实施周期目标值", "中期目标值",
        "项目总体指标值", "整体指标值", "长期指标值", "指标值(长期)", "实施期指标值", "中长期指标值",
    ),
    BASELINE: (
        "YYYY年实际实现值", "YYYY年实际完成值", "YYYY年完成值", "历史值", "上年实际值", "上年完成值",
        "基期值", "现状值", "上年指标值", "实际完成值", "YYYY年实际值", "上年度实际水平", "上年实际水平",
        "上年度实际值", "上年度完成值",
    ),
    OP: (
        "指标性质", "指标方向", "比较符", "符号", "计算符号", "指标属性", "指标值类型", "运算符号", "运算符",
    ),
    UNIT: ("度量单位", "计量单位", "单位"),
    WEIGHT: ("权重", "分值", "权重(%)", "分值(分)", "指标分值", "指标权重", "标准分值"),
    "text:绩效标准": ("绩效标准", "标准类型", "指标值确定标准"),
    "text:指标解释": (
        "指标解释", "指标说明", "指标内涵", "指标定义", "绩效指标描述", "指标内容/计算公式", "计算公式",
        "指标值内容", "指标值说明",
    ),
    "text:评分标准": (
        "评分标准", "评分规则", "评分方法", "评分细则", "评(扣分标准)", "评(扣)分标准", "扣分标准",
    ),
    "text:取值依据": ("取值依据", "指标值设定依据", "指标值确定依据", "数据来源", "设定依据"),
    "text:备注": ("备注", "说明"),
    "text:指标方向性": ("指标方向性", "指标导向"),
    # 序时 targets broken down by quarter stand beside the year's: kept as text, never the annual value.
    "text:第一季度": ("第一季度", "一季度", "第1季度", "第一季度目标值", "一季度目标值", "第一季度指标值"),
    "text:第二季度": ("第二季度", "二季度", "第2季度", "第二季度目标值", "二季度目标值", "第二季度指标值"),
    "text:第三季度": ("第三季度", "三季度", "第3季度", "第三季度目标值", "三季度目标值", "第三季度指标值"),
    "text:第四季度": ("第四季度", "四季度", "第4季度", "第四季度目标值", "四季度目标值", "第四季度指标值"),
    "text:上半年": ("上半年", "上半年目标值", "上半年指标值"),
    "text:下半年": ("下半年", "下半年目标值", "下半年指标值"),
}  # fmt: skip

_ROLE_OF: dict[str, str] = {key: role for role, keys in SYNONYMS.items() for key in keys}
# A header that names a role only when it stands beside tree headers (``年度``, ``单位``, ``说明`` alone
# are too common elsewhere to open an indicator block).
WEAK_HEADERS = frozenset(("年度", "中期", "单位", "说明", "数值", "符号", "项目总体", "评价内容", "指标"))


@lru_cache(maxsize=4096)
def role_of(key: str) -> str | None:
    """The role of a header cell given as a label key, or None; a remark in brackets after a known
    header (``指标值(包含数字及文字描述)``) does not change its role."""
    role = _ROLE_OF.get(key)
    if role is None and key.endswith(")") and "(" in key:
        role = _ROLE_OF.get(key[: key.index("(")])
    return role


def is_text_role(role: str | None) -> bool:
    """True for a role naming a text field (``text:…``) rather than an indicator column."""
    return role is not None and role.startswith(TEXT)


# Targets for part of the year (序时 targets: a quarter's, a half-year's) stand before the year's column
# and hold values like it; they are kept as text, never taken for the annual value.
PART_OF_YEAR_LABELS = frozenset(("第一季度", "第二季度", "第三季度", "第四季度", "上半年", "下半年"))


def is_part_of_year_role(role: str | None) -> bool:
    """True for a column of a quarter's or a half-year's target (``text:第一季度``)."""
    return is_text_role(role) and text_label(role or "") in PART_OF_YEAR_LABELS


def text_label(role: str) -> str:
    """``text:绩效标准`` → ``绩效标准``."""
    return role.partition(":")[2]


HEADER_KEYS = frozenset(key for key in _ROLE_OF if key not in WEAK_HEADERS)


# A value column headed by a place (one target per town, county or village instead of one 指标值).
REGION_ENDINGS = ("省", "市", "县", "区", "镇", "乡", "村", "街道", "社区", "旗", "州", "盟")
_REGION = re.compile(r"^[\u4e00-\u9fff]{2,14}$")


def region_role(text: str) -> str | None:
    """``region:龙门镇山美村`` for a header cell naming a place, else None."""
    key = "".join(text.split())
    if key.endswith(REGION_ENDINGS) and _REGION.match(key) and "指标" not in key:
        return f"{REGION}:{key}"
    return None


def is_region_role(role: str | None) -> bool:
    """True for a role naming a place's target column (``region:…``)."""
    return role is not None and role.startswith(REGION)


def takes_a_value(role: str) -> bool:
    """True for the columns that hold a target value: annual, period, baseline and a place's column."""
    return role in VALUE_ROLES or role.startswith(REGION)
