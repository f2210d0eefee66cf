import dataclasses
import pickle
from decimal import Decimal

import pytest

from jixiao.model import Kind, Op, SourceRef, Target


def test_source_ref_prints_file_and_line() -> None:
    assert str(SourceRef("a.txt", 20)) == "a.txt:20"
    assert str(SourceRef("b.xlsx", sheet="Sheet1", cell="D17")) == "b.xlsx!Sheet1!D17"


def test_source_ref_built_by_its_own_init_is_still_a_frozen_dataclass() -> None:
    """`SourceRef.__init__` sets the slots itself (the reader makes one per line): what the generated
    one gave must hold — defaults, keywords, equality, hashing, replace, pickling, no assignment."""
    where = SourceRef("b.xlsx", sheet="Sheet1", cell="D17")
    assert (where.file, where.line, where.sheet, where.cell, where.page) == (
        "b.xlsx",
        None,
        "Sheet1",
        "D17",
        None,
    )
    assert SourceRef() == SourceRef(None, None, None, None, None) and SourceRef().file is None
    assert where == SourceRef("b.xlsx", None, "Sheet1", "D17") and hash(where) == hash(
        SourceRef("b.xlsx", None, "Sheet1", "D17")
    )
    assert where != SourceRef("b.xlsx", None, "Sheet1", "D18")
    assert dataclasses.replace(where, cell="E2") == SourceRef("b.xlsx", sheet="Sheet1", cell="E2")
    assert pickle.loads(pickle.dumps(SourceRef("a.pdf", 3, page=2))) == SourceRef("a.pdf", 3, page=2)
    assert (
        repr(SourceRef("a.txt", 20)) == "SourceRef(file='a.txt', line=20, sheet=None, cell=None, page=None)"
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        where.line = 4  # type: ignore[misc]


def test_per_year_unit_has_a_base_unit() -> None:
    t = Target(raw="4个/年", kind=Kind.QUANTITATIVE, op=Op.EQ, value=Decimal(4), unit="个/年")
    assert t.per_year and t.base_unit == "个"
    assert Op.LE.is_reverse and not Op.GE.is_reverse
