"""Readers: a file (text, workbook, PDF, Word, HTML, JSON) to 绩效目标表 and diagnostics, the flow's start."""
