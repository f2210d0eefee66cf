"""Reading fidelity on the corpus of real layouts: floors that only go up (`python -m benchmarks fidelity`).

Raise a floor when the reader improves; never lower one to make a change pass.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest
from benchmarks.fidelity import CORPUS, score_corpus, score_document

# Share of each measure that must be right on the corpus (right / out of), and the invented indicators
# allowed per ten tables. Measured 2026-11-30 on 53 documents (54 tables, 415 indicators): the reader
# before issue 11 scored indicators 15%, annual values 0% raw / 0.7% structured, names 15%, years 0%,
# budgets 11%; then indicators 71%, annual 60% raw / 62% structured, names 69%, years 57%, budgets 69%;
# after the read1 branch (list forms in HTML/xlsx, stacked 长期/年度 blocks, per-town columns, prose
# targets, headings that name projects, years from notices, budgets from parts): indicators 89%, annual
# 86% raw / 84% structured, names 89%, years 87%, budgets 85%, 9 invented in 54 tables; after read3b
# (the project block by more labels, funds tables, the name in the 二级 column, a publisher's own tree,
# baseline columns, comparator columns, templates in names) and read3a (labels one space from their
# values, the 批复表 outline, untitled 指标 column, wrapped categories, page numbers, colophons and
# signatures; three documents added for those forms), merged: 56 documents, 60 tables, 451 indicators —
# names 90.0%, years 90.0%, budgets 91.7%, indicators 91.1%, annual 90.5% raw / 88.9% structured,
# baselines 6/6, 0 invented. After read4 (区域绩效目标表 named by 资金名称, 部门整体 tables named by
# their department, bracket lists of a unit's projects, run-together rows cut by the value grammar;
# six documents added for those classes): 62 documents, 68 tables, 501 indicators — names 91.2%,
# years 91.2%, budgets 92.6%, indicators 92.0%, annual 91.2% raw / 89.8% structured, 0 invented.
# After read5a (绩效评价指标表 with 目标值/分值, weights run into values cut by the 总分, 区域 tables run
# together on one line kept whole, spans of months as ranges, years in names after the place): names
# 97.1%, years 97.1%, budgets 95.6%, indicators 97.0%, annual 96.2% raw / 95.4% structured, 0 invented.
FLOORS = {
    "names": 0.95,
    "years": 0.96,
    "budgets": 0.95,
    "budget_units": 0.97,
    "departments": 0.98,  # read12: 49/50 (a department's code run on with its own label split off)
    "units": 0.99,  # read12: 37/37 (the 实施单位 wins over the 预算单位)
    "indicators_found": 0.96,
    "level1_right": 0.96,  # read17: 482/501 (a form's own 二级 目标完成程度 gives its 一级)
    "level2_right": 0.96,  # read10: 481/501
    "annual_raw_right": 0.965,  # read10: 485/501 (a blank cell closing the last row)
    "annual_structured_right": 0.97,  # read12: 486/501 (a bare 0 under a 发生率 takes no unit)
    "baseline_right": 1.0,
    "no_table_right": 1.0,
}
INVENTED_PER_TEN_TABLES = 0.5


@pytest.fixture(scope="module")
def corpus_total():  # type: ignore[no-untyped-def]
    if not any(CORPUS.glob("*/expected.json")):
        pytest.skip("no corpus of real layouts in this checkout")
    return score_corpus()


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_fidelity_stays_above_its_floor(corpus_total, measure: str) -> None:  # type: ignore[no-untyped-def]
    _, total = corpus_total
    ratio = total.ratio(measure)
    if ratio is None:
        pytest.skip(f"no {measure} in the corpus")
    assert ratio >= FLOORS[measure], f"{measure}: {total.counts[measure]} below {FLOORS[measure]:.0%}"


def test_invented_indicators_stay_few(corpus_total) -> None:  # type: ignore[no-untyped-def]
    _, total = corpus_total
    tables = max(total.tables_expected, 1)
    assert total.invented * 10 / tables <= INVENTED_PER_TEN_TABLES


def _folder(tmp_path: Path, document: str, expected: Mapping[str, object]) -> Path:
    folder = tmp_path / "example"
    folder.mkdir()
    (folder / "document.txt").write_text(document, encoding="utf-8")
    (folder / "expected.json").write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    return folder


TABLE = """项目支出绩效目标表
（2024年度）
单位：万元
项目名称\t社区儿童之家运营
主管部门\t某区妇女联合会
年度资金总额\t86.5
绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t绩效标准
\t产出指标\t数量指标\t服务儿童人次\t≥300人次\t计划标准
\t满意度指标\t服务对象满意度指标\t家长满意度\t≥90%\t计划标准
填表人：某某\t联系电话：0000
"""


def test_the_scorer_counts_what_was_read_right(tmp_path: Path) -> None:
    golden = {
        "kind": "target",
        "tables": [
            {
                "name": "社区儿童之家运营", "year": 2024, "budget": "865000.00", "budget_unit": "万元",
                "department": "某区妇女联合会",
                "indicators": [
                    {"level1": "产出指标", "level2": "数量指标", "name": "服务儿童人次",
                     "annual": {"raw": "≥300人次", "kind": "quantitative", "op": ">=", "value": "300",
                                "unit": "人次"}, "period": None, "baseline": None},
                    {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "家长满意度",
                     "annual": {"raw": "≥90%", "kind": "quantitative", "op": ">=", "value": "90",
                                "unit": "%"},
                     "period": None, "baseline": None},
                    {"level1": "效益指标", "level2": "社会效益指标", "name": "未写出的指标",
                     "annual": {"raw": "提升", "kind": "qualitative", "op": None, "value": None,
                                "unit": None},
                     "period": None, "baseline": None},
                ],
            }
        ],
    }  # fmt: skip
    score = score_document(_folder(tmp_path, TABLE, golden))
    assert score.counts["names"] == [1, 1]
    assert score.counts["years"] == [1, 1]
    assert score.counts["budgets"] == [1, 1]
    assert score.counts["indicators_found"] == [2, 3]
    assert score.counts["annual_raw_right"] == [2, 3]
    assert score.counts["annual_structured_right"] == [2, 3]
    assert score.invented == 0


def test_a_document_without_a_table_scores_right_when_nothing_is_read(tmp_path: Path) -> None:
    score = score_document(
        _folder(tmp_path, "关于公开部门预算的说明\n本单位没有项目支出。\n", {"kind": "none"})
    )
    assert score.counts["no_table_right"] == [1, 1]


# --- the held-out sets ----------------------------------------------------------------------------
# tests/corpus/heldout (20 documents, 25 tables, 222 indicators) was built as the first held-out set and
# is now used for development; tests/corpus/heldout2 (17 documents of 13 publishers never seen, 18
# tables, 126 indicators) is the held-out set: nobody tunes the reader on it (see its README).
# Measured 2026-11-30 on branch read2 (python -m benchmarks fidelity --quiet tests/corpus/heldout2):
# heldout before the text-form fixes: indicators 51.4%, annual 36.5% raw / 37.4% structured, names 60%;
# after: indicators 91.9%, annual 70.7% / 81.1%, names 100%, 6 invented. heldout2 when committed, before
# any change: indicators 47.6%, annual 47.6% / 33.3%; after the same fixes: 47.6%, 47.6% / 36.5%.
# After read3a and read3b were merged (both development sets now): heldout indicators 92.8%, annual
# 89.2% raw / 88.3% structured, years 80%, budgets 84%, 2 invented; heldout2 indicators 90.5%, annual
# 90.5% / 89.7%, names, years and budgets 88.9%, 0 invented. The unseen sets are heldout3 and heldout4
# (tests/readers/test_fidelity_heldout3.py, test_fidelity_heldout4.py). After read5a: heldout indicators
# 99.1% (the 部门整体 block headed 部门整体绩效目标), annual 95.5% raw / 95.0% structured, years 92%.
# After read8 (budget, name and year classes across every set): heldout years 96%, budgets 100%.
HELDOUT_SETS = {
    "heldout": {
        "names": 0.99,  # read10: 25/25 (the 部门整体 table's golden named after its department, as agreed)
        "departments": 0.99,  # read10: 13/13 (that table keeps its 部门名称 as its department)
        "years": 0.95,  # read8: 24/25 (the year in brackets opening the cell after the title)
        "budgets": 0.99,  # read8: 25/25 (budgets in prose, a 合计 run together, labels run on)
        "indicators_found": 0.995,  # read12: 222/222 (a list row starting at its 三级 is read)
        "level1_right": 0.995,  # read12: 222/222
        "level2_right": 0.98,  # read12: 219/222
        "annual_raw_right": 0.97,  # read12: 216/222
        "annual_structured_right": 0.965,  # read12: 215/222
        "no_table_right": 1.0,
    },
    "heldout2": {
        "names": 0.99,  # read12: 18/18 (湖南's project list run together, cut by its column order and sums)
        "years": 0.99,  # read12: 18/18
        "budgets": 0.99,  # read12: 18/18
        "indicators_found": 0.99,  # read12: 125/126 (a value in words, run together, is not cut)
        "level1_right": 0.99,  # read12: 125/126
        "level2_right": 0.99,  # read12: 125/126
        "annual_raw_right": 0.99,  # read12: 125/126
        "annual_structured_right": 0.99,  # read12: 125/126 (元/人.每天: a dot and 每 go on with the unit)
        "no_table_right": 1.0,
    },
}
HELDOUT_INVENTED_PER_TEN_TABLES = {"heldout": 0.3, "heldout2": 0.3}  # read10: 0 in 25, 0 in 18


@pytest.fixture(scope="module")
def heldout_totals():  # type: ignore[no-untyped-def]
    totals = {}
    for name in HELDOUT_SETS:
        root = CORPUS.parent / name
        if any(root.glob("*/expected.json")):
            totals[name] = score_corpus(root)[1]
    return totals


@pytest.mark.parametrize(
    ("corpus", "measure"),
    [(corpus, measure) for corpus, floors in HELDOUT_SETS.items() for measure in floors],
)
def test_held_out_fidelity_stays_above_its_floor(heldout_totals, corpus: str, measure: str) -> None:  # type: ignore[no-untyped-def]
    if corpus not in heldout_totals:
        pytest.skip(f"no tests/corpus/{corpus} in this checkout")
    total = heldout_totals[corpus]
    ratio = total.ratio(measure)
    floor = HELDOUT_SETS[corpus][measure]
    assert ratio is not None and ratio >= floor, (
        f"{corpus} {measure}: {total.counts[measure]} below {floor:.0%}"
    )


@pytest.mark.parametrize("corpus", sorted(HELDOUT_SETS))
def test_held_out_invented_indicators_stay_few(heldout_totals, corpus: str) -> None:  # type: ignore[no-untyped-def]
    if corpus not in heldout_totals:
        pytest.skip(f"no tests/corpus/{corpus} in this checkout")
    total = heldout_totals[corpus]
    assert total.invented * 10 / max(total.tables_expected, 1) <= HELDOUT_INVENTED_PER_TEN_TABLES[corpus]
