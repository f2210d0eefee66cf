"""The records of monitoring and self-evaluation: what the workbooks and published tables hold.

Pure data and the number formats they are written in — 自评表 lines and funds, published
self-evaluation figures, monitoring reports, the scoring profiles and the workbook layouts. The
readers fill these records, the scoring core computes on them and the writers print them; none of
those three imports another, they all import this package.
"""
