"""Round trips on the seed: text printer, JSON, CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest

from jixiao.formats.table_json import dumps_tables
from jixiao.formats.table_json_read import FormatError, loads_tables
from jixiao.readers.text import read_text
from jixiao.writers.csv import COLUMNS, write_csv
from jixiao.writers.text import format_amount, print_tables
from tests.seed import seed_tables


def test_printed_seed_reads_back_to_the_same_tables() -> None:
    tables, diagnostics = read_text(print_tables(seed_tables()))
    assert diagnostics == []
    assert tuple(tables) == seed_tables()


def test_printing_is_stable() -> None:
    printed = print_tables(seed_tables())
    again, _ = read_text(printed)
    assert print_tables(again) == printed


def test_json_to_model_to_json_is_identical() -> None:
    text = dumps_tables(seed_tables())
    tables = loads_tables(text)
    assert tuple(tables) == seed_tables()
    assert dumps_tables(tables) == text


def test_json_shape_is_the_open_data_contract() -> None:
    first = json.loads(dumps_tables(seed_tables()))[0]
    assert first["format"] == "jixiao.table/1"
    assert first["project"]["budget"] == "2480691.00"
    assert first["project"]["period"] == {"start": 2021, "end": 2029}
    assert first["indicators"][1]["annual"] == {"raw": "1200个", "kind": "quantitative", "op": None,
                                                "value": "1200", "unit": "个"}  # fmt: skip
    assert first["indicators"][1]["source"] == {"file": "dongguan_fulian_2025.txt", "line": 20}
    assert first["source"] == {"file": "dongguan_fulian_2025.txt", "line": 3, "confidence": "1.00"}


@pytest.mark.parametrize(
    "text",
    ["{", "[1]", '[{"format": "other"}]', '[{"format": "jixiao.table/1"}]'],
)
def test_bad_json_is_a_format_error_in_chinese(text: str) -> None:
    with pytest.raises(FormatError) as info:
        loads_tables(text)
    assert any("\u4e00" <= c <= "\u9fff" for c in str(info.value))


def test_csv_has_one_row_per_indicator_with_project_fields() -> None:
    rows = list(csv.reader(io.StringIO(write_csv(seed_tables()))))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 1 + 136
    record = dict(zip(COLUMNS, rows[1], strict=True))
    assert record["project"] == "购买社工岗位服务经费" and record["budget"] == "2480691.00"
    assert record["annual_op"] == "<=" and record["annual_value"] == "2480691"


def test_amounts_print_like_the_tables() -> None:
    from decimal import Decimal

    assert format_amount(Decimal("2480691.00")) == "2,480,691.00"
    assert format_amount(Decimal("95.4112")) == "95.4112"
