"""Contracts shared by readers and writers, so that neither imports the other.

- `table_json` / `table_json_read`: the open data format ``jixiao.table/1``, both ways;
- `layout`: the official 项目绩效目标表 layout in catalogue order (the page, Excel and PDF);
- `selfeval_sheet`, `monitoring_sheet`: the 自评表 and 监控表 workbooks' formats, sheets, columns;
- `files`: the download formats and their media types.
"""
