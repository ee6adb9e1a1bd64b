"""Benchmarks: `make bench` runs every bench_*.py module here and prints one table.

Each module defines `run() -> list[Row]`. Figures are measured, never asserted: the suite's tests
check behaviour, this table shows speed beside the goals the issues set.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    area: str  # "barcodes", "backend", "sync", ...
    name: str  # what was measured
    value: float
    unit: str  # "scans/s", "ms", "MB"
    goal: str = ""  # the goal, as text: "> 100000", "< 20"
    note: str = ""  # how it was measured, sample size, floor

    def met(self) -> str:
        """'yes', 'NO' or '' where no goal is set; goals are '< N' or '> N'."""
        if not self.goal:
            return ""
        op, _, num = self.goal.partition(" ")
        target = float(num)
        ok = self.value < target if op == "<" else self.value > target
        return "yes" if ok else "NO"


def peak_rss_mb() -> float:
    """This process's own peak resident memory in MB.

    Reads VmHWM, which starts afresh with each exec. getrusage's ru_maxrss is kept across exec on
    Linux, so a benchmark child started from a big parent would report the parent's size.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
