"""Repeated measurements and what the report says about them."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from typing import Any


def series(values: Iterable[float], digits: int = 3) -> dict[str, Any]:
    """Every run, in order, and their median (the figure the targets use)."""
    runs = [round(value, digits) for value in values]
    return {"runs": runs, "median": round(statistics.median(runs), digits) if runs else None}


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return round(numerator / denominator, 4)
