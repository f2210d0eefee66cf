"""The character index in front of rapidfuzz: it may only drop spellings that cannot score ≥ 60.

Checked on the real indicator names of the corpus goldens and the seed: for names typed whole, cut
to their first characters, or to their last ones, every spelling that ``partial_ratio`` scores at
least `MIN_SIMILARITY` is among the candidates, and the candidates are fewer than all spellings (the
index does its work). Suggestions are then the same as a full scan's.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from jixiao.library import Suggester, build_library, normalise_name, rows_from_table
from jixiao.library.prefilter import CharacterIndex
from jixiao.library.suggest import MIN_SIMILARITY
from tests.library.tables import corpus_rows
from tests.seed import seed_tables


def _keys() -> list[str]:
    names = {row.name for table in corpus_rows() for row in table.rows}
    names |= {i.name for t in seed_tables() for i in t.indicators}
    return sorted({normalise_name(n).key for n in names} - {""})


def test_no_spelling_that_can_score_is_dropped() -> None:
    keys = _keys()
    index = CharacterIndex(keys)
    queries = [q for key in keys[:400] for q in (key, key[:4], key[-3:], key[1:6])]
    narrowed = 0
    for query in queries:
        candidates = set(index.candidates(query))
        scored = process.extract(
            query, keys, scorer=fuzz.partial_ratio, score_cutoff=MIN_SIMILARITY, limit=None
        )
        assert {position for _, _, position in scored} <= candidates, query
        narrowed += len(candidates) < len(keys)
    assert len(keys) > 300 and narrowed > len(queries) * 0.9


def test_suggestions_are_those_of_a_full_scan() -> None:
    library = build_library(corpus_rows() + [rows_from_table(t) for t in seed_tables()])
    suggester = Suggester(library.entries)
    for typed in ("满意度", "培训人次", "服务对象满意", "预算控制数", "完成及时率", "覆盖"):
        query = normalise_name(typed).key
        got = [s.entry.code for s in suggester.suggest(typed, limit=50)]
        full = process.extract(
            query, suggester.choices, scorer=fuzz.partial_ratio, score_cutoff=MIN_SIMILARITY, limit=None
        )
        owners = {suggester.entries[suggester.owner[p]].code for _, _, p in full}
        assert got and set(got) <= owners
        assert len(got) == min(50, len(owners))
