from decimal import Decimal

from jixiao.model import Kind, Op, SourceRef, Target


def test_source_ref_prints_file_and_line() -> None:
    assert str(SourceRef("a.txt", 20)) == "a.txt:20"
    assert str(SourceRef("b.xlsx", sheet="Sheet1", cell="D17")) == "b.xlsx!Sheet1!D17"


def test_per_year_unit_has_a_base_unit() -> None:
    t = Target(raw="4个/年", kind=Kind.QUANTITATIVE, op=Op.EQ, value=Decimal(4), unit="个/年")
    assert t.per_year and t.base_unit == "个"
    assert Op.LE.is_reverse and not Op.GE.is_reverse
