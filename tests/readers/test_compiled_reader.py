"""The optional compiled reader (mypyc, `make compiled`) reads the whole corpus exactly as the pure one.

Both runs go through `tests.readers.corpus_dump` in a fresh interpreter: one as installed (compiled
extensions when built), one with ``JIXIAO_PURE=1``; their JSON must agree byte for byte.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent


def _dump(pure: bool) -> tuple[list[str], bytes]:
    """The modules that ran compiled, and the corpus as read (one JSON line per document)."""
    env = {key: value for key, value in os.environ.items() if key != "JIXIAO_PURE"}
    if pure:
        env["JIXIAO_PURE"] = "1"
    done = subprocess.run(
        [sys.executable, "-m", "tests.readers.corpus_dump"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=300,
        check=True,
    )
    first, _, rest = done.stdout.partition(b"\n")
    return json.loads(first), rest


def test_pure_switch_loads_no_extension() -> None:
    compiled, read = _dump(pure=True)
    assert compiled == []
    assert read.count(b"\n") > 200  # every corpus document gave its line


def test_compiled_reader_reads_the_corpus_byte_for_byte_as_the_pure_one() -> None:
    compiled, read_compiled = _dump(pure=False)
    if not compiled:
        pytest.skip("没有编译版读取器（mypyc 扩展未构建）：先 `make compiled`；纯 Python 版由其余测试覆盖")
    assert "jixiao.readers.grid" in compiled and "jixiao.values" in compiled
    stale = [
        str(source.relative_to(ROOT))
        for extension in (ROOT / "src" / "jixiao").rglob("*.so")
        if (source := extension.with_name(extension.name.split(".")[0] + ".py")).stat().st_mtime
        > extension.stat().st_mtime
    ]
    assert stale == [], f"编译版比源文件旧，运行的不是当前代码：重新 `make compiled`（{stale}）"
    _, read_pure = _dump(pure=True)
    assert read_compiled.splitlines() == read_pure.splitlines()
    assert read_compiled == read_pure
