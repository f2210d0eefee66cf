"""Collects benchmark figures, prints them, and writes benchmarks/out/results.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class Report:
    def __init__(self) -> None:
        self.results: dict[str, dict[str, Any]] = {}
        self._area = ""

    def section(self, area: str) -> None:
        self._area = area
        self.results.setdefault(area, {})
        print(f"\n== {area}")

    def line(self, text: str) -> None:
        print(f"   {text}")

    def figure(self, name: str, value: float, unit: str = "", target: str = "") -> None:
        self.results[self._area][name] = {"value": value, "unit": unit, "target": target}
        tail = f"  (target {target})" if target else ""
        print(f"   {name}: {value:,.3f} {unit}{tail}")

    def write_json(self) -> None:
        out = Path(__file__).parent / "out"
        out.mkdir(exist_ok=True)
        (out / "results.json").write_text(json.dumps(self.results, indent=2, ensure_ascii=False))
