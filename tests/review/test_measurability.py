"""可行性 rules: values that can be checked at year end."""

from __future__ import annotations

from jixiao.review.measurability import is_vague
from tests.review.tabletext import GOOD_ROWS, assert_fires, assert_silent, row, table

QUALITY_ROW = " |  | 质量指标 | 培训出勤率 | ≥95% | ≥95%"
BENEFIT_ROW = " | 效益指标 | 社会效益 | 培训人次 | ≥300人次 | ≥300人次"
SATISFACTION_ROW = " | 满意度指标 | 服务对象满意度 | 学员满意度 | ≥90% | ≥90%"


def test_vague_words() -> None:
    assert is_vague("良好") and is_vague("有效提高") and is_vague("持续提高") and is_vague("及时")
    assert not is_vague("合格及以上") and not is_vague("覆盖全市") and not is_vague("完成")


def test_m01_output_quality_only_good() -> None:
    rows = GOOD_ROWS.replace(QUALITY_ROW, " |  | 质量指标 | 项目完成质量 | 良好 | 良好")
    assert_fires("JX-M01", table(rows), [row(3)])
    graded = GOOD_ROWS.replace(QUALITY_ROW, " |  | 质量指标 | 第三方评估等级 | 合格及以上 | 合格及以上")
    assert_silent("JX-M01", table(graded))
    assert_silent("JX-M01", table())


def test_m02_benefit_only_a_direction() -> None:
    rows = GOOD_ROWS.replace(BENEFIT_ROW, BENEFIT_ROW + "\n |  |  | 营造性别平等社会氛围 | 增强 | 增强")
    assert_fires("JX-M02", table(rows), [row(6)])
    concrete = GOOD_ROWS.replace(
        BENEFIT_ROW, BENEFIT_ROW + "\n |  |  | 宣传活动覆盖范围 | 覆盖全市 | 覆盖全市"
    )
    assert_silent("JX-M02", table(concrete))


def test_m03_percentage_above_100() -> None:
    rows = GOOD_ROWS.replace("≥95% | ≥95%", "≥105% | ≥105%")
    assert_fires("JX-M03", table(rows), [row(3)])
    growth = GOOD_ROWS.replace(QUALITY_ROW, " |  | 质量指标 | 参训人数增长率 | ≥120% | ≥120%")
    assert_silent("JX-M03", table(growth))


def test_m04_satisfaction_below_85() -> None:
    low = GOOD_ROWS.replace("学员满意度 | ≥90% | ≥90%", "学员满意度 | ≥80% | ≥80%")
    assert_fires("JX-M04", table(low), [row(6)])
    assert_silent("JX-M04", table())


def test_m05_unit_contradicts_the_name() -> None:
    # seed line 20: 咨询服务数(宗) 1200个; line 216: 年均培训人次 ≥300人
    rows = GOOD_ROWS.replace(QUALITY_ROW, QUALITY_ROW + "\n |  |  | 咨询服务数(宗) | 1200个 | 1200个")
    rows = rows.replace("培训人次 | ≥300人次 | ≥300人次", "年均培训人次 | ≥300人 | ≥300人")
    assert_fires("JX-M05", table(rows), [row(4), row(6)])
    fits = GOOD_ROWS.replace(QUALITY_ROW, QUALITY_ROW + "\n |  |  | 社区活动数(场次) | 50场 | 50场")
    fits = fits.replace("培训人次 | ≥300人次 | ≥300人次", "正面宣传报道次数 | ≥20条（次） | ≥20条（次）")
    assert_silent("JX-M05", table(fits))


def test_m06_quantity_without_unit() -> None:
    # seed line 449: 举办民生座谈会 12 | 4
    rows = GOOD_ROWS.replace(QUALITY_ROW, QUALITY_ROW + "\n |  |  | 举办民生座谈会 | 12 | 12")
    assert_fires("JX-M06", table(rows), [row(4)])
    named = GOOD_ROWS.replace(QUALITY_ROW, QUALITY_ROW + "\n |  |  | 信息发布条数 | 100以上 | 100以上")
    assert_silent("JX-M06", table(named))
    zero = GOOD_ROWS.replace(
        QUALITY_ROW, QUALITY_ROW + "\n |  |  | 服务时长差异率 | 差异率小于等于0 | 差异率小于等于0"
    )
    assert_silent("JX-M06", table(zero))


def test_m07_approximate_value() -> None:
    rows = GOOD_ROWS.replace("培训人次 | ≥300人次 | ≥300人次", "培训人次 | 约300人次 | 300人次左右")
    assert_fires("JX-M07", table(rows), [row(5)])
    assert_silent("JX-M07", table())
