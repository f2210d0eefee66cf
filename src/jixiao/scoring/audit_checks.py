"""The audit registry: findings on a published 自评表, each rule with a stable id, kind, basis and advice.

Three kinds. **arithmetic** (JX-A01–A09): the table contradicts its own numbers — anyone with a
calculator finds them. **rescore** (JX-A10–A12): the numbers agree with each other but not with the
scoring rules. **practice** (JX-A21–A29): what a careful auditor would question. The basis names the
official documents (财预〔2020〕10号 and the province's own notice), the suggestion says what to do.
`run_audit_checks` runs them all; a rule that crashes becomes a diagnostic, never a crash. No finding
rests on a figure read without certainty (a row of text that lost its columns: the reader says so, JX-R34).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from jixiao.evaluation.profiles import Profile
from jixiao.evaluation.published import FORM_HUBEI, FORM_SICHUAN, PublishedSelfEvaluation
from jixiao.evaluation.records import EvaluationResult, SelfEvaluation
from jixiao.model import Diagnostic, Severity
from jixiao.scoring import audit_arithmetic as arith
from jixiao.scoring import audit_practice as practice
from jixiao.scoring.audit_context import AuditContext, Finding

ARITHMETIC = "arithmetic"
RESCORE = "rescore"
PRACTICE = "practice"

DOC10 = "财预〔2020〕10号《项目支出绩效评价管理办法》"
FORM10 = f"{DOC10}附件1《项目支出绩效自评表》"
# The province's own notice, by the form the table was published in.
PROVINCE_BASIS = {
    FORM_SICHUAN: "四川省部门预算项目支出绩效自评表（报表编号510000_0013zp）填报说明；川财绩〔2025〕10号",
    FORM_HUBEI: "鄂财绩发〔2020〕3号《湖北省财政厅关于印发全面实施预算绩效管理系列制度的通知》",
}


@dataclass(frozen=True, slots=True)
class Rule:
    """One audit rule for a published 自评表: code, kind, severity, title, 依据, suggestion and its check."""

    code: str
    kind: str
    severity: Severity
    title: str
    basis: str
    suggestion: str
    run: Callable[[AuditContext], Iterable[Finding]]

    @property
    def rule_text(self) -> str:
        """The rule as stated in its check's docstring."""
        return (self.run.__doc__ or "").strip()


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO
REGISTRY: tuple[Rule, ...] = (
    Rule("JX-A01", ARITHMETIC, _E, "总分不等于各项得分之和", f"{FORM10}：总分=预算执行得分+各指标得分",
         "按各项得分重新合计总分，并核对每项得分", arith.total_is_sum),
    Rule("JX-A02", ARITHMETIC, _E, "得分超过分值", f"{DOC10}：各指标得分不超过该指标分值",
         "得分以该指标分值为上限，超额完成不加分", arith.score_within_weight),
    Rule("JX-A03", ARITHMETIC, _E, "资金总额不等于分项之和",
         f"{FORM10}：年度资金总额=当年财政拨款+上年结转资金+其他资金", "由各资金来源相加得出总额行，不要手填",
         arith.fund_total_is_sum),
    Rule("JX-A04", ARITHMETIC, _E, "执行率与金额不符", f"{FORM10}：执行率=全年执行数（B）÷全年预算数（A）",
         "按金额重新计算执行率", arith.rate_matches_amounts),
    Rule("JX-A05", ARITHMETIC, _E, "预算执行得分与金额不符", f"{FORM10}：预算执行率得分=分值×执行率",
         "按各资金来源之和计算执行率，再乘以分值", arith.budget_score_matches),
    Rule("JX-A06", ARITHMETIC, _E, "分值合计不符",
         f"{DOC10}：预算执行率10%、产出50%、效益30%、满意度10%（原则上），合计100分",
         "核对各指标分值：加上预算执行分值应为100分，一级指标分值应等于其下各指标之和",
         arith.weights_add_up),
    Rule("JX-A07", ARITHMETIC, _E, "一级分值与表注不符", f"{DOC10}；表中填报说明",
         "统一一级指标分值与表注，按其中一种重新分配各指标分值", arith.groups_match_note),
    Rule("JX-A08", ARITHMETIC, _E, "分值被重复折算", f"{DOC10}：达到年度指标值的定量指标得该指标全部分值",
         "分值已是该指标的权重，达到目标即得满分，不要再乘权重占比", arith.weight_applied_twice),
    Rule("JX-A09", ARITHMETIC, _E, "等级与总分不符",
         f"{DOC10}：90（含）以上优、80（含）–90良、60（含）–80中、60以下差",
         "按总分确定自评等级", arith.grade_matches_total),
    Rule("JX-A10", RESCORE, _W, "指标得分与计分规则不符",
         f"{DOC10}：定量指标达到目标得满分，未达到按实际完成值÷年度指标值×分值计分", "按规则重算该指标得分",
         arith.indicator_score_differs),
    Rule("JX-A11", RESCORE, _W, "发布总分与重算总分不符", f"{DOC10}；{FORM10}",
         "按规则重算各项得分与总分，更正后重新公开", arith.total_differs),
    Rule("JX-A12", RESCORE, _W, "组得分与计分规则不符", f"{DOC10}；湖北式自评表按组填报得分",
         "按规则计算组内各指标得分后合计", arith.group_score_differs),
    Rule("JX-A21", PRACTICE, _I, "全部满分", f"{DOC10}：自评应客观反映绩效目标完成情况",
         "复核年度指标值是否偏低、完成值是否有佐证材料", practice.blanket_full_marks),
    Rule("JX-A22", PRACTICE, _W, "完成值照抄指标值", f"{FORM10}：实际完成值（B）填写全年实际完成情况",
         "填写实际完成的数量、比例或情况（如“完成280米”），而不是目标值", practice.actual_copies_target),
    Rule("JX-A23", PRACTICE, _W, "定量指标完成值为文字", f"{DOC10}：定量指标按实际完成值与年度指标值之比计分",
         "填写实际完成的数值和单位", practice.word_for_quantitative),
    Rule("JX-A24", PRACTICE, _W, "扣分未说明原因", f"{FORM10}：偏差原因分析及改进措施",
         "对未得满分的指标逐项说明偏差原因和改进措施", practice.below_weight_without_reason),
    Rule("JX-A25", PRACTICE, _W, "超额较多未说明原因",
         f"{DOC10}：超额完成较多的应分析原因，目标明显偏低的按偏离度扣分",
         "说明超额原因；目标设置偏低的，应在下年调整并按偏离度扣分", practice.over_completion_without_reason),
    Rule("JX-A26", PRACTICE, _E, "公开了未填写的模板", f"{FORM10}；{DOC10}：自评结果应按要求公开",
         "填写完成值、得分和结论后重新公开", practice.unfilled_template),
    Rule("JX-A27", PRACTICE, _W, "定性指标得分不在档次区间",
         f"{DOC10}：定性指标按达成（80%–100%）、部分达成（60%–80%）、未达成（0–60%）三档计分",
         "按完成情况所属档次在区间内给分", practice.qualitative_band),
    Rule("JX-A28", PRACTICE, _W, "执行率偏低未说明原因",
         f"{DOC10}：偏离目标的应分析原因；四川省部门预算项目支出绩效自评表（510000_0013zp）填报说明："
         "预算执行率未达到90%的需说明原因（100字以内）。中央自评表无此要求，只在评分方案（如四川）设定时检查",
         "说明预算执行率偏低的原因", practice.low_execution_without_reason),
    Rule("JX-A29", PRACTICE, _I, "单个指标占分过重", f"{DOC10}：二、三级指标分值按重要程度设定",
         "按产出、效益、满意度设置多个指标并分配分值", practice.one_indicator_dominates),
)  # fmt: skip

BY_CODE = {rule.code: rule for rule in REGISTRY}

# The printed figures each rule reads: a finding is not raised on figures not read with certainty
# (a row of text that lost its columns, `PublishedIndicator.unsure` / `PublishedFundRow.unsure`).
READS_FUNDS = frozenset({"JX-A01", "JX-A02", "JX-A03", "JX-A04", "JX-A05", "JX-A06", "JX-A11", "JX-A28"})
READS_INDICATORS = frozenset(
    {"JX-A01", "JX-A02", "JX-A06", "JX-A07", "JX-A08", "JX-A10", "JX-A11", "JX-A12"}
    | {"JX-A21", "JX-A22", "JX-A23", "JX-A24", "JX-A25", "JX-A26", "JX-A27", "JX-A29"}
)


def _on_unsure_figures(published: PublishedSelfEvaluation, code: str, indicator: str | None) -> bool:
    """The finding rests on a figure read without certainty: its own row's, or any row's it sums. Where a
    third or more of the rows are unsure, the reading of the block as a whole is: no row of it is certain."""
    unsure = sum(1 for i in published.indicators if i.unsure)
    if indicator is not None:
        broad = unsure * 3 >= len(published.indicators) > 0 and unsure > 0
        return broad or any(i.unsure for i in published.indicators if i.label == indicator)
    funds = code in READS_FUNDS and any(row.unsure for row in published.funds)
    return funds or (code in READS_INDICATORS and any(i.unsure for i in published.indicators))


def run_audit_checks(
    published: PublishedSelfEvaluation, evaluation: SelfEvaluation, result: EvaluationResult, profile: Profile
) -> list[Diagnostic]:
    """Every rule of the registry, in order; the basis adds the province's notice where the form has one."""
    ctx = AuditContext(published, evaluation, result, profile)
    province = PROVINCE_BASIS.get(published.form)
    out: list[Diagnostic] = []
    for rule in REGISTRY:
        basis = f"{rule.basis}；{province}" if province else rule.basis
        try:
            for message, where, indicator in rule.run(ctx):
                if _on_unsure_figures(published, rule.code, indicator):
                    continue
                out.append(
                    Diagnostic(rule.code, rule.severity, message, where, indicator, basis, rule.suggestion)
                )
        except Exception as error:  # one broken rule must not hide the others' findings
            text = f"检查“{rule.title}”出错：{error}"
            out.append(Diagnostic(rule.code, Severity.ERROR, text, published.source, None, basis))
    return out
