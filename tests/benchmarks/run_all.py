"""Every benchmark, one after the other: ``make bench``."""

from __future__ import annotations

import importlib

BENCHMARKS = [
    "tests.benchmarks.ingest_bench",
    "tests.benchmarks.delivery_bench",
    "tests.benchmarks.pg_bench",
]


def main() -> None:
    for name in BENCHMARKS:
        print(f"\n### {name}")
        importlib.import_module(name).main()


if __name__ == "__main__":
    main()
