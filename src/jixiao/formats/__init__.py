"""Contracts shared by readers and writers: the jixiao.table/1 JSON, workbook layouts, sheet names,
the download formats. Readers, writers and scoring import these, never each other."""
