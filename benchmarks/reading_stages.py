"""Where the text reader's time and objects go, stage by stage: `python -m benchmarks.reading_stages [N]`.

The reader is a chain of generators (`readers.text.read_text`): cut the text into rows
(`textforms.text_rows`), the row stages (wrapped categories, template notes, labels around values,
joined levels, split value columns), the tree forms (`outline.without_outline_numbers`), the cut into
one run of rows per table (`cells.segments`), then one `grid._SegmentReader` per table. Each line printed
is one layout of the benchmark corpus (`benchmarks.corpus`, N tables in all) read up to a stage: CPU
seconds (best of three, `time.process_time`) and what that stage adds over the one before; then the
objects the rows hold (`sys.getallocatedblocks` over the materialised rows, per row), and how many
rows and lines there are. Nothing here changes what is read: it calls the reader's own stages in the
order `read_text` does for these texts (checked: the last stage gives the same tables as `read_text`).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import partial

from benchmarks.bench_reading import best_cpu
from benchmarks.corpus import build_corpus
from jixiao.formats.table_json import table_to_dict
from jixiao.model import Diagnostic
from jixiao.readers.cells import Row, segments
from jixiao.readers.columns import Weights, fold_columns
from jixiao.readers.furniture import join_wrapped_categories
from jixiao.readers.grid import read_rows
from jixiao.readers.outline import without_outline_numbers
from jixiao.readers.rowspans import restore_spanned_cells
from jixiao.readers.splitlabels import labels_around_values
from jixiao.readers.text import read_text
from jixiao.readers.textforms import text_rows, without_template_notes

FILE = "corpus.txt"


def _row_stages(text: str) -> Iterator[Row]:
    """The rows as `read_text` hands them to `fold_columns` for the benchmark's texts."""
    rows: Iterable[Row] = join_wrapped_categories(text_rows(text, FILE, []))
    if "|" in text[:20000]:
        rows = restore_spanned_cells(rows)
    if "填" in text:
        rows = without_template_notes(rows)
    if "金额" in text or "资金" in text:
        rows = labels_around_values(rows)
    return iter(rows)


def _folded(text: str) -> Iterator[Row]:
    diagnostics: list[Diagnostic] = []
    return fold_columns(_row_stages(text), Weights(), diagnostics)


STAGES: dict[str, Callable[[str], object]] = {
    "splitlines": lambda text: text.splitlines(),
    "text_rows (cut into rows)": lambda text: list(text_rows(text, FILE, [])),
    "+ row stages (wrapped, notes, labels)": lambda text: list(_row_stages(text)),
    "+ fold_columns (joined levels, split values)": lambda text: list(_folded(text)),
    "+ without_outline_numbers": lambda text: list(without_outline_numbers(_folded(text))),
    "+ segments (one run per table)": lambda text: list(segments(without_outline_numbers(_folded(text)))),
    "+ grid (one _SegmentReader per table)": lambda text: read_rows(_folded(text), FILE),
    "read_text (all of it)": lambda text: read_text(text, FILE),
}


def blocks_per_row(make: Callable[[], list[Row]]) -> tuple[int, float]:
    """How many rows, and the memory blocks (objects, tuples, strings) they hold per row."""
    gc.collect()
    before = sys.getallocatedblocks()
    rows = make()
    held = sys.getallocatedblocks() - before
    return len(rows), held / max(len(rows), 1)


def _cut(text: str) -> list[Row]:
    return list(text_rows(text, FILE, []))


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv else 3000
    corpus = build_corpus(n)
    for layout, text in corpus.texts.items():
        tables, _ = read_text(text, FILE)
        staged, _ = read_rows(_folded(text), FILE)
        assert [table_to_dict(t) for t in staged] == [table_to_dict(t) for t in tables], layout
        count = corpus.counts[layout]
        print(f"{layout}: {count} tables, {len(text.splitlines())} lines, {len(text)} characters")
        previous = 0.0
        for name, stage in STAGES.items():
            seconds = best_cpu(3, partial(stage, text))
            added = seconds - previous if name != "read_text (all of it)" else 0.0
            print(f"  {name:48} {seconds * 1e6 / count:8.1f} µs/table  (+{added * 1e6 / count:6.1f})")
            previous = seconds
        rows, per_row = blocks_per_row(partial(_cut, text))
        print(f"  rows cut: {rows} ({rows / count:.1f} per table), {per_row:.1f} memory blocks held per row")
        cells = sum(len(row.cells) for run in segments(without_outline_numbers(_folded(text))) for row in run)
        print(f"  cells reaching the grid: {cells / count:.1f} per table (one Cell tuple each when filled)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
