"""A large, varied corpus built from the seed, for benchmarks: `build_corpus(n)`.

Each table of the seed is repeated with a renamed project, changed quantities, and one of the three
layouts (tabs, ``|`` cells, one cell per line) in turn, so the readers see what real batches look like.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jixiao.model import Table
from jixiao.readers.text import read_text

SEED = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "dongguan_fulian_2025.txt"
LAYOUTS = ("tabs", "pipes", "lines")
_COUNT = re.compile(r"(?<![\d.,])(\d{1,5})(个|场|宗|人|户|次|期)")


@dataclass(frozen=True)
class Corpus:
    """The corpus as one text per layout, and how many tables each holds."""

    texts: dict[str, str]
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def seed_blocks() -> list[str]:
    """The seed cut into one text block per table (title line included)."""
    text = SEED.read_text(encoding="utf-8")
    parts = text.split("\n项目绩效目标表\n")
    return ["项目绩效目标表\n" + part for part in parts[1:]]


def vary(block: str, k: int) -> str:
    """Rename the project and change the quantities of one table block, deterministically."""
    lines = block.split("\n")
    out = []
    in_tree = False
    for line in lines:
        if line.startswith("项目名称"):
            cells = line.split("\t")
            for i, cell in enumerate(cells[1:], start=1):
                if cell:
                    cells[i] = f"{cell}（批次{k}）"
                    break
            line = "\t".join(cells)
        elif line.startswith("绩效指标"):
            in_tree = True
        elif in_tree:
            line = _COUNT.sub(lambda m: f"{int(m.group(1)) * (1 + k % 5)}{m.group(2)}", line)
        out.append(line)
    return "\n".join(out)


def in_layout(block: str, layout: str) -> str:
    if layout == "pipes":
        rows = block.split("\n")
        return "\n".join("| " + " | ".join(row.split("\t")) + " |" if row.strip() else row for row in rows)
    if layout == "lines":
        return "\n".join(cell for row in block.split("\n") for cell in row.split("\t") if cell.strip())
    return block


@cache
def build_corpus(n: int = 10_000) -> Corpus:
    blocks = seed_blocks()
    parts: dict[str, list[str]] = {layout: [] for layout in LAYOUTS}
    for k in range(n):
        layout = LAYOUTS[k % len(LAYOUTS)]
        parts[layout].append(in_layout(vary(blocks[k % len(blocks)], k), layout))
    return Corpus(
        texts={layout: "\n\n".join(p) + "\n" for layout, p in parts.items()},
        counts={layout: len(p) for layout, p in parts.items()},
    )


@cache
def corpus_tables(n: int = 10_000) -> tuple[Table, ...]:
    """The corpus read into tables (for benchmarks of the stages after reading)."""
    corpus = build_corpus(n)
    tables: list[Table] = []
    for text in corpus.texts.values():
        tables.extend(read_text(text, "corpus.txt")[0])
    return tuple(tables)
