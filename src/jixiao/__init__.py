"""jixiao (绩效): read, review, score and publish Chinese 项目绩效目标表."""

import os
import sys
from collections.abc import Sequence
from importlib.machinery import SOURCE_SUFFIXES, FileFinder, ModuleSpec, SourceFileLoader
from types import ModuleType

__version__ = "0.1.0"


class _SourcesOnly:
    """Imports jixiao's modules from their ``.py`` sources, past any compiled extension beside them.

    The text reader's hot stages may be compiled in place with mypyc (`scripts/build_compiled.py`);
    Python then prefers the extension. ``JIXIAO_PURE=1`` puts this finder first, so the same process
    runs the pure-Python reader (the fallback whose output the compiled one must match byte for byte).
    """

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None, /
    ) -> ModuleSpec | None:
        if not name.startswith("jixiao.") or not path:
            return None
        for folder in path:
            spec = FileFinder(folder, (SourceFileLoader, SOURCE_SUFFIXES)).find_spec(name)
            if spec is not None:
                return spec
        return None


def compiled_modules() -> list[str]:
    """The jixiao modules loaded so far from a compiled extension (empty when all run as Python)."""
    return sorted(
        name
        for name, module in list(sys.modules.items())
        if name.startswith("jixiao.") and str(getattr(module, "__file__", "")).endswith((".so", ".pyd"))
    )


if os.environ.get("JIXIAO_PURE") == "1":
    sys.meta_path.insert(0, _SourcesOnly())
