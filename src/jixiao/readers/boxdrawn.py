"""A table drawn with box-drawing characters (``┌─┬┐`` / ``│a│b│`` / ``├─┼┤`` / ``└─┴┘``), as plain text
keeps it: the rules are dropped and each drawn row becomes one ``|`` row, so the pipe reader reads it.

A row is what stands between two rule lines (a line holding ``─``, even when it begins with a blank merged
cell: ``│    ├────┼``). Where most rows are ruled off, a cell wrapped over several lines of one drawn row
is joined, column by column (where only the header is ruled off, every line is a row);
a merged cell left blank (no rule under it) stays an empty cell, put back by the pipe reader as for any
flattened table. Rule lines become empty lines, so every row keeps the line number it has in the file.
"""

from __future__ import annotations

import re

__all__ = ["is_box_drawn", "unboxed"]

_VERTICAL = "│┃║"
_RULE = "─━═"
_SPLIT = re.compile(f"[{_VERTICAL}]")
_MIN_DRAWN = 3  # rows drawn with │ before the text is taken for a drawn table


def is_box_drawn(text: str) -> bool:
    """Whether the text holds a drawn table: several lines opening with a vertical rule."""
    if not any(c in text for c in _VERTICAL):
        return False
    drawn = sum(1 for line in text.splitlines() if line.lstrip()[:1] in _VERTICAL)
    return drawn >= _MIN_DRAWN


def unboxed(text: str) -> str:
    """The text with each drawn table written as ``|`` rows (same number of lines); other lines kept."""
    lines = text.splitlines()
    out = list(lines)
    blocks: list[list[int]] = [[]]  # the lines of each drawn row
    for i, line in enumerate(lines):
        stripped = line.strip()
        if stripped and any(c in stripped for c in _RULE) and _is_rule(stripped):
            blocks.append([])
            out[i] = ""
        elif stripped[:1] in _VERTICAL:
            blocks[-1].append(i)
        elif blocks[-1]:
            blocks.append([])
    drawn = [block for block in blocks if block]
    ruled = sum(1 for block in drawn if len(block) == 1) * 2 >= len(drawn)  # rules between the rows
    for block in drawn:
        _write_row(lines, block, out, ruled)
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def _is_rule(line: str) -> bool:
    """A rule line: box-drawing characters and blanks, maybe beside blank merged cells (``│   ├──┤``)."""
    return all(not c.strip() or 0x2500 <= ord(c) <= 0x257F for c in line)


def _cells(line: str) -> list[str]:
    parts = _SPLIT.split(line.strip())
    return [p.strip() for p in parts[1:-1]] if len(parts) > 2 else [p.strip() for p in parts]


def _write_row(lines: list[str], block: list[int], out: list[str], ruled: bool) -> None:
    """One drawn row: its lines joined cell by cell where the table rules its rows and the lines agree
    in shape (a wrapped cell), else kept line by line (a table ruled only under its header)."""
    rows = [_cells(lines[i]) for i in block]
    if ruled and len({len(r) for r in rows}) == 1:
        joined = ["".join(r[k] for r in rows) for k in range(len(rows[0]))]
        out[block[0]] = " | ".join(joined) + " |"
        for i in block[1:]:
            out[i] = ""
        return
    for i, cells in zip(block, rows, strict=True):
        out[i] = " | ".join(cells) + " |"
