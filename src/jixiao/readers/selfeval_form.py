"""Which 自评表 layout a published table is in (rules.md §6.7, §6.8), and the words that show it.

The form decides the scoring profile (`jixiao.scoring.audit.profile_for`): Sichuan's report number
``510000_0013zp`` or its 指标性质/指标值/度量单位 + 权重 columns; Hubei's 预算执行 weight of 20 or its
年初目标值 column; Anhui's ``指标1：`` rows; the unnamed T7 template's 全年实际值 column; central
otherwise. The evidence is a short Chinese phrase, printed in the explanation.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from jixiao.evaluation.published import (
    FORM_ANHUI,
    FORM_CENTRAL,
    FORM_HUBEI,
    FORM_SICHUAN,
    FORM_UNNAMED,
    PublishedSelfEvaluation,
)

_SERIAL = re.compile(r"指标\s*\d+\s*[:：]")


def detect_form(table: PublishedSelfEvaluation, texts: list[str]) -> tuple[str, str]:
    """(form, evidence) from the table's printed words and weights."""
    joined = unicodedata.normalize("NFKC", " ".join(texts)).replace(" ", "")
    if "510000_0013zp" in joined:
        return FORM_SICHUAN, "报表编号510000_0013zp（四川省部门预算项目支出绩效自评表）"
    if "指标性质" in joined and "调整后预算数" in joined:
        return FORM_SICHUAN, "“调整后预算数”与“指标性质/指标值/度量单位”列（四川自评表版式）"
    weight = table.printed_budget_weight or table.budget_weight
    if weight == Decimal(20):
        return FORM_HUBEI, "预算执行分值为20分（湖北2020式自评表：预算执行20、年度绩效目标80）"
    if "年初目标值" in joined:
        return FORM_HUBEI, "“年初目标值（A）”列（湖北2020式自评表）"
    if any(_SERIAL.search(t) for t in texts):
        return FORM_ANHUI, "“指标1：/指标2：”行（安徽式自评表，分值按中央10号办法）"
    if "全年实际值" in joined:
        return FORM_UNNAMED, "“全年实际值”列（不适用指标剔除后折算的自评表，rules.md §6.8 T7）"
    return FORM_CENTRAL, "未见省级版式特征，按财预〔2020〕10号附件1（中央）版式"
