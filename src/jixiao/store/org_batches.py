"""The organisations a bulk import's batch of files names, read once per batch, not three times per file.

Storing a file's tables looks its units and departments up (`ensure_orgs`: the ids, creating missing
ones), places the new ones (`place_new`) and reads their 财政区划 codes: three statements per file.
Inside `batch_orgs` an organisation that is already placed (it has a kind) is settled for the rest of
the transaction — an import never moves or renames a placed organisation, nor changes its code — so
the placed ones among every name of the batch are read in one SELECT at its start, and each one a
file places is kept as it is read back. A file whose names are all settled needs no statement; a
file naming one that is not goes the usual way, with the same ids and rows as file by file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, select

from jixiao.store.schema import orgs

SETTLED = "jixiao_settled_orgs"  # key in Connection.info: name → (id, region code) of placed orgs
_CHUNK = 500
Settled = tuple[dict[str, int], dict[int, str]]  # ids by name, region codes by id


def _names(names: Iterable[str | None]) -> list[str]:
    return sorted({name.strip() for name in names if name and name.strip()})


@contextmanager
def batch_orgs(conn: Connection, names: Iterable[str | None]) -> Iterator[None]:
    """Inside the caller's transaction: the placed organisations among ``names``, read at once."""
    settled: dict[str, tuple[int, str]] = {}
    wanted = _names(names)
    for start in range(0, len(wanted), _CHUNK):
        query = select(orgs.c.id, orgs.c.name, orgs.c.region_code).where(
            orgs.c.name.in_(wanted[start : start + _CHUNK]), orgs.c.kind.is_not(None)
        )
        settled.update({str(row.name): (int(row.id), str(row.region_code)) for row in conn.execute(query)})
    conn.info[SETTLED] = settled
    try:
        yield
    finally:
        conn.info.pop(SETTLED, None)


def settled_orgs(
    conn: Connection, names: Iterable[str | None]
) -> tuple[dict[str, int], dict[int, str]] | None:
    """Ids by name and region codes by id of the named organisations, if this batch has every one of
    them settled; None otherwise (or outside `batch_orgs`)."""
    settled: dict[str, tuple[int, str]] | None = conn.info.get(SETTLED)
    if settled is None:
        return None
    wanted = _names(names)
    if not all(name in settled for name in wanted):
        return None
    found = [settled[name] for name in wanted]
    return dict(zip(wanted, (org_id for org_id, _ in found), strict=True)), dict(found)


def region_codes(conn: Connection, org_ids: dict[str, int]) -> dict[int, str]:
    """``orgs.region_code`` of the given organisations (as `org_region_codes`); inside `batch_orgs`
    the placed ones among them are settled for the rest of the batch."""
    settled: dict[str, tuple[int, str]] | None = conn.info.get(SETTLED)
    wanted = sorted(set(org_ids.values()))
    codes: dict[int, str] = {}
    for start in range(0, len(wanted), _CHUNK):
        query = select(orgs.c.id, orgs.c.name, orgs.c.kind, orgs.c.region_code).where(
            orgs.c.id.in_(wanted[start : start + _CHUNK])
        )
        for row in conn.execute(query):
            codes[int(row.id)] = str(row.region_code)
            if settled is not None and row.kind is not None:
                settled[str(row.name)] = (int(row.id), str(row.region_code))
    return codes
