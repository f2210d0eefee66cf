"""Issue 11 §4, the old 绩效目标评审申报表 (2017–2018, a form of the 区/县 预算评审) as PDF flattened text
(a document of our own in the form's layout; project, units and figures are ours):

- cover lines ``项 目 名 称：…`` / ``项目单位(印章)：…`` before the form, its title ``…绩效目标评审申报表``;
- 项目资金 with ``合计 | 1、区级财政拨款 | 2、其他资金`` over the amounts, the label's ``（万元）`` wrapped
  below it;
- 一级 投入 / 产出 / 效果 with 二级 named ``时效目标``, ``成本目标``, ``数量目标``, ``质量目标``,
  ``…效益目标``, ``满意度目标`` under a ``绩效目标内容`` column: the names kept as written, the tree read
  by the form's catalogue (`catalog.REVIEW_FORM_2017`: 满意度 is a 二级 under 效果);
- the approval boxes (``十、项目单位意见 | 主管部门意见``) and 填表人 lines: never indicators;
- and a municipal 申报表 with no 一级 column whose 二级 are its own (目标完成程度, 项目实施效益): the 一级
  by that form's tree (`catalog.COMPLETION_FORM`).
"""

from __future__ import annotations

from decimal import Decimal

from jixiao import catalog
from jixiao.readers.text import read_text

FORM = """                     2018年度项目绩效目标评审申报表
                       （适用2018年区级预算项目）

    项 目 名 称：社区公共绿地养护经费
    项目单位(印章)：某区园林绿化服务中心
    主管部门(印章)：某区住房和城乡建设局
    编 报 时 间：2017年10月30日

  项目属性       经常性项目☑   其他项目□
  主管部门       某区住房和城乡建设局        联系人   李**     联系电话   0000-*******
  项目单位       某区园林绿化服务中心        联系人   赵**     联系电话   0000-*******
  项目资金       合计            1、区级财政拨款          2、其他资金
  （万元）       156.00          150.00                   6.00
  一、项目概     社区公共绿地的日常修剪、补植和病虫害防治。
  况
                                                                  第 1 页 共 2 页
  九、项目年度绩效目标
  一级指标   二级指标          绩效目标内容                        指标值
  投入       时效目标          养护作业周期                        12个月
             成本目标          绿地养护单位成本                    ≤8元/平方米
  产出       数量目标          养护绿地面积                        ≥26万平方米
             质量目标          苗木成活率                          ≥95%
  效果       生态效益目标      社区绿化覆盖水平                    稳步提高
             满意度目标        居民对绿化环境满意度                ≥88%
  十、项目单位意见                              主管部门意见
  （盖章）    年   月   日                     （盖章）    年   月   日
  填表人：                 联系电话：
                                                                  第 2 页 共 2 页
"""


def test_the_old_review_form_is_read_with_its_tree_as_written() -> None:
    (table,), _ = read_text(FORM, file="review-form.txt")
    assert table.project.name == "社区公共绿地养护经费"
    assert table.project.unit == "某区园林绿化服务中心"
    assert table.project.year == 2018  # from the title: the form was filled in 2017
    assert (table.project.budget, table.project.budget_unit) == (Decimal("1560000.00"), "万元")
    read = [(i.level1, i.level2, i.name, i.annual.raw) for i in table.indicators]
    assert read == [
        ("投入", "时效目标", "养护作业周期", "12个月"),
        ("投入", "成本目标", "绿地养护单位成本", "≤8元/平方米"),
        ("产出", "数量目标", "养护绿地面积", "≥26万平方米"),
        ("产出", "质量目标", "苗木成活率", "≥95%"),
        ("效果", "生态效益目标", "社区绿化覆盖水平", "稳步提高"),
        ("效果", "满意度目标", "居民对绿化环境满意度", "≥88%"),
    ]


def test_the_forms_names_map_to_the_catalogue() -> None:
    written = {
        "投入": "投入指标",
        "效果": "效益指标",
        "时效目标": "时效指标",
        "满意度目标": "服务对象满意度指标",
    }
    assert {name: catalog.canonical(name) for name in written} == written
    assert catalog.parent_in_any("满意度目标") == "效益指标"  # under 效果 in this form
    assert catalog.parent_in_any("服务对象满意度指标") == "满意度指标"  # the current framework's own
    assert catalog.parent_in_any("时效目标") == "投入指标"
    assert catalog.parent_in_any("时效指标") == "产出指标"


# A municipal 申报表 with no 一级 column (layout of a 黑龙江 市级 form): 二级 目标完成程度 / 项目实施效益 over
# 三级 | 上年度实际水平 | 本年度计划水平, satisfaction under 项目实施效益.
COMPLETION_FORM = """项目支出绩效目标申报表
项目名称\t社区矫正信息化设备购置
一级指标\t二级指标\t三级指标\t上年度实际水平\t本年度计划水平
\t目标完成程度\t定位终端配备数量\t120台\t150台
\t\t设备验收合格率\t100%\t100%
\t项目实施效益\t矫正对象脱管率\t≤1%\t≤0.5%
\t\t矫正对象满意度\t90%\t≥92%
"""


def test_a_forms_second_levels_give_their_first_level_by_that_forms_tree() -> None:
    (table,), _ = read_text(COMPLETION_FORM, file="completion.txt")
    read = [(i.level1, i.level2, i.name) for i in table.indicators]
    assert read == [
        ("产出指标", "目标完成程度", "定位终端配备数量"),
        ("产出指标", "目标完成程度", "设备验收合格率"),
        ("效益指标", "项目实施效益", "矫正对象脱管率"),
        ("效益指标", "项目实施效益", "矫正对象满意度"),
    ]
