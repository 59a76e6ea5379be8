"""Tiny benchmark harness: every figure is compared with a floor measured in the same run.

A module ``benchmarks/bench_<room>.py`` defines ``figures() -> Iterator[Figure]``; ``python -m benchmarks``
runs them all (or ``python -m benchmarks NAME …`` only those modules) and prints one JSON object per line:
``{"name", "unit", "value", "floor", "ratio", "target_ratio"}``.  ``ratio = value / floor`` for
times (lower is better); a figure may also carry ``"target"`` (an absolute bound, e.g. ms) and ``"ok"``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Figure:
    name: str
    unit: str
    value: float
    floor: float
    target_ratio: float
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float:
        return self.value / self.floor if self.floor else float("inf")

    def as_json(self) -> str:
        data: dict[str, Any] = {
            "name": self.name,
            "unit": self.unit,
            "value": round(self.value, 4),
            "floor": round(self.floor, 4),
            "ratio": round(self.ratio, 3),
            "target_ratio": self.target_ratio,
        }
        data.update(self.extra)
        data["ok"] = self.ratio <= self.target_ratio and all(
            v for k, v in self.extra.items() if k.endswith("_ok")
        )
        return json.dumps(data, ensure_ascii=False)


def best_of(fn: Callable[[], object], repeat: int = 5, number: int = 1) -> float:
    """Best wall time in seconds of ``number`` calls of ``fn``, over ``repeat`` tries, per call."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - start) / number)
    return best
