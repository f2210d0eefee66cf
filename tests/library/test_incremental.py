"""Building again only adds: tables mined before are skipped, codes and groups stay, files round-trip."""

from __future__ import annotations

import json

from jixiao.library import Library, library_from_dict, library_to_dict
from tests.library.tables import mine, table

FIRST = table(
    " | 产出指标 | 数量指标 | 培训场次 | ≥4场 | ≥4场\n | 产出指标 | 质量指标 | 培训合格率 | ≥90% | ≥90%"
)
SECOND = table(" | 产出指标 | 数量指标 | 开展培训场次 | 6场 | 6场", name="二", unit="乙单位")
THIRD = table(" | 产出指标 | 数量指标 | 宣传活动次数 | ≥2次 | ≥2次", name="三", unit="丙单位", year=2026)


def _round_trip(library: Library) -> Library:
    return library_from_dict(json.loads(json.dumps(library_to_dict(library), ensure_ascii=False)))


def test_a_file_round_trips_to_the_same_entries() -> None:
    library = mine(FIRST, SECOND)
    again = _round_trip(library)
    assert again.entries == library.entries
    assert again.seen == library.seen and list(again.table_years) == list(library.table_years)


def test_building_again_adds_only_the_new_tables() -> None:
    first = _round_trip(mine(FIRST))
    codes = {e.key: e.code for e in first.entries}
    second = mine(FIRST, SECOND, THIRD, previous=first)  # FIRST again: skipped
    assert (second.added_tables, second.skipped_tables) == (2, 1)
    assert second.tables == 3
    by_key = {e.key: e for e in second.entries}
    assert {k: by_key[k].code for k in codes} == codes  # codes are stable
    sessions = by_key["培训场次"]
    assert sorted(m.key for m in sessions.members) == ["培训场次", "开展培训场次"]
    assert (sessions.provenance.tables, sessions.provenance.rows) == (2, 2)
    assert by_key["宣传活动次数"].provenance.years == ((2026, 1),)
    # building the same thing once more changes nothing
    third = mine(FIRST, SECOND, THIRD, previous=_round_trip(second))
    assert third.added_tables == 0 and third.entries == second.entries


def test_an_incremental_build_equals_a_build_from_scratch() -> None:
    at_once = mine(FIRST, SECOND, THIRD)
    in_steps = mine(FIRST, SECOND, THIRD, previous=_round_trip(mine(FIRST)))
    strip = [
        (e.code, e.provenance.tables, e.provenance.rows, e.provenance.distributions) for e in at_once.entries
    ]
    assert strip == [
        (e.code, e.provenance.tables, e.provenance.rows, e.provenance.distributions) for e in in_steps.entries
    ]


def test_the_stored_state_text_is_the_state_written_key_by_key() -> None:
    from jixiao.library.serialize import FORMAT, state_json, state_packed, state_to_dict, state_unpacked

    library = mine(FIRST, SECOND, THIRD)
    text = state_json(library)
    assert json.loads(text) == {"format": FORMAT, "state": state_to_dict(library)}
    packed = state_packed(library)  # as the database keeps it: compressed while written
    assert packed.startswith("zlib:") and state_unpacked(packed) == json.loads(text) == state_unpacked(text)
    again = library_from_dict(state_unpacked(packed))  # what the next database build starts from
    assert again.entries == library.entries and again.seen == library.seen
