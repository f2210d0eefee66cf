"""Tables of the governed 指标库 (issue 14), on the shared MetaData; created by migration ``0005_library``.

- ``library_versions``: every version of every entry, insert-only once approved — a change is a new
  row (``number`` + 1); the governed fields are kept whole as JSON (``fields``, see
  `jixiao.library.fields`). Mined drafts are the only rows a later build may rewrite.
- ``library_heads``: one row per entry code: the version in force, the status (draft 草稿 / active
  已审定 / retired 已停用), and what lists and searches need as plain columns.
- ``library_provenance``: the mined evidence per entry (who uses it, what values), rebuilt by every
  build; not governed — it is evidence, not a decision.
- ``library_peers``: the peer statistics snapshot per normalised key (built in batch, read by the
  evidence rules when a table is reviewed; never aggregated while reviewing).
- ``library_links``: which indicator of which stored table uses which entry, and the version in force
  when the link was made; kept when an entry is retired.
- ``library_requests``: add / modify / retire requests and their two approvals (部门 then 财政).
- ``library_state``: the watermark of the mining (one row) and the last build's counts.
- ``library_mined``, ``library_key_stats``, ``library_groups`` (migration ``0018_library_staging``):
  the mining state a build extends, kept in SQL rather than in memory — each table mined (by
  ordinal: its fingerprint, year and publisher), the statistics of each normalised key (a build
  appends one part per page; compaction merges a key's parts into one row, whose ``level2`` is then
  set), and the groups of keys the entries were built from.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from jixiao.store.schema import UtcDateTime, metadata

library_versions = Table(
    "library_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(20), nullable=False),
    Column("number", Integer, nullable=False),
    Column("status", String(20), nullable=False),  # draft | approved | retired
    Column("fields", Text, nullable=False),  # JSON: the governed fields
    Column("request_id", Integer, nullable=True),
    Column("created_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("created_at", UtcDateTime(), nullable=False),
    UniqueConstraint("code", "number", name="uq_library_versions_code_number"),
)

library_heads = Table(
    "library_heads",
    metadata,
    Column("code", String(20), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("status", String(20), nullable=False),  # draft | active | retired
    Column("name", String(300), nullable=False),
    Column("key", String(300), nullable=False),
    Column("level1", String(60), nullable=False, default=""),
    Column("level2", String(60), nullable=False, default=""),
    Column("kind", String(10), nullable=False, default="个性"),  # 共性 | 个性
    Column("search_text", Text, nullable=False, default=""),  # name, synonyms, 二级, keywords
    Column("tables", Integer, nullable=False, default=0),
    Column("publishers", Integer, nullable=False, default=0),
    Column("updated_at", UtcDateTime(), nullable=False),
)
Index("ix_library_heads_status_tables", library_heads.c.status, library_heads.c.tables)
Index("ix_library_heads_key", library_heads.c.key)

library_provenance = Table(
    "library_provenance",
    metadata,
    Column("code", String(20), primary_key=True),
    Column("data", Text, nullable=False),  # JSON: entry_to_dict's provenance, placements, members
)

library_peers = Table(
    "library_peers",
    metadata,
    Column("key", String(300), primary_key=True),
    Column("code", String(20), nullable=False),
    Column("data", Text, nullable=False),  # JSON: count, publishers, direction, distributions
)
Index("ix_library_peers_code", library_peers.c.code)

library_links = Table(
    "library_links",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("table_id", Integer, ForeignKey("perf_tables.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("key", String(300), nullable=False),
    Column("code", String(20), nullable=True),
    Column("version", Integer, nullable=True),  # the entry's version in force when linked
    UniqueConstraint("table_id", "position", name="uq_library_links_table_position"),
)
Index("ix_library_links_key", library_links.c.key)
Index("ix_library_links_code", library_links.c.code)

# 0012: what each mined table's project is about, for 推荐指标 — one row per (term, table): ``n:`` a
# character pair of the project name's core, ``g:`` of its goal text, ``t:`` the 项目类型, ``s:`` the
# 主管部门 (sector). Written by the build as it reads the tables; a recommendation looks terms up here
# (indexed), never in the documents.
library_project_terms = Table(
    "library_project_terms",
    metadata,
    Column("term", String(80), primary_key=True),
    Column("table_id", Integer, ForeignKey("perf_tables.id", ondelete="CASCADE"), primary_key=True),
)
Index("ix_library_project_terms_table", library_project_terms.c.table_id)

library_requests = Table(
    "library_requests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(10), nullable=False),  # add | modify | retire
    Column("code", String(20), nullable=True),  # the entry changed (add: set on approval)
    Column("fields", Text, nullable=False),  # JSON: the proposed fields
    Column("reason", Text, nullable=False, default=""),
    Column("status", String(20), nullable=False),  # pending | department | approved | rejected
    Column("unit", String(200), nullable=True),
    Column("department", String(200), nullable=True),
    Column("requested_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("requested_at", UtcDateTime(), nullable=False),
    Column("department_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("department_at", UtcDateTime(), nullable=True),
    Column("finance_by", Integer, ForeignKey("users.id"), nullable=True),
    Column("finance_at", UtcDateTime(), nullable=True),
    Column("comment", Text, nullable=True),
    Column("version", Integer, nullable=True),  # the version the approval made
)
Index("ix_library_requests_status", library_requests.c.status)

library_state = Table(
    "library_state",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("watermark", Integer, nullable=False, default=0),  # the newest table version mined
    Column("data", Text, nullable=False),  # JSON: jixiao.library/1's state
    Column("summary", Text, nullable=False, default="{}"),  # JSON: the last build's counts
    Column("built_at", UtcDateTime(), nullable=False),
)

library_mined = Table(
    "library_mined",
    metadata,
    Column("ordinal", Integer, primary_key=True, autoincrement=False),  # 0, 1, 2 … in mining order
    Column("fingerprint", String(40), nullable=False, unique=True),  # the table's content
    Column("year", Integer, nullable=False, default=0),  # 0: no year
    Column("publisher", Text, nullable=False, default=""),
)

library_key_stats = Table(
    "library_key_stats",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False),  # the normalised key
    Column("level2", Text, nullable=True),  # its commonest 二级 once compacted; NULL: a new part
    Column("rows", Integer, nullable=False),
    Column("data", Text, nullable=False),  # JSON: the key's counts and value sketches
    Column("tables", LargeBinary, nullable=False),  # the ordinals of the tables using it (uint32)
)
Index("ix_library_key_stats_key", library_key_stats.c.key)

library_groups = Table(
    "library_groups",
    metadata,
    Column("key", Text, primary_key=True),
    Column("group_key", Text, nullable=False),
    Column("position", Integer, nullable=False),  # the member's place in its group
    Column("similarity", Float, nullable=False),  # rapidfuzz's ratio to the group's key (0–100)
    Column("how", String(10), nullable=False),
)
Index("ix_library_groups_group", library_groups.c.group_key, library_groups.c.position)
