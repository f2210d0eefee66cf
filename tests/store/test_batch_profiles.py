"""A bulk import reads each year's rule profile once per batch of files (`batch_profiles`), and reviews
every file of the batch by it, as file by file."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import event, select

from jixiao.permissions import OPERATOR
from jixiao.readers.collection import iter_files
from jixiao.service import Service
from jixiao.service.bulk import FileOutcome
from jixiao.service.rule_profiles import BATCH_PROFILES, default_settings, form_values
from jixiao.store.db import get_engine, upgrade
from jixiao.store.schema import findings
from tests.store.test_bulk_import import _stored
from tests.store.test_held_rows import _collection


def _codes(url: str) -> Counter[str]:
    with get_engine(url).connect() as conn:
        return Counter(conn.execute(select(findings.c.code)).scalars())


def _without(service: Service, code: str) -> None:
    """The seed's year reviewed without rule ``code``."""
    form = {k: v for k, v in form_values(default_settings()).items() if v and k != f"rule-{code}"}
    service.set_rule_profile(OPERATOR, 2025, form)


def test_a_batch_reviews_by_the_years_profile_read_once(db_url: str, sqlite_url: str, tmp_path: Path) -> None:
    root = _collection(tmp_path / "收集", 8)
    plain = f"sqlite:///{tmp_path / 'plain.sqlite'}"
    upgrade(plain)
    Service(plain).import_collection(iter_files([root]), lambda _: None, jobs=1)
    found = _codes(plain)
    code = next(c for c, _ in found.most_common() if c.startswith("JX-") and c != "JX-I00")

    one_by_one = Service(sqlite_url)
    _without(one_by_one, code)
    for path in sorted(root.iterdir()):
        assert one_by_one.import_path(path).ok
    service = Service(db_url)
    _without(service, code)
    read: Counter[str] = Counter()

    def count(_c: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if "FROM rule_profiles" in statement:
            read["profile"] += 1

    event.listen(service.engine, "before_cursor_execute", count)
    outcomes: list[FileOutcome] = []
    service.import_collection(iter_files([root]), outcomes.append, jobs=1)
    assert all(o.ok for o in outcomes) and len(outcomes) == 10
    assert code not in _codes(db_url) and _codes(db_url) == _codes(sqlite_url)
    assert _stored(db_url) == _stored(sqlite_url)
    assert read["profile"] == 1, read  # one batch; file by file it was once per file
    with get_engine(db_url).connect() as conn:
        assert BATCH_PROFILES not in conn.info
