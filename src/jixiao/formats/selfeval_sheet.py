"""The 自评表 workbook contract: its format name and sheet names, for its writer and reader."""

from __future__ import annotations

FORMAT = "jixiao.selfeval/1"
META_SHEET = "jixiao"
MAIN_SHEET = "自评表"
EXPLAIN_SHEET = "评分说明"
