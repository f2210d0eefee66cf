"""Self-evaluation scoring and in-year monitoring, by the official rules (rules.md §5, §6, §10, §11).

Pure functions over frozen records: no database, no web. Profiles (central, sichuan, hubei-2020,
legacy-80/50) hold every weight and threshold.
"""

from jixiao.evaluation.funds import FundsBlock, FundsRow
from jixiao.evaluation.profiles import PROFILES, Profile, ReverseMethod, get_profile
from jixiao.evaluation.records import (
    Adjustment,
    EvaluationLine,
    EvaluationResult,
    Score,
    ScoredLine,
    SelfEvaluation,
)
from jixiao.scoring.formulas import Band, band_of, budget_score, score_qualitative, score_quantitative
from jixiao.scoring.selfeval import evaluate, lines_from_table, score_line, suggest_weights

__all__ = [
    "PROFILES",
    "Adjustment",
    "Band",
    "EvaluationLine",
    "EvaluationResult",
    "FundsBlock",
    "FundsRow",
    "Profile",
    "ReverseMethod",
    "Score",
    "ScoredLine",
    "SelfEvaluation",
    "band_of",
    "budget_score",
    "evaluate",
    "get_profile",
    "lines_from_table",
    "score_line",
    "score_qualitative",
    "score_quantitative",
    "suggest_weights",
]
