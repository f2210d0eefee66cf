"""The slow reads the fuzzer found (issue 11): work that grew with the square of a line or a row.

Each test counts the work done on a hostile input — never a wall-clock limit."""

from __future__ import annotations

import pytest

from jixiao.model import SourceRef
from jixiao.readers import pdfwraps, runs, selfeval_lines
from jixiao.readers.runs import split_long_run

# A target table run together on one line, as document-sharing sites print it.
_RUN = (
    "项目名称公立医院改革与高质量发展示范项目主管部门市卫生健康委实施单位市卫生健康委"
    "绩效指标一级指标二级指标三级指标指标值产出指标数量指标紧密型城市医疗集团建设数量≥2个"
    "市级临床重点专科建设数量≥6个质量指标三级公立医院绩效考核等级逐年提升时效指标示范项目完成时间2025年底前"
    "效益指标社会效益指标群众就医获得感显著提升满意度指标服务对象满意度指标患者满意度≥90%"
)


def test_a_repeated_run_is_looked_up_once_per_place() -> None:
    """A runaway export repeats one run-together row thousands of times: the labels at each place of
    the row are looked up once, not once per copy (13.5 s for a 1.4 MB mutant before)."""
    first = split_long_run(_RUN)
    misses = runs._token_in.cache_info().misses
    again = [split_long_run(_RUN) for _ in range(50)]
    assert all(cells == first for cells in again)
    assert runs._token_in.cache_info().misses == misses


def test_display_columns_are_counted_once_along_a_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """A huge cell of words split by tabs (``a\\ta\\t…``): each cell's display column is counted on from
    the cell before, not from the start of the line again (stopped at 20 s before)."""
    measured: list[int] = []
    real = pdfwraps._width

    def counting(text: str) -> int:
        measured.append(len(text))
        return real(text)

    monkeypatch.setattr(pdfwraps, "_width", counting)
    line = "一级指标  二级指标  三级指标  指标值  " + "a\t" * 5000
    cells = pdfwraps._cells(line)
    assert len(cells) == 5004
    assert cells[4] == (real(line[: line.index("a")]), "a")
    assert sum(measured) <= len(line)


def test_a_long_row_is_not_keyed_again_for_every_cell(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether an indicator header ends is decided after at most two cells that are no column name: a
    row of thousands of cells is not keyed from its start at every cell (31 s for a 3.4 MB mutant)."""
    keyed: list[str] = []
    real = selfeval_lines.key

    def counting(text: str) -> str:
        keyed.append(text)
        return real(text)

    monkeypatch.setattr(selfeval_lines, "key", counting)
    source = SourceRef(file="自评表.txt", line=3)
    current = [(text, source) for text in ("一级指标", "二级指标", "三级指标", "指标值")]
    current += [(f"说明{n}", source) for n in range(3000)]
    following = [("门诊人次", source), ("≥100万", source)]
    assert not selfeval_lines._header_ends(current, following)
    assert len(keyed) <= 6
