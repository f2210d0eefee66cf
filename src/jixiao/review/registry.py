"""The rule catalogue: one immutable tuple of `Rule` records, in the order findings are listed.

Each rule has a stable id (JX-<family letter><number>), a default severity (a profile may change it),
a short Chinese title, its rule text (the check function's docstring), its basis (document and
article, or "实践做法：" with the reason) and a suggested fix. `jixiao rules` and docs/rule-catalogue.md
are generated from this tuple; a test fails when a rule lacks documentation or tests.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from jixiao.model import Severity, Table
from jixiao.review import budget, completeness, goal_text, measurability, period_annual, structure
from jixiao.review.common import Hit
from jixiao.review.profiles import Profile

TableCheck = Callable[[Table, Profile], Iterable[Hit]]
BatchCheck = Callable[[Sequence[Table], Profile], Iterable[tuple[int, Hit]]]

FAMILIES = ("完整性", "结构", "适当性", "相关性", "可行性")

_88 = "财预〔2015〕88号《中央部门预算绩效目标管理办法》"
_101 = "财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》"


@dataclass(frozen=True, slots=True)
class Rule:
    """One review rule: id, severity, title, family, 依据, suggestion, and its per-table or batch check."""

    id: str
    severity: Severity
    title: str
    family: str
    basis: str
    suggestion: str
    check: TableCheck | None = None
    batch_check: BatchCheck | None = None

    @property
    def text(self) -> str:
        """The rule text in Chinese: the check function's docstring."""
        func = self.check or self.batch_check
        return inspect.cleandoc(func.__doc__ or "") if func is not None else ""

    @property
    def is_batch(self) -> bool:
        """True for a rule that compares several tables (a batch check)."""
        return self.batch_check is not None


RULES: tuple[Rule, ...] = (
    # 完整性
    Rule(
        "JX-C01",
        Severity.ERROR,
        "项目基本信息不全",
        "完整性",
        f"{_88}（绩效目标申报表须完整填报）；项目绩效目标表格式",
        "补齐缺少的项目信息。",
        check=completeness.required_project_fields,
    ),
    Rule(
        "JX-C02",
        Severity.ERROR,
        "缺少总体绩效目标",
        "完整性",
        f"{_88}（绩效目标包括中长期目标和年度目标）",
        "分别填写实施周期总目标和年度目标，说明预期产出和效果。",
        check=completeness.goals_present,
    ),
    Rule(
        "JX-C03",
        Severity.ERROR,
        "缺少产出或效益指标",
        "完整性",
        f"{_88}（绩效指标包括产出指标、效益指标和满意度指标）；{_101}",
        "在缺少的一级指标下设置至少一个三级指标。",
        check=completeness.level1_present,
    ),
    Rule(
        "JX-C04",
        Severity.WARNING,
        "缺少成本指标",
        "完整性",
        f"{_101}（成本指标列为一级指标：经济成本、社会成本、生态环境成本）",
        "设置预算控制数或单位成本等成本指标。",
        check=completeness.cost_present,
    ),
    Rule(
        "JX-C05",
        Severity.WARNING,
        "缺少满意度指标",
        "完整性",
        f"{_88}（满意度指标）；{_101}",
        "设置服务对象满意度指标，一般不低于85%。",
        check=completeness.satisfaction_present,
    ),
    Rule(
        "JX-C06",
        Severity.WARNING,
        "产出指标不全（数量、质量、时效）",
        "完整性",
        f"{_88}（产出指标包括数量、质量、时效、成本）；{_101}",
        "补充缺少的数量、质量或时效指标。",
        check=completeness.output_dimensions,
    ),
    Rule(
        "JX-C07",
        Severity.ERROR,
        "指标名称或指标值为空",
        "完整性",
        f"{_88}（指标须细化量化）",
        "填写三级指标名称和指标值，或删除空行。",
        check=completeness.names_and_values_present,
    ),
    Rule(
        "JX-C08",
        Severity.WARNING,
        "只填了实施周期值或年度值之一",
        "完整性",
        f"{_88}（中长期目标与年度目标分别设置）",
        "同时填写实施周期指标值和年度指标值。",
        check=completeness.both_values_present,
    ),
    # 结构
    Rule(
        "JX-S01",
        Severity.INFO,
        "类别名称写错了列",
        "结构",
        "实践做法：公开的目标表中类别名称错列（如“时效指标”写在一级指标列），读取时按名称纠正，但表面格式有误",
        "把一级、二级、三级名称放回各自的列后再公开。",
        check=structure.category_in_wrong_column,
    ),
    Rule(
        "JX-S02",
        Severity.INFO,
        "三级指标名称写在类别列",
        "结构",
        "实践做法：三级指标名称写在二级指标列，读取时按名称纠正，但表面格式有误",
        "把三级指标名称移到三级指标列。",
        check=structure.name_in_category_column,
    ),
    Rule(
        "JX-S03",
        Severity.WARNING,
        "指标行在指标树之外",
        "结构",
        "实践做法：表尾多出的指标行不属于任何类别，其归属只能推测",
        "把该行放到所属的一级、二级指标下，或与已有指标合并、删除。",
        check=structure.row_outside_tree,
    ),
    Rule(
        "JX-S04",
        Severity.WARNING,
        "指标放错了类别",
        "结构",
        f"{_101}（各类指标的含义）；{_88}（绩效指标的分类）",
        "把指标移到与其内容相符的类别下。",
        check=structure.wrong_category,
    ),
    Rule(
        "JX-S05",
        Severity.WARNING,
        "类别不在指标框架目录中",
        "结构",
        f"{_101}；{_88}（一级、二级指标目录，随审核配置）",
        "使用所用框架中的一级、二级指标名称。",
        check=structure.category_not_in_framework,
    ),
    Rule(
        "JX-S06",
        Severity.WARNING,
        "指标重复",
        "结构",
        "实践做法：同名指标重复出现，考核时无法区分",
        "合并重复的指标，或改用能区分的名称。",
        check=structure.duplicate_indicators,
    ),
    Rule(
        "JX-S07",
        Severity.INFO,
        "类别下没有指标",
        "结构",
        f"{_101}（社会成本、生态环境成本等按项目实际设置）",
        "确认这些类别确实不适用；适用的应设置指标。",
        check=structure.empty_categories,
    ),
    Rule(
        "JX-S08",
        Severity.WARNING,
        "同一项目的目标表重复",
        "结构",
        "实践做法：同一批材料中同一项目同一年度出现两张目标表，无法确定以哪张为准",
        "保留一张，删除或更正另一张。",
        batch_check=structure.duplicate_tables,
    ),
    # 适当性
    Rule(
        "JX-B01",
        Severity.ERROR,
        "成本指标超过预算金额",
        "适当性",
        f"{_88}（审核适当性：资金规模与绩效目标相匹配）；{_101}（成本指标）",
        "核对成本指标与预算金额，按批复的预算金额填写。",
        check=budget.cost_exceeds_budget,
    ),
    Rule(
        "JX-B02",
        Severity.WARNING,
        "预算控制数与预算金额不一致",
        "适当性",
        f"{_88}（审核适当性）；{_101}（成本指标）",
        "预算控制数应等于本年度预算金额；如有意留出差额，说明原因。",
        check=budget.control_differs_from_budget,
    ),
    Rule(
        "JX-B03",
        Severity.WARNING,
        "单位成本与数量、预算不相称",
        "适当性",
        f"{_88}（审核适当性：资金与目标匹配）；{_101}（单位成本、分项成本控制数）",
        "核对单位成本标准、数量与预算金额三者。",
        check=budget.unit_cost_against_budget,
    ),
    # 相关性
    Rule(
        "JX-P01",
        Severity.ERROR,
        "年度值大于实施周期值",
        "相关性",
        f"{_88}（年度目标是中长期目标的一部分）",
        "核对年度值和实施周期值，实施周期值应为整个周期的累计目标。",
        check=period_annual.annual_exceeds_period,
    ),
    Rule(
        "JX-P02",
        Severity.WARNING,
        "多年项目的实施周期值与年度值相同",
        "相关性",
        f"{_88}（中长期目标与年度目标）",
        "把实施周期值改为整个实施周期的累计目标。",
        check=period_annual.equal_values_multi_year,
    ),
    Rule(
        "JX-P03",
        Severity.WARNING,
        "实施周期值写成每年的量",
        "相关性",
        f"{_88}（中长期目标与年度目标）",
        "实施周期值写整个周期的累计数，去掉“/年”。",
        check=period_annual.period_value_per_year,
    ),
    Rule(
        "JX-P04",
        Severity.WARNING,
        "实施周期值与年度值单位不同",
        "相关性",
        "实践做法：同一指标两列单位不同，无法比较和汇总",
        "两列使用同一计量单位。",
        check=period_annual.units_differ,
    ),
    Rule(
        "JX-P05",
        Severity.ERROR,
        "时限超出实施周期或预算年度",
        "相关性",
        f"{_88}（中长期目标与年度目标）；项目实施周期（起始年度、到期年度）",
        "时限应在实施周期内，年度指标的时限应在预算年度内。",
        check=period_annual.deadline_outside_period,
    ),
    Rule(
        "JX-P06",
        Severity.INFO,
        "实施周期值与年度值的倍数与年数不符",
        "相关性",
        "实践做法：实施周期值常按年度值乘以年数填写，倍数不符时可能乘错或年度值有误",
        "核对实施周期值、年度值和实施周期年数。",
        check=period_annual.ratio_disagrees_with_years,
    ),
    Rule(
        "JX-G01",
        Severity.ERROR,
        "目标文字中的数量与指标值不一致",
        "相关性",
        f"{_88}（审核相关性：绩效指标与绩效目标对应）",
        "统一目标文字和指标值，以实际计划为准。",
        check=goal_text.goal_number_disagrees,
    ),
    Rule(
        "JX-G02",
        Severity.INFO,
        "目标文字中的数量没有对应指标",
        "相关性",
        f"{_88}（审核相关性：目标应细化为指标）",
        "为目标中写明的数量设置对应的指标。",
        check=goal_text.goal_number_without_indicator,
    ),
    # 可行性
    Rule(
        "JX-M01",
        Severity.WARNING,
        "产出指标只有笼统的定性值",
        "可行性",
        f"{_88}（指标细化量化）；实践做法：笼统表述是审核中最常见的意见",
        "改为数值、比率或明确的时限，如“评估得分≥85分”“12月底前完成”。",
        check=measurability.vague_output,
    ),
    Rule(
        "JX-M02",
        Severity.WARNING,
        "指标值是无法核验的笼统表述",
        "可行性",
        f"{_88}（指标细化量化）；实践做法：只由“进一步提高”“明显”“较好”等词构成的指标值无法核验",
        "给出可观察的标准，如调查得分、比例或具体事项。",
        check=measurability.vague_other,
    ),
    Rule(
        "JX-M03",
        Severity.ERROR,
        "百分比超过100%",
        "可行性",
        "实践做法：比率类指标不超过100%",
        "核对数值或单位。",
        check=measurability.percent_above_100,
    ),
    Rule(
        "JX-M04",
        Severity.WARNING,
        "满意度目标偏低",
        "可行性",
        f"实践做法：满意度目标一般不低于85%（阈值可在审核配置中调整）；{_101}",
        "满意度目标一般设为≥85%或更高。",
        check=measurability.satisfaction_below_floor,
    ),
    Rule(
        "JX-M05",
        Severity.WARNING,
        "单位与指标名称不符",
        "可行性",
        "实践做法：名称所示单位与指标值单位不一致，无法判断考核口径",
        "统一名称中的单位和指标值的单位。",
        check=measurability.unit_contradicts_name,
    ),
    Rule(
        "JX-M06",
        Severity.WARNING,
        "定量指标值没有单位",
        "可行性",
        "实践做法：预算管理一体化系统校验，非定性指标必须填写计量单位",
        "在指标值后写明计量单位，或在指标名称中注明。",
        check=measurability.quantity_without_unit,
    ),
    Rule(
        "JX-M07",
        Severity.ERROR,
        "指标值是约数",
        "可行性",
        "实践做法：预算管理一体化系统校验定量指标值须为确定的数值，“约1200”“1200左右”不予接受",
        "写出确定的数值和比较符，如“≥1200人次”。",
        check=measurability.approximate_value,
    ),
)

RULES_BY_ID: Mapping[str, Rule] = MappingProxyType({rule.id: rule for rule in RULES})
