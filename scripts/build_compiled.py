"""Build the optional compiled reader in place with mypyc: `make compiled` (`--clean` removes it).

The modules below are the text reader's hot stages (profile: `docs/scale.md`, reading speed). mypyc
turns each into a C extension written next to its ``.py``; Python then imports the extension instead
of the source, so nothing else changes. ``JIXIAO_PURE=1`` forces the sources (`jixiao/__init__.py`),
and without a build the sources are all there is: the compiled build is an option, never a need.
Needs a C compiler and the Python headers (gcc and python3-dev on Debian).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
GROUP = "jixiao_compiled"  # the shared runtime library: src/jixiao_compiled__mypyc.*.so

READERS = [
    *("brackets", "cells", "labelwraps", "columns", "cost_lines", "damage", "furniture", "grid", "head"),
    "head_parts",
    *("indented", "labels", "listform", "notice", "owntree", "prose", "regionruns", "roles", "runs"),
    *("runtogether", "sections", "stacked", "stream", "text", "textforms", "totals", "weighttails"),
    *("task_totals", "valuetails", "yearfunds", "outline", "namecells", "yearcolumns", "levelfunds"),
    *("columnwise", "columnwise_line", "head_facts", "goalgroups", "headerrows", "coverlines"),
    # the row stages between the cut and the grid, and the cut's own helpers (perf14, docs/scale.md)
    *("splitlabels", "joinedlevels", "repeatedheaders", "rowspans", "templaterows", "subheader"),
    *("cellwraps", "flatpdf"),
]
# The text path of jixiao.readers and the value grammar it calls, as module paths under src/.
MODULES = [
    "jixiao/value_units.py",
    "jixiao/value_words.py",
    "jixiao/value_dates.py",
    "jixiao/value_text.py",
    "jixiao/values.py",
    *(f"jixiao/readers/{name}.py" for name in READERS),
]


def built_files() -> list[Path]:
    """The extension files a build left in src/ (the modules' and the shared runtime's)."""
    found = [SRC / path for path in MODULES]
    return [
        *(p for module in found for p in module.parent.glob(f"{module.stem}.*.so")),
        *SRC.glob(f"{GROUP}__mypyc.*.so"),
    ]


def clean() -> None:
    """Remove a build: the sources run again."""
    for path in built_files():
        path.unlink()


def build() -> None:
    """Compile MODULES with mypyc and write each extension beside its source."""
    from mypyc.build import mypycify
    from setuptools import setup

    clean()
    os.chdir(SRC)  # mypy names the modules from here; build_ext --inplace writes next to each source
    with tempfile.TemporaryDirectory(prefix="jixiao-mypyc-") as work:
        extensions = mypycify(
            [*MODULES, "--config-file", str(SRC.parent / "pyproject.toml")],
            group_name=GROUP,
            target_dir=str(Path(work) / "c"),
            opt_level="3",
        )
        setup(
            name="jixiao-compiled",
            ext_modules=extensions,
            script_args=["build_ext", "--inplace", "--build-temp", str(Path(work) / "temp"), "-j", "2"],
        )
    shutil.rmtree(SRC / "build", ignore_errors=True)
    print(f"compiled {len(MODULES)} modules: {len(built_files())} extension files in {SRC}")


def main(argv: list[str]) -> int:
    """`build_compiled.py` builds; `build_compiled.py --clean` removes the build."""
    if argv[:1] == ["--clean"]:
        clean()
        return 0
    build()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
